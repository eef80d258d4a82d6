import OneThingTestSupport
import Synchronization
import Testing

@testable import OneThingRuntime

/// Group commit: whoever finds no write under way writes one batch and returns with
/// it; what others decided meanwhile is written by a task of its own, so a caller is
/// never held while the engine stays busy.
struct GroupCommitTests {
    /// An in-memory store whose appends each wait until the test lets them through.
    final class GatedStore: ForwardingStore {
        struct Gate {
            var begun = 0
            var opened = 0
            var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
            /// The appends (by number) that fail as a conflict once let through.
            var conflicting: Set<Int> = []
        }

        let inner = InMemoryEventStore()
        private let gate = Mutex(Gate())

        /// How many appends have begun (and wait, or went through).
        var appendsBegun: Int { gate.withLock { $0.begun } }

        /// Makes append number `number` fail as a conflict (another instance wrote first).
        func conflict(at number: Int) { gate.withLock { _ = $0.conflicting.insert(number) } }

        /// Lets appends up to number `last` (from 1) through.
        func open(through last: Int) {
            let released = gate.withLock { gate -> [CheckedContinuation<Void, Never>] in
                gate.opened = max(gate.opened, last)
                let ready = gate.waiting.keys.filter { $0 <= last }
                return ready.compactMap { gate.waiting.removeValue(forKey: $0) }
            }
            for continuation in released { continuation.resume() }
        }

