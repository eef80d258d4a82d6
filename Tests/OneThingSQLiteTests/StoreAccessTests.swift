import Foundation
import GRDB
import GRDBSQLite
import OneThingEvents
import OneThingStoreContract
import Testing

@testable import OneThingSQLite

/// Opening a store for reading or writing, and the errors that name what is wrong: the
/// folder, the file, the disk, the lock; each with SQLite's extended result code.
struct StoreAccessTests {
    typealias Cases = ContractCases

    /// Makes a store at `path` with two cases, and closes it.
    static func makeStore(at path: String) async throws {
        let store = try SQLiteEventStore(path: path)
        try await store.saveBlueprint(Cases.blueprint)
        try await store.append(Cases.events("a", startingAt: Cases.firstStart, upTo: .completed))
        try await store.append(Cases.events("b", startingAt: Cases.moment(days: 1), upTo: .inspected))
    }

    /// The bytes of every file in the folder of `path`, by name.
    static func snapshot(beside path: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try TemporaryStore.files(beside: path) {
            files[name] = try Data(
                contentsOf: URL(fileURLWithPath: (path as NSString).deletingLastPathComponent + "/" + name))
        }
        return files
    }

    @Test func aStoreOpenedForReadingListsAndShowsCasesAndWritesNothing() async throws {
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path)
            let before = try Self.snapshot(beside: path)
            #expect(before.keys.sorted() == ["cases.sqlite"])
            do {
                let store = try SQLiteEventStore(path: path, mode: .readOnly)
                #expect(try await store.cases(CaseQuery()).map(\.id) == ["a", "b"])
                #expect(
                    try await store.events(of: "b")
                        == Cases.events("b", startingAt: Cases.moment(days: 1), upTo: .inspected))
                #expect(try await store.blueprint(Cases.blueprint.fingerprint) == Cases.blueprint)
                for attempt in [
                    {
                        try await store.append(
                            Cases.events("c", startingAt: Cases.firstStart, upTo: .accepted))
                    },
                    { _ = try await store.newCaseID(acceptedOn: Cases.firstStart.chinaDate) },
                    { try await store.setMetadata("x", for: "y") },
                ] as [() async throws -> Void] {
                    let error = await #expect(throws: StoreError.self) { try await attempt() }
                    #expect(error?.kind == .readOnly)
                    #expect(error?.message.contains("opened for reading only") == true)
                }
            }
            // No log, no shared memory, not a byte of the file changed.
            #expect(try Self.snapshot(beside: path) == before)
        }
    }

    @Test func aStoreInAFolderThatCannotBeWrittenOpensForReading() async throws {
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path)
            let folder = (path as NSString).deletingLastPathComponent
            try await WriteProtection.with(folder) {
                let store = try SQLiteEventStore(path: path, mode: .readOnly)
                #expect(try await store.cases(CaseQuery(open: true)).map(\.id) == ["b"])
                let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: path) }
                #expect(error?.kind == .readOnly)
                #expect(error?.message.contains("the folder \(folder) cannot be written") == true)
                #expect(error?.underlyingCode == "SQLITE_CANTOPEN (14)")
            }
        }
    }

    @Test func aFileThatCannotBeWrittenIsReadOnlyForWritingAndReadableForReading() async throws {
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path)
            try await WriteProtection.with(path) {
                let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: path) }
                #expect(error?.kind == .readOnly)
                #expect(error?.message.contains("the file cannot be written") == true)
                #expect(error?.message.contains("folder") == false)
                #expect(error?.underlyingCode == "SQLITE_READONLY (8)")
                let store = try SQLiteEventStore(path: path, mode: .readOnly)
                #expect(try await store.cases(CaseQuery()).count == 2)
            }
        }
    }

    @Test func aMissingFolderIsNamed() throws {
        let folder = "/nonexistent-\(UUID().uuidString)"
        for mode in [SQLiteEventStore.Mode.readWrite, .readOnly] {
            let error = #expect(throws: StoreError.self) {
                try SQLiteEventStore(path: folder + "/cases.sqlite", mode: mode)
            }
            #expect(error?.kind == .unavailable)
            #expect(error?.message.contains("the folder \(folder) does not exist") == true)
            #expect(error?.underlyingCode == "SQLITE_CANTOPEN (14)")
        }
    }

    @Test func aMissingFileOpenedForReadingIsNamed() async throws {
        try await TemporaryStore.withPath { path in
            let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: path, mode: .readOnly) }
            #expect(error?.kind == .unavailable)
            #expect(error?.message.contains("the file does not exist") == true)
            let files = try TemporaryStore.files(beside: path)
            #expect(files == [])
        }
    }

    @Test func aFileThatIsNotADatabaseIsCorrupt() async throws {
        try await TemporaryStore.withPath { path in
            try Data(String(repeating: "not a database ", count: 300).utf8).write(
                to: URL(fileURLWithPath: path))
            for mode in [SQLiteEventStore.Mode.readWrite, .readOnly] {
                let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: path, mode: mode) }
                #expect(error?.kind == .corrupt)
                #expect(error?.message.contains(path) == true)
                #expect(error?.message.contains("not a SQLite database") == true)
                #expect(error?.underlyingCode == "SQLITE_NOTADB (26)")
            }
        }
    }

    @Test func aDatabaseThatIsNotAnEventStoreIsIncompatible() async throws {
        try await TemporaryStore.withPath { path in
            try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE recipes (name TEXT)") }
            let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: path) }
            #expect(error?.kind == .incompatible)
            #expect(error?.message.contains("not a OneThing event store (its tables are recipes)") == true)
        }
    }

    @Test func aFullDiskIsAnErrorAndNothingIsWritten() async throws {
        try await TemporaryStore.with { store in
            let pool = try #require(store.pool)
            try await store.saveBlueprint(Cases.blueprint)
            try await store.append(Cases.events("first", startingAt: Cases.firstStart, upTo: .completed))
            // The file may not grow past its size now: the next pages do not fit, as on a full disk.
            try await pool.writeWithoutTransaction { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                try db.execute(sql: "PRAGMA max_page_count = \(pages)")
            }
            let many = (0..<500).flatMap {
                Cases.events("c\($0)", startingAt: Cases.firstStart, upTo: .completed)
            }
            let error = await #expect(throws: StoreError.self) { try await store.append(many) }
            #expect(error?.kind == .full)
            #expect(error?.underlyingCode == "SQLITE_FULL (13)")
            #expect(error?.message.contains("is full") == true)
            #expect(error?.message.contains("nothing was written") == true)
            #expect(try await store.cases(CaseQuery()).map(\.id) == ["first"])
            try await pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA max_page_count = 1073741823")
            }
            try await store.append(many)
            #expect(try await store.cases(CaseQuery()).count == 501)
        }
    }

    @Test func aLockHeldPastTheTimeoutIsUnavailableAndSaysSo() async throws {
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path)
            let store = try SQLiteEventStore(path: path, busyTimeout: 0.2)
            // Another connection (SQLite's own, as another program would hold it) takes the write lock.
            var holder: OpaquePointer?
            #expect(sqlite3_open(path, &holder) == SQLITE_OK)
            defer { sqlite3_close(holder) }
            #expect(sqlite3_exec(holder, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK)
            let started = Date()
            let error = await #expect(throws: StoreError.self) {
                _ = try await store.newCaseID(acceptedOn: Cases.firstStart.chinaDate)
            }
            #expect(Date().timeIntervalSince(started) >= 0.2)
            #expect(error?.kind == .unavailable)
            #expect(error?.isTransient == true)
            #expect(error?.underlyingCode == "SQLITE_BUSY (5)")
            #expect(error?.message.contains("the timeout of 0.2 s") == true)
            // Reading goes on while another connection writes.
            #expect(try await store.cases(CaseQuery()).count == 2)
            #expect(sqlite3_exec(holder, "ROLLBACK", nil, nil, nil) == SQLITE_OK)
            #expect(try await store.newCaseID(acceptedOn: Cases.firstStart.chinaDate).hasSuffix("-0001"))
        }
    }

    @Test func codesAreNamedWithTheirNumbers() {
        #expect(StoreError.code(13) == "SQLITE_FULL (13)")
        #expect(StoreError.code(778) == "SQLITE_IOERR_WRITE (778)")
        #expect(StoreError.code(1544) == "SQLITE_READONLY_DIRECTORY (1544)")
        #expect(StoreError.code(2067) == "SQLITE_CONSTRAINT_UNIQUE (2067)")
        #expect(StoreError.code(11 | 99 << 8) == "SQLITE_CORRUPT (25355)")
    }
}
