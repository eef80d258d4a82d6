import Foundation
import GRDB
import OneThingRuntime
import Testing

@testable import OneThingSQLite

/// What only the SQLite store does: a file that outlives the store, its settings, two
/// stores on one file, large batches, and errors instead of crashes.
struct SQLiteEventStoreTests {
    typealias Contract = EventStoreContract

    @Test func aReopenedFileHasEverythingAndOpenCasesGoOn() async throws {
        try await TemporaryStore.withPath { path in
            let open = Contract.events("open", at: 0, .licensed)
            let done = Contract.events("done", at: 1, .completed)
            do {
                let store = try SQLiteEventStore(path: path)
                try await store.saveBlueprint(Contract.blueprint)
                try await store.append(Array(open[0..<3]) + done)
            }
            let store = try SQLiteEventStore(path: path)
            #expect(try await store.blueprint(Contract.blueprint.fingerprint) == Contract.blueprint)
            #expect(try await store.events(of: "open") == Array(open[0..<3]))
            #expect(try await store.events(of: "done") == done)
            #expect(try await store.cases(CaseQuery(open: true)).map(\.id) == ["open"])
            // The open case is not in this store's memory: it is folded from the file.
            try await store.append(Array(open[3...]))
            #expect(try await store.events(of: "open") == open)
            #expect(
                try await store.cases(CaseQuery()) == [
                    Contract.summary(of: open)!, Contract.summary(of: done)!,
                ])
            #expect(try await store.cases(CaseQuery(department: "fire")).map(\.id) == ["open"])
            // A closed case, dropped from memory, still refuses a repeated start.
            await #expect(throws: StoreError.self) { try await store.append([done[0]]) }
        }
    }

    @Test(arguments: [SQLiteEventStore.Durability.normal, .full])
    func theFileIsInWALModeWithTheChosenSynchronousSetting(durability: SQLiteEventStore.Durability)
        async throws
    {
        try await TemporaryStore.with(durability: durability) { store in
            let (journal, synchronous) = try await store.pool.write { db in
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

    @Test func twoStoresOnOneFileSeeAndContinueEachOthersCases() async throws {
        try await TemporaryStore.withPath { path in
            let first = try SQLiteEventStore(path: path)
            let second = try SQLiteEventStore(path: path)
            try await first.saveBlueprint(Contract.blueprint)
            #expect(try await second.blueprint(Contract.blueprint.fingerprint) == Contract.blueprint)
            let a = Contract.events("a", at: 0, .completed)
            try await first.append(Array(a[0..<3]))
            #expect(try await second.events(of: "a") == Array(a[0..<3]))
            // The second store continues the case; the first one's memory of it is stale.
            try await second.append(Array(a[3..<5]))
            await #expect(throws: StoreError.self) { try await first.append([a[3]]) }
            try await first.append(Array(a[5...]))
            #expect(try await first.events(of: "a") == a)
            #expect(try await second.cases(CaseQuery()) == [Contract.summary(of: a)!])
            // Both write at once: the writes wait for each other.
            async let one: Void = first.append(
                (0..<50).flatMap { Contract.events("one-\($0)", at: 1, .licensed) })
            async let two: Void = second.append(
                (0..<50).flatMap { Contract.events("two-\($0)", at: 2, .licensed) })
            _ = try await (one, two)
            #expect(try await first.cases(CaseQuery(open: true)).count == 100)
            #expect(try await second.events(of: "two-49") == Contract.events("two-49", at: 2, .licensed))
        }
    }

    @Test func tenThousandEventsInOneAppend() async throws {
        try await TemporaryStore.with { store in
            try await store.saveBlueprint(Contract.blueprint)
            var batch: [CaseEvent] = []
            var index = 0
            while batch.count < 10_000 {
                batch += Contract.events("c\(index)", at: Double(index) / 100, .completed)
                index += 1
            }
            let cut = Array(batch.prefix(10_000))
            try await store.append(cut)
            let cases = try await store.cases(CaseQuery())
            #expect(cases.count == index)
            #expect(cases.map(\.events).reduce(0, +) == 10_000)
            #expect(try await store.cases(CaseQuery(open: true)).map(\.id) == ["c\(index - 1)"])
            #expect(try await store.events(of: "c500") == Contract.events("c500", at: 5, .completed))
            let rows = try await store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM events")
            }
            #expect(rows == 10_000)
        }
    }

    @Test func everyKindOfEventReadsBackAsWritten() async throws {
        try await TemporaryStore.with { store in
            try await store.saveBlueprint(Contract.blueprint)
            let start = CaseStart(
                bundle: "contract", version: "1.0.0", answers: ["a": "1", "名称": "川菜馆", "": ""],
                provided: ["application", "租赁合同"], lead: "market", blueprint: Contract.blueprint.fingerprint)
            let kinds: [CaseEvent.Kind] = [
                .started(start), .intake(.acceptedWithGaps(missing: ["x", "y"])),
                .dispatched(task: 0, attempt: 1, key: "k/licence/1"),
                .dispatchFailed(task: 0, attempt: 1, reason: "timeout", retryAt: 0.125),
                .dispatched(task: 0, attempt: 2, key: "k/licence/2"), .inReview(task: 0),
                .supplementRequested(task: 0, note: "补正：请补充\n平面图"), .supplementSupplied(task: 0),
                .dueSoon(task: 0, due: 2.5), .overdue(task: 0, due: -3.75), .escalated(task: 0, to: "market"),
                .approvalHeld(task: 0, materials: ["x"]), .materialSupplied(material: "x"),
                .approved(task: 0),
                .rejected(task: 1, reason: "不符合"), .cancelled(task: 2, reason: "licence did not succeed"),
                .failed(task: 2, reason: ""), .outcomeIgnored(task: 2, reason: "stale idempotency key"),
                .intake(.accepted), .intake(.rejectedIncomplete(missing: [])),
                .delivered(outputs: ["licence"], outcome: .partial),
            ]
            let events = kinds.enumerated().map {
                CaseEvent(caseID: "k", sequence: $0 + 1, at: 1e-3 * Double($0), kind: $1)
            }
            try await store.append(events)
            #expect(try await store.events(of: "k") == events)
        }
    }

    @Test func anEventAboutATaskTheBlueprintLacksIsRefused() async throws {
        try await TemporaryStore.with { store in
            try await store.saveBlueprint(Contract.blueprint)
            let a = Contract.events("a", at: 0, .waitingOnLicence)
            let wrong = CaseEvent(caseID: "a", sequence: a.count + 1, at: 1, kind: .approved(task: 3))
            let error = await #expect(throws: StoreError.self) { try await store.append(a + [wrong]) }
            #expect(error?.message.contains("task 3") == true)
            #expect(try await store.events(of: "a") == [])
        }
    }

    @Test func aDamagedPayloadIsAnErrorNotACrash() async throws {
        try await TemporaryStore.with { store in
            try await store.saveBlueprint(Contract.blueprint)
            try await store.append(Contract.events("a", at: 0, .waitingOnLicence))
            try await store.pool.write { db in
                try db.execute(
                    sql: "UPDATE events SET payload = x'FFFF' WHERE case_id = 'a' AND sequence = 3")
            }
            let error = await #expect(throws: StoreError.self) { try await store.events(of: "a") }
            #expect(error?.message.contains("event 3") == true)
        }
    }

    @Test func aFileThatIsNotADatabaseIsAnError() async throws {
        try await TemporaryStore.withPath { path in
            try Data(String(repeating: "not a database ", count: 100).utf8).write(
                to: URL(fileURLWithPath: path))
            let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: path) }
            #expect(error?.message.contains(path) == true)
            #expect(error?.message.contains("not a SQLite database") == true)
        }
    }

    @Test func aFolderThatDoesNotExistIsAnError() throws {
        let path = "/nonexistent-\(UUID().uuidString)/cases.sqlite"
        let error = #expect(throws: StoreError.self) { try SQLiteEventStore(path: path) }
        #expect(error?.message.contains("cannot be opened") == true)
    }

    @Test func aFullDiskIsAnErrorAndNothingIsWritten() async throws {
        try await TemporaryStore.with { store in
            try await store.saveBlueprint(Contract.blueprint)
            try await store.append(Contract.events("first", at: 0, .completed))
            // The file may not grow past its size now: the next pages do not fit, as on a full disk.
            try await store.pool.writeWithoutTransaction { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                try db.execute(sql: "PRAGMA max_page_count = \(pages)")
            }
            let many = (0..<500).flatMap { Contract.events("c\($0)", at: 1, .completed) }
            let error = await #expect(throws: StoreError.self) { try await store.append(many) }
            #expect(error?.message.contains("the disk is full") == true)
            #expect(error?.message.contains("nothing was written") == true)
            #expect(try await store.cases(CaseQuery()).map(\.id) == ["first"])
            try await store.pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA max_page_count = 1073741823")
            }
            try await store.append(many)
            #expect(try await store.cases(CaseQuery()).count == 501)
        }
    }

    @Test func databaseErrorsAreSaidInPlainWords() {
        func message(_ code: ResultCode) -> String {
            StoreError.database(
                DatabaseError(resultCode: code), path: "/data/cases.sqlite", doing: "appending 3 events",
                writing: true
            ).message
        }
        #expect(message(.SQLITE_BUSY).contains("locked by another connection"))
        #expect(message(.SQLITE_CORRUPT).contains("corrupt"))
        #expect(message(.SQLITE_FULL).contains("the disk is full"))
        #expect(message(.SQLITE_READONLY).contains("cannot be written"))
        #expect(message(.SQLITE_IOERR).hasPrefix("/data/cases.sqlite: appending 3 events failed: "))
        #expect(message(.SQLITE_IOERR).hasSuffix("; nothing was written"))
    }
}
