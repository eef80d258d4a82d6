import GRDB
import OneThingEvents

extension SQLiteEventStore {
    /// What ``migrate(path:legacy:)`` did.
    public struct MigrationReport: Sendable, Hashable {
        /// The schema version the file had.
        public var fromVersion: Int
        /// The schema version it has now.
        public var toVersion: Int
        /// The copy of the old file, when one was kept (`<path>.v1-backup`).
        public var backupPath: String?
        /// The number of cases the file holds now.
        public var cases: Int
        /// The number of events the file holds now.
        public var events: Int

        /// Whether the file was converted (`false` when it was already current).
        public var converted: Bool { fromVersion != toVersion }
    }

    /// Converts the store at `path` to the current format, in one transaction, after
    /// keeping a copy of the old file beside it (`<path>.v1-backup`); a file that is
    /// current already is left as it is. `onething migrate --db PATH` runs it.
    ///
    /// - Throws: ``StoreError``: ``StoreError/Kind/incompatible`` when the calendar does
    ///   not cover a day the cases reach or the file was written by a later version,
    ///   ``StoreError/Kind/corrupt`` when a value of the old file cannot be converted
    ///   (nothing is changed then), and the errors of opening a store.
    public static func migrate(path: String, legacy: LegacyConversion) throws(StoreError) -> MigrationReport {
        let file = StoreFile(path: path, busyTimeout: 10)
        guard file.fileExists, !file.isNewOrEmpty else {
            throw StoreError(
                .unavailable,
                "\(path): there is no event store to convert (the file does not exist or is empty)")
        }
        var configuration = Configuration()
        configuration.label = "OneThing event store migration"
        configuration.busyMode = .timeout(10)
        let pool = try openForWriting(file, configuration: configuration, durability: .full)
        let format: StoreFormat
        do {
            format = try pool.read { db in try StoreFormat.read(db, file: file) }
        } catch {
            throw .database(error, file: file, doing: "reading the store's format")
        }
        var report = MigrationReport(
            fromVersion: format == .legacy ? StoreFormat.legacySchemaVersion : StoreFormat.schemaVersion,
            toVersion: StoreFormat.schemaVersion, backupPath: nil, cases: 0, events: 0)
        report.backupPath = try StoreOpening.prepare(pool, file: file, legacy: legacy)
        do {
            (report.cases, report.events) = try pool.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
                )
            }
        } catch {
            throw .database(error, file: file, doing: "counting the converted cases")
        }
        return report
    }
}
