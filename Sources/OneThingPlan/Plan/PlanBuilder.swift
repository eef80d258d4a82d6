import OneThingConditions
import OneThingModel
import OneThingSource

/// Builds plans for one bundle: conditions are checked once, then each applicant's
/// answers become a ``Plan``.
///
/// ```swift
/// let builder = try PlanBuilder(bundle: bundle, source: file, catalogue: catalogue)
/// let plan = try builder.plan(for: answers, answersFile: "answers.yaml")
/// ```
public struct PlanBuilder: Sendable {
    /// A bundle or answers that cannot be planned, with every finding that says why.
    public struct Failure: Error, Sendable {
        /// The findings (at least one error).
        public let diagnostics: [Diagnostic]
        /// The eligibility rules the answers do not meet, in file order: when there
        /// are some, the applicant is not eligible (an outcome, not a mistake), and
        /// ``diagnostics`` holds one `OT807` for each.
        public var ineligible: [ConditionRule] = []
    }

    /// The bundle.
    public let bundle: ServiceBundle
    /// The catalogue the bundle was checked against.
    public let catalogue: Catalogue
    /// The bundle file's text.
    public let source: SourceFile
    let conditions: [ConditionOwner: CheckedCondition]
    let dependencies: ItemDependencies
    let materialsByID: [String: Material]
    let outputsByID: [String: Output]
    /// The ids of the materials that are things, not documents, found once.
    let objectIDs: Set<String>
    /// The ids of the materials whose commitment is the applicant's choice, found once.
    let choiceCommitments: [String]
    /// The materials whose commitment is the applicant's choice and who chose to bring
    /// them instead, for the plan being built (set on a copy by `plan(for:missingAt:)`).
    var declinedCommitments: Set<String> = []

    /// Prepares to plan `bundle`, whose text is `source`.
    ///
    /// - Throws: ``Failure`` when a condition of the bundle does not check.
    public init(bundle: ServiceBundle, source: SourceFile, catalogue: Catalogue) throws(Failure) {
        let checker = ConditionChecker(form: bundle.conditionForm, file: source)
        var diagnostics: [Diagnostic] = []
        var checked: [ConditionOwner: CheckedCondition] = [:]
        for condition in OwnedCondition.all(in: bundle) {
            checked[condition.owner] = checker.check(condition.source, diagnostics: &diagnostics)
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw Failure(diagnostics: diagnostics) }
        self.init(bundle: bundle, source: source, catalogue: catalogue, checked: checked)
    }

    /// Prepares to plan `bundle` with the conditions the condition stage checked
    /// already (the validator's), without parsing them again. Conditions that did not
    /// check are left out; plan only a bundle whose conditions have no error.
    public init(
        bundle: ServiceBundle, source: SourceFile, catalogue: Catalogue, conditions: ConditionCheckResult
    ) {
        self.init(bundle: bundle, source: source, catalogue: catalogue, checked: conditions.checkedByOwner)
    }

