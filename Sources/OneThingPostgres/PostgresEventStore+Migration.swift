import OneThingEvents
import PostgresNIO

extension PostgresEventStore {
    /// What ``migrate(address:options:)`` did.
    public struct MigrationReport: Sendable, Hashable {
        /// The schema version the store had (0 for a schema that held no store).
        public var fromVersion: Int
        /// The schema version it has now.
        public var toVersion: Int
        /// The number of cases the store holds.
        public var cases: Int
        /// The number of events the store holds.
        public var events: Int

        /// Whether a migration ran (`false` when the store was current).
        public var migrated: Bool { fromVersion != toVersion }
    }

    /// Makes the store's schema at `address` current: runs the migrations it lacks,
    /// each once, under an advisory lock (as opening a store does); a current store is
    /// left as it is. `onething migrate --db postgres://…` runs it.
    ///
    /// - Throws: ``StoreError``, as opening a store.
    public static func migrate(address: PostgresStoreAddress, options: Options = Options())
        async throws(StoreError) -> MigrationReport
    {
        let outcome = try await PostgresMigration.run(address, options: options)
        let store = try await PostgresEventStore(address: address, options: options)
        let logger = options.logger
        do throws(StoreError) {
            let counts = try await store.withConnection("counting the cases") { connection in
                try await connection.query(
                    "SELECT (SELECT count(*) FROM cases)::int8, (SELECT count(*) FROM events)::int8",
                    logger: logger
                ).decode((Int64, Int64).self).collected().first ?? (Int64(0), Int64(0))
            }
            await store.close()
            return MigrationReport(
                fromVersion: outcome.fromVersion, toVersion: PostgresSchema.version, cases: Int(counts.0),
                events: Int(counts.1))
        } catch {
            await store.close()
            throw error
        }
    }
}
