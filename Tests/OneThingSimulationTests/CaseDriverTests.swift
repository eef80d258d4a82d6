import OneThing
import OneThingRuntime
import OneThingSimulation
import OneThingTestSupport
import Testing

/// Cases driven on a virtual clock against simulated and manual departments.
struct CaseDriverTests {
    static func settings(manual: [String] = [], errors: Double = 0) -> AdapterSettings {
        var settings = AdapterSettings()
        settings.simulation.defaults.errors = errors
        settings.simulation.defaults.timeouts = errors
        for department in manual { settings.kinds[department] = .manual }
        return settings
    }

    static func events(_ store: any EventStore, _ id: CaseID) async throws -> [CaseEvent] {
        try await store.events(of: id)
    }

    @Test func aCaseAgainstSimulatedDepartmentsIsDelivered() async throws {
        let store = InMemoryEventStore()
        let driver = CaseDriver(store: store, settings: Self.settings(), seed: 4, start: 100)
        try await driver.start(try RuntimeFixtures.restaurant(), id: "c1")
        #expect(try await driver.drive() == .finished)
        let events = try await Self.events(store, "c1")
        guard case .delivered(_, let outcome)? = events.last?.kind else {
            Issue.record("not delivered: \(events.last.map { "\($0.kind)" } ?? "-")")
            return
        }
        #expect([.completed, .partial, .refused].contains(outcome))
        #expect(events.allSatisfy { $0.at >= 100 })
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.at <= $1.at })
    }

    @Test func theSameSeedGivesTheSameHistoryEvenWithFailures() async throws {
        func history() async throws -> [CaseEvent] {
            let store = InMemoryEventStore()
            let driver = CaseDriver(store: store, settings: Self.settings(errors: 0.2), seed: 9, start: 0)
            try await driver.start(try RuntimeFixtures.restaurant(), id: "c1")
            _ = try await driver.drive()
            return try await store.events(of: "c1")
        }
        let first = try await history()
        #expect(first.contains { if case .dispatchFailed = $0.kind { return true } else { return false } })
        #expect(try await history() == first)
    }

    @Test func aManualDepartmentStopsTheDriveUntilItsOfficerDecides() async throws {
        let store = InMemoryEventStore()
        let driver = CaseDriver(
            store: store, settings: Self.settings(manual: ["fire-rescue"]), seed: 2, start: 0)
        let plan = try RuntimeFixtures.restaurant()
        try await driver.start(plan, id: "c1")
        #expect(try await driver.drive() == .waiting)
        let blueprint = CaseBlueprint(plan: plan)
        let fire = try #require(blueprint.tasks.firstIndex { $0.department == "fire-rescue" })
        #expect(await driver.engine.state(of: "c1")?.tasks[fire].status == .dispatched)
        #expect(driver.manual.waiting.map(\.item) == [blueprint.tasks[fire].item])

        // A new process: the same store, a new driver, the officer approves.
        let later = CaseDriver(
            store: store, settings: Self.settings(manual: ["fire-rescue"]), seed: 2, start: 0)
        #expect(try await later.resume() == ["c1"])
        #expect(later.clock.now == (try await store.events(of: "c1")).last?.at)
        try await later.decide(.approved, case: "c1", task: fire)
        #expect(try await later.drive() == .finished)
        let events = try await store.events(of: "c1")
        #expect(events.contains { $0.kind == .approved(task: fire) })
        if case .delivered = events.last?.kind {} else { Issue.record("not delivered") }
    }

    @Test func aRestartInTheMiddleContinuesFromTheStore() async throws {
        let store = InMemoryEventStore()
        let plan = try RuntimeFixtures.restaurant()
        let first = CaseDriver(store: store, settings: Self.settings(), seed: 5, start: 0)
        try await first.start(plan, id: "c1")
        try await first.start(plan, id: "c2")
        // Stop after a few steps, as if the process died.
        var steps = 0
        struct Stop: Error {}
        do {
            _ = try await first.drive {
                steps += 1
                if steps == 4 { throw Stop() }
            }
        } catch is Stop {}
        let open = try await store.cases(CaseQuery(open: true)).map(\.id)
        #expect(!open.isEmpty)
        let second = CaseDriver(store: store, settings: Self.settings(), seed: 5, start: 0)
        try await second.resume()
        #expect(try await second.drive() == .finished)
        #expect(try await store.cases(CaseQuery(open: true)).isEmpty)
        let keys = first.simulated.submissions + second.simulated.submissions
        let byTask = Dictionary(
            grouping: Set(keys), by: { $0.split(separator: "/").dropLast().joined(separator: "/") })
        #expect(byTask.values.allSatisfy { $0.count == 1 })
    }
}
