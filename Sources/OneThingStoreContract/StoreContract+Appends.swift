import OneThingEvents

/// Appending: what goes in comes back in order, and what does not fit is refused whole.
extension StoreContract {
    typealias Expect = ContractExpectation

    /// Starts `a` taken as far as `progress` at the first start, and `b` a day later.
    static func events(_ id: CaseID, day: Double = 0, _ progress: ContractCases.Progress) -> [CaseEvent] {
        ContractCases.events(id, startingAt: ContractCases.moment(days: day), upTo: progress)
    }

    static let appendChecks: [Check] = [
        Check("events appended read back in order, two cases interleaved in one append") { store in
            try await store.saveBlueprint(ContractCases.blueprint)
            let a = events("a", .completed)
            let b = events("b", day: 1, .inspected)
            var mixed: [CaseEvent] = []
            for index in 0..<max(a.count, b.count) {
                if index < a.count { mixed.append(a[index]) }
                if index < b.count { mixed.append(b[index]) }
            }
            try await store.append(mixed)
            try Expect.equal(try await store.events(of: "a"), a, "the events of case a")
            try Expect.equal(try await store.events(of: "b"), b, "the events of case b")
            try await store.append([])
            try Expect.equal(try await store.events(of: "a"), a, "the events of case a after an empty append")
            try Expect.equal(
                try await store.cases(CaseQuery()).map(\.id), ["a", "b"],
                "the cases, in the order they started")
        },
        Check("a case the store does not have has no events") { store in
            try Expect.equal(
                try await store.events(of: "nobody"), [], "the events of an unknown case (empty store)")
            try await store.saveBlueprint(ContractCases.blueprint)
            try await store.append(events("a", .accepted))
            try Expect.equal(try await store.events(of: "nobody"), [], "the events of an unknown case")
            try Expect.equal(try await store.events(of: ""), [], "the events of the case with an empty id")
            try Expect.equal(try await store.summary(of: "nobody"), nil, "the summary of an unknown case")
        },
        Check("a case goes on in later appends, one event at a time") { store in
            try await store.saveBlueprint(ContractCases.blueprint)
            let all = events("a", .completed)
            for (index, event) in all.enumerated() {
                try await store.append([event])
                try Expect.equal(
                    try await store.cases(CaseQuery()).first?.events, index + 1,
                    "the event count of case a after \(index + 1) appends")
            }
            try Expect.equal(try await store.events(of: "a"), all, "the events of case a")
            try Expect.equal(
                try await store.cases(CaseQuery()), [ContractCases.summary(of: all)].compactMap { $0 },
                "the summaries")
        },
    ]

