import OneThingRuntime
import OneThingTestSupport
import Synchronization
import Testing

@testable import OneThingSimulation

/// The service that makes a server's cases move without people: what is due is
/// delivered to each case in its order, and to the cases side by side.
struct LiveDepartmentsTests {
    static let start = RuntimeFixtures.at("2026-12-03 09:00")

    /// An in-memory store whose every append takes twenty milliseconds (a database
    /// across a network), counting them.
    final class SlowStore: ForwardingStore {
        let inner = InMemoryEventStore()
        let appends = Mutex(0)

        func append(_ events: [CaseEvent]) async throws(StoreError) {
            appends.withLock { $0 += 1 }
            do {
                try await Task.sleep(for: .milliseconds(20))
            } catch {
                throw StoreError(.unavailable, "cancelled")
            }
            try await inner.append(events)
        }
    }

    @Test func casesDueTogetherAreDeliveredSideBySideInSharedCommitsAndEachCaseInItsOrder() async throws {
        let store = SlowStore()
        let calendar = try RuntimeFixtures.calendar()
        var settings = AdapterSettings()
        settings.simulation.defaults.errors = 0
        settings.simulation.defaults.timeouts = 0
        settings.simulation.defaults.rejection = 0
        settings.deferredMaterials = .simulated
        let simulated = SimulatedAdapter(
            sampler: DepartmentSampler(settings: settings.simulation, seed: 3), calendar: calendar)
        let engine = Engine(
            store: store, adapters: AdapterDirectory(fallback: simulated),
            clock: VirtualClock(start: Self.start),
            calendars: [calendar.region: calendar])
        let departments = LiveDepartments(engine: engine, adapter: simulated, settings: settings)
        let plan = try RuntimeFixtures.restaurant(RuntimeFixtures.restaurantWithGaps)
        let blueprint = try RuntimeFixtures.restaurantBlueprint(RuntimeFixtures.restaurantWithGaps)
        var ids: [CaseID] = []
        for _ in 1...40 {
            let id = try await engine.start(
                blueprint: blueprint, answers: plan.answers.values.mapValues(\.description),
                provided: plan.materials.filter { $0.status == .bring }.map(\.id))
            departments.schedule(try #require(await engine.state(of: id)))
            ids.append(id)
        }
        #expect(try #require(await engine.state(of: ids[0])).deferredDue.isEmpty == false)
        let appendsBefore = store.appends.withLock { $0 }
        var eventsBefore = 0
        for id in ids { eventsBefore += try await store.inner.events(of: id).count }

        // Everything the departments and the applicants will ever do is due.
        await departments.deliver(dueBy: Timestamp(milliseconds: Self.start.milliseconds + 400 * 86_400_000))

        var eventsAfter = 0
        for id in ids {
            let events = try await store.inner.events(of: id)
            eventsAfter += events.count
            guard case .delivered(_, let outcome)? = events.last?.kind else {
                Issue.record("case \(id) not delivered: \(events.last.map { "\($0.kind)" } ?? "-")")
                continue
            }
            #expect(outcome == .completed)
            #expect(
                events.contains {
                    if case .materialSupplied(_, late: false) = $0.kind { true } else { false }
                })
        }
        let appends = store.appends.withLock { $0 } - appendsBefore
        // One after the other, every happening waited for a commit of its own: at
        // least one append for each event delivered.
        #expect(
            appends * 4 < eventsAfter - eventsBefore,
            "\(appends) appends for \(eventsAfter - eventsBefore) events")
    }
}
