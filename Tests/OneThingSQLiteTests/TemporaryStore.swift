import Foundation
import OneThingSQLite

/// A folder of its own for each test, removed afterwards.
enum TemporaryStore {
    /// Calls `body` with the path of a SQLite file in a new folder, then removes the folder.
    static func withPath<T>(_ body: (String) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-sqlite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder.appendingPathComponent("cases.sqlite").path)
    }

    /// Calls `body` with a new store in a new folder, then removes the folder.
    static func with<T>(
        durability: SQLiteEventStore.Durability = .normal, _ body: (SQLiteEventStore) async throws -> T
    ) async throws -> T {
        try await withPath { path in try await body(try SQLiteEventStore(path: path, durability: durability))
        }
    }

    /// The names of the files in the folder of `path`.
    static func files(beside path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
            .sorted()
    }
}
