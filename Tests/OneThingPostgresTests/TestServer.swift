import Foundation
import Logging
import OneThingEvents
import OneThingPostgres
import PostgresNIO
import Testing

/// The PostgreSQL server the tests use: `ONETHING_TEST_POSTGRES_URL`, which CI always
/// sets (`.ci/run` starts a throwaway cluster with `scripts/postgres-cluster.sh`).
/// Each test gets a schema of its own, dropped afterwards, so runs never meet.
enum TestServer {
    /// The server's URL, when one is given.
    static let url = ProcessInfo.processInfo.environment["ONETHING_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// Why the tests that need a server are skipped when none is given.
    static let notGiven: Comment =
        "ONETHING_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against (start one with `eval \"$(scripts/postgres-cluster.sh start)\"`; CI always does)"

    /// Whether a server is given.
    static var isGiven: Bool { url != nil }

    /// The address of the server with a new schema name.
    static func freshAddress() throws -> PostgresStoreAddress {
        guard let url else { throw StoreError(.unavailable, "ONETHING_TEST_POSTGRES_URL is not set") }
        var address = try PostgresStoreAddress(url: url)
        address.schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return address
    }

    /// Calls `body` with the address of a new schema, then drops the schema.
    static func withSchema<T>(_ body: (PostgresStoreAddress) async throws -> T) async throws -> T {
        let address = try freshAddress()
        do {
            let result = try await body(address)
            try await drop(address)
            return result
        } catch {
            try? await drop(address)
            throw error
        }
    }

    /// Calls `body` with a store on a new schema, then closes it and drops the schema.
    static func withStore<T>(_ body: (PostgresEventStore) async throws -> T) async throws -> T {
        try await withSchema { address in
            let store = try await PostgresEventStore(address: address)
            do {
                let result = try await body(store)
                await store.close()
                return result
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// Runs `sql` on the server, in the schema of `address`, and returns the first
    /// column of each row as text.
    static func query(_ sql: String, at address: PostgresStoreAddress) async throws -> [String] {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.username, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.additionalStartupParameters = [("search_path", address.schema)]
        let logger = Logger(label: "onething.postgres.tests")
        let connection = try await PostgresConnection.connect(
            configuration: configuration, id: 1, logger: logger)
        do {
            var values: [String] = []
            for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                .decode(String?.self)
            {
                values.append(value ?? "NULL")
            }
            try await connection.close()
            return values
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Drops the schema of `address` and everything in it.
    static func drop(_ address: PostgresStoreAddress) async throws {
        _ = try await query("DROP SCHEMA IF EXISTS \"\(address.schema)\" CASCADE", at: address)
    }
}
