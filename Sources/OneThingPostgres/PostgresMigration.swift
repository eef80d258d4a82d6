import Logging
import NIOCore
import OneThingEvents
import PostgresNIO

/// Opening a store: one connection made within the connect timeout, the schema and the
/// migrations it lacks (``PostgresSchema``), the check of the event format, and the
/// partitions of this month and the next two.
enum PostgresMigration {
    /// What ``prepare(_:options:)`` found and did.
    struct Outcome: Sendable {
        /// The schema version before.
        var fromVersion: Int
        /// The months whose partition exists now.
        var months: Set<CalendarDate>
    }

    /// Prepares the store at `address` and returns the months whose partition exists.
    static func prepare(_ address: PostgresStoreAddress, options: PostgresEventStore.Options)
        async throws(StoreError) -> Set<CalendarDate>
    {
        try await run(address, options: options).months
    }

    /// Connects, migrates and makes partitions; the connection is closed after.
    static func run(_ address: PostgresStoreAddress, options: PostgresEventStore.Options)
        async throws(StoreError) -> Outcome
    {
        let connection = try await connect(address, options: options)
        let outcome: Outcome
        do {
            outcome = try await migrate(address, on: connection, logger: options.logger)
            try await PostgresHolding.register(options.instance, on: connection, logger: options.logger)
        } catch {
            await close(connection, logger: options.logger)
            throw .postgres(error, address: address, doing: "preparing the event store")
        }
        await close(connection, logger: options.logger)
        return outcome
    }

    /// Closes the connection of the preparation; a failure to close it (the server gone
    /// meanwhile) changes nothing for the store and is only logged.
    static func close(_ connection: PostgresConnection, logger: Logger) async {
        do {
            try await connection.close()
        } catch {
            logger.debug("closing the preparing connection failed: \(error)")
        }
    }

    /// One connection to `address`, logged in, within the connect timeout.
    static func connect(_ address: PostgresStoreAddress, options: PostgresEventStore.Options)
        async throws(StoreError) -> PostgresConnection
    {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.username, password: address.password,
            database: address.database, tls: .disable)
        let timeout = options.connectTimeout
        configuration.options.connectTimeout = .nanoseconds(
            timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        configuration.options.additionalStartupParameters = [("search_path", address.schema)]
        let logger = options.logger
        let settings = configuration
        do {
            // The connect timeout covers the TCP connection; a server that accepts it but
            // never answers the start-up is cut off by this deadline too.
            return try await withThrowingTaskGroup(of: PostgresConnection?.self) { group in
                group.addTask {
                    try await PostgresConnection.connect(configuration: settings, id: 1, logger: logger)
                }
                group.addTask {
                    try await Task.sleep(for: timeout * 2)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let connection = first else {
                    throw StoreError(
                        .unavailable,
                        "\(address): connecting failed: no answer within \(timeout * 2) (is it a PostgreSQL server?)"
                    )
                }
                return connection
            }
        } catch {
            throw .postgres(error, address: address, doing: "connecting")
        }
    }

    /// Makes the schema and runs the migrations it lacks, in one transaction under an
    /// advisory lock, then checks the event format and makes the coming partitions.
    static func migrate(_ address: PostgresStoreAddress, on connection: PostgresConnection, logger: Logger)
        async throws -> Outcome
    {
        let schema = address.schema
        let from = try await connection.withTransaction(logger: logger) { connection in
            _ = try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtext(\("onething migrations " + schema)))", logger: logger
            ).collect()
            _ = try await connection.query(
                PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\""), logger: logger
            ).collect()
            let ours =
                try await connection.query(
                    "SELECT to_regclass(\("\"\(schema)\".schema_migrations")) IS NOT NULL", logger: logger
                ).decode(Bool.self).collected().first ?? false
            if !ours {
                let tables = try await connection.query(
                    "SELECT tablename FROM pg_tables WHERE schemaname = \(schema) ORDER BY tablename",
                    logger: logger
                ).decode(String.self).collected()
                guard tables.isEmpty else {
                    throw StoreError(
                        .incompatible,
                        "\(address): the schema \(schema) holds tables that are not a OneThing event store ("
                            + tables.joined(separator: ", ") + "); name another schema with ?schema=NAME")
                }
                _ = try await connection.query(
                    PostgresQuery(unsafeSQL: PostgresSchema.migrationsTable), logger: logger
                )
                .collect()
            }
            let applied =
                try await connection.query(
                    "SELECT coalesce(max(version), 0) FROM schema_migrations", logger: logger
                ).decode(Int32.self).collected().first.map(Int.init) ?? 0
            guard applied <= PostgresSchema.version else {
                throw StoreError(
                    .incompatible,
                    "\(address) was written by a later version of OneThing (store schema \(applied); this version"
                        + " reads schema \(PostgresSchema.version)); open it with that version")
            }
            for migration in PostgresSchema.migrations where migration.version > applied {
                for statement in migration.statements {
                    _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        .collect()
                }
                _ = try await connection.query(
                    """
                    INSERT INTO schema_migrations (version, name) VALUES (\(Int32(migration.version)), \(migration.name))
                    """, logger: logger
                ).collect()
            }
            // Payloads of an earlier format this version reads as they are: only the
            // number is raised (EventCodec.formatsReadable).
            let earliest = Int32(EventCodec.formatsReadable.lowerBound)
            let current = Int32(EventCodec.formatVersion)
            _ = try await connection.query(
                """
                UPDATE store_format SET value = \(current)
                WHERE name = 'event-format' AND value >= \(earliest) AND value < \(current)
                """, logger: logger
            ).collect()
            return applied
        }
        let eventFormat = try await connection.query(
            "SELECT value FROM store_format WHERE name = 'event-format'", logger: logger
        ).decode(Int32.self).collected().first.map(Int.init)
        guard eventFormat == EventCodec.formatVersion else {
            throw StoreError(
                .incompatible,
                "\(address): its format table names event format \(eventFormat.map(String.init) ?? "none"),"
                    + " which this version does not read (format \(EventCodec.formatVersion))")
        }
        var months = Set<CalendarDate>()
        var month = Timestamp.now.chinaDate.firstOfMonth
        for _ in 0..<3 {
            try await PostgresRows.ensurePartition(month, on: connection, logger: logger)
            months.insert(month)
            month = month.adding(months: 1)
        }
        return Outcome(fromVersion: from, months: months)
    }
}
