import Foundation
import OneThingRuntime
import Testing

// MARK: - The contract
// One text for every store: InMemoryContractTests and SQLiteContractTests run it.

/// What every ``EventStore`` does, as checks that take a new, empty store: the
/// in-memory store and the SQLite store run the same ones, so they answer alike.
enum EventStoreContract {
    /// A small blueprint: a licence from `market`, then a permit from `fire` and a seal
    /// from `police` side by side; five working days promised.
    static let blueprint: CaseBlueprint = {
        let json = """
            {"bundle": "contract", "version": "1.0.0", "lead": "market", "stopAllOnRejection": false,
             "tasks": [
               {"item": "licence", "name": "营业执照", "department": "market", "promised": 2,
                "predecessors": [], "successors": [1, 2], "deferred": [], "outputs": ["licence"]},
               {"item": "permit", "name": "消防许可", "department": "fire", "promised": 3,
                "predecessors": [0], "successors": [], "deferred": [], "outputs": ["permit"]},
               {"item": "seal", "name": "刻章", "department": "police", "promised": 1,
                "predecessors": [0], "successors": [], "deferred": [], "outputs": []}
             ],
             "deferredDeadlines": {}, "core": ["application"], "promise": 5}
            """
        return try! JSONDecoder().decode(CaseBlueprint.self, from: Data(json.utf8))
    }()

    /// How far a case is taken.
    enum Progress {
        /// Started and accepted: waiting on the licence (market).
        case waitingOnLicence
        /// The licence approved: waiting on the permit (fire) and the seal (police).
        case licensed
        /// Everything approved and delivered.
        case completed
        /// The core material missing: not accepted, delivered at once.
        case notAccepted
    }

    /// The events of case `id` started at `at` and taken as far as `progress`.
    static func events(_ id: CaseID, at start: WorkTime, _ progress: Progress) -> [CaseEvent] {
        var runtime = CaseRuntime(seed: 1)
        runtime.start(
            id, blueprint: blueprint,
            start: CaseStart(
                bundle: blueprint.bundle, version: blueprint.version, answers: ["venue.area_m2": "80"],
                provided: progress == .notAccepted ? [] : ["application"], lead: blueprint.lead,
                blueprint: blueprint.fingerprint),
            at: start)
        func approve(_ items: [String], at time: WorkTime) {
            for effect in runtime.takeEffects() {
                if case .submit(let request) = effect, items.contains(request.item) {
                    runtime.report(.approved, for: request.key, at: time)
                }
            }
        }
        if progress == .licensed || progress == .completed { approve(["licence"], at: start + 1) }
        if progress == .completed { approve(["permit", "seal"], at: start + 2) }
        return runtime.takeOutbox()
    }

    /// The summary a projection of `events` gives.
    static func summary(of events: [CaseEvent]) -> CaseSummary? {
        guard let first = events.first else { return nil }
        var projection = CaseProjection(id: first.caseID, blueprint: blueprint)
        for event in events { projection.apply(event) }
        return projection.summary
    }

    static func appendedEventsReadBackInOrder(_ store: some EventStore) async throws {
        try await store.saveBlueprint(blueprint)
        let a = events("a", at: 0, .completed)
        let b = events("b", at: 1, .licensed)
        // Two cases interleaved in one append.
        var mixed: [CaseEvent] = []
        for index in 0..<max(a.count, b.count) {
            if index < a.count { mixed.append(a[index]) }
            if index < b.count { mixed.append(b[index]) }
        }
        try await store.append(mixed)
        #expect(try await store.events(of: "a") == a)
        #expect(try await store.events(of: "b") == b)
        #expect(try await store.events(of: "nobody") == [])
        try await store.append([])
        #expect(try await store.events(of: "a") == a)
    }

    static func aCaseGoesOnInLaterAppends(_ store: some EventStore) async throws {
        try await store.saveBlueprint(blueprint)
        let all = events("a", at: 0, .completed)
        for event in all { try await store.append([event]) }
        #expect(try await store.events(of: "a") == all)
        #expect(try await store.cases(CaseQuery()) == [summary(of: all)!])
    }

    static func aGapIsRefused(_ store: some EventStore) async throws {
        try await store.saveBlueprint(blueprint)
        let a = events("a", at: 0, .completed)
        try await store.append(Array(a[0..<2]))
        await #expect(throws: StoreError.self) { try await store.append([a[3]]) }  // a[2] is missing
        #expect(try await store.events(of: "a") == Array(a[0..<2]))
        #expect(try await store.cases(CaseQuery()).first?.events == 2)
        try await store.append(Array(a[2...]))
        #expect(try await store.events(of: "a") == a)
    }

    static func aRepeatedSequenceIsRefused(_ store: some EventStore) async throws {
        try await store.saveBlueprint(blueprint)
        let a = events("a", at: 0, .licensed)
        try await store.append(Array(a[0..<3]))
        await #expect(throws: StoreError.self) { try await store.append([a[2], a[3]]) }
        await #expect(throws: StoreError.self) { try await store.append([a[0]]) }
        #expect(try await store.events(of: "a") == Array(a[0..<3]))
        #expect(try await store.cases(CaseQuery()).first?.events == 3)
    }

