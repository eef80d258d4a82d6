import OneThingEvents

/// Queries and summaries: every store answers them from the projections of its events.
extension StoreContract {
    static let queryChecks: [Check] = [
        Check("queries select by open, department, due moment and limit") { store in
            try await store.saveBlueprint(ContractCases.blueprint)
            // Started on days 0, 1, 2 and 3; ten days promised.
            try await store.append(events("a", .accepted))
            try await store.append(events("b", day: 1, .inspected) + events("c", day: 2, .completed))
            try await store.append(events("d", day: 3, .notAccepted))
            func ids(_ query: CaseQuery) async throws -> [CaseID] { try await store.cases(query).map(\.id) }
            func day(_ days: Double) -> Timestamp { ContractCases.moment(days: days) }
            let expectations: [(CaseQuery, [CaseID], String)] = [
                (CaseQuery(), ["a", "b", "c", "d"], "every case"),
                (CaseQuery(open: true), ["a", "b"], "the open cases"),
                (CaseQuery(open: false), ["c", "d"], "the closed cases"),
                (CaseQuery(department: "market"), ["a"], "the cases waiting on market"),
                (CaseQuery(department: "fire"), ["b"], "the cases waiting on fire"),
                (CaseQuery(department: "health"), ["b"], "the cases waiting on health"),
                (CaseQuery(department: "nobody"), [], "the cases waiting on an unknown department"),
                (CaseQuery(open: false, department: "fire"), [], "the closed cases waiting on fire"),
                (CaseQuery(dueBy: day(9.5)), [], "the cases due by day 9.5"),
                (CaseQuery(dueBy: day(10)), ["a"], "the cases due by day 10 (the moment itself)"),
                (CaseQuery(dueBy: day(11)), ["a", "b"], "the cases due by day 11"),
                (
                    CaseQuery(dueBy: day(1000)), ["a", "b"],
                    "the cases due by day 1000 (closed cases are never due)"
                ),
                (CaseQuery(open: false, dueBy: day(1000)), [], "the closed cases due by day 1000"),
                (CaseQuery(department: "fire", dueBy: day(10)), [], "the cases at fire due by day 10"),
                (CaseQuery(limit: 0), [], "no cases (limit 0)"),
                (CaseQuery(limit: 1), ["a"], "the first case"),
                (CaseQuery(limit: 3), ["a", "b", "c"], "the first three cases"),
                (CaseQuery(limit: 10), ["a", "b", "c", "d"], "the first ten cases"),
                (CaseQuery(open: false, limit: 1), ["c"], "the first closed case"),
                (
                    CaseQuery(open: true, department: "health", limit: 1), ["b"],
                    "the first open case at health"
                ),
            ]
            for (query, expected, subject) in expectations {
                try Expect.equal(try await ids(query), expected, subject)
            }
            // The licence of case a approved later: a leaves market and waits on fire.
            let a = events("a", .licensed)
            let before = try await store.events(of: "a").count
            try await store.append(Array(a[before...]))
            try Expect.equal(
                try await ids(CaseQuery(department: "market")), [], "the cases waiting on market")
            try Expect.equal(
                try await ids(CaseQuery(department: "fire")), ["a", "b"], "the cases waiting on fire")
            try Expect.equal(
                try await ids(CaseQuery(department: "health")), ["b"], "the cases waiting on health")
        },
        Check("queries continue after a case, page by page") { store in
            try await store.saveBlueprint(ContractCases.blueprint)
            try await store.append(events("a", .accepted))
            try await store.append(events("b", day: 1, .inspected) + events("c", day: 2, .completed))
            try await store.append(events("d", day: 3, .notAccepted))
            func ids(_ query: CaseQuery) async throws -> [CaseID] { try await store.cases(query).map(\.id) }
            let expectations: [(CaseQuery, [CaseID], String)] = [
                (CaseQuery(after: "a"), ["b", "c", "d"], "the cases after a"),
                (CaseQuery(limit: 2, after: "a"), ["b", "c"], "the two cases after a"),
                (CaseQuery(limit: 2, after: "c"), ["d"], "the last page"),
                (CaseQuery(after: "d"), [], "the cases after the last"),
                (CaseQuery(open: false, after: "a"), ["c", "d"], "the closed cases after a"),
                (CaseQuery(open: true, after: "b"), [], "the open cases after b"),
                (CaseQuery(after: "nobody"), [], "the cases after a case the store does not have"),
            ]
            for (query, expected, subject) in expectations {
                try Expect.equal(try await ids(query), expected, subject)
            }
            // Paging through with a page of one gives every case once, in order.
            var seen: [CaseID] = []
            var cursor: CaseID?
            while let next = try await store.cases(CaseQuery(limit: 1, after: cursor)).first {
                seen.append(next.id)
                cursor = next.id
            }
            try Expect.equal(seen, ["a", "b", "c", "d"], "the cases paged one by one")
        },
        Check("summaries are the projections of the events") { store in
            try await store.saveBlueprint(ContractCases.blueprint)
            let cases = [
                events("a", .accepted), events("b", day: 1.5, .inspected), events("c", day: 2, .completed),
                events("d", day: 3, .notAccepted),
            ]
            try await store.append(cases.flatMap { $0 })
            let summaries = try await store.cases(CaseQuery())
            try Expect.equal(summaries, cases.compactMap(ContractCases.summary(of:)), "the summaries")
            for (index, id) in ["a", "b", "c", "d"].enumerated() {
                try Expect.equal(
                    try await store.summary(of: id), ContractCases.summary(of: cases[index]),
                    "the summary of case \(id)")
            }
            guard summaries.count == 4 else { return }
            let b = summaries[1]
            let start = ContractCases.moment(days: 1.5)
            try Expect.equal(
                [b.bundle, b.version, b.blueprint, b.lead],
                ["contract", "1.0.0", ContractCases.blueprint.fingerprint, "market"],
                "the bundle, version, blueprint and lead of case b")
            try Expect.equal(b.startedAt, start, "when case b started")
            try Expect.equal(
                b.promisedBy, ContractCases.promisedBy(startingAt: start), "when case b is promised")
            try Expect.equal(b.outcome, nil, "the outcome of open case b")
            try Expect.equal(b.deliveredAt, nil, "when open case b was delivered")
            try Expect.equal(b.waitingOn, ["fire", "health"], "the departments case b waits on")
            try Expect.equal(b.events, cases[1].count, "the event count of case b")
            let c = summaries[2]
            try Expect.equal(c.outcome, .completed, "the outcome of case c")
            try Expect.equal(c.deliveredAt, cases[2].last?.at, "when case c was delivered")
            try Expect.equal(c.waitingOn, [], "the departments case c waits on")
            try Expect.equal(summaries[3].outcome, .notAccepted, "the outcome of case d")
            try Expect.equal(summaries[3].promisedBy, nil, "the promise of case d, which was not accepted")
        },
        Check("summaries and due queries follow a changed promise") { store in
            try await store.saveBlueprint(ContractCases.blueprint)
            var a = events("a", .inspected)
            try await store.append(a)
            let later = ContractCases.moment(days: 14)
            let changes: [CaseEvent.Kind] = [
                .dueChanged(step: 2, from: ContractCases.moment(days: 5), to: ContractCases.moment(days: 7)),
                .dueChanged(step: nil, from: ContractCases.moment(days: 10), to: later),
            ]
            for kind in changes {
                a.append(
                    CaseEvent(
                        caseID: "a", sequence: a.count + 1, at: ContractCases.moment(days: 3), kind: kind))
            }
            try await store.append(Array(a.suffix(2)))
            let summary = try await store.cases(CaseQuery()).first
            try Expect.equal(summary, ContractCases.summary(of: a), "the summary after the changes")
            try Expect.equal(summary?.promisedBy, later, "when case a is promised after the change")
            try Expect.equal(
                try await store.cases(CaseQuery(dueBy: ContractCases.moment(days: 10))).map(\.id), [],
                "the cases due by the old promise")
            try Expect.equal(
                try await store.cases(CaseQuery(dueBy: later)).map(\.id), ["a"],
                "the cases due by the new promise")
        },
    ]
}
