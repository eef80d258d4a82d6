import Foundation
import OneThingRuntime
import OneThingTestSupport
import ServiceLifecycle
import Synchronization
import Testing

/// The engine as a service: commit then act, a failed append changes nothing and the
/// cases go on once the store is back, slow subscribers are dropped, timers run on the
/// clock, and a graceful shutdown drains the adapter calls in flight.
struct EngineTests {
    static let start = RuntimeFixtures.at("2026-12-03 09:00")

    /// Departments that take every submission and answer only when told.
    final class QuietDepartment: DepartmentAdapter {
        let received = Mutex<[Submission]>([])
        let withdrawn = Mutex<[Submission]>([])
        let delay: Duration

        init(delay: Duration = .zero) {
            self.delay = delay
        }

        func submit(_ submission: Submission) async throws(AdapterError) {
            if delay > .zero {
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw AdapterError("interrupted")
                }
            }
            received.withLock { $0.append(submission) }
        }
        func poll(_ submission: Submission) async throws(AdapterError) -> AdapterOutcome? { nil }
        func cancel(_ submission: Submission) async throws(AdapterError) {
            withdrawn.withLock { $0.append(submission) }
        }
    }

    /// A department system that takes a commit's submissions in one call, and refuses
    /// those of the cases it is told to.
    final class BatchDepartment: DepartmentAdapter {
        let batches = Mutex<[[Submission]]>([])
        let refusing: Set<CaseID>

        init(refusing: Set<CaseID> = []) {
            self.refusing = refusing
        }

        var submitsInBatches: Bool { true }
        func submit(_ submission: Submission) async throws(AdapterError) {
            if let failure = await submit(batch: [submission])[submission.key] { throw failure }
        }
        func submit(batch: [Submission]) async -> [String: AdapterError] {
            batches.withLock { $0.append(batch) }
            return Dictionary(
                uniqueKeysWithValues: batch.filter { refusing.contains($0.caseID) }.map {
                    ($0.key, AdapterError("the system is closed for the day (test)"))
                })
        }
        func poll(_ submission: Submission) async throws(AdapterError) -> AdapterOutcome? { nil }
        func cancel(_ submission: Submission) async throws(AdapterError) {}
    }

    static func engine(
        _ store: any EventStore, _ department: QuietDepartment = QuietDepartment(), clock: VirtualClock
    )
        throws -> Engine
    {
        Engine(
            store: store, adapters: AdapterDirectory(fallback: department), clock: clock,
            calendars: ["CN": try RuntimeFixtures.calendar()])
    }

    static func begin(_ engine: Engine) async throws -> CaseID {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        return try await engine.start(blueprint: blueprint, answers: [:], provided: blueprint.core)
    }

    /// Starts `count` cases at once.
    static func begin(_ count: Int, _ engine: Engine) async throws -> [CaseID] {
        try await withThrowingTaskGroup(of: CaseID.self) { group in
            for _ in 0..<count { group.addTask { try await Self.begin(engine) } }
            return try await group.reduce(into: [CaseID]()) { $0.append($1) }
        }
    }

    @Test func aFailedAppendLeavesTheCaseAsStoredAndItGoesOnWhenTheStoreIsBack() async throws {
        let store = RefusingStore()
        let clock = VirtualClock(start: Self.start)
        let engine = try Self.engine(store, clock: clock)
        let id = try await Self.begin(engine)
        let before = try await store.events(of: id)
        store.refuse(StoreError(.full, "the disk is full (test)"))
        await #expect(throws: EngineError.self) {
            try await engine.decide(.approved, case: id, step: "business-registration")
        }
        // Nothing of the refused decision is held: the engine's case is the store's.
        #expect(try await store.events(of: id) == before)
        let held = try #require(await engine.state(of: id))
        #expect(held == (try CaseState(id: id, blueprint: held.blueprint, events: before)))
        // Timers due while the store is down are not stored either.
        clock.advance(to: RuntimeFixtures.at("2026-12-05 00:00"))
        await #expect(throws: EngineError.self) { try await engine.tick() }
        #expect(try await store.events(of: id) == before)
        // The store comes back: the case goes on from what was stored.
        store.refuse(nil)
        try await engine.tick()
        try await engine.decide(.approved, case: id, step: "business-registration")
        let after = try await store.events(of: id)
        #expect(after.count > before.count)
        let state = try #require(await engine.state(of: id))
        #expect(state == (try CaseState(id: id, blueprint: state.blueprint, events: after)))
        #expect(after.contains { $0.kind == .approved(step: 0) })
        #expect(after.contains { if case .overdue = $0.kind { true } else { false } })
    }

    @Test func aStoreThatIsDownIsAskedAgainAfterPausesNotInATightLoop() async throws {
        let store = RefusingStore()
        let clock = VirtualClock(start: Self.start)
        let engine = try Self.engine(store, clock: clock)
        _ = try await Self.begin(engine)
        let running = Task { try await engine.run() }
        try await Task.sleep(for: .milliseconds(200))
        store.refuse(StoreError(.unavailable, "the database is down (test)"))
        // Every timer of the case falls due, and stays due while the store refuses them.
        clock.advance(to: RuntimeFixtures.at("2026-12-31 00:00"))
        // The first try (however long a loaded machine takes to get there), then a second.
        for _ in 0..<300 where store.refusedAppends == 0 { try await Task.sleep(for: .milliseconds(100)) }
        let first = store.refusedAppends
        try await Task.sleep(for: .seconds(1))
        let tries = store.refusedAppends - first
        running.cancel()
        _ = await running.result
        #expect(first > 0)
        // Pauses of 0.25 s, 0.5 s, 1 s…: at most a few tries in the second after, not thousands.
        #expect((0...4).contains(tries))
    }

    @Test func concurrentStartsGetDistinctIdsFromTheStore() async throws {
        let store = InMemoryEventStore()
        let engine = try Self.engine(store, clock: VirtualClock(start: Self.start))
        let ids = try await Self.begin(20, engine)
        #expect(Set(ids).count == 20)
        #expect(
            Set(ids) == Set((1...20).map { CaseIDFormat.make(acceptedOn: Self.start.chinaDate, number: $0) }))
        #expect(try await store.cases(CaseQuery()).count == 20)
    }

    /// An in-memory store whose blueprint saves are slow and counted.
    final class SlowBlueprintStore: ForwardingStore {
        let inner = InMemoryEventStore()
        let saves = Mutex(0)

        func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError) {
            saves.withLock { $0 += 1 }
            do {
                try await Task.sleep(for: .milliseconds(50))
            } catch {
                throw StoreError(.unavailable, "interrupted (test)")
            }
            try await inner.saveBlueprint(blueprint)
        }

        func append(_ events: [CaseEvent]) async throws(StoreError) { try await inner.append(events) }
    }

    @Test func concurrentStartsOfOneBundleSaveItsBlueprintOnce() async throws {
        // A server's first burst: every start finds the blueprint unsaved while the
        // first save is under way; they all wait for that one save.
        let store = SlowBlueprintStore()
        let engine = try Self.engine(store, clock: VirtualClock(start: Self.start))
        let ids = try await Self.begin(20, engine)
        #expect(Set(ids).count == 20)
        #expect(store.saves.withLock { $0 } == 1)
        _ = try await Self.begin(engine)
        #expect(store.saves.withLock { $0 } == 1)
    }

    @Test func aSlowSubscriberIsDroppedWithAReasonAndTheEngineGoesOn() async throws {
        let engine = try Self.engine(InMemoryEventStore(), clock: VirtualClock(start: Self.start))
        let slow = await engine.events(buffer: 1)
        let id = try await Self.begin(engine)  // one commit, buffered
        try await engine.decide(.approved, case: id, step: "business-registration")  // a second: too many
        var received: [[Acknowledgement]] = []
        var ending: (any Error)?
        do {
            for try await commit in slow { received.append(commit) }
        } catch {
            ending = error
        }
        #expect(received.count == 1)
        #expect(received.first?.first?.event.sequence == 1)
        guard case .subscriberTooSlow(buffered: 1)? = ending as? EngineError else {
            Issue.record(
                "the stream should end with subscriberTooSlow, ended with \(String(describing: ending))")
            return
        }
        // The engine went on: a later decision is stored and acknowledged to others.
        let fast = await engine.events()
        try await engine.decide(.approved, case: id, step: "seal-engraving")
        var iterator = fast.makeAsyncIterator()
        let next = try await iterator.next()
        let seal = try #require(try RuntimeFixtures.restaurantBlueprint().stepIndex("seal-engraving"))
        #expect(next?.contains { $0.event.kind == .approved(step: seal) } == true)
        #expect(received.joined().allSatisfy { $0.digest == EventCodec.digest(of: $0.event) })
    }

    @Test func decisionsThatDoNotFitAreRefusedWithWhatIsWrong() async throws {
        let engine = try Self.engine(InMemoryEventStore(), clock: VirtualClock(start: Self.start))
        let id = try await Self.begin(engine)
        await #expect(throws: EngineError.self) { try await engine.decide(.approved, case: "C1", step: "x") }
        do {
            try await engine.decide(.approved, case: id, step: "food-permit")
            Issue.record("a waiting step was approved")
        } catch {
            guard case .stepNotWaiting(_, "food-permit", .waiting) = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
        do {
            try await engine.decide(.rejected(reason: "  "), case: id, step: "business-registration")
            Issue.record("a refusal without a reason was taken")
        } catch {
            guard case .reasonRequired = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
        do {
            try await engine.supply("nothing", to: id)
            Issue.record("an unknown material was taken")
        } catch {
            guard case .materialNotAwaited = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
    }

    @Test func aWithdrawnCaseIsTakenBackFromItsDepartmentsAndAClosedOneIsRefused() async throws {
        let store = InMemoryEventStore()
        let department = QuietDepartment()
        let engine = try Self.engine(store, department, clock: VirtualClock(start: Self.start))
        let id = try await Self.begin(engine)
        try await engine.withdraw(id, reason: "开业计划取消")
        let events = try await store.events(of: id)
        #expect(events.contains { $0.kind == .withdrawn(reason: "开业计划取消") })
        #expect(events.last?.kind == .delivered(outputs: [], outcome: .withdrawn))
        let state = try CaseState(
            id: id, blueprint: try RuntimeFixtures.restaurantBlueprint(), events: events)
        #expect(state.steps.allSatisfy { $0.status == .cancelled })
        // The registration the department had is withdrawn from it, under the key it was sent with.
        await engine.waitForAdapters()
        let sent = department.received.withLock { $0 }.map(\.key)
        #expect(department.withdrawn.withLock { $0 }.map(\.key) == sent)
        #expect(!sent.isEmpty)
        do {
            try await engine.withdraw(id, reason: "")
            Issue.record("a closed case was withdrawn again")
        } catch {
            guard case .caseClosed(id, .withdrawn) = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
        #expect(try await store.events(of: id) == events)
    }

    @Test func aCaseIsLoadedAloneWhenItIsAskedFor() async throws {
        let store = InMemoryEventStore()
        let first = try Self.engine(store, clock: VirtualClock(start: Self.start))
        let a = try await Self.begin(first)
        let b = try await Self.begin(first)
        let department = QuietDepartment()
        let second = try Self.engine(store, department, clock: VirtualClock(start: Self.start))
        try await second.decide(.approved, case: a, step: "business-registration")
        #expect(await second.openCases == [a])
        #expect(await second.state(of: b) == nil)
        // The unanswered submission of the loaded case was sent again under its key; none of b's.
        #expect(department.received.withLock { $0.allSatisfy { $0.caseID == a } })
    }

    @Test func theServiceFiresTimersAsTheClockMovesAndDrainsOnGracefulShutdown() async throws {
        let store = InMemoryEventStore()
        let clock = VirtualClock(start: Self.start)
        let department = QuietDepartment(delay: .milliseconds(50))
        let engine = try Self.engine(store, department, clock: clock)
        let id = try await Self.begin(engine)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: engine)], logger: .init(label: "test")))
        let running = Task { try await group.run() }
        // The registration is due at the end of 12-04: overdue once the clock passes it.
        clock.advance(to: RuntimeFixtures.at("2026-12-05 00:01"))
        var overdue = false
        for _ in 0..<200 where !overdue {
            try await Task.sleep(for: .milliseconds(10))
            overdue = try await store.events(of: id).contains {
                if case .overdue = $0.kind { true } else { false }
            }
        }
        #expect(overdue)
        try await engine.decide(.approved, case: id, step: "business-registration")  // sends six more steps
        await group.triggerGracefulShutdown()
        try await running.value
        // Every submission started before the shutdown reached its department.
        #expect(await engine.callsInFlight == 0)
        #expect(department.received.withLock { $0.count } == 7)
        await #expect(throws: EngineError.self) { try await Self.begin(engine) }
    }

    @Test func aCommitsSubmissionsReachABatchTakingDepartmentInOneCallAndItsRefusalsAreRetried() async throws
    {
        let store = InMemoryEventStore()
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        let clock = VirtualClock(start: Self.start)
        let engine = Engine(
            store: store, adapters: AdapterDirectory(fallback: QuietDepartment()), clock: clock,
            calendars: ["CN": try RuntimeFixtures.calendar()])
        var ids: [CaseID] = []
        for _ in 0..<3 {
            ids.append(try await engine.start(blueprint: blueprint, answers: [:], provided: blueprint.core))
        }
        let department = BatchDepartment(refusing: [ids[2]])
        let batching = Engine(
            store: store, adapters: AdapterDirectory(fallback: department), clock: clock,
            calendars: ["CN": try RuntimeFixtures.calendar()])
        // The three registrations approved in one report: one commit, a wrong key refused alone.
        let keys = ids.map { Submission.key(caseID: $0, stepID: "business-registration", attempt: 1) }
        let failures = await batching.report(
            batch: keys.map { AdapterReport(key: $0, outcome: .approved) } + [
                AdapterReport(key: "nonsense", outcome: .approved)
            ])
        #expect(Array(failures.keys) == ["nonsense"])
        for _ in 0..<200 where await batching.callsInFlight > 0 {
            try await Task.sleep(for: .milliseconds(5))
        }
        // Loading a case sends its unanswered registration again (one call each); then
        // each department's next steps of all three cases come in one call.
        let all = department.batches.withLock { $0 }
        let resent = all.filter { $0.allSatisfy { $0.stepID == "business-registration" } }
        #expect(resent.map(\.count) == [1, 1, 1])
        #expect(Set(resent.joined().map(\.key)) == Set(keys))
        let batches = all.filter { $0.allSatisfy { $0.stepID != "business-registration" } }
        #expect(resent.count + batches.count == all.count)
        let departments = batches.map { Set($0.map(\.department)) }
        #expect(departments.allSatisfy { $0.count == 1 })
        #expect(departments.count == Set(departments.joined()).count)
        #expect(batches.allSatisfy { Set($0.map(\.caseID)) == Set(ids) })
        #expect(batches.joined().count == 18)
        // The refused case's six steps are recorded as failed sends, to be tried again; the others as sent.
        for id in ids {
            let events = try await store.events(of: id)
            let failed = events.filter { if case .dispatchFailed = $0.kind { true } else { false } }
            #expect(failed.count == (id == ids[2] ? 6 : 0))
            #expect(events.contains { $0.kind == .approved(step: 0) })
        }
    }

    @Test func anApprovalRecordsTheDocumentsItIssuedAndTheDeliveryNamesThem() async throws {
        let store = InMemoryEventStore()
        let engine = try Self.engine(store, clock: VirtualClock(start: Self.start))
        let id = try await Self.begin(engine)
        let licence = ["business-licence": "91110000MA0000001X"]
        // A refusal issues nothing, and a step issues only its own outputs: refused, nothing stored.
        let before = try await store.events(of: id).count
        for (outcome, documents) in [
            (AdapterOutcome.rejected(reason: "材料不全"), licence),
            (.approved, ["food-permit": "JY11101000000001"]),
        ] {
            await #expect(throws: EngineError.self) {
                try await engine.decide(
                    outcome, case: id, step: "business-registration", documents: documents)
            }
        }
        #expect(try await store.events(of: id).count == before)
        try await engine.decide(
            .approved, case: id, step: "business-registration", by: "amr-wang", documents: licence)
        let events = try await store.events(of: id)
        let approval = try #require(events.firstIndex { $0.kind == .approved(step: 0) })
        #expect(events[approval - 1].kind == .issued(step: 0, documents: licence))
        #expect(events[approval - 2].kind == .decidedBy(step: 0, principal: "amr-wang"))
        #expect(await engine.state(of: id)?.steps[0].documents == licence)
    }

    @Test func aDecisionRecordsWhoMadeItJustBeforeItself() async throws {
        let store = InMemoryEventStore()
        let engine = try Self.engine(store, clock: VirtualClock(start: Self.start))
        let id = try await Self.begin(engine)
        try await engine.decide(.approved, case: id, step: "business-registration", by: "amr-wang")
        let events = try await store.events(of: id)
        let approval = try #require(events.firstIndex { $0.kind == .approved(step: 0) })
        #expect(events[approval - 1].kind == .decidedBy(step: 0, principal: "amr-wang"))
        #expect(await engine.state(of: id)?.steps[0].decidedBy == "amr-wang")
        // Without a principal nothing is claimed about who decided.
        try await engine.decide(.rejected(reason: "材料不全"), case: id, step: "food-fire-joint-inspection")
        #expect(
            try await store.events(of: id).filter { if case .decidedBy = $0.kind { true } else { false } }
                .count == 1)
    }
}
