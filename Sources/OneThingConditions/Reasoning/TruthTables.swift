/// For each condition of a search, its outcome for every combination of the
/// representatives kept of the fields it reads; and the odometer over every field of
/// the search that reads the outcomes of all conditions from these tables.
///
/// Each condition is evaluated once per combination of its own fields only, which is
/// usually far fewer than the combinations of the whole search; the odometer then
/// keeps each condition's index into its table up to date as the digits turn, so a
/// combination costs one read per condition.
struct TruthTables {
    /// Every table end to end: 1 where the condition holds.
    private var bits = ContiguousArray<UInt8>()
    /// Where each condition's table starts.
    private var offsets = ContiguousArray<Int>()
    /// For each position, where its entries in ``updates`` start (and, at the next
    /// position, end).
    private var starts = ContiguousArray<Int>()
    /// The conditions reading each position, with the position's stride in their table.
    private var updates = ContiguousArray<(condition: Int, stride: Int)>()
    /// The representatives kept of each position.
    private let counts: ContiguousArray<Int>

    /// Evaluates `conditions` (compiled into `programs` in the same order) over the
    /// representatives kept in `search`.
    init(_ conditions: [CheckedCondition], search: SearchSpace, programs: ProgramSet) {
        counts = ContiguousArray(search.counts)
        var position = [Int](repeating: -1, count: search.width)
        for (index, slot) in search.slots.enumerated() { position[slot] = index }
        var readers = [[(condition: Int, stride: Int)]](repeating: [], count: counts.count)
        var answers = [ConditionScalar](repeating: .absent, count: search.width)
        var bits = ContiguousArray<UInt8>()
        var offsets = ContiguousArray<Int>()
        programs.withEvaluator { evaluator in
            answers.withUnsafeMutableBufferPointer { answers in
                for (index, condition) in conditions.enumerated() {
                    var positions: [Int] = []
                    for reference in condition.references where position[reference.slot] >= 0 {
                        positions.append(position[reference.slot])
                    }
                    positions.sort()
                    var stride = 1
                    for p in positions.reversed() {
                        readers[p].append((index, stride))
                        stride *= counts[p]
                    }
                    offsets.append(bits.count)
                    Self.table(
                        positions, of: search, into: &bits, answers: answers,
                        holds: { evaluator.evaluate(index, $0) })
                }
            }
        }
        self.bits = bits
        self.offsets = offsets
        for list in readers {
            starts.append(updates.count)
            updates.append(contentsOf: list)
        }
        starts.append(updates.count)
    }

    /// Appends whether `holds` for each combination of the representatives kept of
    /// `positions`, the last turning fastest; leaves `answers` as it found them.
    private static func table(
        _ positions: [Int], of search: SearchSpace, into bits: inout ContiguousArray<UInt8>,
        answers: UnsafeMutableBufferPointer<ConditionScalar>,
        holds: (UnsafeBufferPointer<ConditionScalar>) -> Bool
    ) {
        func value(_ p: Int, _ digit: Int) -> ConditionScalar { search.scalars[p][search.kept[p][digit]] }
        var digits = [Int](repeating: 0, count: positions.count)
        for p in positions { answers[search.slots[p]] = value(p, 0) }
        while true {
            bits.append(holds(UnsafeBufferPointer(answers)) ? 1 : 0)
            var j = positions.count - 1
            while j >= 0 {
                let p = positions[j]
                digits[j] += 1
                if digits[j] < search.kept[p].count {
                    answers[search.slots[p]] = value(p, digits[j])
                    break
                }
                digits[j] = 0
                answers[search.slots[p]] = value(p, 0)
                j -= 1
            }
            if j < 0 { break }
        }
        for p in positions { answers[search.slots[p]] = .absent }
    }

    /// Calls `body` with the outcome vector (packed as in ``OutcomeTable``) and the
    /// digits of each combination of the representatives kept, the last position
    /// turning fastest.
    func forEachCombination(_ body: (UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<Int>) -> Void) {
        let conditionCount = offsets.count
        let last = counts.count - 1
        var index = offsets
        var digits = ContiguousArray<Int>(repeating: 0, count: max(counts.count, 1))
        var words = ContiguousArray<UInt64>(repeating: 0, count: max((conditionCount + 63) / 64, 1))
        bits.withUnsafeBufferPointer { bits in
            updates.withUnsafeBufferPointer { updates in
                counts.withUnsafeBufferPointer { counts in
                    starts.withUnsafeBufferPointer { starts in
                        index.withUnsafeMutableBufferPointer { index in
                            digits.withUnsafeMutableBufferPointer { digits in
                                words.withUnsafeMutableBufferPointer { words in
                                    Self.turn(
                                        bits, updates, counts, starts, index, digits, words,
                                        conditionCount: conditionCount, last: last, body)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The loop of ``forEachCombination(_:)`` over unsafe buffers.
    @inline(__always)
    private static func turn(
        _ bits: UnsafeBufferPointer<UInt8>, _ updates: UnsafeBufferPointer<(condition: Int, stride: Int)>,
        _ counts: UnsafeBufferPointer<Int>, _ starts: UnsafeBufferPointer<Int>,
        _ index: UnsafeMutableBufferPointer<Int>, _ digits: UnsafeMutableBufferPointer<Int>,
        _ words: UnsafeMutableBufferPointer<UInt64>, conditionCount: Int, last: Int,
        _ body: (UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<Int>) -> Void
    ) {
        let outcome = UnsafeBufferPointer(words)
        let turned = UnsafeBufferPointer(digits)
        while true {
            for word in words.indices { words[word] = 0 }
            for c in 0..<conditionCount {
                words[c >> 6] |= UInt64(bits[index[c]]) << UInt64(c & 63)
            }
            body(outcome, turned)
            var p = last
            while p >= 0 {
                digits[p] += 1
                if digits[p] < counts[p] {
                    for u in starts[p]..<starts[p + 1] {
                        index[updates[u].condition] += updates[u].stride
                    }
                    break
                }
                digits[p] = 0
                for u in starts[p]..<starts[p + 1] {
                    index[updates[u].condition] -= updates[u].stride * (counts[p] - 1)
                }
                p -= 1
            }
            if p < 0 { break }
        }
    }
}
