import OneThing
import OneThingRuntime
import OneThingSimulation
import OneThingTestSupport
import Testing

/// Cases driven on a virtual clock against simulated and manual departments.
struct CaseDriverTests {
    static let start = RuntimeFixtures.at("2026-12-03 09:00")

    static func adapters(
        manual: [String] = [], errors: Double = 0, seed: UInt64 = 4, deferred: AdapterKind = .simulated
    )
        -> CaseAdapters
    {
        var settings = AdapterSettings()
        settings.simulation.defaults.errors = errors
        settings.simulation.defaults.timeouts = errors
        settings.deferredMaterials = deferred
        for department in manual { settings.kinds[department] = .manual }
        return CaseAdapters(settings: settings, seed: seed)
    }

    static func driver(_ store: any EventStore, _ adapters: CaseAdapters, start: Timestamp = start) throws
        -> CaseDriver
    {
        CaseDriver(store: store, calendar: try RuntimeFixtures.calendar(), adapters: adapters, start: start)
    }

    static func begin(_ driver: CaseDriver) async throws -> CaseID {
        let plan = try RuntimeFixtures.restaurant()
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        return try await driver.start(
            blueprint: blueprint, answers: plan.answers.values.mapValues(\.description),
            provided: plan.materials.filter { $0.status == .bring }.map(\.id))
    }

    @Test func aCaseAgainstSimulatedDepartmentsIsDeliveredWithAnIdFromTheStore() async throws {
        let store = InMemoryEventStore()
        let driver = try Self.driver(store, Self.adapters())
        let id = try await Self.begin(driver)
        #expect(id == "C20261203-0001")
        #expect(try await driver.drive() == .finished)
        let events = try await store.events(of: id)
        guard case .delivered(_, let outcome)? = events.last?.kind else {
            Issue.record("not delivered: \(events.last.map { "\($0.kind)" } ?? "-")")
            return
        }
        #expect([.completed, .partial, .refused].contains(outcome))
        #expect(events.allSatisfy { $0.at >= Self.start })
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.at <= $1.at })
        // The adapters are kept with the case.
        let record = try #require(try await store.metadata(CaseAdapters.metadataKey(for: id)))
        #expect(try CaseAdapters(json: record) == Self.adapters())
    }

    @Test func theSameSeedGivesTheSameHistoryEvenWithFailures() async throws {
        func history() async throws -> [CaseEvent] {
            let store = InMemoryEventStore()
            let driver = try Self.driver(store, Self.adapters(errors: 0.2, seed: 9))
            let id = try await Self.begin(driver)
            _ = try await driver.drive()
            return try await store.events(of: id)
        }
        let first = try await history()
        #expect(first.contains { if case .dispatchFailed = $0.kind { return true } else { return false } })
        #expect(try await history() == first)
    }

    @Test func theDriveStopsAtTheFirstWaitForAnOfficerAndSaysByWhen() async throws {
        let store = InMemoryEventStore()
        let adapters = Self.adapters(manual: ["fire-rescue"], seed: 2)
        let driver = try Self.driver(store, adapters)
        let id = try await Self.begin(driver)
        guard case .waiting(let waits) = try await driver.drive() else {
            Issue.record("the drive did not stop for the officer")
            return
        }
        #expect(waits.map(\.stepID) == ["fire-check-normal"])
        #expect(waits.first?.action == .decide(department: "fire-rescue"))
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        let fire = try #require(blueprint.stepIndex("fire-check-normal"))
        let state = try #require(await driver.engine.state(of: id))
        #expect(waits.first?.by == state.steps[fire].due)
        // Time stood still while the officer was awaited: the deferred material's
        // deadline did not pass, and nothing was escalated.
        let events = try await store.events(of: id)
        #expect(!events.contains { if case .failed = $0.kind { return true } else { return false } })
        #expect(!events.contains { if case .escalated = $0.kind { return true } else { return false } })
        #expect(driver.manual.waiting.map(\.stepID) == ["fire-check-normal"])

        // A new process: the same store, the case's own adapters, the officer approves.
        let later = try Self.driver(store, adapters, start: Self.start)
        let loaded = try await later.load(id)
        #expect(later.clock.now == events.last?.at)
        #expect(loaded.steps[fire].status == .dispatched || loaded.steps[fire].status == .inReview)
        try await later.decide(.approved, case: id, step: "fire-check-normal")
        #expect(try await later.drive() == .finished)
        let after = try await store.events(of: id)
        #expect(after.contains { $0.kind == .approved(step: fire) })
        if case .delivered = after.last?.kind {} else { Issue.record("not delivered") }
    }

    @Test func aManualApplicantIsAskedForTheDeferredMaterialByItsDeadline() async throws {
        let store = InMemoryEventStore()
        let driver = try Self.driver(store, Self.adapters(deferred: .manual))
        let id = try await Self.begin(driver)
        guard case .waiting(let waits) = try await driver.drive() else {
            Issue.record("the drive did not stop for the applicant")
            return
        }
        #expect(waits.map(\.action) == [.supply(material: "food-safety-rules")])
        #expect(waits.first?.by == RuntimeFixtures.at("2026-12-11 00:00"))
        try await driver.supply("food-safety-rules", case: id)
        #expect(try await driver.drive() == .finished)
    }

    @Test func aCommandOnOneCaseLeavesTheOthersAlone() async throws {
        let store = InMemoryEventStore()
        let adapters = Self.adapters(manual: ["fire-rescue"], seed: 2)
        let first = try Self.driver(store, adapters)
        let a = try await Self.begin(first)
        let b = try await Self.begin(first)
        _ = try await first.drive()
        let before = try await store.events(of: b)
        let later = try Self.driver(store, adapters)
        try await later.load(a)
        try await later.decide(.approved, case: a, step: "fire-check-normal")
        _ = try await later.drive()
        #expect(try await store.events(of: b) == before)
        #expect(later.cases == [])
    }

    @Test func aRestartInTheMiddleContinuesFromTheStoreUnderTheSameKeys() async throws {
        let store = InMemoryEventStore()
        let first = try Self.driver(store, Self.adapters(seed: 5))
        let a = try await Self.begin(first)
        let b = try await Self.begin(first)
        // Stop after a few steps, as if the process died.
        var steps = 0
        struct Stop: Error {}
        do {
            _ = try await first.drive {
                steps += 1
                if steps == 4 { throw Stop() }
            }
        } catch is Stop {}
        #expect(!(try await store.cases(CaseQuery(open: true)).isEmpty))
        let second = try Self.driver(store, Self.adapters(seed: 5))
        for id in [a, b] { try await second.load(id) }
        #expect(try await second.drive() == .finished)
        #expect(try await store.cases(CaseQuery(open: true)).isEmpty)
        // The departments taken over draw each step's fate again: nothing that already
        // happened happens twice.
        for id in [a, b] {
            let events = try await store.events(of: id)
            #expect(!events.contains { if case .outcomeIgnored = $0.kind { true } else { false } })
            let requests = events.filter { if case .supplementRequested = $0.kind { true } else { false } }
            #expect(Set(requests.map(\.kind)).count == requests.count)
        }
        let keys = first.simulated.submissions + second.simulated.submissions
        let byStep = Dictionary(
            grouping: Set(keys), by: { $0.split(separator: "/").dropLast().joined(separator: "/") })
        #expect(byStep.values.allSatisfy { $0.count == 1 })
    }
}
