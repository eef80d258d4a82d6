import GRDB
import OneThingEvents

/// Which format a file is in, read from its header and its `store_format` table
/// without changing anything.
///
/// A store of the current format says so three times: SQLite's header holds the
/// application id `OTES` and the schema version as `user_version`, and the
/// `store_format` table holds the schema version again and the version of the event
/// codec's payloads (``EventCodec/formatVersion``). A file whose header and table
/// disagree is damaged.
enum StoreFormat: Sendable, Hashable {
    /// A file with no tables: a new store.
    case empty
    /// The first format (OneThing 0.1, commit 9e780a0): times as working days counted
    /// from 2025-01-01, payloads with doubles, no digests.
    case legacy
    /// The current format.
    case current
    /// The current schema, with payloads of an earlier event format this version reads
    /// as they are (``EventCodec/formatsReadable``): a store that writes raises the
    /// number, a store that reads takes it as it is.
    case earlierEvents(format: Int)
    /// A format written by a later version of OneThing.
    case newer(schema: Int)

    /// The schema version this version writes.
    static let schemaVersion = 2
    /// The schema version of the first format.
    static let legacySchemaVersion = 1
    /// `OTES` (OneThing event store), in SQLite's `application_id`.
    static let applicationID: Int32 = 0x4F54_4553
    /// The GRDB migration that made the first format.
    static let legacyMigration = "v1: events, blueprints, cases"

    /// The format of the file open on `db`.
    ///
    /// - Throws: ``StoreError`` of kind ``StoreError/Kind/corrupt`` when the header and
    ///   the tables disagree, or when the file is a SQLite database that is not an event
    ///   store (kind ``StoreError/Kind/incompatible``).
    static func read(_ db: Database, file: StoreFile) throws -> StoreFormat {
        let applicationID = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let encoding = try String.fetchOne(db, sql: "PRAGMA encoding") ?? ""
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        let ours = applicationID == Int(Self.applicationID)
        if tables.contains("store_format") || ours {
            guard tables.contains("store_format") else {
                throw StoreError.damaged(
                    file, "the header names an event store, but its format table is missing")
            }
            func value(_ name: String) throws(StoreError) -> Int? {
                do {
                    return try Int.fetchOne(
                        db, sql: "SELECT value FROM store_format WHERE name = ?", arguments: [name])
                } catch {
                    throw StoreError.damaged(file, "its format table cannot be read")
                }
            }
            let schema = try value("schema")
            guard ours, schema == userVersion, encoding == "UTF-8" else {
                throw StoreError.damaged(
                    file,
                    "its header (application id \(applicationID), schema \(userVersion), \(encoding) text)"
                        + " disagrees with its format table (schema \(schema.map(String.init) ?? "none"))")
            }
            if userVersion > schemaVersion { return .newer(schema: userVersion) }
            guard userVersion == schemaVersion,
                try StoreSchema.entries(in: db) == (try StoreSchema.expectedEntries.get())
            else {
                throw StoreError.damaged(file, "its tables are not the tables of schema \(userVersion)")
            }
            let eventFormat = try value("event-format")
            if let eventFormat, eventFormat > EventCodec.formatVersion {
                throw StoreError(
                    .incompatible,
                    "\(file.path) holds events of format \(eventFormat), written by a later version of OneThing"
                        + " (this version reads formats up to \(EventCodec.formatVersion)); open it with that version"
                )
            }
            guard let eventFormat, EventCodec.formatsReadable.contains(eventFormat) else {
                throw StoreError.damaged(
                    file,
                    "its format table names event format \(eventFormat.map(String.init) ?? "none"),"
                        + " which no version of OneThing wrote")
            }
            return eventFormat == EventCodec.formatVersion ? .current : .earlierEvents(format: eventFormat)
        }
        if tables.isEmpty || tables == ["grdb_migrations"] { return .empty }
        if tables.contains("grdb_migrations"),
            try Bool.fetchOne(
                db, sql: "SELECT count(*) > 0 FROM grdb_migrations WHERE identifier = ?",
                arguments: [legacyMigration]) == true,
            tables.isSuperset(of: ["events", "blueprints", "cases", "case_departments"])
        {
            // Without a row it needs no conversion: a store of the first format that never
            // kept a case, or a new store another process is making right now.
            let empty = try Bool.fetchOne(
                db, sql: "SELECT NOT EXISTS (SELECT 1 FROM events) AND NOT EXISTS (SELECT 1 FROM blueprints)")
            return empty == true ? .empty : .legacy
        }
        throw StoreError(
            .incompatible,
            "\(file.path) is a SQLite database, but not a OneThing event store (its tables are "
                + tables.sorted().joined(separator: ", ") + ")")
    }
}
