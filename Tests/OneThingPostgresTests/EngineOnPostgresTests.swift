import OneThingEvents
import OneThingPostgres
import OneThingRuntime
import OneThingTestSupport
import Synchronization
import Testing

/// Several engines on one PostgreSQL database, as several `onething serve` would run:
/// an engine runs what its instance holds, adopts what a stopped instance held, lets
/// go of what another wrote, and a timer is recorded once whoever fires it.
@Suite(.enabled(if: TestServer.isGiven, TestServer.notGiven))
struct EngineOnPostgresTests {
    static let start = RuntimeFixtures.at("2026-12-03 09:00")

    /// A department system shared by the instances: it takes every task and records its key.
    final class RecordingDepartment: DepartmentAdapter {
        let keys = Mutex<[String]>([])
        func submit(_ submission: Submission) async throws(AdapterError) {
            keys.withLock { $0.append(submission.key) }
        }
        func poll(_ submission: Submission) async throws(AdapterError) -> AdapterOutcome? { nil }
        func cancel(_ submission: Submission) async throws(AdapterError) {}
    }

    /// Two instances, `A` and `B`, each a store handle and an engine, sharing a clock and
    /// a department system; the leases are short, so the tests see them renewed.
    struct Instances {
        let stores: [PostgresEventStore]
        let engines: [Engine]
        let clock: VirtualClock
        let department: RecordingDepartment
    }

    /// `lease` is each engine's lease: short by default, so that tests whose engines run
    /// see it renewed; a test whose engines do not run (nothing renews) takes a long one,
    /// so that a slow machine does not let it lapse in the middle.
    static func withInstances(lease: Duration = .seconds(3), _ body: (Instances) async throws -> Void)
        async throws
    {
        try await TestServer.withSchema { address in
            let clock = VirtualClock(start: Self.start)
            let department = RecordingDepartment()
            var stores: [PostgresEventStore] = []
            var engines: [Engine] = []
            for name in ["A", "B"] {
                var options = PostgresEventStore.Options()
                options.instance = name
                let store = try await PostgresEventStore(address: address, options: options)
                stores.append(store)
                engines.append(
                    Engine(
                        store: store, adapters: AdapterDirectory(fallback: department), clock: clock,
                        calendars: ["CN": try RuntimeFixtures.calendar()],
                        configuration: Engine.Configuration(lease: lease)))
            }
            let instances = Instances(stores: stores, engines: engines, clock: clock, department: department)
            do {
                try await body(instances)
            } catch {
                for store in stores { await store.close() }
                throw error
            }
            for store in stores { await store.close() }
        }
    }

    static func begin(_ engine: Engine) async throws -> CaseID {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        return try await engine.start(blueprint: blueprint, answers: [:], provided: blueprint.core)
    }

    /// Waits (up to ten seconds) until `condition` holds.
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<100 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test func anEngineThatStartsRunsWhatItsInstanceHoldsAndWhatAStoppedOneHeld() async throws {
        try await Self.withInstances(lease: .seconds(60)) { instances in
            let (a, b) = (instances.engines[0], instances.engines[1])
            _ = try await a.recover()
            let ids = [try await Self.begin(a), try await Self.begin(a)]
            // B starts while A lives: A's cases are not B's.
            #expect(try await b.recover() == [])
            await a.waitForAdapters()
            let sentByA = instances.department.keys.withLock { $0 }
            #expect(!sentByA.isEmpty)
            // A stops (what its service does at shutdown): B's next recovery adopts them.
            try await instances.stores[0].endLease()
            #expect(try await b.recover() == ids)
            for id in ids { #expect(await b.state(of: id) != nil) }
            #expect(try await instances.stores[1].heldCases() == ids)
            // What A sent without an answer, B sends again, under the same keys only.
            await b.waitForAdapters()
            let sent = instances.department.keys.withLock { $0 }
            #expect(sent.sorted() == (sentByA + sentByA).sorted())
        }
    }

    @Test func whenAnInstanceStopsAnotherRunningOneAdoptsItsCasesAtOnce() async throws {
        try await Self.withInstances { instances in
            let (a, b) = (instances.engines[0], instances.engines[1])
            let runningA = Task { try await a.run() }
            let runningB = Task { try await b.run() }
            try await Task.sleep(for: .milliseconds(500))  // until both listen
            let ids = [try await Self.begin(a), try await Self.begin(a), try await Self.begin(a)]
            runningA.cancel()  // a graceful stop: A drains, ends its lease and says so
            _ = await runningA.result
            #expect(try await Self.eventually { Set(await b.openCases).isSuperset(of: ids) })
            #expect(try await instances.stores[1].heldCases() == ids)
            // B goes on with them: a department's answer is recorded through B.
            let first = try #require(await b.state(of: ids[0]))
            let sent = try #require(first.steps.firstIndex { $0.status == .dispatched })
            try await b.decide(.approved, case: ids[0], step: first.blueprint.steps[sent].id)
            #expect(
                try await instances.stores[1].events(of: ids[0]).contains { $0.kind == .approved(step: sent) }
            )
            runningB.cancel()
            _ = await runningB.result
        }
    }

