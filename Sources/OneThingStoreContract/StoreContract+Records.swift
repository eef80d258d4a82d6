import OneThingEvents

/// What a store keeps beside the events: blueprints, every kind of event with all its
/// fields, and metadata.
extension StoreContract {
    static let blueprintChecks: [Check] = [
        Check("a blueprint is saved once and read back as it was") { store in
            let blueprint = ContractCases.blueprint
            try Expect.equal(try await store.blueprint(blueprint.fingerprint), nil, "a blueprint never saved")
            try await store.saveBlueprint(blueprint)
            try await store.saveBlueprint(blueprint)
            try Expect.equal(
                try await store.blueprint(blueprint.fingerprint), blueprint, "the saved blueprint")
            try Expect.equal(
                try await store.blueprint(blueprint.bundle + "@1.0.0#0000000000000000"), nil,
                "a blueprint under another fingerprint")
        }
    ]

    static let codecChecks: [Check] = [
        Check("every kind of event reads back with all its fields") { store in
            let events = ContractCases.everyKind("k")
            let kinds = Set(events.map(\.kind.name))
            try Expect.that(
                kinds == Set(CaseEvent.Kind.Name.allCases), "the kinds of ContractCases.everyKind",
                expected: "every kind", actual: "no \(Set(CaseEvent.Kind.Name.allCases).subtracting(kinds))")
            try await store.saveBlueprint(ContractCases.blueprint)
            try await store.append(events)
            let stored = try await store.events(of: "k")
            try Expect.equal(stored.count, events.count, "the number of events of case k")
            for (written, read) in zip(events, stored) {
                try Expect.equal(read, written, "event \(written.sequence) (\(written.kind.name))")
            }
            try Expect.equal(
                try await store.cases(CaseQuery()), [ContractCases.summary(of: events)].compactMap { $0 },
                "the summary of case k")
        }
    ]

    static let metadataChecks: [Check] = [
        Check("metadata reads back, and a value replaces the one before") { store in
            try Expect.equal(try await store.metadata("adapters"), nil, "a key never set")
            try await store.setMetadata("market=manual", for: "adapters")
            try await store.setMetadata("消防=模拟\n第二行", for: "说明")
            try await store.setMetadata("", for: "empty")
            try Expect.equal(try await store.metadata("adapters"), "market=manual", "the value of adapters")
            try Expect.equal(try await store.metadata("说明"), "消防=模拟\n第二行", "the value of 说明")
            try Expect.equal(try await store.metadata("empty"), "", "an empty value")
            try await store.setMetadata("market=simulated", for: "adapters")
            try Expect.equal(try await store.metadata("adapters"), "market=simulated", "the replaced value")
            try Expect.equal(try await store.metadata("说明"), "消防=模拟\n第二行", "another key's value")
            try Expect.equal(try await store.metadata("Adapters"), nil, "a key that differs in case")
        }
    ]
}
