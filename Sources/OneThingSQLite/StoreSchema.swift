import GRDB

/// The tables of the store, created and upgraded by GRDB migrations.
///
/// - `events`: the append-only log, one row per event, keyed by case and sequence.
/// - `blueprints`: each blueprint once, as canonical JSON under its fingerprint.
/// - `cases`: one summary per case (what ``CaseProjection`` says), for queries.
/// - `case_departments`: the departments each case waits on, for department queries.
///
/// The summaries are written in the same transaction as the events they follow from.
enum StoreSchema {
    /// The migrations, in order; a file written by an older version is upgraded on open.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: events, blueprints, cases") { db in
            try db.execute(
                sql: """
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
                    """)
        }
        return migrator
    }
}
