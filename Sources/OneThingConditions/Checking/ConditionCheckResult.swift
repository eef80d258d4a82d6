import OneThingModel
import OneThingSource

/// What ``ConditionChecker/check(_:)`` found.
public struct ConditionCheckResult: Sendable {
    /// One condition and its outcome.
    public struct Entry: Sendable {
        /// What the condition belongs to.
        public var owner: ConditionOwner
        /// The condition as written.
        public var source: ConditionSource
        /// The checked condition; `nil` when it has errors.
        public var checked: CheckedCondition?
    }

    /// A search for every outcome of some of the checked conditions.
    struct Search: Sendable {
        /// The indices in ``entries`` of the conditions searched, in order.
        var entries: [Int]
        /// The limit the search had.
        var limit: Int
        /// What it found.
        var outcomes: OutcomeSet
    }

    /// Every condition, in the order given.
    public var entries: [Entry] {
        didSet { search = nil }
    }
    /// The findings, in the order made.
    public var diagnostics: [Diagnostic]
    /// The answers of every applicant, as the checked conditions tell them apart.
    public var space: AnswerSpace {
        didSet { search = nil }
    }
    /// The search the check made over the conditions of items and needs, while ``entries`` and
    /// ``space`` are as it left them.
    var search: Search?

    init(entries: [Entry], diagnostics: [Diagnostic], space: AnswerSpace) {
        self.entries = entries
        self.diagnostics = diagnostics
        self.space = space
    }

    /// The checked condition of `owner`, if it has one without errors.
    public func checked(_ owner: ConditionOwner) -> CheckedCondition? {
        entries.first { $0.owner == owner }?.checked
    }

    /// The checked conditions by owner; those with errors are left out.
    public var checkedByOwner: [ConditionOwner: CheckedCondition] {
        var result: [ConditionOwner: CheckedCondition] = [:]
        for entry in entries { result[entry.owner] = entry.checked }
        return result
    }

    /// The ids of the fields that some checked condition reads.
    public var readFields: Set<String> { Set(entries.flatMap { $0.checked?.fields ?? [] }) }

    /// Every distinct outcome of the checked conditions of `owners` (those without one
    /// are left out), as ``AnswerSpace/satisfiableOutcomes(of:limit:)`` over ``space``
    /// gives it.
    ///
    /// The check already searched the items' conditions, in the order given, with its
    /// search limit; asking for that same list and limit returns that search instead of
    /// repeating it.
    public func satisfiableOutcomes(of owners: [ConditionOwner], limit: Int) -> OutcomeSet {
        let found = owners.compactMap { owner -> (index: Int, checked: CheckedCondition)? in
            guard let index = entries.firstIndex(where: { $0.owner == owner }),
                let checked = entries[index].checked
            else { return nil }
            return (index, checked)
        }
        if let search, search.entries == found.map(\.index), search.limit == limit { return search.outcomes }
        return space.satisfiableOutcomes(of: found.map(\.checked), limit: limit)
    }

    /// Searches every outcome of the checked conditions of items and their needs, in order.
    func itemSearch(limit: Int) -> Search {
        let found = entries.indices.compactMap { index -> (index: Int, checked: CheckedCondition)? in
            guard entries[index].owner.decidesPlan, let checked = entries[index].checked else { return nil }
            return (index, checked)
        }
        let outcomes = space.satisfiableOutcomes(of: found.map(\.checked), limit: limit)
        return Search(entries: found.map(\.index), limit: limit, outcomes: outcomes)
    }
}
