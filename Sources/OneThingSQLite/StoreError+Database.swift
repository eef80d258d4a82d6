import GRDB
import OneThingEvents

extension StoreError {
    /// A store error that says in plain words what `error` means for the store at
    /// `path` while it was `doing` something (“appending 2,000 events”); a failed
    /// write says that its transaction was rolled back.
    package static func database(
        _ error: any Error, path: String, doing action: String, writing: Bool = false
    )
        -> StoreError
    {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return StoreError(
                "\(path): \(action) failed: \(error)" + (writing ? "; nothing was written" : ""))
        }
        let detail = error.message.map { " (\($0))" } ?? ""
        let what: String
        switch error.resultCode {
        case .SQLITE_FULL:
            what = "the disk is full"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            what = "the database is locked by another connection, and stayed locked past the timeout"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            what = "the file is corrupt or is not a SQLite database"
        case .SQLITE_CANTOPEN:
            what = "the file cannot be opened (a missing folder, or no permission)"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            what = "the file cannot be written (read-only, or no permission)"
        case .SQLITE_IOERR:
            what = "the disk reported an input/output error"
        case .SQLITE_NOMEM:
            what = "SQLite ran out of memory"
        case .SQLITE_CONSTRAINT:
            what = "a row already exists or breaks a constraint"
        default:
            what = "SQLite error \(error.extendedResultCode.rawValue)"
        }
        return StoreError(
            "\(path): \(action) failed: \(what)\(detail)" + (writing ? "; nothing was written" : ""))
    }
}
