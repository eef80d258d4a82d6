import Foundation
import OneThing
import OneThingRuntime
import OneThingSQLite
import OneThingTestSupport
import Testing

/// The engine over the SQLite store: what a runtime wrote before it stopped, the next
/// one takes up from the file.
struct EngineRecoveryTests {
    /// A department system that takes every submission and never answers.
    struct QuietDepartment: DepartmentAdapter {
        func submit(_ request: TaskRequest) async throws(AdapterError) {}
        func poll(_ request: TaskRequest) async throws(AdapterError) -> AdapterOutcome? { nil }
        func cancel(_ request: TaskRequest) async throws(AdapterError) {}
    }

    @Test func aNewEngineRecoversTheOpenCasesFromTheFile() async throws {
        let plan = try RuntimeFixtures.restaurant()
        let adapters = AdapterDirectory(fallback: QuietDepartment())
        try await TemporaryStore.withPath { path in
            let clock = VirtualClock()
            var before: [CaseID: CaseState] = [:]
            do {
                let engine = Engine(store: try SQLiteEventStore(path: path), adapters: adapters, clock: clock)
                for _ in 0..<3 {
                    let id = try await engine.start(plan: plan)
                    before[id] = await engine.state(of: id)
                    clock.advance(to: clock.now + 0.5)
                }
            }
            let store = try SQLiteEventStore(path: path)
            let engine = Engine(store: store, adapters: adapters, clock: clock)
            try await engine.recover()
            #expect(try await engine.cases(CaseQuery(open: true)).count == 3)
            for (id, state) in before {
                let recovered = try #require(await engine.state(of: id))
                #expect(recovered.sequence == state.sequence)
                #expect(recovered.tasks == state.tasks)
                #expect(recovered.start == state.start)
            }
        }
    }
}
