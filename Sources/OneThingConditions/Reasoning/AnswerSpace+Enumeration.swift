import OneThingModel

extension AnswerSpace {
    /// Calls `body` with every combination of the representatives of `fields` (see
    /// ``representatives(of:)``), at most `limit` of them; other fields are absent.
    ///
    /// The summary says how many were visited and whether that was all of them. Ids
    /// the form does not have are ignored.
    @discardableResult
    public func forEachCombination(
        of fields: [String], limit: Int = AnswerSpace.defaultLimit,
        _ body: (ConditionAnswers) -> EnumerationStep
    ) -> EnumerationSummary {
        var answers = ConditionAnswers(layout: layout)
        return enumerate(slots: fields.compactMap { layout.slots[$0] }, limit: limit) { slots in
            answers.slots = slots
            return body(answers)
        }
    }

    /// The odometer over the representatives of `slots`: calls `body` with the slots
    /// of each combination, the last slot turning fastest.
    func enumerate(slots: [Int], limit: Int, _ body: (Slots) -> EnumerationStep) -> EnumerationSummary {
        var unique: [Int] = []
        for slot in slots where !unique.contains(slot) { unique.append(slot) }
        let choices = unique.map { representatives(slot: $0) }
        let total = Self.product(choices.map { $0.count })
        var values = Slots(repeating: nil, count: layout.ids.count)
        var digits = [Int](repeating: 0, count: unique.count)
        guard total > 0 else { return EnumerationSummary(visited: 0, total: 0, stopped: false) }
        for (position, slot) in unique.enumerated() { values[slot] = choices[position][0] }
        var visited = 0
        while visited < limit {
            visited += 1
            if body(values) == .stop {
                return EnumerationSummary(visited: visited, total: total, stopped: true)
            }
            var position = unique.count - 1
            while position >= 0 {
                digits[position] += 1
                if digits[position] < choices[position].count {
                    values[unique[position]] = choices[position][digits[position]]
                    break
                }
                digits[position] = 0
                values[unique[position]] = choices[position][0]
                position -= 1
            }
            if position < 0 { break }
        }
        return EnumerationSummary(visited: visited, total: total, stopped: false)
    }

    /// Whether `condition` is false for every applicant: `true` when it is, `false`
    /// when some combination of answers makes it true, and `nil` when that cannot be
    /// told: the search hit `limit`, or the condition compares several number or
    /// date fields with each other, which the representatives cover only heuristically.
    ///
    /// The top-level `and` of a condition is split into groups of operands that share
    /// fields, and each group is searched on its own: the condition is never true when
    /// one group is never true.
    public func neverTrue(_ condition: CheckedCondition, limit: Int = AnswerSpace.defaultLimit) -> Bool? {
        contradiction(in: condition, limit: limit).map { !$0.isEmpty }
    }

    /// The parts of `condition` that cannot hold together: empty when it can be true,
    /// `nil` when that cannot be told; otherwise the smallest set of operands of its
    /// top-level `and` found to contradict each other (one operand, a pair, a group of
    /// operands sharing fields), or the whole condition.
    func contradiction(in condition: CheckedCondition, limit: Int) -> [CheckedExpression]? {
        let space = covering([condition])
        let conjuncts = Self.conjuncts(of: condition.expression)
        var unknown = false
        for group in Self.groups(conjuncts, fields: { $0.fieldReferences.map { $0.slot } }) {
            let parts = group.map { conjuncts[$0] }
            let whole =
                parts.count == 1
                ? parts[0] : CheckedExpression(kind: .and(parts), range: condition.expression.range)
            switch space.satisfiable(condition.part(whole), limit: limit) {
            case true?: continue
            case nil: unknown = true
            case false?:
                return space.smallestContradiction(parts, of: condition, limit: limit)
                    ?? (conjuncts.count == 1 ? [condition.expression] : parts)
            }
        }
        return unknown ? nil : []
    }

    /// One or two of `parts` that are never true together, if there are such.
    private func smallestContradiction(
        _ parts: [CheckedExpression], of condition: CheckedCondition, limit: Int
    ) -> [CheckedExpression]? {
        guard parts.count > 1 else { return nil }
        for part in parts where satisfiable(condition.part(part), limit: limit) == false { return [part] }
        let considered = parts.prefix(16)
        for i in considered.indices {
            for j in considered.indices where j > i {
                let pair = CheckedExpression(
                    kind: .and([parts[i], parts[j]]), range: condition.expression.range)
                if satisfiable(condition.part(pair), limit: limit) == false { return [parts[i], parts[j]] }
            }
        }
        return nil
    }

    /// Whether some combination makes `condition` true; `nil` when the search was
    /// cut short or inexact and found none.
    private func satisfiable(_ condition: CheckedCondition, limit: Int) -> Bool? {
        let (found, summary) = OutcomeSearch.satisfiable(condition, in: self, limit: limit)
        if found { return true }
        return summary.isExhaustive && condition.analysis.isExact ? false : nil
    }

    /// The operands of a top-level `and`, nested ones flattened; the expression itself
    /// when it is not an `and`.
    static func conjuncts(of expression: CheckedExpression) -> [CheckedExpression] {
        guard case .and(let operands) = expression.kind else { return [expression] }
        return operands.flatMap { conjuncts(of: $0) }
    }

    /// Indices of `items` grouped so that items sharing a field are in one group;
    /// groups in order of their first item, items in order.
    static func groups<T>(_ items: [T], fields: (T) -> [Int]) -> [[Int]] {
        var parent = Array(items.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        var owner: [Int: Int] = [:]
        for (index, item) in items.enumerated() {
            for slot in fields(item) {
                if let other = owner[slot] {
                    let (a, b) = (root(index), root(other))
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    owner[slot] = index
                }
            }
        }
        var groups: [[Int]] = []
        var groupOfRoot: [Int: Int] = [:]
        for index in items.indices {
            let r = root(index)
            if let group = groupOfRoot[r] {
                groups[group].append(index)
            } else {
                groupOfRoot[r] = groups.count
                groups.append([index])
            }
        }
        return groups
    }
}
