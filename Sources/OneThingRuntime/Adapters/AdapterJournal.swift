import Foundation
import Synchronization

/// A file to which an adapter appends the idempotency key of every submission it
/// receives, one per line, forced to disk (`fsync`) before the submission returns: so
/// that a test can see which keys the department systems saw across crashes and
/// restarts of the runtime.
///
/// A line cut short by a crash is ended before the next key is written, so every
/// complete key stands on a line of its own.
public final class AdapterJournal: Sendable {
    /// The file's path.
    public let path: String
    private let handle: Mutex<FileHandle>

    /// Opens (or creates) the journal at `path`, appending to what it holds.
    ///
    /// - Throws: ``AdapterError`` when the file cannot be opened for writing.
    public init(path: String) throws(AdapterError) {
        self.path = path
        let manager = FileManager.default
        if !manager.fileExists(atPath: path), !manager.createFile(atPath: path, contents: nil) {
            throw AdapterError("cannot create the adapter journal \(path)")
        }
        guard let handle = FileHandle(forUpdatingAtPath: path) else {
            throw AdapterError("cannot open the adapter journal \(path)")
        }
        do {
            let end = try handle.seekToEnd()
            if end > 0 {
                try handle.seek(toOffset: end - 1)
                let last = try handle.read(upToCount: 1)
                _ = try handle.seekToEnd()
                if last != Data("\n".utf8) { try handle.write(contentsOf: Data("\n".utf8)) }
            }
        } catch {
            throw AdapterError("cannot read the adapter journal \(path): \(error)")
        }
        self.handle = Mutex(handle)
    }

    /// Appends `key` and forces it to disk.
    public func record(_ key: String) throws(AdapterError) {
        let result: Result<Void, AdapterError> = handle.withLock { handle in
            do {
                _ = try handle.seekToEnd()
                try handle.write(contentsOf: Data((key + "\n").utf8))
                try handle.synchronize()
                return .success(())
            } catch {
                return .failure(AdapterError("cannot write the adapter journal \(path): \(error)"))
            }
        }
        try result.get()
    }

    /// The keys recorded in the journal at `path`, in order (lines cut short by a crash
    /// included as they are; the caller decides what a well-formed key is).
    public static func keys(at path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
