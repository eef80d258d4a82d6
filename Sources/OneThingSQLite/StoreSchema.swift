import GRDB
import OneThingEvents

/// The tables of the store, made and upgraded by GRDB migrations, one per schema
/// version.
///
/// Schema 2 (this version):
/// - `events`: the append-only log, one row per event keyed by case and sequence: the
///   moment (`at`, milliseconds since 1970 UTC), the kind's name, the payload and the
///   64-bit digest of ``EventCodec``.
/// - `blueprints`: each blueprint once, as JSON under its fingerprint (which is a hash
///   of its content, so it is its digest too).
/// - `cases`: one summary per case (what ``CaseProjection`` says), numbered in the order
///   the cases started, with a digest of the row.
/// - `case_departments`: the departments each case waits on, for department queries.
/// - `case_numbers`: the last case number given out per day of acceptance.
/// - `metadata`: small values under keys, with a digest each.
/// - `store_format`: the schema version and the event codec's format version.
///
/// Every table is `STRICT`, so SQLite itself refuses a value of the wrong type, and
/// the summaries are written in the same transaction as the events they follow from.
enum StoreSchema {
    /// The migration from schema 1 to schema 2.
    static let currentMigration = "v2: absolute times, digests, case numbers, metadata"

    /// The migrations, in order. A new file runs both; a file of the first format
    /// runs the second, which converts its rows with `legacy` (and fails, writing
    /// nothing, when the file has rows and `legacy` is `nil`).
    ///
    /// GRDB reads which migrations a file has before it begins each one's transaction,
    /// so another process may have run a migration in between: each migration first
    /// looks again inside its transaction, and throws ``MadeMeanwhile`` when it finds
    /// itself applied.
    static func migrator(legacy: SQLiteEventStore.LegacyConversion?, file: StoreFile) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(StoreFormat.legacyMigration) { db in
            try MadeMeanwhile.check(StoreFormat.legacyMigration, in: db)
            try db.execute(sql: legacyTables)
        }
        migrator.registerMigration(currentMigration) { db in
            try MadeMeanwhile.check(currentMigration, in: db)
            try LegacyMigration.run(in: db, legacy: legacy, file: file)
        }
        return migrator
    }

    /// A migration that another process applied after this one decided to run it:
    /// nothing was written, and the file's format is to be read again.
    struct MadeMeanwhile: Error {
        /// The migration.
        var identifier: String

        /// Throws when the file open on `db` records `identifier` as applied.
        static func check(_ identifier: String, in db: Database) throws {
            let applied = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = ?)",
                arguments: [identifier])
            if applied == true { throw MadeMeanwhile(identifier: identifier) }
        }
    }

    /// The entries of `sqlite_schema` (type, name, table and SQL of every table and
    /// index) that a file of schema 2 holds, made once in memory from the same
    /// statements. Opening compares the file's entries with them, so a damaged schema
    /// (a column renamed by a flipped byte) is found before a query trips on it.
    static let expectedEntries: Result<[String], any Error> = Result {
        let memory = try DatabaseQueue()
        return try memory.write { db in
            try db.execute(sql: grdbMigrationsTable + ";" + tables)
            return try entries(in: db)
        }
    }

    /// The table GRDB keeps its applied migrations in, as GRDB makes it.
    static let grdbMigrationsTable =
        "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"

    /// The entries of `sqlite_schema` of the file open on `db`, in order.
    static func entries(in db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")
            .map {
                row in
                (0..<4).map { index -> String in
                    switch (row[index] as DatabaseValue).storage {
                    case .string(let text): text
                    case .null: "NULL"
                    default: "?"
                    }
                }.joined(separator: "\u{1F}")
            }
    }

    /// The tables of schema 2, and its format marks.
    static let tables = """
        CREATE TABLE events (
            case_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL,
            payload BLOB NOT NULL,
            digest INTEGER NOT NULL,
            PRIMARY KEY (case_id, sequence)
        ) WITHOUT ROWID, STRICT;
        CREATE TABLE blueprints (
            fingerprint TEXT PRIMARY KEY NOT NULL,
            json TEXT NOT NULL
        ) WITHOUT ROWID, STRICT;
        CREATE TABLE cases (
            ordinal INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            bundle TEXT NOT NULL,
            version TEXT NOT NULL,
            blueprint TEXT NOT NULL,
            lead TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            promised_by INTEGER,
            outcome TEXT,
            delivered_at INTEGER,
            waiting_on TEXT NOT NULL,
            events INTEGER NOT NULL,
            digest INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX open_cases ON cases(ordinal) WHERE outcome IS NULL;
        CREATE INDEX open_cases_by_promise ON cases(promised_by) WHERE outcome IS NULL;
        CREATE TABLE case_departments (
            department TEXT NOT NULL,
            case_id TEXT NOT NULL,
            PRIMARY KEY (department, case_id)
        ) WITHOUT ROWID, STRICT;
        CREATE TABLE case_numbers (
            day TEXT PRIMARY KEY NOT NULL,
            last INTEGER NOT NULL,
            digest INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;
        CREATE TABLE metadata (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL,
            digest INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;
        CREATE TABLE store_format (
            name TEXT PRIMARY KEY NOT NULL,
            value INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;
        INSERT INTO store_format (name, value) VALUES
            ('schema', \(StoreFormat.schemaVersion)), ('event-format', \(EventCodec.formatVersion));
        PRAGMA application_id = \(StoreFormat.applicationID);
        PRAGMA user_version = \(StoreFormat.schemaVersion);
        """

    /// The tables of schema 1, as OneThing 0.1 (commit 9e780a0) made them.
    static let legacyTables = """
        CREATE TABLE events (
            case_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            at REAL NOT NULL,
            kind TEXT NOT NULL,
            payload BLOB NOT NULL,
            PRIMARY KEY (case_id, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE blueprints (
            fingerprint TEXT PRIMARY KEY NOT NULL,
            json TEXT NOT NULL
        );
        CREATE TABLE cases (
            id TEXT PRIMARY KEY NOT NULL,
            bundle TEXT NOT NULL,
            version TEXT NOT NULL,
            lead TEXT NOT NULL,
            started_at REAL NOT NULL,
            due_at REAL NOT NULL,
            outcome TEXT,
            delivered_at REAL,
            waiting_on TEXT NOT NULL,
            events INTEGER NOT NULL,
            ordinal INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX cases_by_ordinal ON cases(ordinal);
        CREATE INDEX open_cases ON cases(ordinal) WHERE outcome IS NULL;
        CREATE INDEX open_cases_by_due ON cases(due_at) WHERE outcome IS NULL;
        CREATE INDEX cases_by_outcome ON cases(outcome);
        CREATE TABLE case_departments (
            department TEXT NOT NULL,
            case_id TEXT NOT NULL,
            PRIMARY KEY (department, case_id)
        ) WITHOUT ROWID;
        """
}