        func append(_ events: [CaseEvent]) async throws(StoreError) {
            let number = gate.withLock { gate in
                gate.begun += 1
                return gate.begun
            }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let through = gate.withLock { gate -> Bool in
                    if number <= gate.opened { return true }
                    gate.waiting[number] = continuation
                    return false
                }
                if through { continuation.resume() }
            }
            if gate.withLock({ $0.conflicting.contains(number) }) {
                throw StoreError(.conflict, "append \(number): another writer appended first")
            }
            try await inner.append(events)
        }
    }

    /// The ids the starts returned, in the order they returned.
    final class Returned: Sendable {
        let ids = Mutex<[CaseID]>([])
    }

    /// Waits until `condition` holds, up to ten seconds.
    func eventually(_ what: Comment, _ condition: () async -> Bool) async throws {
        for _ in 0..<1_000 {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("still not so after 10 s: \(what)")
        throw CancellationError()
    }

    @Test func theCallerWhoWritesABatchReturnsWithItNotWithTheBatchesOthersAddedMeanwhile() async throws {
        let store = GatedStore()
        let engine = try EngineTests.engine(store, clock: VirtualClock(start: EngineTests.start))
        let returned = Returned()
        func begin() -> Task<Void, any Error> {
            Task {
                let id = try await EngineTests.begin(engine)
                returned.ids.withLock { $0.append(id) }
            }
        }
        let first = begin()
        try await eventually("the first case's append has begun") { store.appendsBegun == 1 }
        // The second case is decided while the first's batch is being written: it waits
        // for the next batch.
        let second = begin()
        try await eventually("the second case is decided") { await engine.openCases.count == 2 }

        store.open(through: 1)
        try await eventually("the first start returns once its own batch is stored") {
            returned.ids.withLock { $0.count } == 1
        }
        try await eventually("the second case's batch is written by a task of its own") {
            store.appendsBegun == 2
        }
        #expect(try await store.inner.cases(CaseQuery()).map(\.id) == returned.ids.withLock { $0 })

        store.open(through: .max)
        try await first.value
        try await second.value
        #expect(
            try await store.inner.cases(CaseQuery()).map(\.id).sorted()
                == returned.ids.withLock { $0 }.sorted())
        #expect(returned.ids.withLock { $0.count } == 2)
    }

    @Test func aDecisionMadeWhileTheBatchOfItsCaseIsRefusedFailsAndIsNotReportedStored() async throws {
        let store = GatedStore()
        store.open(through: 1)
        let engine = try EngineTests.engine(store, clock: VirtualClock(start: EngineTests.start))
        let id = try await EngineTests.begin(engine)
        let state = try #require(await engine.state(of: id))
        let step = try #require(state.steps.firstIndex { $0.status == .dispatched })
        let stepID = state.blueprint.steps[step].id
        // A first decision's batch is being written, and will meet another writer's events.
        store.conflict(at: 2)
        let first = Task { try await engine.decide(.inReview, case: id, step: stepID) }
        try await eventually("the first decision's append has begun") { store.appendsBegun == 2 }
        // A second decision of the same case waits for the next batch meanwhile.
        let second = Task { try await engine.decide(.approved, case: id, step: stepID, by: "officer") }
        try await eventually("the second decision waits") {
            await engine.state(of: id)?.steps[step].status == .inReview
        }
        try await Task.sleep(for: .milliseconds(50))  // until it has joined the waiters
        store.open(through: .max)
        await #expect(throws: EngineError.self) { try await first.value }
        // Its events went with the case the engine forgot: it is told so, not that they are stored.
        await #expect(throws: EngineError.self) { try await second.value }
        #expect(try await !store.inner.events(of: id).contains { $0.kind == .approved(step: step) })
    }

    @Test func aCaseReadAgainWhileADecisionAboutItWaitsToBeWrittenKeepsTheDecision() async throws {
        let store = GatedStore()
        store.open(through: 2)
        let engine = try EngineTests.engine(store, clock: VirtualClock(start: EngineTests.start))
        let first = try await EngineTests.begin(engine)
        let second = try await EngineTests.begin(engine)
        func waiting(_ id: CaseID) async throws -> String {
            let state = try #require(await engine.state(of: id))
            let index = try #require(state.steps.firstIndex { $0.status == .dispatched })
            return state.blueprint.steps[index].id
        }
        let (firstStep, secondStep) = (try await waiting(first), try await waiting(second))
        // A write is under way; the approval of the second case waits for the next one.
        let review = Task { try await engine.decide(.inReview, case: first, step: firstStep) }
        try await eventually("the first decision's append has begun") { store.appendsBegun == 3 }
        let approval = Task {
            try await engine.decide(.approved, case: second, step: secondStep, by: "officer")
        }
        try await eventually("the approval waits to be written") {
            await engine.state(of: second)?.steps.contains { $0.status == .approved } == true
        }
        // The case is read again meanwhile (adopted from a stopped instance, reloaded
        // after a refused batch): the approval waiting to be written stays.
        await engine.reload([second])
        store.open(through: .max)
        try await review.value
        try await approval.value
        let index = try #require(try RuntimeFixtures.restaurantBlueprint().stepIndex(secondStep))
        #expect(
            try await store.inner.events(of: second).contains { $0.kind == .approved(step: index) },
            "an approval the caller was told is stored")
    }

    /// An in-memory store that refuses the next append as a conflict when told to.
    final class OnceConflictingStore: ForwardingStore {
        let inner = InMemoryEventStore()
        private let refuseNext = Mutex(false)

        /// The next append meets another writer.
        func conflictOnce() { refuseNext.withLock { $0 = true } }

        func append(_ events: [CaseEvent]) async throws(StoreError) {
            let refuse = refuseNext.withLock { refuse in
                defer { refuse = false }
                return refuse
            }
            if refuse { throw StoreError(.conflict, "another writer appended first (test)") }
            try await inner.append(events)
        }
    }

    /// A department system whose calls fail, each once the test lets it.
    final class FailingDepartment: DepartmentAdapter {
        let waiting = Mutex<[CheckedContinuation<Void, Never>]>([])

        var callsWaiting: Int { waiting.withLock { $0.count } }

        /// Lets every waiting call fail.
        func fail() {
            for call in waiting.withLock({ calls in
                defer { calls = [] }
                return calls
            }) {
                call.resume()
            }
        }

        func submit(_ submission: Submission) async throws(AdapterError) {
            await withCheckedContinuation { call in waiting.withLock { $0.append(call) } }
            throw AdapterError("the system is down (test)")
        }
        func poll(_ submission: Submission) async throws(AdapterError) -> AdapterOutcome? { nil }
        func cancel(_ submission: Submission) async throws(AdapterError) {}
    }

    @Test func aFailedCallIsRecordedForACaseLetGoMeanwhileAndAfterAConflict() async throws {
        let store = OnceConflictingStore()
        let department = FailingDepartment()
        let engine = Engine(
            store: store, adapters: AdapterDirectory(fallback: department),
            clock: VirtualClock(start: EngineTests.start), calendars: ["CN": try RuntimeFixtures.calendar()])
        let id = try await EngineTests.begin(engine)
        try await eventually("the first step's call waits") { department.callsWaiting >= 1 }
        // Another instance wrote the case meanwhile: this one let go of it; and the
        // first write of the failure meets another writer.
        await engine.letGo(id)
        #expect(await engine.state(of: id) == nil)
        store.conflictOnce()
        department.fail()
        try await eventually("the failure is stored") {
            (try? await store.inner.events(of: id))?.contains {
                if case .dispatchFailed = $0.kind { return true }
                return false
            } == true
        }
    }

    /// An in-memory store whose appends wait while told to, and whose readings of one
    /// case take the events as they are when asked, then wait until let through (a
    /// reading that crosses a write).
    final class CrossingStore: ForwardingStore {
        struct Gates {
            var appendsHeld = false
            var heldAppends: [CheckedContinuation<Void, Never>] = []
            var readingsHeld: CaseID?
            var heldReadings: [CheckedContinuation<Void, Never>] = []
        }

        let inner = InMemoryEventStore()
        private let gates = Mutex(Gates())

        var appendsWaiting: Int { gates.withLock { $0.heldAppends.count } }
        var readingsWaiting: Int { gates.withLock { $0.heldReadings.count } }

        func holdAppends() { gates.withLock { $0.appendsHeld = true } }
        func holdReadings(of id: CaseID) { gates.withLock { $0.readingsHeld = id } }

        func releaseAppends() {
            let held = gates.withLock { gates in
                gates.appendsHeld = false
                defer { gates.heldAppends = [] }
                return gates.heldAppends
            }
            for append in held { append.resume() }
        }

        func releaseReadings() {
            let held = gates.withLock { gates in
                gates.readingsHeld = nil
                defer { gates.heldReadings = [] }
                return gates.heldReadings
            }
            for reading in held { reading.resume() }
        }

        func append(_ events: [CaseEvent]) async throws(StoreError) {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let held = gates.withLock { gates -> Bool in
                    guard gates.appendsHeld else { return false }
                    gates.heldAppends.append(continuation)
                    return true
                }
                if !held { continuation.resume() }
            }
            try await inner.append(events)
        }

        func events(of id: CaseID) async throws(StoreError) -> [CaseEvent] {
            let read = try await inner.events(of: id)
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let held = gates.withLock { gates -> Bool in
                    guard gates.readingsHeld == id else { return false }
                    gates.heldReadings.append(continuation)
                    return true
                }
                if !held { continuation.resume() }
            }
            return read
        }
    }

    @Test func aReadingOlderThanTheCopyInMemoryDoesNotStepTheCaseBack() async throws {
        let store = CrossingStore()
        let engine = try EngineTests.engine(store, clock: VirtualClock(start: EngineTests.start))
        let id = try await EngineTests.begin(engine)
        let state = try #require(await engine.state(of: id))
        let index = try #require(state.steps.firstIndex { $0.status == .dispatched })
        // A decision is being written ...
        store.holdAppends()
        let review = Task {
            try await engine.decide(.inReview, case: id, step: state.blueprint.steps[index].id)
        }
        try await eventually("the decision's append waits") { store.appendsWaiting == 1 }
        // ... while the case is read again (adopted, reloaded), from before the decision.
        store.holdReadings(of: id)
        let reading = Task { await engine.reload([id]) }
        try await eventually("the reading waits") { store.readingsWaiting == 1 }
        store.releaseAppends()
        try await review.value
        store.releaseReadings()
        await reading.value
        let stored = try await store.inner.events(of: id)
        #expect(
            await engine.state(of: id)?.sequence == stored.count, "the case as stored, not as read before")
        #expect(await engine.state(of: id)?.steps[index].status == .inReview)
    }
}
