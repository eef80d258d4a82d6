import OneThingConditions
import OneThingModel
import OneThingSource

/// The plan stage's checks of needs over every applicant: a need whose condition never
/// holds where its item applies (`OT409`), and a need that asks some applicants for an
/// output of the bundle that no item issues them (`OT313`: the 火化证明 asked of the
/// family of a buried person).
public enum NeedCheck {
    /// Every finding about the needs of `bundle`, whose conditions were checked into
    /// `conditions`, with the common materials of `catalogue`; `dependencies` are the
    /// bundle's, when the caller has worked them out already.
    public static func check(
        _ bundle: ServiceBundle, conditions: ConditionCheckResult, catalogue: Catalogue,
        dependencies: ItemDependencies? = nil
    ) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let dependencies = dependencies ?? ItemDependencies(bundle: bundle)
        var materials = catalogue.materials
        for material in bundle.materials { materials[material.id.value] = material }
        let outputs = Dictionary(bundle.outputs.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        // Only eligible applicants have plans: the search for an applicant asked for an
        // output nobody issues them (OT313) holds the eligibility rules too (unless no
        // applicant meets them, which OT405 reports).
        let rules = bundle.eligibility.indices.compactMap { conditions.checked(.eligibility($0)) }
        let eligible =
            rules.isEmpty || example(holding: rules, failing: [], conditions: conditions) != nil ? rules : []
        for item in bundle.items {
            let itemCondition: CheckedCondition?
            if item.when != nil {
                guard let checked = conditions.checked(.item(item.id.value)) else { continue }
                itemCondition = checked
            } else {
                itemCondition = nil
            }
            for (n, need) in item.needs.enumerated() {
                var needCondition: CheckedCondition?
                if let when = need.when {
                    guard let checked = conditions.checked(.need(of: item, at: n)) else { continue }
                    needCondition = checked
                    if let itemCondition,
                        example(holding: [itemCondition, checked], failing: [], conditions: conditions)
                            == nil,
                        !neverTrueAlone(checked, conditions: conditions)
                    {
                        found.append(.needNeverApplies(item: item, need: need, source: when))
                        continue
                    }
                }
                found += absentParties(
                    of: need, item: item, holding: [itemCondition, needCondition].compactMap { $0 },
                    bundle: bundle, conditions: conditions)
                // The outputs the need can only be met by; none when one choice is
                // brought, fetched, or always issued.
                guard need.kind != .allThatApply else { continue }
                var wanted: [Output] = []
                for choice in need.choices {
                    let material = materials[choice.value]
                    let outputID =
                        material.map { $0.source == .output ? $0.output?.value : nil } ?? choice.value
                    guard let outputID, let output = outputs[outputID], !output.eLicence else {
                        wanted = []
                        break
                    }
                    wanted.append(output)
                }
                guard !wanted.isEmpty else { continue }
                let producers = wanted.flatMap { dependencies.producers[$0.id.value] ?? [] }
                guard !producers.isEmpty else { continue }  // OT308 reports it
                var failing: [CheckedCondition] = []
                for p in producers {
                    guard bundle.items[p].when != nil else {
                        failing = []
                        break
                    }
                    guard let checked = conditions.checked(.item(bundle.items[p].id.value)) else {
                        failing = []
                        break
                    }
                    failing.append(checked)
                }
                guard !failing.isEmpty else { continue }
                let holding = [itemCondition, needCondition].compactMap { $0 } + eligible
                // A need from parties applies only where one of them takes part.
                let examples = takingPart(need, bundle: bundle, conditions: conditions).lazy.compactMap {
                    example(holding: holding + $0, failing: failing, conditions: conditions)
                }
                guard let answers = examples.first else { continue }
                found.append(
                    .outputNotIssued(
                        item: item, need: need, outputs: wanted,
                        producers: producers.map { bundle.items[$0] },
                        answers: answers))
            }
        }
        return found
    }