    static func aRefusedAppendWritesNothingOfItsBatch(_ store: some EventStore) async throws {
        try await store.saveBlueprint(blueprint)
        let a = events("a", at: 0, .licensed)
        try await store.append(Array(a[0..<2]))
        let other = events("other", at: 1, .licensed)
        // Good events first, then a gap, then a repeat: the whole batch is refused.
        await #expect(throws: StoreError.self) { try await store.append(other + [a[3]]) }
        await #expect(throws: StoreError.self) { try await store.append([a[2], a[3], a[3]]) }
        #expect(try await store.events(of: "other") == [])
        #expect(try await store.events(of: "a") == Array(a[0..<2]))
        #expect(try await store.cases(CaseQuery()).map(\.id) == ["a"])
        #expect(try await store.cases(CaseQuery()).first?.events == 2)
        try await store.append(other + Array(a[2...]))
        #expect(try await store.events(of: "a") == a)
        #expect(try await store.cases(CaseQuery()).map(\.id) == ["a", "other"])
    }

    static func aCaseBeginsWithAStartOfAKnownBlueprint(_ store: some EventStore) async throws {
        let a = events("a", at: 0, .waitingOnLicence)
        // The blueprint was never saved.
        await #expect(throws: StoreError.self) { try await store.append(a) }
        try await store.saveBlueprint(blueprint)
        // A case whose first event is not its start, or whose start is not event 1.
        await #expect(throws: StoreError.self) { try await store.append(Array(a[1...])) }
        var late = a[0]
        late.sequence = 2
        await #expect(throws: StoreError.self) { try await store.append([late]) }
        #expect(try await store.events(of: "a") == [])
        #expect(try await store.cases(CaseQuery()) == [])
        try await store.append(a)
        #expect(try await store.events(of: "a") == a)
    }

    static func queriesSelectByOpenDepartmentDueDateAndLimit(_ store: some EventStore) async throws {
        try await store.saveBlueprint(blueprint)
        // Due at 5, 6, 7 and 8: started at 0, 1, 2 and 3 with five days promised.
        try await store.append(events("a", at: 0, .waitingOnLicence))
        try await store.append(events("b", at: 1, .licensed) + events("c", at: 2, .completed))
        try await store.append(events("d", at: 3, .notAccepted))
        func ids(_ query: CaseQuery) async throws -> [CaseID] { try await store.cases(query).map(\.id) }
        #expect(try await ids(CaseQuery()) == ["a", "b", "c", "d"])
        #expect(try await ids(CaseQuery(open: true)) == ["a", "b"])
        #expect(try await ids(CaseQuery(open: false)) == ["c", "d"])
        #expect(try await ids(CaseQuery(department: "market")) == ["a"])
        #expect(try await ids(CaseQuery(department: "fire")) == ["b"])
        #expect(try await ids(CaseQuery(department: "police")) == ["b"])
        #expect(try await ids(CaseQuery(department: "nobody")) == [])
        #expect(try await ids(CaseQuery(open: false, department: "fire")) == [])
        #expect(try await ids(CaseQuery(dueBy: 4.5)) == [])
        #expect(try await ids(CaseQuery(dueBy: 5)) == ["a"])
        #expect(try await ids(CaseQuery(dueBy: 6)) == ["a", "b"])
        #expect(try await ids(CaseQuery(dueBy: 100)) == ["a", "b"])  // closed cases are never due
        #expect(try await ids(CaseQuery(open: false, dueBy: 100)) == [])
        #expect(try await ids(CaseQuery(department: "fire", dueBy: 5)) == [])
        #expect(try await ids(CaseQuery(limit: 1)) == ["a"])
        #expect(try await ids(CaseQuery(limit: 3)) == ["a", "b", "c"])
        #expect(try await ids(CaseQuery(limit: 10)) == ["a", "b", "c", "d"])
        #expect(try await ids(CaseQuery(open: false, limit: 1)) == ["c"])
        // The licence approved later: a leaves market, and waits on fire and police.
        var runtime = CaseRuntime(seed: 1)
        runtime.restore(try await store.events(of: "a"), blueprint: blueprint, at: 4)
        for effect in runtime.takeEffects() {
            if case .submit(let request) = effect { runtime.report(.approved, for: request.key, at: 4) }
        }
        try await store.append(runtime.takeOutbox())
        #expect(try await ids(CaseQuery(department: "market")) == [])
        #expect(try await ids(CaseQuery(department: "fire")) == ["a", "b"])
    }

    static func summariesAreTheProjectionsOfTheEvents(_ store: some EventStore) async throws {
        try await store.saveBlueprint(blueprint)
        let cases = [
            events("a", at: 0, .waitingOnLicence), events("b", at: 1.5, .licensed),
            events("c", at: 2, .completed), events("d", at: 3, .notAccepted),
        ]
        try await store.append(cases.flatMap { $0 })
        let summaries = try await store.cases(CaseQuery())
        #expect(summaries == cases.map { summary(of: $0)! })
        let b = try #require(summaries.dropFirst().first)
        #expect(b.bundle == "contract" && b.version == "1.0.0" && b.lead == "market")
        #expect(b.startedAt == 1.5 && b.dueAt == 6.5 && b.outcome == nil && b.deliveredAt == nil)
        #expect(b.waitingOn == ["fire", "police"])
        #expect(b.events == cases[1].count)
        let c = summaries[2]
        #expect(c.outcome == .completed && c.deliveredAt == 4 && c.waitingOn == [])
        #expect(summaries[3].outcome == .notAccepted)
    }

    static func blueprintsAreSavedOnce(_ store: some EventStore) async throws {
        #expect(try await store.blueprint(blueprint.fingerprint) == nil)
        try await store.saveBlueprint(blueprint)
        try await store.saveBlueprint(blueprint)
        #expect(try await store.blueprint(blueprint.fingerprint) == blueprint)
        #expect(try await store.blueprint("contract@1.0.0#0000000000000000") == nil)
    }
}
