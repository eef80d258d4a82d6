import Foundation
import GRDB
import OneThingEvents
import OneThingStoreContract
import Testing

@testable import OneThingSQLite

/// The full check finds every kind of damage and names it; the store refuses a damaged
/// row when it reads it, naming the case and the event.
struct StoreCheckTests {
    typealias Cases = ContractCases

    /// A store with three cases (and `later` cases started after them), closed.
    static func makeStore(at path: String, later: Int = 0) async throws {
        let store = try SQLiteEventStore(path: path)
        try await store.saveBlueprint(Cases.blueprint)
        for (index, id) in ["a", "b", "c"].enumerated() {
            let progress: Cases.Progress = index == 0 ? .completed : .inspected
            try await store.append(
                Cases.events(id, startingAt: Cases.moment(days: Double(index)), upTo: progress))
        }
        for index in 0..<later {
            try await store.append(
                Cases.events("later-\(index)", startingAt: Cases.moment(days: 5), upTo: .accepted))
        }
        _ = try await store.newCaseID(acceptedOn: Cases.firstStart.chinaDate)
        try await store.setMetadata("market=manual", for: "adapters")
    }

    /// Changes the file at `path` with `sql`, as a damaged disk or a hand edit would,
    /// bypassing the store.
    static func tamper(_ path: String, _ sql: String) throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    @Test func aHealthyStorePassesWithItsCounts() async throws {
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path)
            let report = try SQLiteEventStore.check(path: path)
            #expect(report.isHealthy)
            #expect(report.schemaVersion == 2)
            #expect(report.cases == 3 && report.blueprints == 1)
            #expect(report.events == 13 + 9 + 9)
        }
    }

    @Test func aDamagedEventIsRefusedOnReadingAndFoundByTheCheck() async throws {
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path, later: OpeningCheck.newestCases)
            try Self.tamper(path, "UPDATE events SET payload = x'FFFF' WHERE case_id = 'a' AND sequence = 3")
            // The opening check reads the newest cases only; case a is read when asked for.
            let store = try SQLiteEventStore(path: path, mode: .readOnly)
            let error = await #expect(throws: StoreError.self) { try await store.events(of: "a") }
            #expect(error?.kind == .corrupt)
            #expect(error?.caseID == "a")
            #expect(error?.message.contains("case a, event 3") == true)
            #expect(error?.message.contains("onething store check --db \(path)") == true)
            #expect(try await store.events(of: "b").count == 9)
            let report = try SQLiteEventStore.check(path: path)
            #expect(report.problems.map(\.kind) == [.event])
            #expect(report.problems.first?.caseID == "a" && report.problems.first?.sequence == 3)
        }
    }

    @Test func aChangedMomentIsCaughtByItsDigest() async throws {
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path)
            try Self.tamper(path, "UPDATE events SET at = at + 1 WHERE case_id = 'a' AND sequence = 5")
            let report = try SQLiteEventStore.check(path: path)
            #expect(report.problems.contains { $0.kind == .event && $0.caseID == "a" && $0.sequence == 5 })
        }
    }

    @Test func aMissingEventIsCaughtByTheSummarysCount() async throws {
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path)
            try Self.tamper(path, "DELETE FROM events WHERE case_id = 'c' AND sequence = 9")
            let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: path) }
            #expect(error?.kind == .corrupt)
            #expect(
                error?.message.contains("case c: the store holds 8 events, but the case's summary counts 9")
                    == true)
            let report = try SQLiteEventStore.check(path: path)
            #expect(report.problems.map(\.kind) == [.missingEvent])
        }
    }

    @Test func aSummaryThatIsNotTheFoldOfItsEventsIsFound() async throws {
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path)
            // A summary rewritten with a correct digest but the wrong departments: only the fold shows it.
            let queue = try DatabaseQueue(path: path)
            let found = try await queue.read { db in
                try SummaryRows.stored("b", in: db, file: StoreFile(path: path, busyTimeout: 1))
            }
            try queue.close()
            let stored = try #require(found)
            var wrong = stored.summary
            wrong.waitingOn = ["fire"]
            let digest = Int64(bitPattern: RowDigest.summary(wrong, ordinal: stored.ordinal))
            try Self.tamper(
                path, "UPDATE cases SET waiting_on = '[\"fire\"]', digest = \(digest) WHERE id = 'b'")
            let report = try SQLiteEventStore.check(path: path)
            #expect(report.problems.contains { $0.kind == .summary && $0.caseID == "b" })
            #expect(report.problems.contains { $0.kind == .index && $0.caseID == "b" })
        }
    }

    @Test func aChangedSummaryIsRefusedWhenListed() async throws {
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path)
            try Self.tamper(path, "UPDATE cases SET events = 12 WHERE id = 'a'")
            let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: path, mode: .readOnly) }
            #expect(error?.kind == .corrupt)
            let report = try SQLiteEventStore.check(path: path)
            #expect(report.problems.contains { $0.kind == .summary && $0.caseID == "a" })
        }
    }

    @Test func aDamagedHeaderIsCorruptForReadingAndWriting() async throws {
        try await TemporaryStore.withPath { path in
            try await Self.makeStore(at: path)
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            // Byte 18 is SQLite's write version: above 2, SQLite opens the file read-only. 19 is
            // the read version, 21 a payload fraction, 47 the schema format, 59 the text encoding.
            for (offset, modes) in [
                (18, [SQLiteEventStore.Mode.readWrite]), (19, [.readWrite, .readOnly]),
                (21, [.readWrite, .readOnly]), (47, [.readWrite, .readOnly]), (59, [.readWrite, .readOnly]),
            ] {
                var bytes = [UInt8](original)
                bytes[offset] = 7
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                for mode in modes {
                    let error = #expect(throws: StoreError.self, "byte \(offset), \(mode)") {
                        try SQLiteEventStore(path: path, mode: mode)
                    }
                    #expect(error?.kind == .corrupt, "byte \(offset), \(mode): \(String(describing: error))")
                    #expect(error?.message.contains("header") == true)
                }
            }
        }
    }

    @Test func aFileThatIsNotADatabaseIsReportedNotThrown() async throws {
        try await TemporaryStore.withPath { path in
            try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
            let report = try SQLiteEventStore.check(path: path)
            #expect(report.problems.map(\.kind) == [.file])
            #expect(report.problems.first?.detail.contains("not a SQLite database") == true)
        }
    }

    @Test func aMissingFileIsAnError() async throws {
        try await TemporaryStore.withPath { path in
            let error = #expect(throws: StoreError.self) { try SQLiteEventStore.check(path: path) }
            #expect(error?.kind == .unavailable)
        }
    }
}
