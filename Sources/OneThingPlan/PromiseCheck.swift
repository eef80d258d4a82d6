import OneThingConditions
import OneThingModel
import OneThingSource

/// The plan stage's checks over every applicant at once: the bundle's promise holds
/// for the worst satisfiable combination of answers (`OT503`), no output is issued
/// twice for one applicant (`OT309`), and every applicant gets a lead department
/// (`OT312`).
///
/// The search: the answer space of the condition stage yields every distinct vector
/// of "which items apply", grouped by conditions that share fields. The critical path
/// never gets shorter when an item is added (edges only join, and a joint inspection
/// only waits longer), so only the largest vectors of each group need a path; their
/// combinations across groups are searched exhaustively up to ``combinationLimit``.
public enum PromiseCheck {
    /// The most combinations of applicable items whose paths are computed.
    public static let combinationLimit = 100_000

    /// What the plan stage found, and the answers of the worst case it searched for.
    public struct Result: Sendable {
        /// The findings.
        public var diagnostics: [Diagnostic]
        /// Answers of the applicant whose critical path is longest (no answer for a
        /// field no condition reads).
        public var worstCase: ConditionAnswers
    }

    /// Every finding of the plan stage about `bundle`, whose conditions were checked
    /// into `conditions`.
    public static func check(_ bundle: ServiceBundle, conditions: ConditionCheckResult) -> [Diagnostic] {
        run(bundle, conditions: conditions).diagnostics
    }

    /// Every finding of the plan stage about `bundle`, and the worst case's answers, so
    /// that a later check can plan that applicant without searching again.
    public static func run(_ bundle: ServiceBundle, conditions: ConditionCheckResult) -> Result {
        var found: [Diagnostic] = []
        let worst = WorstCase(bundle: bundle, conditions: conditions)
        let promise = bundle.promise
        if let path = worst.path, path.workdays > promise.value.workdayEquivalent + 1e-9 {
            // Only the answers that put the path's items in the plan matter to it.
            var read = Set<String>()
            for step in path.steps {
                guard case .item(let index) = step else { continue }
                let item = bundle.items[index]
                read.formUnion(conditions.checked(.item(item.id.value))?.fields ?? [])
                for n in item.needs.indices where item.needs[n].when != nil {
                    read.formUnion(conditions.checked(.need(of: item, at: n))?.fields ?? [])
                }
            }
            let answers = ConditionAnswers(
                form: bundle.form, values: worst.example.values.filter { read.contains($0.key) })
            found.append(.promiseBroken(bundle: bundle, path: path, answers: answers))
        }
        for clash in worst.doubleProducers {
            found.append(clash)
        }
        if !worst.isExhaustive {
            let fields = worst.widestGroup
            found.append(
                .worstCaseIncomplete(
                    bundle: bundle, fields: fields,
                    combinations: conditions.space.combinationCount(of: fields)))
        } else if !worst.isExact {
            found.append(.worstCaseHeuristic(bundle: bundle))
        }
        found += leadDiagnostics(bundle, conditions: conditions)
        return Result(diagnostics: found, worstCase: worst.example)
    }

    /// `OT312` when some applicant matches no rule choosing the lead department.
    static func leadDiagnostics(_ bundle: ServiceBundle, conditions: ConditionCheckResult) -> [Diagnostic] {
        // Only rules that end without a default can leave an applicant without a lead.
        guard case .rules(let rules) = bundle.lead, let lastCondition = rules.last?.when else { return [] }
        let checked = rules.indices.compactMap { conditions.checked(.leadRule($0)) }
        guard checked.count == rules.count else { return [] }
        let outcomes = conditions.space.satisfiableOutcomes(of: checked, limit: combinationLimit)
        var example: [String: ConditionValue]?
        outcomes.forEachOutcome(limit: combinationLimit) { outcome in
            if !outcome.holds.contains(true) {
                example = outcome.example.values
                return .stop
            }
            return .next
        }
        guard let example else { return [] }
        let answers = ConditionAnswers(form: bundle.form, values: example).description
        return [
            Diagnostic(
                code: .leadUndetermined, severity: .error, span: lastCondition.scalar.span,
                message: .init(
                    en: "no rule chooses a lead department for the answers \(answers)",
                    zh: "对于答案 \(answers)，没有任何规则选出牵头部门"),
                hint: .init(
                    en: "end the rules with a default: a rule with 'department:' and no 'when:'",
                    zh: "请在规则最后加一条只写“department:”、不写“when:”的默认规则"))
        ]
    }
}

/// The longest critical path over every applicant, and what the search saw on the way.
struct WorstCase {
    /// The longest path found; `nil` when the bundle has no items.
    var path: CriticalPath?
    /// Answers that lead to it.
    var example: ConditionAnswers
    /// `OT309` findings: outputs two applicable items issue.
    var doubleProducers: [Diagnostic] = []
    /// Whether every combination of answers and of applicable items was searched.
    var isExhaustive = true
    /// Whether the representative answers reach every outcome of the conditions.
    var isExact = true
    /// The fields of the largest group of conditions that share fields.
    var widestGroup: [String] = []

