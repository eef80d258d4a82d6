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
        /// Answers of the applicant who misses their own promise by the most (with one
        /// promise for all, whose critical path is longest; no answer for a field no
        /// condition reads).
        public var worstCase: ConditionAnswers
        /// Answers of the applicant whose critical path is longest, whatever their
        /// promise: the same as ``worstCase`` unless promises differ by applicant.
        public var longestCase: ConditionAnswers
    }

    /// Every finding of the plan stage about `bundle`, whose conditions were checked
    /// into `conditions`.
    public static func check(_ bundle: ServiceBundle, conditions: ConditionCheckResult) -> [Diagnostic] {
        run(bundle, conditions: conditions).diagnostics
    }

    /// Every finding of the plan stage about `bundle`, and the worst case's answers, so
    /// that a later check can plan that applicant without searching again.
    /// `dependencies` are the bundle's, when the caller has worked them out already.
    public static func run(
        _ bundle: ServiceBundle, conditions: ConditionCheckResult, dependencies: ItemDependencies? = nil
    ) -> Result {
        var found: [Diagnostic] = []
        let worst = WorstCase(
            bundle: bundle, conditions: conditions,
            dependencies: dependencies ?? ItemDependencies(bundle: bundle))
        let promise = worst.promise
        if let path = worst.path, path.workdays > promise.value.workdayEquivalent + 1e-9 {
            // Only the answers that put the path's items in the plan, decide their limits
            // and the promise matter to it.
            var read = Set<String>()
            for step in path.steps {
                guard case .item(let index) = step else { continue }
                let item = bundle.items[index]
                read.formUnion(conditions.checked(.item(item.id.value))?.fields ?? [])
                for n in item.needs.indices where item.needs[n].when != nil {
                    read.formUnion(conditions.checked(.need(of: item, at: n))?.fields ?? [])
                }
                for r in item.promisedRules.indices {
                    read.formUnion(
                        conditions.checked(.limitRule(item: item.id.value, index: r))?.fields ?? [])
                }
            }
            for r in bundle.promiseRules.indices {
                read.formUnion(conditions.checked(.promiseRule(r))?.fields ?? [])
            }
            let answers = ConditionAnswers(
                form: bundle.conditionForm, values: worst.example.values.filter { read.contains($0.key) })
            found.append(.promiseBroken(bundle: bundle, promise: promise, path: path, answers: answers))
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
        return Result(diagnostics: found, worstCase: worst.example, longestCase: worst.longestExample)
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
        let answers = ConditionAnswers(form: bundle.conditionForm, values: example).description
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

/// Over every applicant, in one search: the critical path that breaks its applicant's
/// promise by the most (what the promise check holds the bundle to), the longest
/// critical path (the worst case of the figures, the graph and the catalogue), and what
/// the search saw on the way. With one promise for all the two are the same applicant.
///
/// Every candidate is measured by the figure its plan shows: the working days of its
/// ``CriticalPath`` (``Plan/criticalPath``), months and calendar days in their
/// working-day equivalents, as the planner counts them.
struct WorstCase {
    /// The path that breaks its promise by the most (of equal ones, the longest); `nil`
    /// when the bundle has no items.
    var path: CriticalPath?
    /// The promise of that path's applicant, where it is written.
    var promise: Located<TimeLimit>
    /// Answers that lead to ``path``.
    var example: ConditionAnswers
    /// The longest path over every applicant, whatever their promise (of equal ones, the
    /// first found); `nil` when the bundle has no items.
    var longest: CriticalPath?
    /// Answers that lead to ``longest``: the applicant who waits longest.
    var longestExample: ConditionAnswers
    /// `OT309` findings: outputs two applicable items issue.
    var doubleProducers: [Diagnostic] = []
    /// Whether every combination of answers and of applicable items was searched.
    var isExhaustive = true
    /// Whether the representative answers reach every outcome of the conditions.
    var isExact = true
    /// The fields of the largest group of conditions that share fields.
    var widestGroup: [String] = []

    /// A condition the search decides.
    private enum Conditional {
        /// Whether the item at this index applies.
        case item(Int)
        /// Whether a need (item index, need index) applies.
        case need(Int, Int)
        /// Whether a rule (item index, rule index) of an item's promised limit holds.
        case limitRule(Int, Int)
        /// Whether a rule of the bundle's promise holds.
        case promiseRule(Int)
        /// Whether an eligibility rule holds: an applicant for whom one does not is
        /// not eligible, has no plan, and is left out of the search.
        case eligibility(Int)

        /// Whether its holding can make the path shorter or the promise longer, or
        /// leaves the applicant out: then the largest outcomes of its group do not
        /// suffice.
        var isRule: Bool {
            switch self {
            case .item, .need: false
            case .limitRule, .promiseRule, .eligibility: true
            }
        }
    }

    init(
        bundle: ServiceBundle, conditions: ConditionCheckResult,
        dependencies: ItemDependencies? = nil
    ) {
        let dependencies = dependencies ?? ItemDependencies(bundle: bundle)
        // The conditions searched, in the order the condition stage searched them: the
        // items' (which items apply), their needs' (through which needs an item waits),
        // the rules of their promised limits, the rules of the bundle's promise.
        var conditional: [Conditional] = []
        var owners: [ConditionOwner] = []
        func add(_ owner: ConditionOwner, _ what: Conditional) {
            guard conditions.checked(owner) != nil else { return }
            conditional.append(what)
            owners.append(owner)
        }
        for (index, item) in bundle.items.enumerated() where item.when != nil {
            add(.item(item.id.value), .item(index))
        }
        for (index, item) in bundle.items.enumerated() {
            for (n, need) in item.needs.enumerated() where need.when != nil {
                add(.need(of: item, at: n), .need(index, n))
            }
        }
        for (index, item) in bundle.items.enumerated() {
            for (r, rule) in item.promisedRules.enumerated() where rule.when != nil {
                add(.limitRule(item: item.id.value, index: r), .limitRule(index, r))
            }
        }
        for (r, rule) in bundle.promiseRules.enumerated() where rule.when != nil {
            add(.promiseRule(r), .promiseRule(r))
        }
        for r in bundle.eligibility.indices {
            add(.eligibility(r), .eligibility(r))
        }
        // The condition stage searched these outcomes already; this asks for its result.
        let outcomes = conditions.satisfiableOutcomes(of: owners, limit: PromiseCheck.combinationLimit)
        self.example = ConditionAnswers(form: bundle.conditionForm)
        self.longestExample = ConditionAnswers(form: bundle.conditionForm)
        self.promise = bundle.promise
        self.isExhaustive = outcomes.isExhaustive
        self.isExact = outcomes.groups.allSatisfy { $0.isExact }
        self.widestGroup = outcomes.groups.max { $0.fields.count < $1.fields.count }?.fields ?? []
        // Adding items or needs never shortens the path, so of a group without rules only
        // its largest outcomes count; a group with a rule of a limit or of the promise
        // is searched whole.
        let groups = outcomes.groups.map { group in
            group.conditions.contains { conditional[$0].isRule } ? group.outcomes : Self.largest(group)
        }
        guard groups.allSatisfy({ !$0.isEmpty }) || groups.isEmpty else { return }
        // Only an output that several items issue can be issued twice.
        let shared = Array(dependencies.producers).filter { $0.value.count > 1 }
        var reported = [Bool](repeating: false, count: shared.count)
        var digits = [Int](repeating: 0, count: groups.count)
        var worst: [Int]?
        var longestDigits: [Int]?
        var worstExcess = -Double.infinity
        var applies = [Bool](repeating: true, count: bundle.items.count)
        var needs = NeedSelection.all
        var limitHolds = bundle.items.map { [Bool](repeating: false, count: $0.promisedRules.count) }
        var promiseHolds = [Bool](repeating: false, count: bundle.promiseRules.count)
        var eligibleHolds = [Bool](repeating: true, count: bundle.eligibility.count)
        func answers(_ digits: [Int]) -> ConditionAnswers {
            var values: [String: ConditionValue] = [:]
            for g in groups.indices { values.merge(groups[g][digits[g]].example.values) { a, _ in a } }
            return ConditionAnswers(form: bundle.conditionForm, values: values)
        }
        defer {
            if let worst { example = answers(worst) }
            if let longestDigits { longestExample = answers(longestDigits) }
        }
        let counts = groups.map(\.count)
        var searched = 0
        while searched < PromiseCheck.combinationLimit {
            searched += 1
            for (g, group) in outcomes.groups.enumerated() {
                let holds = groups[g][digits[g]].holds
                for (position, condition) in group.conditions.enumerated() {
                    switch conditional[condition] {
                    case .item(let item): applies[item] = holds[position]
                    case .need(let item, let need):
                        needs.set(item: item, need: need, applies: holds[position])
                    case .limitRule(let item, let rule): limitHolds[item][rule] = holds[position]
                    case .promiseRule(let rule): promiseHolds[rule] = holds[position]
                    case .eligibility(let rule): eligibleHolds[rule] = holds[position]
                    }
                }
            }
            if !eligibleHolds.allSatisfy({ $0 }) {
                if !Self.advance(&digits, counts: counts) { return }
                continue
            }
            let limits = bundle.items.indices.map { i in
                PlanBuilder.choose(bundle.items[i].promisedRules, default: bundle.items[i].promised.value) {
                    limitHolds[i][$0]
                }.limit
            }
            let chosen = PlanBuilder.choose(bundle.promiseRules, default: bundle.promise.value) {
                promiseHolds[$0]
            }
            let path = CriticalPath(
                bundle: bundle, dependencies: dependencies, applies: applies, needs: needs, limits: limits)
            // The worst case breaks its own promise by the most; of equal ones, the
            // longest path (with one promise for all, simply the longest), then the first
            // found.
            let excess = path.workdays - chosen.limit.workdayEquivalent
            let longer = path.workdays > (self.path?.workdays ?? -Double.infinity) + 1e-9
            if excess > worstExcess + 1e-9 || (excess > worstExcess - 1e-9 && longer) {
                worstExcess = excess
                self.path = path
                self.promise = chosen.rule.map { bundle.promiseRules[$0].limit } ?? bundle.promise
                worst = digits
            }
            if path.workdays > (longest?.workdays ?? -Double.infinity) + 1e-9 {
                longest = path
                longestDigits = digits
            }
            for (index, (output, producers)) in shared.enumerated() where !reported[index] {
                let applicable = producers.filter { applies[$0] }
                guard applicable.count > 1 else { continue }
                reported[index] = true
                doubleProducers.append(
                    .outputProducedTwice(
                        output, items: applicable.map { bundle.items[$0] }, answers: answers(digits)))
            }
            if !Self.advance(&digits, counts: counts) { return }
        }
        isExhaustive = false
    }

    /// Moves `digits` (one per group, each below its count) to the next combination;
    /// `false` after the last.
    private static func advance(_ digits: inout [Int], counts: [Int]) -> Bool {
        var g = counts.count - 1
        while g >= 0 {
            digits[g] += 1
            if digits[g] < counts[g] { return true }
            digits[g] = 0
            g -= 1
        }
        return false
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
