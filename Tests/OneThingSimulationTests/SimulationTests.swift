import OneThingRuntime
import OneThingSimulation
import OneThingTestSupport
import Testing

/// Simulations are deterministic for a seed, measure what they say, and their first
/// case is the case the command line's run gives.
struct SimulationTests {
    static let start = CalendarDate(year: 2026, month: 12, day: 3)!

    static func simulation(settings: SimulationSettings = SimulationSettings(), seed: UInt64) throws
        -> Simulation
    {
        let plan = try RuntimeFixtures.restaurant()
        return Simulation(
            blueprint: try RuntimeFixtures.restaurantBlueprint(), calendar: try RuntimeFixtures.calendar(),
            start: start, settings: settings, seed: seed,
            answers: plan.answers.values.mapValues(\.description),
            provided: plan.materials.filter { $0.status == .bring }.map(\.id))
    }

    @Test func theSameSeedGivesTheSameReport() throws {
        let a = try Self.simulation(seed: 42).run(cases: 300)
        let b = try Self.simulation(seed: 42).run(cases: 300)
        #expect(a == b)
        #expect(a != (try Self.simulation(seed: 43).run(cases: 300)))
    }

    @Test func theReportIsConsistent() throws {
        let report = try Self.simulation(seed: 1).run(cases: 500)
        #expect(report.cases == 500)
        #expect(report.p50 <= report.p90 && report.p90 <= report.p99)
        #expect((0...1).contains(report.onTimeRate))
        #expect(report.outcomes.values.reduce(0, +) == 500)
        #expect(report.outcomes["open"] == nil)
        #expect(report.bottleneck != nil)
    }

    @Test func instantDepartmentsFinishAtOnceAndOnTime() throws {
        let settings = SimulationSettings(
            defaults: .instant, deferredArrival: Triangular(min: 0, mode: 0, max: 0))
        let report = try Self.simulation(settings: settings, seed: 1).run(cases: 50)
        #expect(report.p99 == 0)
        #expect(report.onTimeRate == 1)
        #expect(report.outcomes == ["completed": 50])
    }

    @Test func slowDrainageMakesItTheBottleneck() throws {
        var settings = SimulationSettings()
        settings.departments["water-drainage"] = SimulatedDepartment(
            latency: Triangular(min: 1, mode: 1.3, max: 2))
        let report = try Self.simulation(settings: settings, seed: 3).run(cases: 200)
        #expect(report.bottleneck == "water-drainage")
        #expect(report.onTimeRate < 0.5)
    }

    /// `onething run --seed S` and `onething simulate --cases 1 --seed S` draw from the
    /// same sampler through the same runtime: the same case, event for event.
    @Test(arguments: [1, 7, 11, 20_261_203] as [UInt64])
    func theFirstSimulatedCaseIsTheCaseTheEngineRuns(seed: UInt64) async throws {
        var settings = SimulationSettings()
        settings.defaults.errors = 0.1
        settings.defaults.supplement = 0.3
        settings.defaults.rejection = 0.05
        var simulated: [CaseEvent] = []
        var result: Simulation.CaseResult?
        _ = try Self.simulation(settings: settings, seed: seed).run(
            cases: 1, sink: { simulated += $0 }, each: { result = $0 })

        let store = InMemoryEventStore()
        let driver = CaseDriver(
            store: store, calendar: try RuntimeFixtures.calendar(),
            adapters: CaseAdapters(settings: AdapterSettings(simulation: settings), seed: seed),
            start: Timestamp(china: Self.start, hour: 9))
        let plan = try RuntimeFixtures.restaurant()
        let id = try await driver.start(
            blueprint: try RuntimeFixtures.restaurantBlueprint(),
            answers: plan.answers.values.mapValues(\.description),
            provided: plan.materials.filter { $0.status == .bring }.map(\.id))
        _ = try await driver.drive()
        let run = try await store.events(of: id)
        #expect(id == result?.id)
        #expect(run == simulated)
        guard case .delivered(_, let outcome)? = run.last?.kind else {
            Issue.record("the run did not deliver")
            return
        }
        #expect(outcome == result?.outcome)
        #expect(run.last?.at == result?.deliveredAt)
    }
}