    init(bundle: ServiceBundle, conditions: ConditionCheckResult) {
        let dependencies = ItemDependencies(bundle: bundle)
        // The conditions searched: the items' (which items apply), then their needs'
        // (through which needs an item waits), in the order the condition stage searched
        // them. Either only adds waiting where it holds, so the largest outcomes suffice.
        var conditional: [(item: Int, need: Int?)] = []
        var owners: [ConditionOwner] = []
        for (index, item) in bundle.items.enumerated() where item.when != nil {
            let owner = ConditionOwner.item(item.id.value)
            guard conditions.checked(owner) != nil else { continue }
            conditional.append((index, nil))
            owners.append(owner)
        }
        for (index, item) in bundle.items.enumerated() {
            for (n, need) in item.needs.enumerated() where need.when != nil {
                let owner = ConditionOwner.need(of: item, at: n)
                guard conditions.checked(owner) != nil else { continue }
                conditional.append((index, n))
                owners.append(owner)
            }
        }
        // The condition stage searched these outcomes already; this asks for its result.
        let outcomes = conditions.satisfiableOutcomes(of: owners, limit: PromiseCheck.combinationLimit)
        self.example = ConditionAnswers(form: bundle.form)
        self.isExhaustive = outcomes.isExhaustive
        self.isExact = outcomes.groups.allSatisfy { $0.isExact }
        self.widestGroup = outcomes.groups.max { $0.fields.count < $1.fields.count }?.fields ?? []
        // The largest outcomes of each group: adding items never shortens the path.
        let groups = outcomes.groups.map(Self.largest)
        guard groups.allSatisfy({ !$0.isEmpty }) || groups.isEmpty else { return }
        // Only an output that several items issue can be issued twice.
        let shared = Array(dependencies.producers).filter { $0.value.count > 1 }
        var reported = [Bool](repeating: false, count: shared.count)
        var digits = [Int](repeating: 0, count: groups.count)
        var worst: [Int]?
        var applies = [Bool](repeating: true, count: bundle.items.count)
        var needs = NeedSelection.all
        func answers(_ digits: [Int]) -> ConditionAnswers {
            var values: [String: ConditionValue] = [:]
            for g in groups.indices { values.merge(groups[g][digits[g]].example.values) { a, _ in a } }
            return ConditionAnswers(form: bundle.form, values: values)
        }
        defer {
            if let worst { example = answers(worst) }
        }
        var searched = 0
        while searched < PromiseCheck.combinationLimit {
            searched += 1
            for (g, group) in outcomes.groups.enumerated() {
                let holds = groups[g][digits[g]].holds
                for (position, condition) in group.conditions.enumerated() {
                    let (item, need) = conditional[condition]
                    if let need {
                        needs.set(item: item, need: need, applies: holds[position])
                    } else {
                        applies[item] = holds[position]
                    }
                }
            }
            let path = CriticalPath(
                bundle: bundle, dependencies: dependencies, applies: applies, needs: needs)
            if self.path.map({ path.workdays > $0.workdays }) ?? true {
                self.path = path
                worst = digits
            }
            for (index, (output, producers)) in shared.enumerated() where !reported[index] {
                let applicable = producers.filter { applies[$0] }
                guard applicable.count > 1 else { continue }
                reported[index] = true
                doubleProducers.append(
                    .outputProducedTwice(
                        output, items: applicable.map { bundle.items[$0] }, answers: answers(digits)))
            }
            var g = groups.count - 1
            while g >= 0 {
                digits[g] += 1
                if digits[g] < groups[g].count { break }
                digits[g] = 0
                g -= 1
            }
            if g < 0 { return }
        }
        isExhaustive = false
    }

    /// The outcomes of `group` that no other outcome includes (holding wherever it
    /// holds and somewhere else too), in order.
    private static func largest(_ group: OutcomeSet.Group) -> [OutcomeSet.Outcome] {
        let words = max((group.conditions.count + 63) / 64, 1)
        let count = group.outcomes.count
        var packed = [UInt64](repeating: 0, count: count * words)
        var sizes = [Int](repeating: 0, count: count)
        for (index, outcome) in group.outcomes.enumerated() {
            for (position, holds) in outcome.holds.enumerated() where holds {
                packed[index * words + (position >> 6)] |= 1 << UInt64(position & 63)
                sizes[index] += 1
            }
        }
        // Only an outcome that holds more often can include another.
        let bySize = sizes.indices.sorted { sizes[$0] > sizes[$1] }
        var included = [Bool](repeating: false, count: count)
        packed.withUnsafeBufferPointer { packed in
            for i in 0..<count {
                for j in bySize {
                    guard sizes[j] > sizes[i] else { break }
                    var inside = true
                    for word in 0..<words where packed[i * words + word] & ~packed[j * words + word] != 0 {
                        inside = false
                        break
                    }
                    if inside {
                        included[i] = true
                        break
                    }
                }
            }
        }
        return group.outcomes.indices.filter { !included[$0] }.map { group.outcomes[$0] }
    }
}
