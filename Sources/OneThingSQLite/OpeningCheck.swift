import GRDB
import OneThingEvents

/// The quick check every opening runs, so that a damaged file is refused before a
/// case is read from it.
///
/// Rows are checked whenever they are read (digests, event counts), so the opening
/// check looks at what reading one case would not: SQLite's own structure of the
/// small tables (`PRAGMA quick_check` of the cases, their departments, the case
/// numbers, blueprints, metadata and the schema), and the events of the newest cases.
/// The events table, by far the largest, is left to the digests of each read and to
/// the full check (``SQLiteEventStore/check(path:)``).
///
/// Measured on this machine (2 cores), a store of 100,000 events (3,334 cases, 14 MB):
/// MEASURED.
enum OpeningCheck {
    /// How many of the newest cases have their events read and checked.
    static let newestCases = 16

    /// The tables whose pages `PRAGMA quick_check` reads on opening.
    static let checkedTables = ["sqlite_schema", "store_format", "cases", "case_departments", "case_numbers", "blueprints", "metadata"]

    /// Runs the check on `reader`.
    ///
    /// - Throws: ``StoreError`` of kind ``StoreError/Kind/corrupt`` naming what is damaged.
    static func run(_ reader: any DatabaseReader, file: StoreFile) throws(StoreError) {
        do {
            try reader.read { db in
                for table in checkedTables {
                    let findings = try String.fetchAll(db, sql: "PRAGMA quick_check(\(table))")
                    guard findings == ["ok"] else {
                        throw StoreError.damaged(
                            file, "SQLite's quick check of table \(table) found: " + findings.prefix(3).joined(separator: "; "))
                    }
                }
                let newest = try String.fetchAll(
                    db, sql: "SELECT id FROM cases ORDER BY ordinal DESC LIMIT \(newestCases)")
                for id in newest { _ = try StoredRows.events(of: id, in: db, file: file) }
            }
        } catch {
            throw .database(error, file: file, doing: "checking the store on opening")
        }
    }
}
