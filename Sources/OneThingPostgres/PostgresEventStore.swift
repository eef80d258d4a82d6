import Foundation
import Logging
import NIOCore
import OneThingEvents
import PostgresNIO
import Synchronization

/// The event store of a province: one PostgreSQL database that several runtimes share,
/// through postgres-nio's connection pool.
///
/// ```swift
/// let store = try await PostgresEventStore(url: "postgres://onething:secret@db:5432/onething")
/// let id = try await store.newCaseID(acceptedOn: today)
/// try await store.saveBlueprint(blueprint)
/// try await store.append(events)
/// // …
/// await store.close()
/// ```
///
/// It keeps the contract of every store (``EventStore``, checked by
/// `OneThingStoreContract`) as the SQLite store does: each ``append(_:)`` is one
/// transaction that writes the events and the summaries of their cases
/// (``CaseProjection``) together or not at all, folded by the rule every store follows
/// (``AppendBatch``). A case's summary is written only if it still counts the events
/// the store folded (a compare-and-set on the case's sequence number), and a new case
/// only if no one stored it first; so of two writers of one case, in one process or in
/// two instances, one wins and the other gets a ``StoreError/Kind/conflict`` and
/// nothing of its batch is written. Case ids come from a counter row per day, taken
/// and raised in one statement, so no two callers anywhere get the same id.
///
/// The tables live in a schema of their own (``PostgresStoreAddress/schema``), made and
/// upgraded by numbered migrations when the store opens (``PostgresSchema``). Opening
/// connects once with a timeout first, so a wrong address, a refused connection or a
/// bad password is an error that names the server, never a wait.
public final class PostgresEventStore: EventStore {
    /// How the store connects.
    public struct Options: Sendable {
        /// How long opening waits for the server to answer and the tables to be ready.
        public var connectTimeout: Duration = .seconds(5)
        /// The most connections the store opens at once.
        public var maximumConnections = 20
        /// Where postgres-nio logs (nothing below errors by default).
        public var logger: Logger
        /// The name of the runtime instance this store handle writes for (``CaseHolding``):
        /// unique among the instances sharing the database. By default the host's name,
        /// the process id and a random suffix.
        public var instance: String

        /// The defaults: a 5-second connect timeout, 20 connections.
        public init() {
            var logger = Logger(label: "onething.postgres")
            logger.logLevel = .critical
            self.logger = logger
            self.instance = Self.defaultInstance()
        }

        /// A name no other process is likely to have: host, process id, random suffix.
        public static func defaultInstance() -> String {
            let host = ProcessInfo.processInfo.hostName.filter { $0 != "\t" }
            let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            return "\(host):\(ProcessInfo.processInfo.processIdentifier):\(suffix)"
        }
    }

    /// Where the store lives.
    public let address: PostgresStoreAddress
    /// The runtime instance this store handle writes for: it holds every case it writes.
    public let instance: String
    let client: PostgresClient
    let logger: Logger
    let memory: Mutex<PostgresStoreMemory>
    private let running: Task<Void, Never>

    /// Opens the store at the PostgreSQL URL `url`
    /// (`postgres://USER:PASSWORD@HOST:PORT/DATABASE[?schema=NAME]`).
    ///
    /// - Throws: ``StoreError``, as ``init(address:options:)``, and for a URL that
    ///   cannot be read.
    public convenience init(url: String, options: Options = Options()) async throws(StoreError) {
        try await self.init(address: PostgresStoreAddress(url: url), options: options)
    }

    /// Opens the store at `address`: connects (within the connect timeout), makes the
    /// schema and runs the migrations it lacks, and makes the partitions of this month
    /// and the next two.
    ///
    /// - Throws: ``StoreError``: ``StoreError/Kind/unavailable`` when the server does not
    ///   answer in time, refuses the connection or the password, or has no such
    ///   database (the message names the host, port and database, never the password);
    ///   ``StoreError/Kind/incompatible`` for a schema a later version wrote or that
    ///   holds other tables.
    public init(address: PostgresStoreAddress, options: Options = Options()) async throws(StoreError) {
        var options = options
        // A tab separates the fields of a holding notice.
        options.instance = options.instance.filter { $0 != "\t" }
        self.address = address
        self.instance = options.instance
        self.logger = options.logger
        let months = try await PostgresMigration.prepare(address, options: options)
        self.memory = Mutex(PostgresStoreMemory(months: months))
        var configuration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.username, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.connectTimeout = options.connectTimeout
        configuration.options.maximumConnections = options.maximumConnections
        configuration.options.additionalStartupParameters = [("search_path", address.schema)]
        let client = PostgresClient(configuration: configuration, backgroundLogger: options.logger)
        self.client = client
        self.running = Task { await client.run() }
    }

    /// Closes the store's connections; calls after it fail.
    public func close() async {
        running.cancel()
        await running.value
    }

    deinit { running.cancel() }

