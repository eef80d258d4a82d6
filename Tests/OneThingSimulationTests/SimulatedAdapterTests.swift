import Foundation
import OneThingRuntime
import OneThingSimulation
import OneThingTestSupport
import Testing

/// The simulated and manual department adapters, and the journal of what they received.
struct SimulatedAdapterTests {
    static func request(_ caseID: String = "c1", item: String = "food-permit", attempt: Int = 1)
        -> TaskRequest
    {
        TaskRequest(caseID: caseID, task: 1, item: item, department: "market-regulation", attempt: attempt)
    }

    static func drain(_ adapter: SimulatedAdapter) -> [SimulatedAdapter.Happening] {
        var all: [SimulatedAdapter.Happening] = []
        while let next = adapter.takeDue(by: .infinity) { all.append(next) }
        return all
    }

    @Test func aKeysFateDependsOnlyOnTheSeedAndTheKey() async throws {
        let keys = (1...20).map { Self.request("c\($0)") }
        let a = SimulatedAdapter(seed: 7, clock: VirtualClock())
        let b = SimulatedAdapter(seed: 7, clock: VirtualClock())
        for request in keys { try await a.submit(request) }
        for request in keys.reversed() { try await b.submit(request) }
        #expect(Self.drain(a) == Self.drain(b))
        let c = SimulatedAdapter(seed: 8, clock: VirtualClock())
        for request in keys { try await c.submit(request) }
        #expect(Self.drain(c) != Self.drain(SimulatedAdapter(seed: 7, clock: VirtualClock())))
    }

    @Test func aReviewStartsAtOnceAndEndsAfterTheSampledShareOfTheLimit() async throws {
        var settings = SimulationSettings()
        settings.defaults = SimulatedDepartment(
            latency: Triangular(min: 0.5, mode: 0.5, max: 0.5), rejection: 0, supplement: 0, errors: 0,
            timeouts: 0)
        let clock = VirtualClock(start: 10)
        let adapter = SimulatedAdapter(settings: settings, seed: 1, clock: clock)
        let blueprint = CaseBlueprint(plan: try RuntimeFixtures.restaurant())
        adapter.register("c1", blueprint: blueprint)
        try await adapter.submit(Self.request())
        let happenings = Self.drain(adapter)
        let limit = try #require(blueprint.tasks.first { $0.item == "food-permit" }?.promised)
        #expect(happenings.map(\.kind) == [.outcome(.inReview), .outcome(.approved)])
        #expect(happenings.map(\.at) == [10, 10 + limit / 2])
    }

    @Test func theSameKeyTwiceIsOneSubmissionWithOneFate() async throws {
        let adapter = SimulatedAdapter(seed: 3, clock: VirtualClock())
        try await adapter.submit(Self.request())
        try await adapter.submit(Self.request())
        #expect(adapter.submissions == ["c1/food-permit/1", "c1/food-permit/1"])
        #expect(Self.drain(adapter).filter { $0.kind == .outcome(.inReview) }.count == 1)
    }

    @Test func aFailingSubmissionWaitsUntilItsFailureIsDelivered() async throws {
        var settings = SimulationSettings()
        settings.defaults.errors = 1
        let adapter = SimulatedAdapter(settings: settings, seed: 1, clock: VirtualClock())
        let call = Task { () -> AdapterError? in
            do {
                try await adapter.submit(Self.request())
                return nil
            } catch {
                return error as? AdapterError
            }
        }
        while !adapter.hasReceived("c1/food-permit/1") { await Task.yield() }
        let failure = try #require(adapter.takeDue(by: 0))
        #expect(failure.kind == .failure(reason: "simulated error"))
        let engine = Engine(
            store: InMemoryEventStore(), adapters: AdapterDirectory(fallback: adapter), clock: VirtualClock())
        try await adapter.deliver(failure, to: engine)
        #expect(await call.value == AdapterError("simulated error"))
        #expect(adapter.isFailing("c1/food-permit/1"))
    }

    @Test func aCancelledSubmissionHasNothingMoreToSay() async throws {
        let adapter = SimulatedAdapter(seed: 3, clock: VirtualClock())
        try await adapter.submit(Self.request())
        try await adapter.cancel(Self.request())
        #expect(adapter.nextDue == nil)
    }

    @Test func anAdoptedReviewEndsWithAnOutcomeAndNoSubmission() async throws {
        let adapter = SimulatedAdapter(seed: 3, clock: VirtualClock(start: 4))
        adapter.adopt(Self.request(), status: .supplementRequested)
        let happenings = Self.drain(adapter)
        #expect(adapter.submissions.isEmpty)
        #expect(adapter.hasReceived("c1/food-permit/1"))
        #expect(happenings.first?.kind == .supplementSupplied)
        #expect(
            happenings.last.map {
                [.outcome(.approved), .outcome(.rejected(reason: "simulated rejection"))].contains($0.kind)
            } == true)
        #expect(happenings.allSatisfy { $0.at >= 4 })
    }

    @Test func aManualDepartmentOnlyRecordsAndWaits() async throws {
        let adapter = ManualAdapter()
        try await adapter.submit(Self.request())
        #expect(adapter.hasReceived("c1/food-permit/1"))
        #expect(adapter.waiting.map(\.key) == ["c1/food-permit/1"])
        #expect(try await adapter.poll(Self.request()) == nil)
        try await adapter.cancel(Self.request())
        #expect(adapter.waiting.isEmpty)
        #expect(adapter.submissions == ["c1/food-permit/1"])
    }

    @Test func theJournalKeepsEveryKeyOnItsOwnLine() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID()).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("c0/cut-sh".utf8).write(to: URL(fileURLWithPath: path))  // a line cut short by a crash
        let journal = try AdapterJournal(path: path)
        let adapter = SimulatedAdapter(seed: 1, clock: VirtualClock(), journal: journal)
        try await adapter.submit(Self.request())
        try await ManualAdapter(journal: journal).submit(Self.request("c2"))
        #expect(AdapterJournal.keys(at: path) == ["c0/cut-sh", "c1/food-permit/1", "c2/food-permit/1"])
    }
}
