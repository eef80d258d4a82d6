import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Makes a file or folder impossible to write for this process, and undoes it: by
/// taking its write permission, or, for root (whom permissions do not stop), by
/// setting the file system's immutable flag with `chattr +i`.
struct WriteProtection {
    /// The file or folder.
    let path: String
    private let usedImmutableFlag: Bool

    /// Protects `path`; records an issue and throws when neither way works here.
    init(_ path: String) throws {
        self.path = path
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: path)
        if access(path, W_OK) != 0 {
            usedImmutableFlag = false
            return
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        try Self.chattr("+i", path)
        usedImmutableFlag = true
        guard access(path, W_OK) != 0 else {
            try Self.chattr("-i", path)
            Issue.record(
                "\(path) cannot be made unwritable here (neither permissions nor chattr +i stop this user)")
            throw CancellationError()
        }
    }

    /// Makes `path` writable again.
    func remove() throws {
        if usedImmutableFlag {
            try Self.chattr("-i", path)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
    }

    /// Calls `body` while `path` cannot be written.
    static func with<T>(_ path: String, _ body: () async throws -> T) async throws -> T {
        let protection = try WriteProtection(path)
        defer { try? protection.remove() }
        return try await body()
    }

    private static func chattr(_ flag: String, _ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        try process.run()
        process.waitUntilExit()
    }
}
