import GRDB
import OneThingEvents

/// The quick check every opening runs, so that a damaged file is refused before a
/// case is read from it.
///
/// Every row is checked whenever it is read (events and summaries against their
/// digests, a case's events against the count its summary keeps), so the opening
/// check covers what reading a row cannot see: SQLite's `PRAGMA integrity_check` of
/// every table but the events (its pages, and each index against its table: a damaged
/// index could otherwise leave a case out of a query without an error), the department
/// table against the summaries, and the events of the newest cases. The events table,
/// by far the largest, is left to the digests and counts of each read and to the full
/// check (``SQLiteEventStore/check(path:)``).
///
/// Measured on this machine (2 cores, release build, another test running on the
/// other core), a store of 100,000 events of the contract's cases (8,197 cases, 8 MB):
/// the opening check takes about 30 ms (20–25 ms of it comparing the department table,
/// 10–20 ms the integrity checks of the small tables); opening a store to read takes
/// 35–75 ms in all. `PRAGMA quick_check` of the whole file took 40–65 ms and
/// `PRAGMA integrity_check` 50–90 ms, and both grow with the events, where the opening
/// check grows with the cases only; the full check took 0.7–1.7 s.
enum OpeningCheck {
    /// How many of the newest cases have their events read and checked.
    static let newestCases = 16

    /// The tables that `PRAGMA integrity_check` reads on opening, with their indexes.
    static let checkedTables = [
        "sqlite_schema", "store_format", "cases", "case_departments", "case_numbers", "blueprints",
        "metadata",
    ]

    /// Runs the check on `reader`.
    ///
    /// - Throws: ``StoreError`` of kind ``StoreError/Kind/corrupt`` naming what is damaged.
    static func run(_ reader: any DatabaseReader, file: StoreFile) throws(StoreError) {
        do {
            try reader.read { db in
                for table in checkedTables {
                    let findings = try String.fetchAll(db, sql: "PRAGMA integrity_check(\(table))")
                    guard findings == ["ok"] else {
                        throw StoreError.damaged(
                            file,
                            "SQLite's integrity check of table \(table) found: "
                                + findings.prefix(3).joined(separator: "; "))
                    }
                }
                try compareDepartments(in: db, file: file)
                try readSmallTables(in: db, file: file)
                let newest = try String.fetchAll(
                    db, sql: "SELECT id FROM cases ORDER BY ordinal DESC LIMIT \(newestCases)")
                for id in newest { _ = try StoredRows.events(of: id, in: db, file: file) }
            }
        } catch {
            throw .database(error, file: file, doing: "checking the store on opening")
        }
    }

    /// Reads every blueprint, case number and metadata value against its fingerprint or
    /// digest, row by row as stored (they are few), so that none is missed by a lookup
    /// under a damaged key, and checks that every case's blueprint is there.
    static func readSmallTables(in db: Database, file: StoreFile) throws {
        _ = try StoredRows.blueprints(in: db, file: file)
        _ = try CaseNumbers.all(in: db, file: file)
        _ = try MetadataRows.all(in: db, file: file)
        let missing = try String.fetchAll(
            db, sql: "SELECT DISTINCT blueprint FROM cases EXCEPT SELECT fingerprint FROM blueprints LIMIT 1")
        if let fingerprint = missing.first {
            throw StoreError.damaged(file, "blueprint \(fingerprint), which cases are pinned to, is missing")
        }
    }

    /// Checks that the department table holds exactly the departments the summaries
    /// say their cases wait on.
    static func compareDepartments(in db: Database, file: StoreFile) throws {
        let differing: Int
        do {
            differing =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT (SELECT count(*) FROM (
                                SELECT department, case_id FROM case_departments
                                EXCEPT SELECT j.value, c.id FROM cases AS c, json_each(c.waiting_on) AS j
                                    WHERE c.waiting_on <> '[]'))
                            + (SELECT count(*) FROM (
                                SELECT j.value, c.id FROM cases AS c, json_each(c.waiting_on) AS j
                                    WHERE c.waiting_on <> '[]'
                                EXCEPT SELECT department, case_id FROM case_departments))
                        """) ?? 0
        } catch let error as DatabaseError where error.message?.contains("JSON") == true {
            throw StoreError.damaged(
                file, "the departments of a summary cannot be read (\(error.message ?? ""))")
        }
        guard differing == 0 else {
            throw StoreError.damaged(
                file, "the department table disagrees with the summaries of the cases in \(differing) rows")
        }
    }
}
