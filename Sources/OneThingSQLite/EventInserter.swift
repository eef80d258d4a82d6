import GRDB
import GRDBSQLite
import OneThingEvents

/// Inserts event rows with one prepared statement, binding the values through
/// SQLite's C interface in place: no copies of the strings or the payload, and none
/// of the boxing of GRDB's `StatementArguments`, which cost more than SQLite itself.
struct EventInserter {
    private let db: Database
    private let statement: Statement
    private var payload = PayloadWriter()

    /// An inserter for the transaction under way on `db`.
    init(db: Database) throws {
        self.db = db
        statement = try db.cachedStatement(
            sql: "INSERT INTO events (case_id, sequence, at, kind, payload) VALUES (?, ?, ?, ?, ?)")
    }

    /// Inserts `event`.
    mutating func insert(_ event: CaseEvent) throws {
        payload.reset()
        EventPayload.encode(event.kind, into: &payload)
        let kind = EventPayload.name(of: event.kind)
        let handle = statement.sqliteStatement
        var caseID = event.caseID
        let code = caseID.withUTF8 { id in
            payload.bytes.withUnsafeBytes { blob in
                // A nil destructor is SQLITE_STATIC: SQLite reads the bytes during the step.
                sqlite3_bind_text(handle, 1, id.baseAddress, Int32(id.count), nil)
                sqlite3_bind_int64(handle, 2, Int64(event.sequence))
                sqlite3_bind_double(handle, 3, event.at)
                sqlite3_bind_text(handle, 4, kind.utf8Start, Int32(kind.utf8CodeUnitCount), nil)
                if blob.isEmpty {
                    sqlite3_bind_zeroblob(handle, 5, 0)
                } else {
                    sqlite3_bind_blob(handle, 5, blob.baseAddress, Int32(blob.count), nil)
                }
                let code = sqlite3_step(handle)
                sqlite3_reset(handle)
                return code
            }
        }
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_clear_bindings(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// Lets go of the bound values (they pointed into memory that is gone).
    func finish() {
        sqlite3_clear_bindings(statement.sqliteStatement)
    }
}
