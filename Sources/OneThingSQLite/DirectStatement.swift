import GRDB
import GRDBSQLite

/// A prepared statement run through SQLite's C interface: values bound in place and
/// the statement stepped once, without the boxing of GRDB's `StatementArguments`,
/// which costs more than SQLite itself on the append path. Text is copied by SQLite
/// (`SQLITE_TRANSIENT`) unless bound from a buffer that outlives the step.
struct DirectStatement {
    private let db: Database
    private let statement: Statement
    private var handle: SQLiteStatement { statement.sqliteStatement }

    /// The cached statement of `sql` on `db`.
    init(_ sql: String, db: Database) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// SQLite's "copy the bytes now" destructor.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds text to parameter `index` (from 1); SQLite copies it.
    func bind(_ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }

    /// Binds text read from `bytes`, which must stay valid until ``step()`` returns.
    func bind(_ index: Int32, borrowing bytes: UnsafeBufferPointer<UInt8>) {
        sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), nil)
    }

    /// Binds a blob read from `bytes`, which must stay valid until ``step()`` returns.
    func bind(_ index: Int32, blob bytes: UnsafeRawBufferPointer) {
        if bytes.isEmpty {
            sqlite3_bind_zeroblob(handle, index, 0)
        } else {
            sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), nil)
        }
    }

    /// Binds an integer, or NULL for `nil`.
    func bind(_ index: Int32, _ value: Int64?) {
        if let value {
            sqlite3_bind_int64(handle, index, value)
        } else {
            sqlite3_bind_null(handle, index)
        }
    }

    /// Binds text, or NULL for `nil`.
    func bind(_ index: Int32, _ text: String?) {
        if let text {
            bind(index, text)
        } else {
            sqlite3_bind_null(handle, index)
        }
    }

    /// Runs the statement once with the values bound, then clears them; returns the
    /// number of rows it changed.
    ///
    /// - Throws: `DatabaseError` with SQLite's extended code and message (a full disk,
    ///   a constraint) when the step fails.
    @discardableResult
    func step() throws -> Int {
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
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: failure?.0 ?? code), message: failure?.1, sql: statement.sql)
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }
}