    init(
        bundle: ServiceBundle, source: SourceFile, catalogue: Catalogue,
        checked: [ConditionOwner: CheckedCondition]
    ) {
        self.bundle = bundle
        self.catalogue = catalogue
        self.source = source
        self.conditions = checked
        self.dependencies = ItemDependencies(bundle: bundle)
        var materials = catalogue.materials
        for material in bundle.materials { materials[material.id.value] = material }
        self.materialsByID = materials
        self.objectIDs = Set(materials.values.filter { $0.kind == .object }.map(\.id.value))
        self.choiceCommitments = materials.values.filter { $0.commitmentWhen != nil }.map(\.id.value)
        self.outputsByID = Dictionary(
            bundle.outputs.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Checks `answers` against the form and builds the plan.
    ///
    /// - Parameter missingAt: where findings about unanswered questions point (the
    ///   start of the answers file, or a test case's `answers:`).
    /// - Throws: ``Failure`` with the problems of the answers (OT801–OT805), or when no
    ///   lead rule matches them (OT312).
    public func plan(for answers: [Answer], missingAt: SourceSpan) throws(Failure) -> Plan {
        let (values, problems) = AnswerChecker(form: bundle.conditionForm, conditions: conditions).check(
            answers, missingAt: missingAt)
        if !problems.isEmpty { throw Failure(diagnostics: problems) }
        return try plan(for: values, missingAt: missingAt)
    }

    /// Builds the plan for answers already checked against the form.
    ///
    /// - Throws: ``Failure`` with ``Failure/ineligible`` when the answers do not meet
    ///   the bundle's eligibility rules (OT807), or when no lead rule matches them (OT312).
    public func plan(for answers: ConditionAnswers, missingAt: SourceSpan) throws(Failure) -> Plan {
        let unmet = ineligibility(of: answers)
        if !unmet.isEmpty {
            let diagnostics = unmet.map { rule in
                Diagnostic.notEligible(
                    rule, bundle: bundle, readings: readings(of: rule, answers), at: missingAt)
            }
            throw Failure(diagnostics: diagnostics, ineligible: unmet)
        }
        var decisions: [ItemDecision] = []
        var applies: [Bool] = []
        // An item that waits for a result not yet known is planned as if it applies
        // (the steps, the checklist and the dates are those of the worst case), marked.
        let pending = itemTruths(for: answers)
        for (index, (item, truth)) in zip(bundle.items, pending.items).enumerated() {
            let readings = conditions[.item(item.id.value)]?.readings(in: bundle.conditionForm, answers) ?? []
            var decision = ItemDecision(
                index: index, applies: truth.mayHold, condition: item.when, readings: readings)
            if case .depends(let awaited) = truth { decision.awaiting = awaited }
            decisions.append(decision)
            applies.append(truth.mayHold)
        }
        let lead = try leadDecision(answers, missingAt: missingAt)
        let parties = partyDecisions(for: answers)
        let needs = needSelection(for: answers, awaited: pending.awaited)
        let promise = promise(for: answers)
        let graph = StepGraph(
            bundle: bundle, dependencies: dependencies, applies: applies, needs: needs,
            limits: limits(for: answers),
            promise: promise.limit)
        var choosing = self
        choosing.declinedCommitments = declinedCommitments(for: answers)
        var plan = Plan(
            bundle: bundle, answers: answers, decisions: decisions, graph: graph, lead: lead,
            materials: choosing.checklist(
                applies: applies, needs: needs,
                takingPart: Set(parties.filter(\.takesPart).map(\.party.id.value))),
            criticalPath: CriticalPath(bundle: bundle, graph: graph), promiseRule: promise.rule)
        plan.parties = parties
        plan.deadlines = deadlines(for: answers)
        plan.windows = windows(for: answers, decisions: decisions)
        plan.objects = objectIDs
        return plan
    }

    /// The materials whose commitment is the applicant's choice (`commitment: {when: C}`)
    /// and whose condition does not hold for `answers`: they bring the material.
    func declinedCommitments(for answers: ConditionAnswers) -> Set<String> {
        Set(choiceCommitments.filter { conditions[.commitment($0)].map { $0.evaluate(answers) } == false })
    }

    /// The applicant's deadlines that apply to `answers`: those without a condition and
    /// those whose condition holds, with the date their field holds.
    func deadlines(for answers: ConditionAnswers) -> [PlanDeadline] {
        bundle.deadlines.compactMap { deadline in
            let holds = conditions[.deadline(deadline.id.value)].map { $0.evaluate(answers) } ?? true
            guard holds else { return nil }
            guard case .date(let date)? = answers[deadline.from.value] else {
                return PlanDeadline(deadline: deadline, from: nil)
            }
            return PlanDeadline(deadline: deadline, from: date)
        }
    }

    /// The windows that apply to `answers`: the bundle's, then those of each item that
    /// applies, each only with the windows whose condition holds.
    func windows(for answers: ConditionAnswers, decisions: [ItemDecision]) -> [PlanWindows] {
        func holding(_ windows: [ApplicationWindow], of item: Item?) -> PlanWindows? {
            let kept = windows.indices.filter { index in
                conditions[.window(item: item?.id.value, index: index)].map { $0.evaluate(answers) } ?? true
            }
            return kept.isEmpty ? nil : PlanWindows(item: item, windows: kept.map { windows[$0] })
        }
        var result = [holding(bundle.windows, of: nil)].compactMap { $0 }
        for decision in decisions where decision.applies {
            let item = bundle.items[decision.index]
            if let kept = holding(item.windows, of: item) { result.append(kept) }
        }
        return result
    }

    /// The steps of the plan for answers already checked against the form: the items
    /// that apply and their order, which is all that the plan's dates depend on.
    ///
    /// Unlike planning them (`plan(for:missingAt:)`), this chooses no lead
    /// department, so it cannot fail: it serves a check of dates over answers that need
    /// not settle the lead (the worst case that ``PromiseCheck`` found).
    public func steps(for answers: ConditionAnswers) -> StepGraph {
        StepGraph(
            bundle: bundle, dependencies: dependencies,
            applies: bundle.items.map { applies($0, to: answers) },
            needs: needSelection(for: answers), limits: limits(for: answers),
            promise: promise(for: answers).limit)
    }

    /// The eligibility rules (`eligibility:`) that `answers` do not meet, in file order.
    public func ineligibility(of answers: ConditionAnswers) -> [ConditionRule] {
        bundle.eligibility.enumerated().compactMap { index, rule in
            guard let checked = conditions[.eligibility(index)], !checked.evaluate(answers) else {
                return nil
            }
            return rule
        }
    }

    /// The answers the condition of eligibility rule `rule` reads.
    func readings(of rule: ConditionRule, _ answers: ConditionAnswers) -> [(
        field: FormField, value: ConditionValue?
    )] {
        guard let index = bundle.eligibility.firstIndex(of: rule),
            let checked = conditions[.eligibility(index)]
        else { return [] }
        return checked.readings(in: bundle.conditionForm, answers)
    }

    /// Whether `item` applies to `answers`: it has no condition, or its condition holds.
    func applies(_ item: Item, to answers: ConditionAnswers) -> Bool {
        conditions[.item(item.id.value)].map { $0.evaluate(answers) } ?? true
    }

    /// Each item's promised limit for `answers`: its only limit, or its first rule whose
    /// condition holds.
    func limits(for answers: ConditionAnswers) -> [TimeLimit] {
        bundle.items.map { item in
            Self.choose(item.promisedRules, default: item.promised.value) { index in
                conditions[.limitRule(item: item.id.value, index: index)]?.evaluate(answers)
            }.limit
        }
    }

    /// The bundle's promise for `answers`, and the rule that chose it.
    func promise(for answers: ConditionAnswers) -> (limit: TimeLimit, rule: Int?) {
        Self.choose(bundle.promiseRules, default: bundle.promise.value) { index in
            conditions[.promiseRule(index)]?.evaluate(answers)
        }
    }

    /// The limit of the first of `rules` that holds (`holds` says; a rule without a
    /// condition always holds), and its index; `fallback` when there are no rules.
    /// One meaning of limit rules for the planner and the worst-case search.
    static func choose(_ rules: [LimitRule], default fallback: TimeLimit, holds: (Int) -> Bool?)
        -> (limit: TimeLimit, rule: Int?)
    {
        for (index, rule) in rules.enumerated() where rule.when == nil || holds(index) == true {
            return (rule.limit.value, index)
        }
        return (fallback, nil)
    }

    /// The needs with a condition, or from parties, that apply to `answers`: the
    /// condition holds, and one of the parties the need is from takes part.
    /// A need whose condition reads a result of `awaited` (not yet known) applies when
    /// it may hold once the result is known.
    func needSelection(for answers: ConditionAnswers, awaited: Set<String> = []) -> NeedSelection {
        NeedSelection(bundle: bundle) { i, n in
            let need = bundle.items[i].needs[n]
            let holds =
                conditions[.need(of: bundle.items[i], at: n)].map {
                    truth(of: $0, answers, awaited: awaited).mayHold
                } ?? true
            return holds && (need.from.isEmpty || need.from.contains { takesPart($0.value, answers) })
        }
    }

    /// Whether the party `id` takes part for `answers`: it has no condition, or its
    /// condition holds.
    func takesPart(_ id: String, _ answers: ConditionAnswers) -> Bool {
        conditions[.party(id)].map { $0.evaluate(answers) } ?? true
    }

    /// For every party of the bundle, in file order, whether it takes part for `answers`
    /// and the answers its condition read.
    func partyDecisions(for answers: ConditionAnswers) -> [PartyDecision] {
        bundle.parties.map { party in
            PartyDecision(
                party: party, takesPart: takesPart(party.id.value, answers),
                readings: conditions[.party(party.id.value)]?.readings(in: bundle.conditionForm, answers)
                    ?? [])
        }
    }

    func leadDecision(_ answers: ConditionAnswers, missingAt: SourceSpan) throws(Failure) -> LeadDecision {
        switch bundle.lead {
        case .fixed(let department):
            return LeadDecision(department: department.value, rule: nil)
        case .rules(let rules):
            for (index, rule) in rules.enumerated() {
                let holds = rule.when == nil || conditions[.leadRule(index)]?.evaluate(answers) == true
                if holds { return LeadDecision(department: rule.department.value, rule: index) }
            }
            throw Failure(diagnostics: [
                Diagnostic(
                    code: .leadUndetermined, severity: .error, span: missingAt,
                    message: .init(
                        en: "no rule chooses a lead department for these answers (\(answers))",
                        zh: "对于这些答案（\(answers)），没有任何规则选出牵头部门"),
                    hint: .init(
                        en: "end the bundle's lead rules with a default rule without 'when:'",
                        zh: "请在一件事的牵头部门规则最后加一条不写“when:”的默认规则"))
            ])
        }
    }

    /// The checklist: every material and output the applicable items need where their
    /// needs apply, once. A `one-of` resolves to its first choice that this case
    /// issues, else its first that is fetched electronically, else its first choice, of
    /// the choices that can be met in this case (``resolve(_:applies:)``).
    /// A group the applicant chooses from (`any-of`, `all-that-apply`) leaves out what
    /// the case issues or fetches and what the applicant brings anyway for another need;
    /// what remains is one line of the checklist (``ChecklistEntry/alternatives``); an
    /// `any-of` with one member issued, fetched or brought anyway is that member.
    ///
    /// A line's ``ChecklistEntry/parties`` are the parties of `takingPart` that the needs
    /// it stands for are from (`from:`); a line none of whose needs names a party is
    /// brought once, for the application as a whole.
    func checklist(applies: [Bool], needs: NeedSelection, takingPart: Set<String> = []) -> [ChecklistEntry] {
        // What single needs and `one-of`s bring: a group is satisfied by it.
        var single = Set<String>()
        for (index, item) in bundle.items.enumerated() where applies[index] {
            for (n, need) in item.needs.enumerated()
            where !need.isApplicantsChoice && needs.applies(item: index, need: n) {
                single.insert(resolve(need, applies: applies))
            }
        }
        var order: [String] = []
        var neededBy: [String: [String]] = [:]
        var groups: [String: MaterialAlternatives] = [:]
        var bringers: [String: Set<String>] = [:]
        func record(_ id: String, _ item: String, from need: Need) {
            if neededBy[id] == nil { order.append(id) }
            if neededBy[id]?.last != item { neededBy[id, default: []].append(item) }
            for party in need.from where takingPart.contains(party.value) {
                bringers[id, default: []].insert(party.value)
            }
        }
        for (index, item) in bundle.items.enumerated() where applies[index] {
            for (n, need) in item.needs.enumerated() where needs.applies(item: index, need: n) {
                guard need.isApplicantsChoice else {
                    record(resolve(need, applies: applies), item.id.value, from: need)
                    continue
                }
                let resolved = resolveGroup(need, applies: applies, brought: single)
                for id in resolved.settled { record(id, item.id.value, from: need) }
                if let group = resolved.group {
                    let id = MaterialAlternatives.lineID(group.members.map(\.id))
                    groups[id] = group
                    record(id, item.id.value, from: need)
                }
            }
        }
        return order.compactMap { id in
            var line =
                groups[id].map { entry(for: $0, id: id, neededBy: neededBy[id] ?? []) }
                ?? entry(for: id, neededBy: neededBy[id] ?? [], applies: applies)
            if let from = bringers[id] {
                line?.parties = bundle.parties.map(\.id.value).filter(from.contains)
            }
            return line
        }
    }

    /// The id a `material` or `one-of` need stands for in this case.
    ///
    /// A `one-of` takes, of its choices that can be met in this case, the one this case
    /// issues, else the first fetched electronically, else the first. An output of the
    /// bundle (or a material that is one) that no applicable item issues cannot be met
    /// in this case: it stands for the need only when no choice can be met, and then the
    /// validator has said so (`OT313`, where every choice is such an output).
    func resolve(_ need: Need, applies: [Bool]) -> String {
        guard need.isChoice else { return need.choices[0].value }
        let entries = need.choices.compactMap { entry(for: $0.value, neededBy: [], applies: applies) }
        let met = entries.filter { !isOutputNotIssued($0) }
        let candidates = met.isEmpty ? entries : met
        return
            (candidates.first { $0.status == .issued } ?? candidates.first { $0.status == .fetched }
            ?? candidates.first)?.id
            ?? need.choices[0].value
    }

    /// Whether `entry` is an output of the bundle, or a material that is one, that no
    /// applicable item issues in this case.
    func isOutputNotIssued(_ entry: ChecklistEntry) -> Bool {
        guard entry.status != .issued else { return false }
        if let material = materialsByID[entry.id] { return material.source == .output }
        return outputsByID[entry.id] != nil
    }

    /// What a group the applicant chooses from stands for in this case: the members the
    /// case settles without a choice (issued, fetched, or brought anyway for `brought`
    /// needs), and the group of the rest, if any is left to choose.
    func resolveGroup(_ need: Need, applies: [Bool], brought: Set<String>)
        -> (settled: [String], group: MaterialAlternatives?)
    {
        let entries = need.choices.compactMap { entry(for: $0.value, neededBy: [], applies: applies) }
        let settled = entries.filter {
            $0.status == .issued || $0.status == .fetched || brought.contains($0.id)
        }
        if need.kind == .anyOf, let first = settled.first { return ([first.id], nil) }
        let rest = entries.filter { entry in !settled.contains { $0.id == entry.id } }
        let group =
            rest.isEmpty
            ? nil
            : MaterialAlternatives(
                kind: need.kind,
                members: rest.map { .init(id: $0.id, name: $0.name, description: $0.description) })
        return (settled.map(\.id), group)
    }

    /// The checklist line of a group the applicant chooses from: brought, unless every
    /// member may follow later (then by the earliest deadline); core when a member is.
    func entry(for group: MaterialAlternatives, id: String, neededBy: [String]) -> ChecklistEntry {
        let members = group.members.compactMap { materialsByID[$0.id] }
        let deadlines = members.compactMap { $0.deferrable?.value }
        let later = deadlines.count == group.members.count && members.allSatisfy { !replacedByCommitment($0) }
        var entry = ChecklistEntry(
            id: id, name: group.members.map(\.name).joined(separator: " / "), status: later ? .later : .bring,
            core: members.contains(where: \.core),
            deadline: later ? deadlines.min { $0.workdayEquivalent < $1.workdayEquivalent } : nil,
            issuedBy: nil, neededBy: neededBy, description: nil)
        entry.alternatives = group
        return entry
    }

    /// The checklist entry of a material or output id; `nil` for an id the bundle does not declare.
    func entry(for id: String, neededBy: [String], applies: [Bool]) -> ChecklistEntry? {
        if let material = materialsByID[id] {
            return entry(for: material, neededBy: neededBy, applies: applies)
        }
        if let output = outputsByID[id] { return entry(for: output, neededBy: neededBy, applies: applies) }
        return nil
    }

    func entry(for material: Material, neededBy: [String], applies: [Bool]) -> ChecklistEntry {
        var status: MaterialStatus
        var issuedBy: String?
        switch material.source {
        case .eLicence, .sharedData: status = .fetched
        case .output:
            if let output = material.output.flatMap({ outputsByID[$0.value] }) {
                let produced = producer(of: output.id.value, applies: applies)
                status = produced != nil ? .issued : output.eLicence ? .fetched : .bring
                issuedBy = produced
            } else {
                status = .bring
            }
        case .applicant:
            status =
                replacedByCommitment(material) ? .commitment : material.deferrable != nil ? .later : .bring
        }
        var entry = ChecklistEntry(
            id: material.id.value, name: material.name, status: status, core: material.core,
            deadline: status == .later ? material.deferrable?.value : nil, issuedBy: issuedBy,
            neededBy: neededBy,
            description: material.description)
        entry.commitmentDeclined = declinedCommitments.contains(material.id.value)
        entry.isObject = material.kind == .object
        return entry
    }

    /// Whether a signed commitment replaces `material` in this plan: it may, and the
    /// applicant did not choose to bring it.
    func replacedByCommitment(_ material: Material) -> Bool {
        material.commitment && !declinedCommitments.contains(material.id.value)
    }

    func entry(for output: Output, neededBy: [String], applies: [Bool]) -> ChecklistEntry {
        let produced = producer(of: output.id.value, applies: applies)
        let status: MaterialStatus = produced != nil ? .issued : output.eLicence ? .fetched : .bring
        return ChecklistEntry(
            id: output.id.value, name: output.name, status: status, core: false, deadline: nil,
            issuedBy: produced,
            neededBy: neededBy, description: nil)
    }

    /// The id of the applicable item that issues `output`, if one does.
    func producer(of output: String, applies: [Bool]) -> String? {
        (dependencies.producers[output] ?? []).first { applies[$0] }.map { bundle.items[$0].id.value }
    }
}
