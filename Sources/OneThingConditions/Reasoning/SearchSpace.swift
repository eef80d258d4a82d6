/// The fields one search turns, in the order it turns them (the last fastest, like
/// ``AnswerSpace/enumerate(slots:limit:_:)``), with their representatives as answers
/// and as scalars.
///
/// When a search visits every combination anyway, ``merge(using:)`` keeps of each
/// field only the first of the representatives that the conditions cannot tell apart.
/// The search then visits fewer combinations and finds the same outcomes, in the same
/// order and with the same first example of each: the first combination (in odometer
/// order) that gives an outcome uses only representatives that are the first of their
/// kind, since swapping any other for the first of its kind gives the same outcome
/// earlier.
struct SearchSpace {
    /// The slot of each position.
    let slots: [Int]
    /// The representatives of each position.
    let values: [[ConditionValue?]]
    /// The representatives of each position as scalars.
    let scalars: [[ConditionScalar]]
    /// The representatives each position turns through, as indices into ``values``:
    /// all of them until merged.
    private(set) var kept: [[Int]]
    /// The number of combinations of all representatives (saturating at `Int.max`).
    let total: Int
    /// The number of slots of a buffer of answers: the form's field count, at least 1.
    let width: Int

    /// The representatives of `slots` (each once, in order of first mention) in `space`,
    /// text given ids of `texts`.
    init(_ space: AnswerSpace, slots: [Int], texts: inout TextIDs) {
        var unique: [Int] = []
        for slot in slots where !unique.contains(slot) { unique.append(slot) }
        let values = unique.map { space.representatives(slot: $0) }
        var scalars: [[ConditionScalar]] = []
        for (slot, choices) in zip(unique, values) {
            let type = space.layout.types[slot]
            let declared = space.layout.declared[slot]
            scalars.append(choices.map { ConditionScalar($0, as: type, declared: declared, texts: &texts) })
        }
        self.slots = unique
        self.values = values
        self.scalars = scalars
        self.kept = values.map { Array($0.indices) }
        self.total = AnswerSpace.product(values.map { $0.count })
        self.width = max(space.layout.ids.count, 1)
    }

    /// The number of representatives each position turns through.
    var counts: [Int] { kept.map { $0.count } }

    /// The number of combinations of the representatives kept (saturating at `Int.max`).
    var keptTotal: Int { AnswerSpace.product(counts) }

    /// Keeps of each field only the first of the representatives that give every leaf of
    /// `programs` (the conditions searched) that reads the field the same result.
    ///
    /// A condition's outcome is a function of its leaves' (see ``ConditionProgram/Leaf``).
    /// When every leaf that reads a field reads only that field, two values of the field
    /// that give each of those leaves the same result give every condition the same
    /// outcome, whatever the other fields are. Fields that a leaf reads together with
    /// another field keep all their representatives.
    mutating func merge(using programs: ProgramSet) {
        var shared = [Bool](repeating: false, count: width)
        var leaves = [[Int]](repeating: [], count: width)
        for (leaf, slots) in programs.leafSlots.enumerated() {
            if slots.count == 1 {
                leaves[slots[0]].append(leaf)
            } else {
                for slot in slots { shared[slot] = true }
            }
        }
        var answers = [ConditionScalar](repeating: .absent, count: width)
        programs.withEvaluator { evaluator in
            answers.withUnsafeMutableBufferPointer { answers in
                for (position, slot) in slots.enumerated() where !shared[slot] {
                    let reading = leaves[slot]
                    let words = max((reading.count + 63) / 64, 1)
                    var seen = OutcomeTable(words: words)
                    var kept: [Int] = []
                    var signature = [UInt64](repeating: 0, count: words)
                    for (index, scalar) in scalars[position].enumerated() {
                        answers[slot] = scalar
                        for word in signature.indices { signature[word] = 0 }
                        for (bit, leaf) in reading.enumerated()
                        where evaluator.evaluateLeaf(leaf, UnsafeBufferPointer(answers)) {
                            signature[bit >> 6] |= 1 << UInt64(bit & 63)
                        }
                        if signature.withUnsafeBufferPointer({ seen.insert($0) }) {
                            kept.append(index)
                        }
                    }
                    answers[slot] = .absent
                    self.kept[position] = kept
                }
            }
        }
    }

    /// Calls `body` with each combination of the representatives kept, the last
    /// position turning fastest, at most `limit` of them, until it returns `true`.
    ///
    /// `body` gets the answers (slots that are not turned are absent) and the digits:
    /// for each position, the index of its value among those kept. Returns the number
    /// of combinations visited and whether `body` stopped the scan.
    func scan(
        limit: Int, _ body: (UnsafeBufferPointer<ConditionScalar>, UnsafeBufferPointer<Int>) -> Bool
    ) -> (visited: Int, stopped: Bool) {
        let counts = ContiguousArray(self.counts)
        if counts.contains(0) { return (0, false) }
        var choices = ContiguousArray<ConditionScalar>()
        var offsets = ContiguousArray<Int>()
        for (position, indices) in kept.enumerated() {
            offsets.append(choices.count)
            for index in indices { choices.append(scalars[position][index]) }
        }
        let slots = ContiguousArray(self.slots)
        var answers = ContiguousArray<ConditionScalar>(repeating: .absent, count: width)
        for position in slots.indices { answers[slots[position]] = choices[offsets[position]] }
        var digits = ContiguousArray<Int>(repeating: 0, count: max(slots.count, 1))
        var visited = 0
        let last = slots.count - 1
        return answers.withUnsafeMutableBufferPointer { a in
            digits.withUnsafeMutableBufferPointer { d in
                let answers = UnsafeBufferPointer(a)
                let digits = UnsafeBufferPointer(d)
                while visited < limit {
                    visited += 1
                    if body(answers, digits) { return (visited, true) }
                    var position = last
                    while position >= 0 {
                        d[position] += 1
                        if d[position] < counts[position] {
                            a[slots[position]] = choices[offsets[position] + d[position]]
                            break
                        }
                        d[position] = 0
                        a[slots[position]] = choices[offsets[position]]
                        position -= 1
                    }
                    if position < 0 { break }
                }
                return (visited, false)
            }
        }
    }

    /// The answers of the combination `digits` (as ``scan(limit:_:)`` gives them), laid
    /// out by `layout`.
    func answers(_ digits: UnsafeBufferPointer<Int>, layout: FieldLayout) -> ConditionAnswers {
        var example = ConditionAnswers(layout: layout)
        for (position, slot) in slots.enumerated() {
            example.slots[slot] = values[position][kept[position][digits[position]]]
        }
        return example
    }
}