    @Test func anInstanceLetsGoOfACaseAnotherInstanceWrote() async throws {
        try await Self.withInstances { instances in
            let (a, b) = (instances.engines[0], instances.engines[1])
            let runningA = Task { try await a.run() }
            try await Task.sleep(for: .milliseconds(500))  // until A listens
            let id = try await Self.begin(a)
            #expect(await a.state(of: id) != nil)
            // A department's callback reaches instance B, which records it: B holds the case now.
            let state = try await b.load(id)
            let sent = try #require(state.steps.firstIndex { $0.status == .dispatched })
            try await b.decide(.approved, case: id, step: state.blueprint.steps[sent].id)
            #expect(try await instances.stores[1].heldCases() == [id])
            #expect(try await Self.eventually { await a.state(of: id) == nil })
            runningA.cancel()
            _ = await runningA.result
        }
    }

    @Test func aReadOnAnotherInstanceNeitherRunsNorTakesTheCase() async throws {
        try await Self.withInstances { instances in
            let (a, b) = (instances.engines[0], instances.engines[1])
            let id = try await Self.begin(a)
            let before = try await instances.stores[0].events(of: id)
            // Past every due date: a case B took in would fire its timers and write.
            instances.clock.advance(to: RuntimeFixtures.at("2026-12-31 09:00"))
            let state = try await b.read(id)
            #expect(state.id == id && state.steps.contains { $0.status == .dispatched })
            #expect(await b.state(of: id) == nil, "B keeps no copy of A's case")
            try await b.tick()
            #expect(try await instances.stores[1].events(of: id) == before, "nothing was written")
            #expect(try await instances.stores[0].heldCases() == [id], "A still holds the case")
            await #expect(throws: EngineError.self) { try await b.read("C20261203-9999") }
        }
    }

    @Test func aTimerBothInstancesFireIsRecordedOnce() async throws {
        try await Self.withInstances { instances in
            let (a, b) = (instances.engines[0], instances.engines[1])
            let id = try await Self.begin(a)
            _ = try await b.load(id)
            // Both hold the case; its steps fall overdue; both fire their timers at once.
            instances.clock.advance(to: RuntimeFixtures.at("2026-12-31 09:00"))
            await withTaskGroup(of: Void.self) { group in
                for engine in [a, b] {
                    group.addTask {
                        // The loser's append meets the winner's events: a conflict, then a reload.
                        do { try await engine.tick() } catch {}
                        do { try await engine.tick() } catch {}
                    }
                }
            }
            let events = try await instances.stores[0].events(of: id)
            var overdue: [Int: Int] = [:]
            for event in events {
                if case .overdue(let step, _) = event.kind { overdue[step, default: 0] += 1 }
            }
            #expect(!overdue.isEmpty)
            #expect(overdue.values.allSatisfy { $0 == 1 })
            // And each task reached the department once.
            let keys = instances.department.keys.withLock { $0 }
            #expect(keys.count == Set(keys).count)
        }
    }
}
