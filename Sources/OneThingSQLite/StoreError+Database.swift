import GRDB
import GRDBSQLite
import OneThingEvents

extension StoreError {
    /// The store error that `error`, thrown while the store at `file` was `doing`
    /// something (“appending 2,000 events”), means: its kind, a message in plain words
    /// that names the file, its folder or the disk, and SQLite's extended result code. A
    /// failed write says that nothing was written (its transaction was rolled back).
    static func database(_ error: any Error, file: StoreFile, doing action: String, writing: Bool = false)
        -> StoreError
    {
        if let error = error as? StoreError { return error }
        let rolledBack = writing ? "; nothing was written" : ""
        if error is RowDecodingError {
            return damaged(file, "\(action) failed: a stored value does not have the type of its column")
        }
        guard let error = error as? DatabaseError else {
            return StoreError(.unavailable, "\(file.path): \(action) failed: \(error)\(rolledBack)")
        }
        let code = StoreError.code(error.extendedResultCode.rawValue)
        let detail = error.message.map { " (SQLite: \($0))" } ?? ""
        let kind: Kind
        let what: String
        // A damaged header makes SQLite fail in ways that name something else.
        if file.fileExists, file.fileIsReadable, let problem = file.headerProblem {
            return StoreError(
                .corrupt, "\(file.path): \(action) failed: \(problem)\(detail)\(rolledBack)",
                underlyingCode: code)
        }
        switch error.resultCode {
        case .SQLITE_FULL:
            kind = .full
            what = "the disk holding \(file.folder) is full (or the file reached its size limit)"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            kind = .unavailable
            what =
                "another connection held the database locked for longer than the timeout"
                + " of \(file.busyTimeoutText); try again when it is done"
        case .SQLITE_CORRUPT:
            kind = .corrupt
            what = "the file is damaged: a page does not read back as it was written"
        case .SQLITE_NOTADB, .SQLITE_FORMAT:
            kind = .corrupt
            what = "the file is not a SQLite database (or its header is damaged)"
        case .SQLITE_CANTOPEN:
            (kind, what) = file.whyItCannotBeOpened()
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            (kind, what) = file.whyItCannotBeWritten()
        case .SQLITE_IOERR:
            kind = .unavailable
            what = "the disk reported an input/output error"
        case .SQLITE_NOMEM:
            kind = .unavailable
            what = "SQLite ran out of memory"
        case .SQLITE_CONSTRAINT:
            kind = .refused
            what = "a row already exists or breaks a constraint of the table"
        default:
            kind = .unavailable
            what = "SQLite failed with \(code)"
        }
        return StoreError(
            kind, "\(file.path): \(action) failed: \(what)\(detail)\(rolledBack)", underlyingCode: code)
    }

    /// The error for a stored row or value that does not read back as it was written.
    static func damaged(_ file: StoreFile, _ what: String, caseID: CaseID? = nil) -> StoreError {
        StoreError(
            .corrupt,
            "\(file.path): \(what); the file is damaged. Run `onething store check --db \(file.path)` for a full"
                + " report, and restore the file from a backup",
            caseID: caseID)
    }

    /// The error for an event that ``EventCodec`` could not read back.
    static func damaged(_ file: StoreFile, _ damage: EventCodec.Damaged) -> StoreError {
        damaged(file, damage.description, caseID: damage.caseID)
    }

    /// `SQLITE_FULL (13)`: the name of a SQLite result code (extended where SQLite gave
    /// one) and its number.
    static func code(_ code: CInt) -> String {
        let name = extendedNames[code] ?? primaryNames[code & 0xFF].map { "SQLITE_" + $0 } ?? "SQLite error"
        return "\(name) (\(code))"
    }

    private static let primaryNames: [CInt: String] = [
        1: "ERROR", 2: "INTERNAL", 3: "PERM", 4: "ABORT", 5: "BUSY", 6: "LOCKED", 7: "NOMEM", 8: "READONLY",
        9: "INTERRUPT", 10: "IOERR", 11: "CORRUPT", 12: "NOTFOUND", 13: "FULL", 14: "CANTOPEN",
        15: "PROTOCOL",
        16: "EMPTY", 17: "SCHEMA", 18: "TOOBIG", 19: "CONSTRAINT", 20: "MISMATCH", 21: "MISUSE", 22: "NOLFS",
        23: "AUTH", 24: "FORMAT", 25: "RANGE", 26: "NOTADB", 27: "NOTICE", 28: "WARNING",
    ]

    /// The extended codes a store meets (https://www.sqlite.org/rescode.html).
    private static let extendedNames: [CInt: String] = {
        var names: [CInt: String] = [:]
        let families: [(CInt, [String])] = [
            (
                10,
                [
                    "READ", "SHORT_READ", "WRITE", "FSYNC", "DIR_FSYNC", "TRUNCATE", "FSTAT", "UNLOCK",
                    "RDLOCK",
                    "DELETE", "BLOCKED", "NOMEM", "ACCESS", "CHECKRESERVEDLOCK", "LOCK", "CLOSE", "DIR_CLOSE",
                    "SHMOPEN", "SHMSIZE", "SHMLOCK", "SHMMAP", "SEEK", "DELETE_NOENT", "MMAP", "GETTEMPPATH",
                    "CONVPATH", "VNODE", "AUTH", "BEGIN_ATOMIC", "COMMIT_ATOMIC", "ROLLBACK_ATOMIC", "DATA",
                    "CORRUPTFS",
                ]
            ),
            (5, ["RECOVERY", "SNAPSHOT", "TIMEOUT"]),
            (6, ["SHAREDCACHE", "VTAB"]),
            (8, ["RECOVERY", "CANTLOCK", "ROLLBACK", "DBMOVED", "CANTINIT", "DIRECTORY"]),
            (11, ["VTAB", "SEQUENCE", "INDEX"]),
            (14, ["NOTEMPDIR", "ISDIR", "FULLPATH", "CONVPATH", "DIRTYWAL", "SYMLINK"]),
            (
                19,
                [
                    "CHECK", "COMMITHOOK", "FOREIGNKEY", "FUNCTION", "NOTNULL", "PRIMARYKEY", "TRIGGER",
                    "UNIQUE",
                    "VTAB", "ROWID", "PINNED", "DATATYPE",
                ]
            ),
        ]
        for (primary, suffixes) in families {
            let prefix = "SQLITE_" + (primaryNames[primary] ?? "") + "_"
            for (index, suffix) in suffixes.enumerated() {
                names[primary | CInt(index + 1) << 8] = prefix + suffix
            }
        }
        return names
    }()
}