    /// Runs `body` on a connection of the pool, mapping its errors to ``StoreError``.
    func withConnection<T: Sendable>(
        _ action: String, _ body: (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw .postgres(error, address: address, doing: action)
        }
    }

    /// Appends events of one or more cases in one transaction, and returns once it has
    /// committed.
    ///
    /// - Throws: ``StoreError``, and nothing is written: ``StoreError/Kind/conflict``
    ///   when another writer appended to a case first or started it first,
    ///   ``StoreError/Kind/refused`` when the events do not fit (``AppendBatch``),
    ///   ``StoreError/Kind/unavailable`` when the server cannot be reached.
    public func append(_ events: [CaseEvent]) async throws(StoreError) {
        guard !events.isEmpty else { return }
        try await PostgresAppend(store: self, events: events).run()
    }

    /// Keeps a blueprint under its fingerprint, once: saving it again changes nothing.
    public func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError) {
        let fingerprint = blueprint.fingerprint
        if memory.withLock({ $0.blueprints[fingerprint] != nil }) { return }
        let json: String
        do {
            json = try blueprint.storedJSON()
        } catch {
            throw StoreError(.refused, "\(address): \(error)")
        }
        try await withConnection("saving blueprint \(fingerprint)") { [logger] connection in
            _ = try await connection.query(
                """
                INSERT INTO blueprints (fingerprint, json) VALUES (\(fingerprint), \(json))
                ON CONFLICT (fingerprint) DO NOTHING
                """, logger: logger
            ).collect()
        }
        memory.withLock { $0.blueprints[fingerprint] = blueprint }
    }

    /// The blueprint with this fingerprint, `nil` if it was never saved.
    public func blueprint(_ fingerprint: String) async throws(StoreError) -> CaseBlueprint? {
        if let known = memory.withLock({ $0.blueprints[fingerprint] }) { return known }
        let stored = try await withConnection("reading blueprint \(fingerprint)") {
            [address, logger] connection in
            try await PostgresRows.blueprint(fingerprint, on: connection, address: address, logger: logger)
        }
        if let stored { memory.withLock { $0.blueprints[fingerprint] = stored } }
        return stored
    }

    /// Every event of case `id`, in order; none for a case the store does not have.
    ///
    /// - Throws: ``StoreError`` of kind ``StoreError/Kind/corrupt`` naming the case and
    ///   the event when a stored event does not match its digest or is missing.
    public func events(of id: CaseID) async throws(StoreError) -> [CaseEvent] {
        try await withConnection("reading the events of case \(id)") { [address, logger] connection in
            guard
                let (summary, stored) = try await PostgresRows.stored(
                    id, on: connection, address: address, logger: logger)
            else { return [] }
            return try await PostgresRows.events(
                of: id, month: stored.month, expected: summary.events, on: connection, address: address,
                logger: logger)
        }
    }

    /// The cases `query` asks for, in the order they were stored.
    public func cases(_ query: CaseQuery) async throws(StoreError) -> [CaseSummary] {
        if let limit = query.limit, limit <= 0 { return [] }
        let statement = PostgresCaseQuery(query).statement
        return try await withConnection("querying cases") { [address, logger] connection in
            var summaries: [CaseSummary] = []
            for try await row in try await connection.query(statement, logger: logger) {
                summaries.append(try PostgresRows.summary(row, address: address).0)
            }
            return summaries
        }
    }

    /// A new case id for a case accepted on `date`: the day's counter row is raised
    /// and read in one statement, which PostgreSQL runs for one caller at a time per
    /// day, so no two callers, in any instance, get the same id.
    public func newCaseID(acceptedOn date: CalendarDate) async throws(StoreError) -> CaseID {
        let number = try await withConnection("numbering a case accepted on \(date)") {
            [logger] connection in
            let rows = try await connection.query(
                """
                INSERT INTO case_numbers AS n (day, last) VALUES (\(date.description)::date, 1)
                ON CONFLICT (day) DO UPDATE SET last = n.last + 1 RETURNING last
                """, logger: logger)
            for try await last in rows.decode(Int32.self) { return Int(last) }
            return 0
        }
        guard number > 0 else {
            throw StoreError(
                .unavailable, "\(address): numbering a case accepted on \(date) returned no number")
        }
        return CaseIDFormat.make(acceptedOn: date, number: number)
    }

    /// The metadata value under `key`, if any.
    public func metadata(_ key: String) async throws(StoreError) -> String? {
        try await withConnection("reading metadata '\(key)'") { [logger] connection in
            let rows = try await connection.query(
                "SELECT value FROM metadata WHERE key = \(key)", logger: logger)
            for try await value in rows.decode(String.self) { return value }
            return nil
        }
    }

    /// Keeps `value` under `key`, replacing what was there.
    public func setMetadata(_ value: String, for key: String) async throws(StoreError) {
        try await withConnection("writing metadata '\(key)'") { [logger] connection in
            _ = try await connection.query(
                """
                INSERT INTO metadata (key, value) VALUES (\(key), \(value))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, logger: logger
            ).collect()
        }
    }
}