    static let refusalChecks: [Check] = [
        Check("a gap is refused, writes nothing, and the case goes on after it") { store in
            try await store.saveBlueprint(ContractCases.blueprint)
            let a = events("a", .completed)
            try await store.append(Array(a[0..<2]))
            try await Expect.error(.refused, "appending event 4 after event 2") {
                try await store.append([a[3]])
            }
            try Expect.equal(
                try await store.events(of: "a"), Array(a[0..<2]), "the events of case a after the gap")
            try Expect.equal(try await store.cases(CaseQuery()).first?.events, 2, "the event count of case a")
            try await store.append(Array(a[2...]))
            try Expect.equal(try await store.events(of: "a"), a, "the events of case a")
        },
        Check("a repeated sequence is a conflict and writes nothing") { store in
            try await store.saveBlueprint(ContractCases.blueprint)
            let a = events("a", .inspected)
            try await store.append(Array(a[0..<3]))
            let error = try await Expect.error(.conflict, "appending event 3 again, then event 4") {
                try await store.append([a[2], a[3]])
            }
            try Expect.equal(error.caseID, "a", "the case the conflict names")
            try await Expect.error(.conflict, "appending the start event again") {
                try await store.append([a[0]])
            }
            var other = a[3]
            other.sequence = 2
            try await Expect.error(.conflict, "appending a different event 2") {
                try await store.append([other])
            }
            try Expect.equal(try await store.events(of: "a"), Array(a[0..<3]), "the events of case a")
            try Expect.equal(try await store.cases(CaseQuery()).first?.events, 3, "the event count of case a")
        },
        Check("a refused batch writes nothing of any case in it") { store in
            try await store.saveBlueprint(ContractCases.blueprint)
            let a = events("a", .inspected)
            try await store.append(Array(a[0..<2]))
            let other = events("other", day: 1, .inspected)
            // Good events of a new case first, then a gap: the whole batch is refused.
            try await Expect.error(.refused, "a batch of a new case and a gap") {
                try await store.append(other + [a[3]])
            }
            // Good events, then a repeat within the batch.
            try await Expect.error(.conflict, "a batch that repeats its own event") {
                try await store.append([a[2], a[3], a[3]])
            }
            try Expect.equal(try await store.events(of: "other"), [], "the events of the refused new case")
            try Expect.equal(try await store.events(of: "a"), Array(a[0..<2]), "the events of case a")
            try Expect.equal(try await store.cases(CaseQuery()).map(\.id), ["a"], "the cases")
            try Expect.equal(try await store.cases(CaseQuery()).first?.events, 2, "the event count of case a")
            try await store.append(other + Array(a[2...]))
            try Expect.equal(try await store.events(of: "a"), a, "the events of case a")
            try Expect.equal(try await store.events(of: "other"), other, "the events of case other")
            try Expect.equal(try await store.cases(CaseQuery()).map(\.id), ["a", "other"], "the cases")
        },
        Check("a case begins with event 1, a start of a saved blueprint") { store in
            let a = events("a", .accepted)
            try await Expect.error(.refused, "a case whose blueprint was never saved") {
                try await store.append(a)
            }
            try await store.saveBlueprint(ContractCases.blueprint)
            try await Expect.error(.refused, "a case whose first event is not its start") {
                try await store.append(Array(a[1...]))
            }
            var late = a[0]
            late.sequence = 2
            try await Expect.error(.refused, "a start event numbered 2") { try await store.append([late]) }
            var second = a[0]
            second.sequence = a.count + 1
            try await Expect.error(.refused, "a second start event") { try await store.append(a + [second]) }
            try Expect.equal(try await store.events(of: "a"), [], "the events of case a")
            try Expect.equal(try await store.cases(CaseQuery()), [], "the cases")
            try await store.append(a)
            try Expect.equal(try await store.events(of: "a"), a, "the events of case a")
        },
        Check("an event about a step the blueprint does not have is refused") { store in
            try await store.saveBlueprint(ContractCases.blueprint)
            let a = events("a", .accepted)
            let steps = ContractCases.blueprint.steps.count
            let wrong = CaseEvent(
                caseID: "a", sequence: a.count + 1, at: ContractCases.firstStart, kind: .approved(step: steps)
            )
            let error = try await Expect.error(.refused, "approving step \(steps)") {
                try await store.append(a + [wrong])
            }
            try Expect.equal(error.caseID, "a", "the case the refusal names")
            try await store.append(a)
            try await Expect.error(.refused, "a negative step") {
                try await store.append([
                    CaseEvent(
                        caseID: "a", sequence: a.count + 1, at: ContractCases.firstStart,
                        kind: .inReview(step: -1))
                ])
            }
            // A document the step does not issue (the licence is step 0's, not step 1's).
            let stray = try await Expect.error(.refused, "a document step 1 does not issue") {
                try await store.append([
                    CaseEvent(
                        caseID: "a", sequence: a.count + 1, at: ContractCases.firstStart,
                        kind: .issued(step: 1, documents: ["licence": "91110000MA0000001X"]))
                ])
            }
            try Expect.that(
                stray.message.contains("'licence'"), "the refusal",
                expected: "it names the document 'licence'",
                actual: stray.message)
            try Expect.equal(try await store.events(of: "a"), a, "the events of case a")
        },
    ]
}
