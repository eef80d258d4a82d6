import GRDB
import GRDBSQLite
import OneThingEvents

/// Inserts event rows with one prepared statement, binding the values through
/// SQLite's C interface in place: no copies of the strings or the payload, and none
/// of the boxing of GRDB's `StatementArguments`, which cost more than SQLite itself.
struct EventInserter {
    private let db: Database
    private let statement: Statement

    /// An inserter for the transaction under way on `db`.
    init(db: Database) throws {
        self.db = db
        statement = try db.cachedStatement(
            sql: "INSERT INTO events (case_id, sequence, at, kind, payload, digest) VALUES (?, ?, ?, ?, ?, ?)"
        )
    }

    /// Inserts `event` with its payload and digest (``EventCodec``).
    func insert(_ event: CaseEvent) throws {
        let payload = EventCodec.payload(of: event.kind)
        var kind = EventCodec.name(of: event.kind)
        let digest = EventCodec.digest(
            caseID: event.caseID, sequence: event.sequence, at: event.at, name: kind, payload: payload)
        let handle = statement.sqliteStatement
        var caseID = event.caseID
        let (code, failure) = caseID.withUTF8 { id in
            kind.withUTF8 { name in
                payload.withUnsafeBytes { blob in
                    // A nil destructor is SQLITE_STATIC: SQLite reads the bytes during the step.
                    sqlite3_bind_text(handle, 1, id.baseAddress, Int32(id.count), nil)
                    sqlite3_bind_int64(handle, 2, Int64(event.sequence))
                    sqlite3_bind_int64(handle, 3, event.at.milliseconds)
                    sqlite3_bind_text(handle, 4, name.baseAddress, Int32(name.count), nil)
                    if blob.isEmpty {
                        sqlite3_bind_zeroblob(handle, 5, 0)
                    } else {
                        sqlite3_bind_blob(handle, 5, blob.baseAddress, Int32(blob.count), nil)
                    }
                    sqlite3_bind_int64(handle, 6, Int64(bitPattern: digest))
                    let code = sqlite3_step(handle)
                    // What went wrong is read before the reset, which may change it.
                    let failure =
                        code == SQLITE_DONE
                        ? nil
                        : (
                            sqlite3_extended_errcode(db.sqliteConnection),
                            String(cString: sqlite3_errmsg(db.sqliteConnection))
                        )
                    sqlite3_reset(handle)
                    sqlite3_clear_bindings(handle)
                    return (code, failure)
                }
            }
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: failure?.0 ?? code), message: failure?.1, sql: statement.sql)
        }
    }
}
