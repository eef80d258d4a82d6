import Foundation
import OneThingDepartmentHTTP
import OneThingRuntime
import Testing

@testable import OneThingFakeDepartment

/// The engine and the HTTP adapter together against the fake department: a department
/// that took a push whose answer never came (a timeout) sees every later attempt of the
/// step under the same key, so it never does the step twice, and the case's history
/// still records each attempt.
@Suite struct RetryUnderOneKeyTests {
    @Test func aStepEscalatedAfterTimeoutsIsPushedAgainUnderItsKeyAndTakenOnce() async throws {
        var faults = FakeDepartment.Faults()
        faults.timeouts = 1
        faults.hang = 3_000
        let fixture = HTTPDepartmentAdapterTests()
        try await fixture.withFake(faults) { fake, url in
            // 1 s: room for the answered push on a loaded machine (with 300 ms, the push after
            // the faults timed out too in a CI run beside two builds), and still a third of the hang.
            let adapter = fixture.adapter(url, retries: 0, timeout: 1_000)
            let calendar = WorkdayCalendar(
                region: "CN",
                arrangements: [2026, 2027, 2028].map { .init(year: $0, holidays: [], makeUpWorkdays: []) })
            let engine = Engine(
                store: InMemoryEventStore(), adapters: AdapterDirectory(fallback: adapter),
                clock: LiveClock(),
                calendars: ["CN": calendar],
                configuration: Engine.Configuration(retry: RetryPolicy(base: 20, cap: 50, jitter: 0.5)))
            let blueprint = HTTPDepartmentAdapterTests.blueprint
            let id = try await engine.start(blueprint: blueprint, answers: [:], provided: blueprint.core)
            // Three pushes time out, each escalated and sent again as a new attempt.
            try await pushes(3, at: fake, driving: engine)
            fake.faults = FakeDepartment.Faults()
            let seen = fake.tally.pushes
            try await pushes(seen + 1, at: fake, driving: engine)
            await engine.waitForAdapters()

            #expect(fake.tally.taken == 1 && fake.tally.duplicateEffects == 0)
            #expect(fake.tally.repeatedKeys == fake.tally.pushes - 1)
            let events = try await engine.store.events(of: id)
            let dispatched = events.compactMap { event -> (Int, String)? in
                if case .dispatched(_, let attempt, let key, _) = event.kind { return (attempt, key) }
                return nil
            }
            #expect(dispatched.map(\.0) == Array(1...dispatched.count))
            #expect(Set(dispatched.map(\.1)) == ["\(id)/licence/1"])
            let failures = events.compactMap { event -> String? in
                if case .dispatchFailed(_, _, let reason, _) = event.kind { return reason }
                return nil
            }
            #expect(failures.count == dispatched.count - 1)
            #expect(
                failures.allSatisfy {
                    $0.hasPrefix("escalated: market-regulation did not take \(id)/licence/1")
                })
            #expect(await engine.state(of: id)?.steps[0].status == .dispatched)
        }
    }

    /// Fires the engine's timers until the fake department has seen `count` pushes (at most 20 s).
    func pushes(_ count: Int, at fake: FakeDepartment, driving engine: Engine) async throws {
        let end = ContinuousClock.now.advanced(by: .seconds(20))
        while fake.tally.pushes < count {
            try #require(
                ContinuousClock.now < end, "the department saw \(fake.tally.pushes) pushes, not \(count)")
            try await engine.tick()
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
