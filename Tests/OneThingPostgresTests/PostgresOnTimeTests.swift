import OneThingEvents
import OneThingPostgres
import OneThingStoreContract
import Testing

/// The on-time rates by bundle and department over a period, kept by each append.
@Suite(
    .enabled(if: TestServer.isGiven, TestServer.notGiven))
struct PostgresOnTimeTests {
    /// What the fold of `cases` says: per department, steps decided and on time;
    /// per lead, cases delivered and on time.
    static func expected(_ cases: [[CaseEvent]]) -> [String: [Int]] {
        var counts: [String: [Int]] = [:]
        for events in cases {
            var projection = CaseProjection(id: events[0].caseID, blueprint: ContractCases.blueprint)
            for event in events { projection.apply(event) }
            let state = projection.state
            for (index, step) in state.steps.enumerated() {
                guard let onTime = step.decidedOnTime else { continue }
                let department = ContractCases.blueprint.steps[index].department
                var row = counts[department, default: [0, 0, 0, 0]]
                row[0] += 1
                row[1] += onTime ? 1 : 0
                counts[department] = row
            }
            if let onTime = state.deliveredOnTime, let lead = state.start?.lead {
                var row = counts[lead, default: [0, 0, 0, 0]]
                row[2] += 1
                row[3] += onTime ? 1 : 0
                counts[lead] = row
            }
        }
        return counts
    }

    @Test func ratesCountEveryDecisionAndDeliveryOnce() async throws {
        try await TestServer.withStore { store in
            try await store.saveBlueprint(ContractCases.blueprint)
            let a = ContractCases.events("a", startingAt: ContractCases.firstStart, upTo: .completed)
            let b = ContractCases.events("b", startingAt: ContractCases.moment(days: 1), upTo: .licensed)
            // One event at a time for a, all at once for b: the counts do not depend on batching.
            for event in a { try await store.append([event]) }
            try await store.append(b)
            let first = ContractCases.firstStart.chinaDate
            let rates = try await store.onTimeRates(from: first, through: first.adding(days: 60))
            var found: [String: [Int]] = [:]
            for rate in rates {
                #expect(rate.bundle == ContractCases.blueprint.bundle)
                found[rate.department] = [
                    rate.decided, rate.decidedOnTime, rate.delivered, rate.deliveredOnTime,
                ]
            }
            let expected = Self.expected([a, b])
            #expect(found == expected)
            #expect(!expected.isEmpty)
            #expect(
                try await store.onTimeRates(from: first.adding(days: -10), through: first.adding(days: -1))
                    == [])
            #expect(
                try await store.onTimeRates(from: first, through: first.adding(days: 60), bundle: "other")
                    == [])
        }
    }
}