    /// The conditions of which one must hold for `need` to apply, besides its own: one
    /// alternative (the condition of one of its parties) per party it is from; a single
    /// empty alternative when it is from no party, or from one that always takes part.
    static func takingPart(_ need: Need, bundle: ServiceBundle, conditions: ConditionCheckResult)
        -> [[CheckedCondition]]
    {
        let parties = need.from.compactMap { bundle.party($0.value) }
        guard !parties.isEmpty, parties.allSatisfy({ $0.when != nil }) else { return [[]] }
        let checked = parties.compactMap { conditions.checked(.party($0.id.value)) }
        return checked.count == parties.count ? checked.map { [$0] } : [[]]
    }

    /// `OT410` for each party of `need`'s `from:` whose condition never holds together
    /// with `holding` (the item's and the need's conditions): that party never brings it.
    /// A party whose condition never holds at all is left to `OT405`.
    static func absentParties(
        of need: Need, item: Item, holding: [CheckedCondition], bundle: ServiceBundle,
        conditions: ConditionCheckResult
    ) -> [Diagnostic] {
        need.from.compactMap { name in
            guard let party = bundle.party(name.value), let when = party.when,
                let checked = conditions.checked(.party(party.id.value)),
                example(holding: holding + [checked], failing: [], conditions: conditions) == nil,
                !neverTrueAlone(checked, conditions: conditions)
            else { return nil }
            return .needFromAbsentParty(item: item, need: need, party: party, name: name, condition: when)
        }
    }

    /// Answers for which every condition of `holding` holds and none of `failing` does,
    /// limited to the fields they read; `nil` when there are none (or the search was cut
    /// short before finding any).
    static func example(
        holding: [CheckedCondition], failing: [CheckedCondition], conditions: ConditionCheckResult
    )
        -> ConditionAnswers?
    {
        let all = holding + failing
        let outcomes = conditions.space.satisfiableOutcomes(of: all, limit: PromiseCheck.combinationLimit)
        var found: ConditionAnswers?
        outcomes.forEachOutcome(limit: PromiseCheck.combinationLimit) { outcome in
            let holds = outcome.holds
            if holds[..<holding.count].allSatisfy({ $0 }), !holds[holding.count...].contains(true) {
                found = outcome.example
                return .stop
            }
            return .next
        }
        guard var found else { return nil }
        let read = Set(all.flatMap(\.fields))
        for id in found.values.keys where !read.contains(id) { found[id] = nil }
        return found
    }

    /// Whether `condition` never holds on its own (the condition stage reports that as `OT405`).
    static func neverTrueAlone(_ condition: CheckedCondition, conditions: ConditionCheckResult) -> Bool {
        example(holding: [condition], failing: [], conditions: conditions) == nil
    }
}

extension Diagnostic {
    /// `OT409`: the condition of `need` never holds where `item` applies.
    static func needNeverApplies(item: Item, need: Need, source: ConditionSource) -> Diagnostic {
        Diagnostic(
            code: .needNeverApplies, severity: .warning, span: source.scalar.span,
            message: .init(
                en:
                    "item '\(item.id.value)' never needs '\(need.label)': the need's condition '\(source.text)' never holds where the item applies ('\(item.when?.text ?? "")')",
                zh:
                    "事项“\(item.id.value)”永远不会需要“\(need.label)”：在该事项适用时（“\(item.when?.text ?? "")”），所需材料的条件“\(source.text)”永远不成立"
            ),
            hint: .init(
                en: "correct the need's condition or the item's; remove the need if the item never uses it",
                zh: "请改正所需材料或事项的条件；如果事项确实用不到，请删去该所需材料"))
    }

