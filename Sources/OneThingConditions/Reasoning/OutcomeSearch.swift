/// The searches over combinations of representatives behind
/// ``AnswerSpace/satisfiableOutcomes(of:limit:)`` and ``AnswerSpace/neverTrue(_:limit:)``.
///
/// Each search gives what visiting the combinations in odometer order, at most `limit`
/// of them, would give, but takes a shortcut when that visit would be complete: it
/// merges representatives that the conditions cannot tell apart (see
/// ``SearchSpace/merge(using:)``), and finds outcomes through a truth table per
/// condition over its own fields, so that each combination costs one table read per
/// condition. A search cut short by `limit` visits the same combinations, in the same
/// order, as the plain odometer.
enum OutcomeSearch {
    /// The distinct outcomes of `conditions` over the representatives of `slots` in
    /// `space`, in the order found, each with the first answers found to give it.
    ///
    /// Without `shortcut`, visits every combination like the plain odometer, which
    /// gives the same result more slowly (for tests).
    static func outcomes(
        of conditions: [CheckedCondition], slots: [Int], in space: AnswerSpace, limit: Int,
        shortcut: Bool = true
    ) -> (outcomes: [OutcomeSet.Outcome], summary: EnumerationSummary) {
        var texts = TextIDs()
        var search = SearchSpace(space, slots: slots, texts: &texts)
        let total = search.total
        guard total > 0 else { return ([], EnumerationSummary(visited: 0, total: 0, stopped: false)) }
        var programs = ProgramSet()
        for condition in conditions { programs.add(condition.program, texts: &texts) }
        var collector = OutcomeCollector(conditions: conditions.count)
        if shortcut, total <= limit {
            search.merge(using: programs)
            let tables = TruthTables(conditions, search: search, programs: programs)
            // The layout taken out once: the closure below, made for every combination,
            // would copy the whole space to reach it.
            let layout = space.layout
            tables.forEachCombination { words, digits in
                collector.observe(words) { search.answers(digits, layout: layout) }
            }
            return (collector.outcomes, EnumerationSummary(visited: total, total: total, stopped: false))
        }
        let visited = programs.withEvaluator { evaluator in
            var words = [UInt64](repeating: 0, count: collector.words)
            return search.scan(limit: limit) { answers, digits in
                for word in words.indices { words[word] = 0 }
                for index in conditions.indices where evaluator.evaluate(index, answers) {
                    words[index >> 6] |= 1 << UInt64(index & 63)
                }
                words.withUnsafeBufferPointer { words in
                    collector.observe(words) { search.answers(digits, layout: space.layout) }
                }
                return false
            }.visited
        }
        return (collector.outcomes, EnumerationSummary(visited: visited, total: total, stopped: false))
    }

    /// Whether some combination of the representatives of the fields `condition` reads
    /// makes it true (stopping at the first), and how far the search went.
    ///
    /// Without `shortcut`, tries the combinations like the plain odometer (for tests).
    static func satisfiable(
        _ condition: CheckedCondition, in space: AnswerSpace, limit: Int, shortcut: Bool = true
    ) -> (found: Bool, summary: EnumerationSummary) {
        var texts = TextIDs()
        var search = SearchSpace(space, slots: condition.references.map { $0.slot }, texts: &texts)
        let total = search.total
        guard total > 0 else { return (false, EnumerationSummary(visited: 0, total: 0, stopped: false)) }
        var programs = ProgramSet()
        programs.add(condition.program, texts: &texts)
        let shortcut = shortcut && total <= limit
        if shortcut { search.merge(using: programs) }
        let (visited, found) = programs.withEvaluator { evaluator in
            search.scan(limit: limit) { answers, _ in evaluator.evaluate(0, answers) }
        }
        // A complete visit, merged or not, counts as visiting every combination.
        let summary = EnumerationSummary(
            visited: shortcut && !found ? total : visited, total: total, stopped: found)
        return (found, summary)
    }
}

/// The distinct outcome vectors seen so far, each with the answers that first gave it.
private struct OutcomeCollector {
    let count: Int
    let words: Int
    var table: OutcomeTable
    var outcomes: [OutcomeSet.Outcome] = []
    /// The last vector seen, which the next combination most often repeats.
    var last: [UInt64]
    var hasLast = false

    init(conditions: Int) {
        count = conditions
        words = max((conditions + 63) / 64, 1)
        table = OutcomeTable(words: words)
        last = [UInt64](repeating: 0, count: words)
    }

    /// Records the vector `key`, with the answers `example` makes if it is new.
    mutating func observe(_ key: UnsafeBufferPointer<UInt64>, example: () -> ConditionAnswers) {
        if hasLast {
            var same = true
            for word in 0..<words where last[word] != key[word] {
                same = false
                break
            }
            if same { return }
        }
        hasLast = true
        for word in 0..<words { last[word] = key[word] }
        guard table.insert(key) else { return }
        let holds = (0..<count).map { key[$0 >> 6] >> UInt64($0 & 63) & 1 == 1 }
        outcomes.append(OutcomeSet.Outcome(holds: holds, example: example()))
    }
}
