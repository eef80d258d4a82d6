import OneThing
import OneThingRuntime
import OneThingSQLite
import OneThingSimulation
import OneThingTestSupport
import Testing

/// The restaurant bundle's cases, run against departments that are slow, fail, ask
/// for supplements and reject: every kind of history, stored alike by both stores.
struct SimulatedCasesTests {
    @Test func theSQLiteStoreAnswersAsTheInMemoryStoreDoes() async throws {
        let blueprint = CaseBlueprint(plan: try RuntimeFixtures.restaurant())
        var settings = SimulationSettings()
        settings.defaults.errors = 0.05
        settings.defaults.rejection = 0.05
        settings.defaults.supplement = 0.3
        var events: [CaseEvent] = []
        _ = Simulation(blueprint: blueprint, settings: settings, seed: 7).run(cases: 300) {
            events += $0
        }
        try await TemporaryStore.with { store in
            let reference = InMemoryEventStore()
            for target in [store, reference] as [any EventStore] {
                try await target.saveBlueprint(blueprint)
                var next = 0
                while next < events.count {
                    let end = min(events.count, next + 700)
                    try await target.append(Array(events[next..<end]))
                    next = end
                }
            }
            let summaries = try await store.cases(CaseQuery())
            #expect(summaries.count == 300)
            #expect(summaries == (try await reference.cases(CaseQuery())))
            #expect(Set(summaries.compactMap(\.outcome)).count > 1)
            for summary in summaries.prefix(50) {
                #expect(
                    try await store.events(of: summary.id) == (try await reference.events(of: summary.id)))
            }
        }
    }
}
