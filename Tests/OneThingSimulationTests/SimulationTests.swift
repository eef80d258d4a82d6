import OneThingRuntime
import OneThingSimulation
import OneThingTestSupport
import Testing

/// Simulations are deterministic for a seed and measure what they say.
struct SimulationTests {
    static func blueprint() throws -> CaseBlueprint {
        CaseBlueprint(plan: try RuntimeFixtures.restaurant())
    }

    @Test func theSameSeedGivesTheSameReport() throws {
        let blueprint = try Self.blueprint()
        let a = Simulation(blueprint: blueprint, seed: 42).run(cases: 500)
        let b = Simulation(blueprint: blueprint, seed: 42).run(cases: 500)
        #expect(a == b)
        #expect(a != Simulation(blueprint: blueprint, seed: 43).run(cases: 500))
    }

    @Test func theReportIsConsistent() throws {
        let report = Simulation(blueprint: try Self.blueprint(), seed: 1).run(cases: 1_000)
        #expect(report.cases == 1_000)
        #expect(report.p50 <= report.p90 && report.p90 <= report.p99)
        #expect((0...1).contains(report.onTimeRate))
        #expect(report.outcomes.values.reduce(0, +) == 1_000)
        #expect(report.bottleneck != nil)
    }

    @Test func instantDepartmentsFinishAtOnceAndOnTime() throws {
        let settings = SimulationSettings(
            defaults: .instant, deferredArrival: Triangular(min: 0, mode: 0, max: 0))
        let report = Simulation(blueprint: try Self.blueprint(), settings: settings, seed: 1).run(cases: 100)
        #expect(report.p99 == 0)
        #expect(report.onTimeRate == 1)
        #expect(report.outcomes == ["completed": 100])
    }

    @Test func slowDrainageMakesItTheBottleneck() throws {
        var settings = SimulationSettings()
        settings.departments["water-drainage"] = SimulatedDepartment(
            latency: Triangular(min: 1, mode: 1.3, max: 2))
        let report = Simulation(blueprint: try Self.blueprint(), settings: settings, seed: 3).run(cases: 300)
        #expect(report.bottleneck == "water-drainage")
        #expect(report.onTimeRate < 0.5)
    }
}
