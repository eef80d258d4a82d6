import Foundation
import OneThingEvents

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The store's file and what the file system says about it: whether its folder
/// exists and can be written, whether the file exists and can be written, whether a
/// write-ahead log lies beside it. Errors name the thing that is wrong (the folder,
/// the file, the disk), not only what SQLite said.
struct StoreFile: Sendable {
    /// The path as the caller gave it, for messages.
    let path: String
    /// The absolute path.
    let absolutePath: String
    /// The folder that holds the file.
    let folder: String
    /// How long a write waits for another connection's lock.
    let busyTimeout: Double

    init(path: String, busyTimeout: Double) {
        self.path = path
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        self.absolutePath = absolute.path
        self.folder = absolute.deletingLastPathComponent().path
        self.busyTimeout = busyTimeout
    }

    /// `10 s`, `0.25 s`.
    var busyTimeoutText: String {
        busyTimeout == busyTimeout.rounded() ? "\(Int(busyTimeout)) s" : "\(busyTimeout) s"
    }

    /// Whether `path` can be accessed as `mode` asks (`F_OK`, `W_OK`…), as the process is.
    private static func accessible(_ path: String, _ mode: Int32) -> Bool { access(path, mode) == 0 }

    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool { accessible(path, F_OK) }

    /// Whether the folder exists.
    var folderExists: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Whether the file exists.
    var fileExists: Bool { Self.exists(absolutePath) }

    /// The file's `stat`, or `nil` when there is no file.
    private var status: stat? {
        var info = stat()
        return stat(absolutePath, &info) == 0 ? info : nil
    }

    /// Whether the file is empty or missing: a new store.
    var isNewOrEmpty: Bool { (status?.st_size ?? 0) == 0 }

    /// Whether new files can be made in the folder (SQLite makes its log and shared
    /// memory files beside the database).
    var folderIsWritable: Bool { Self.accessible(folder, W_OK) }

    /// Whether the file can be written.
    var fileIsWritable: Bool { Self.accessible(absolutePath, W_OK) }

    /// Whether the file can be read.
    var fileIsReadable: Bool { Self.accessible(absolutePath, R_OK) }

    /// Whether a write-ahead log lies beside the file: another connection has the file
    /// open, or committed transactions are still in the log.
    var hasWriteAheadLog: Bool { Self.exists(absolutePath + "-wal") }

    /// The SQLite URI that opens the file for reading only. With `writingNothing`,
    /// `immutable` when no write-ahead log lies beside the file (no process has it open
    /// for writing): SQLite then creates no file and takes no lock, so nothing at all is
    /// written. Otherwise `mode=ro`, which shares the log and the locks of writers (and
    /// creates the log's files when they are missing).
    func readOnlyURI(writingNothing: Bool) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = absolutePath.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolutePath
        return "file:\(escaped)?" + (writingNothing && !hasWriteAheadLog ? "immutable=1" : "mode=ro")
    }

    /// What the file looked like at a moment: its size, when it was last changed, and
    /// whether a log lay beside it.
    struct Stamp: Hashable, Sendable {
        var size: Int64?
        var modifiedSeconds: Int?
        var modifiedNanoseconds: Int?
        var hasWriteAheadLog: Bool
    }

    /// The file's stamp now.
    var stamp: Stamp {
        guard let info = status else {
            return Stamp(
                size: nil, modifiedSeconds: nil, modifiedNanoseconds: nil, hasWriteAheadLog: hasWriteAheadLog)
        }
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        return Stamp(
            size: Int64(info.st_size), modifiedSeconds: Int(modified.tv_sec),
            modifiedNanoseconds: Int(modified.tv_nsec),
            hasWriteAheadLog: hasWriteAheadLog)
    }

    /// The error for a file read as immutable that another process changed meanwhile,
    /// when reading it failed: not damage, a race; reading again sees the new file.
    func changedWhileRead(doing action: String) -> StoreError {
        StoreError(
            .unavailable,
            "\(path): \(action) failed: another process wrote the file while it was read without locks;"
                + " open it again to read the new state")
    }

    /// What is wrong with the file's 100-byte SQLite header, if something is: SQLite
    /// refuses to open a file whose header is damaged, or opens it for reading only when
    /// its write version is damaged, and says neither.
    var headerProblem: String? {
        let descriptor = open(absolutePath, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 100) }
        guard count == 100 else { return isNewOrEmpty ? nil : "the file is shorter than a SQLite header" }
        guard header[0..<16].elementsEqual(Array("SQLite format 3\0".utf8)) else {
            return "the file is not a SQLite database (or its header is damaged)"
        }
        let pageSize = Int(header[16]) << 8 | Int(header[17])
        guard pageSize == 1 || (pageSize >= 512 && pageSize & (pageSize - 1) == 0) else {
            return "its header is damaged (page size \(pageSize))"
        }
        guard (1...2).contains(header[18]), (1...2).contains(header[19]) else {
            return "its header is damaged (format versions \(header[18]) and \(header[19]))"
        }
        func word(_ offset: Int) -> UInt32 { header[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        // Both are 0 in a file whose first page is still only in the write-ahead log.
        guard (0...4).contains(word(44)) else { return "its header is damaged (schema format \(word(44)))" }
        guard (0...3).contains(word(56)) else { return "its header is damaged (text encoding \(word(56)))" }
        guard header[21] == 64, header[22] == 32, header[23] == 32 else {
            return "its header is damaged (payload fractions \(header[21]), \(header[22]), \(header[23]))"
        }
        return nil
    }

    /// The kind and the words for SQLite's “cannot open”: the folder missing, the
    /// folder not writable, the file unreadable, or the path a folder.
    func whyItCannotBeOpened() -> (StoreError.Kind, String) {
        if !folderExists { return (.unavailable, "the folder \(folder) does not exist") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isFolder), isFolder.boolValue {
            return (.unavailable, "\(absolutePath) is a folder, not a database file")
        }
        if fileExists && !fileIsReadable { return (.unavailable, "the file cannot be read (no permission)") }
        if fileExists, let problem = headerProblem { return (.corrupt, problem) }
        if !folderIsWritable {
            return (
                .readOnly,
                "the folder \(folder) cannot be written, and SQLite keeps its write-ahead log beside the file;"
                    + " open the store read-only to read it, or make the folder writable"
            )
        }
        if !fileExists { return (.unavailable, "the file does not exist") }
        return (.unavailable, "SQLite cannot open the file")
    }

    /// The kind and the words for a write that was refused: the file or its folder
    /// cannot be written, or the header is damaged so that SQLite will not write it.
    func whyItCannotBeWritten() -> (StoreError.Kind, String) {
        if fileExists && fileIsWritable && folderIsWritable, let problem = headerProblem {
            return (.corrupt, problem)
        }
        return (.readOnly, whyItCannotBeWrittenInWords())
    }

    /// The words for a write that was refused: the file or its folder cannot be written.
    private func whyItCannotBeWrittenInWords() -> String {
        if fileExists && !fileIsWritable {
            return "the file cannot be written (it is read-only, or this user may not write it)"
        }
        if !folderIsWritable {
            return "the folder \(folder) cannot be written (SQLite keeps its write-ahead log beside the file)"
        }
        return "the file cannot be written"
    }
}
