import OneThingModel

/// Every distinct vector of outcomes that some applicant gives a list of conditions
/// (which items apply, say), each with an example of such an applicant's answers.
///
/// Conditions that share no field are independent, so the set is kept as groups of
/// conditions linked by shared fields, each with its own outcomes; every combination
/// of one outcome per group is an outcome of the whole list. ``forEachOutcome(limit:_:)``
/// walks those combinations.
public struct OutcomeSet: Sendable {
    /// One outcome: whether each condition holds, for the answers `example`.
    public struct Outcome: Hashable, Sendable {
        /// Whether each condition holds, in the order of the conditions (of the whole
        /// list, or of a group's ``Group/conditions``).
        public var holds: [Bool]
        /// Answers that give this outcome; fields no condition reads are absent.
        public var example: ConditionAnswers
    }

    /// Conditions linked by shared fields, and their distinct outcomes.
    public struct Group: Sendable {
        /// The indices of the group's conditions in the list.
        public var conditions: [Int]
        /// The ids of the fields they read, in form order.
        public var fields: [String]
        /// The distinct outcomes, in the order they were found.
        public var outcomes: [Outcome]
        /// Whether every combination of the fields' representatives was tried.
        public var isExhaustive: Bool
        /// Whether the representatives reach every outcome of the group's conditions.
        public var isExact: Bool
    }

    /// The number of conditions.
    public var conditionCount: Int
    /// The groups, in order of their first condition.
    public var groups: [Group]
    /// The form's answers with nothing answered, to build combined examples on.
    let empty: ConditionAnswers

    /// Whether every group was searched completely.
    public var isExhaustive: Bool { groups.allSatisfy { $0.isExhaustive } }
    /// Whether the outcomes are all the outcomes there are (complete and exact search).
    public var isComplete: Bool { groups.allSatisfy { $0.isExhaustive && $0.isExact } }
    /// The number of distinct outcomes of the whole list (saturating at `Int.max`).
    public var count: Int { AnswerSpace.product(groups.map { $0.outcomes.count }) }

    /// Calls `body` with every outcome of the whole list (one outcome of each group
    /// combined), at most `limit` of them.
    @discardableResult
    public func forEachOutcome(limit: Int = AnswerSpace.defaultLimit, _ body: (Outcome) -> EnumerationStep)
        -> EnumerationSummary
    {
        let total = count
        guard total > 0 else { return EnumerationSummary(visited: 0, total: 0, stopped: false) }
        var digits = [Int](repeating: 0, count: groups.count)
        var visited = 0
        while visited < limit {
            visited += 1
            var holds = [Bool](repeating: false, count: conditionCount)
            var example = empty
            for (g, group) in groups.enumerated() {
                let outcome = group.outcomes[digits[g]]
                for (position, condition) in group.conditions.enumerated() {
                    holds[condition] = outcome.holds[position]
                }
                for (slot, value) in outcome.example.slots.enumerated() where value != nil {
                    example.slots[slot] = value
                }
            }
            if body(Outcome(holds: holds, example: example)) == .stop {
                return EnumerationSummary(visited: visited, total: total, stopped: true)
            }
            var g = groups.count - 1
            while g >= 0 {
                digits[g] += 1
                if digits[g] < groups[g].outcomes.count { break }
                digits[g] = 0
                g -= 1
            }
            if g < 0 { break }
        }
        return EnumerationSummary(visited: visited, total: total, stopped: false)
    }
}

extension AnswerSpace {
    /// Every distinct vector of outcomes of `conditions` that some combination of
    /// answers gives, each with one example, for example which items apply.
    ///
    /// Conditions are grouped by shared fields and each group is searched on its own;
    /// `limit` caps the combinations visited over all groups together. A group cut short
    /// by the limit is marked as not exhaustive.
    public func satisfiableOutcomes(of conditions: [CheckedCondition], limit: Int = AnswerSpace.defaultLimit)
        -> OutcomeSet
    {
        let space = covering(conditions)
        var budget = limit
        var groups: [OutcomeSet.Group] = []
        for members in Self.groups(conditions, fields: { $0.references.map { $0.slot } }) {
            let group = members.map { conditions[$0] }
            let slots = Set(group.flatMap { $0.references.map { $0.slot } }).sorted()
            let (outcomes, summary) = OutcomeSearch.outcomes(
                of: group, slots: slots, in: space, limit: max(budget, 1))
            budget = max(0, budget - summary.visited)
            groups.append(
                OutcomeSet.Group(
                    conditions: members, fields: slots.map { layout.ids[$0] }, outcomes: outcomes,
                    isExhaustive: summary.isExhaustive, isExact: space.isExact(for: group)))
        }
        return OutcomeSet(
            conditionCount: conditions.count, groups: groups, empty: ConditionAnswers(layout: layout))
    }
}