    /// `OT410`: `need` of `item` is from `party` (named at `name`), whose condition never
    /// holds where the need applies.
    static func needFromAbsentParty(
        item: Item, need: Need, party: Party, name: Located<String>, condition: ConditionSource
    ) -> Diagnostic {
        let applies = [item.when?.text, need.when?.text].compactMap { $0 }
        let whereEN =
            applies.isEmpty ? "" : " where the need applies ('\(applies.joined(separator: "' and '"))')"
        let whereZH = applies.isEmpty ? "" : "在该材料适用时（“\(applies.joined(separator: "”且“"))”），"
        return Diagnostic(
            code: .needFromAbsentParty, severity: .warning, span: name.span,
            message: .init(
                en:
                    "party '\(party.id.value)' (\(party.name)) never brings '\(need.label)' for item '\(item.id.value)': it takes part only when '\(condition.text)', which never holds\(whereEN)",
                zh:
                    "当事人“\(party.id.value)”（\(party.name)）永远不会为事项“\(item.id.value)”提交“\(need.label)”：\(whereZH)其参与条件“\(condition.text)”永远不成立"
            ),
            hint: .init(
                en:
                    "correct the party's condition or the need's; take '\(party.id.value)' out of 'from:' if it never brings it",
                zh: "请改正当事人或所需材料的条件；如果该当事人确实不提交，请把“\(party.id.value)”从“from:”中删去"),
            notes: [
                DiagnosticNote(
                    span: condition.scalar.span,
                    message: .init(en: "the party's condition", zh: "当事人的参与条件在这里"))
            ])
    }

    /// `OT313`: for `answers`, `item` needs `outputs`, which only `producers` issue, and
    /// none of them applies. With several (a `one-of` of outputs), no choice can be met
    /// and the plan asks for the first.
    static func outputNotIssued(
        item: Item, need: Need, outputs: [Output], producers: [Item], answers: ConditionAnswers
    ) -> Diagnostic {
        let issuers = producers.map { "'\($0.id.value)'" }.joined(separator: ", ")
        let issuersZH = producers.map { "“\($0.id.value)”" }.joined(separator: "、")
        let asked = outputs[0].name
        let message: LocalizedText
        let hint: LocalizedText
        if outputs.count > 1 {
            let ids = outputs.map { "'\($0.id.value)'" }.joined(separator: " or ")
            let names = outputs.map(\.name).joined(separator: "、")
            message = LocalizedText(
                en:
                    "for the answers \(answers), item '\(item.id.value)' needs one of \(ids), but none of the items that issue them (\(issuers)) applies: no choice can be met in this case, and the applicant would be asked to bring \(asked)",
                zh:
                    "当答案为 \(answers) 时，事项“\(item.id.value)”需要“\(names)”之一，但出具它们的事项（\(issuersZH)）都不适用：没有一项能在本次办理中取得，申请人会被要求提交\(asked)"
            )
            hint = LocalizedText(
                en:
                    "add to the 'one-of' a material the applicant can bring, or give the need a condition ({one-of: […], when: …})",
                zh: "请在“one-of”中加入申请人可以提交的材料，或为该所需材料加上条件（{one-of: […], when: …}）")
        } else {
            message = LocalizedText(
                en:
                    "for the answers \(answers), item '\(item.id.value)' needs '\(outputs[0].id.value)', but the item that issues it (\(issuers)) does not apply: the applicant would be asked to bring \(asked)",
                zh:
                    "当答案为 \(answers) 时，事项“\(item.id.value)”需要“\(asked)”，但出具它的事项（\(issuersZH)）不适用：申请人会被要求提交\(asked)"
            )
            // The condition to suggest: that of the one item that issues it.
            let condition = producers.count == 1 ? producers[0].when?.text : nil
            hint =
                condition.map {
                    let suggestion = "{material: \(need.choices[0].value), when: \($0)}"
                    return LocalizedText(
                        en: "give the need the condition under which it is issued: \(suggestion)",
                        zh: "请为该所需材料加上出具它的条件：\(suggestion)")
                }
                ?? LocalizedText(
                    en:
                        "give the need a condition ({material: ID, when: …}), or an 'any-of' with a material the applicant can bring",
                    zh: "请为该所需材料加上条件（{material: 标识, when: …}），或用“any-of”列出申请人可以改交的材料")
        }
        return Diagnostic(
            code: .outputNotIssued, severity: .warning, span: need.span, message: message, hint: hint)
    }
}
