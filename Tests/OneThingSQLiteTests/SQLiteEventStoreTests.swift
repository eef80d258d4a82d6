import Foundation
import GRDB
import OneThingEvents
import OneThingStoreContract
import Synchronization
import Testing

@testable import OneThingSQLite

/// What only the SQLite store does: a file that outlives the store, its settings, two
/// stores on one file, large batches, and the format it writes.
struct SQLiteEventStoreTests {
    typealias Cases = ContractCases

    static func events(_ id: CaseID, day: Double = 0, _ progress: Cases.Progress) -> [CaseEvent] {
        Cases.events(id, startingAt: Cases.moment(days: day), upTo: progress)
    }

    @Test func aReopenedFileHasEverythingAndOpenCasesGoOn() async throws {
        try await TemporaryStore.withPath { path in
            let open = Self.events("open", .inspected)
            let done = Self.events("done", day: 1, .completed)
            do {
                let store = try SQLiteEventStore(path: path)
                try await store.saveBlueprint(Cases.blueprint)
                try await store.append(Array(open[0..<3]) + done)
            }
            let store = try SQLiteEventStore(path: path)
            #expect(try await store.blueprint(Cases.blueprint.fingerprint) == Cases.blueprint)
            #expect(try await store.events(of: "open") == Array(open[0..<3]))
            #expect(try await store.events(of: "done") == done)
            #expect(try await store.cases(CaseQuery(open: true)).map(\.id) == ["open"])
            // The open case is not in this store's memory: it is folded from the file.
            try await store.append(Array(open[3...]))
            #expect(try await store.events(of: "open") == open)
            #expect(
                try await store.cases(CaseQuery())
                    == [Cases.summary(of: open), Cases.summary(of: done)].compactMap { $0 })
            #expect(try await store.cases(CaseQuery(department: "health")).map(\.id) == ["open"])
            // A closed case, dropped from memory, still refuses a repeated start.
            let error = await #expect(throws: StoreError.self) { try await store.append([done[0]]) }
            #expect(error?.kind == .conflict)
        }
    }

    @Test(arguments: [SQLiteEventStore.Durability.normal, .full])
    func theFileIsInWALModeWithTheChosenSynchronousSetting(durability: SQLiteEventStore.Durability)
        async throws
    {
        try await TemporaryStore.with(durability: durability) { store in
            let pool = try #require(store.pool)
            let (journal, synchronous) = try await pool.write { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                    try Int.fetchOne(db, sql: "PRAGMA synchronous")
                )
            }
            #expect(journal == "wal")
            #expect(synchronous == (durability == .full ? 2 : 1))
            #expect(store.durability == durability)
        }
    }

    @Test func theFileRecordsItsSchemaAndEventFormat() async throws {
        try await TemporaryStore.with { store in
            let marks = try await store.reader.read { db in
                (
                    try Int.fetchOne(db, sql: "PRAGMA user_version"),
                    try Int.fetchOne(db, sql: "PRAGMA application_id"),
                    try Int.fetchOne(db, sql: "SELECT value FROM store_format WHERE name = 'schema'"),
                    try Int.fetchOne(db, sql: "SELECT value FROM store_format WHERE name = 'event-format'")
                )
            }
            #expect(marks.0 == 2)
            #expect(marks.1 == 0x4F54_4553)
            #expect(marks.2 == 2)
            #expect(marks.3 == EventCodec.formatVersion)
        }
    }

    @Test func eventsAreStoredWithMillisecondsTheCodecsNameAndDigest() async throws {
        try await TemporaryStore.with { store in
            try await store.saveBlueprint(Cases.blueprint)
            let events = Self.events("a", .accepted)
            try await store.append(events)
            let rows = try store.reader.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT sequence, at, kind, payload, digest FROM events ORDER BY sequence")
            }
            #expect(rows.count == events.count)
            for (row, event) in zip(rows, events) {
                #expect(row[1] as Int64 == event.at.milliseconds)
                #expect(row[2] as String == EventCodec.name(of: event.kind))
                #expect([UInt8](row[3] as Data) == EventCodec.payload(of: event.kind))
                #expect(UInt64(bitPattern: row[4] as Int64) == EventCodec.digest(of: event))
            }
            let summary = try store.reader.read { db in
                try Row.fetchOne(db, sql: "SELECT started_at, promised_by FROM cases")
            }
            #expect(summary?[0] as Int64? == events[0].at.milliseconds)
            #expect(summary?[1] as Int64? == Cases.promisedBy(startingAt: events[0].at).milliseconds)
        }
    }

    @Test func twoStoresOnOneFileSeeAndContinueEachOthersCases() async throws {
        try await TemporaryStore.withPath { path in
            let first = try SQLiteEventStore(path: path)
            let second = try SQLiteEventStore(path: path)
            try await first.saveBlueprint(Cases.blueprint)
            #expect(try await second.blueprint(Cases.blueprint.fingerprint) == Cases.blueprint)
            let a = Self.events("a", .completed)
            try await first.append(Array(a[0..<3]))
            #expect(try await second.events(of: "a") == Array(a[0..<3]))
            // The second store continues the case; the first one's memory of it is stale.
            try await second.append(Array(a[3..<5]))
            let error = await #expect(throws: StoreError.self) { try await first.append([a[3]]) }
            #expect(error?.kind == .conflict)
            #expect(error?.caseID == "a")
            try await first.append(Array(a[5...]))
            #expect(try await first.events(of: "a") == a)
            #expect(try await second.cases(CaseQuery()) == [Cases.summary(of: a)].compactMap { $0 })
            // Both write at once: the writes wait for each other.
            async let one: Void = first.append(
                (0..<50).flatMap { Self.events("one-\($0)", day: 1, .inspected) })
            async let two: Void = second.append(
                (0..<50).flatMap { Self.events("two-\($0)", day: 2, .inspected) })
            _ = try await (one, two)
            #expect(try await first.cases(CaseQuery(open: true)).count == 100)
            #expect(try await second.events(of: "two-49") == Self.events("two-49", day: 2, .inspected))
        }
    }

    @Test func tenThousandEventsInOneAppend() async throws {
        try await TemporaryStore.with { store in
            try await store.saveBlueprint(Cases.blueprint)
            var batch: [CaseEvent] = []
            var index = 0
            while batch.count < 10_000 {
                batch += Self.events("c\(index)", day: Double(index) / 100, .completed)
                index += 1
            }
            try await store.append(Array(batch.prefix(10_000)))
            let cases = try await store.cases(CaseQuery())
            #expect(cases.count == index)
            #expect(cases.map(\.events).reduce(0, +) == 10_000)
            #expect(try await store.cases(CaseQuery(open: true)).map(\.id) == ["c\(index - 1)"])
            #expect(try await store.events(of: "c500") == Self.events("c500", day: 5, .completed))
        }
    }

    @Test func theLogIsCheckpointedOnAConnectionOfItsOwnNotInTheWritersCommit() async throws {
        try await TemporaryStore.withPath { path in
            let store = try SQLiteEventStore(path: path)
            try await store.saveBlueprint(Cases.blueprint)
            let before = try Self.size(of: path)
            var index = 0
            // Appends of 50 cases each until the log has passed the 1,000 pages at which
            // a checkpoint is asked for.
            while index < 4_000, store.checkpoints?.counts.ran ?? 0 == 0 {
                var batch: [CaseEvent] = []
                for _ in 0..<50 {
                    batch += Self.events("c\(index)", day: Double(index) / 1_000, .completed)
                    index += 1
                }
                try await store.append(batch)
            }
            let counts = try #require(store.checkpoints?.counts)
            #expect(counts.ran >= 1 && counts.failed == 0, "checkpoints ran (after \(index) cases)")
            #expect(try Self.size(of: path) > before + 1_000_000, "the pages were copied into the database")
            #expect(try await store.cases(CaseQuery()).count == index)
            #expect(try await store.events(of: "c17") == Self.events("c17", day: 0.017, .completed))
        }
    }

    static func size(of path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    }

    @Test func twentyStoresOnOneFileNeverGiveTheSameCaseID() async throws {
        // Twenty stores stand for twenty processes: each has its own connections, and
        // SQLite's file locks order their write transactions.
        try await TemporaryStore.withPath { path in
            _ = try SQLiteEventStore(path: path)
            let date = Cases.firstStart.chinaDate
            let ids = try await withThrowingTaskGroup(of: [CaseID].self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let store = try SQLiteEventStore(path: path)
                        var ids: [CaseID] = []
                        for _ in 0..<10 { ids.append(try await store.newCaseID(acceptedOn: date)) }
                        return ids
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(ids.count == 200)
            #expect(Set(ids) == Set((1...200).map { CaseIDFormat.make(acceptedOn: date, number: $0) }))
        }
    }

    @Test func twentyStoresOpeningANewFileAtOnceAllWork() async throws {
        // The first to open makes the tables; the others wait for it, or find them made.
        try await TemporaryStore.withPath { path in
            let date = Cases.firstStart.chinaDate
            let ids = try await withThrowingTaskGroup(of: CaseID.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await SQLiteEventStore(path: path).newCaseID(acceptedOn: date) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(ids) == Set((1...20).map { CaseIDFormat.make(acceptedOn: date, number: $0) }))
            #expect(try SQLiteEventStore.check(path: path).isHealthy)
        }
    }

    @Test func storesOpeningANewFileWhileOthersWriteAndCloseAllWork() async throws {
        // Threads stand for processes that start together on a new file, each opening it,
        // writing a case and closing it four times. The first makes the tables and writes
        // at once while the others are half-way through opening: one has read that the
        // file needs its tables and finds them made and filled when its turn comes; one
        // turns on the log, or makes it again after the last to close removed it, on a
        // snapshot another has just moved past (SQLite says "busy" at once, without
        // waiting for the timeout).
        for _ in 0..<6 {
            try await TemporaryStore.withPath { path in
                let failures = Failures()
                let group = DispatchGroup()
                for index in 0..<12 {
                    group.enter()
                    Thread {
                        defer { group.leave() }
                        for round in 0..<4 {
                            do {
                                let store = try SQLiteEventStore(path: path)
                                let written = DispatchSemaphore(value: 0)
                                Task {
                                    defer { written.signal() }
                                    do {
                                        try await store.saveBlueprint(Cases.blueprint)
                                        try await store.append(Self.events("c\(index)-\(round)", .completed))
                                    } catch {
                                        failures.add("writing: \(error)")
                                    }
                                }
                                written.wait()
                            } catch {
                                failures.add("opening: \(error)")
                            }
                        }
                    }.start()
                }
                await withCheckedContinuation { done in group.notify(queue: .global()) { done.resume() } }
                #expect(failures.all == [])
                let store = try SQLiteEventStore(path: path, mode: .readOnly)
                #expect(try await store.cases(CaseQuery()).count == 48)
            }
        }
    }

    /// What threads that stand for processes report.
    final class Failures: Sendable {
        private let list = Mutex<[String]>([])

        func add(_ failure: String) { list.withLock { $0.append(failure) } }

        var all: [String] { list.withLock { $0 } }
    }

    @Test func aCaseNumberAStoredCaseHasIsSkipped() async throws {
        try await TemporaryStore.with { store in
            try await store.saveBlueprint(Cases.blueprint)
            let date = Cases.firstStart.chinaDate
            // A case numbered by someone else (an older version) before the counter moved.
            try await store.append(Self.events(CaseIDFormat.make(acceptedOn: date, number: 1), .accepted))
            #expect(
                try await store.newCaseID(acceptedOn: date) == CaseIDFormat.make(acceptedOn: date, number: 2))
        }
    }
}
