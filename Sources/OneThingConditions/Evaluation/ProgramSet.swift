/// Compiled conditions laid end to end and linked to one ``TextIDs``, so that a search
/// evaluates any of them over one buffer of answers, through unsafe buffers, with no
/// reference counting on the way.
struct ProgramSet {
    private var instructions: ContiguousArray<ProgramInstruction> = []
    private var constants: ContiguousArray<Double> = []
    private var ranges: ContiguousArray<Range<Int>> = []
    private var leafRanges: ContiguousArray<Range<Int>> = []
    private var stackSize = 1
    /// The slots each leaf of the programs reads (see ``ConditionProgram/Leaf``), in
    /// the order of the programs and of their leaves.
    private(set) var leafSlots: [[Int]] = []

    /// The number of programs.
    var count: Int { ranges.count }

    /// Adds `program`, its text linked to `texts`; returns its index.
    @discardableResult
    mutating func add(_ program: ConditionProgram, texts: inout TextIDs) -> Int {
        let start = instructions.count
        let offset = Int32(start)
        let constantOffset = Int32(constants.count)
        for var step in program.instructions {
            switch step.operation {
            case .push, .member: step.a += constantOffset
            case .compareSlot, .memberSlot: step.b += constantOffset
            case .jumpIfFalse, .jumpIfTrue: step.a += offset
            default: break
            }
            instructions.append(step)
        }
        for leaf in program.leaves {
            leafRanges.append(start + leaf.steps.lowerBound..<start + leaf.steps.upperBound)
            leafSlots.append(leaf.slots)
        }
        constants.append(contentsOf: program.constants(linkedTo: &texts))
        ranges.append(start..<instructions.count)
        stackSize = max(stackSize, program.stackSize)
        return ranges.count - 1
    }

    /// Calls `body` with an evaluator of these programs, valid only during the call.
    func withEvaluator<R>(_ body: (ProgramEvaluator) -> R) -> R {
        instructions.withUnsafeBufferPointer { code in
            constants.withUnsafeBufferPointer { constants in
                ranges.withUnsafeBufferPointer { ranges in
                    leafRanges.withUnsafeBufferPointer { leafRanges in
                        withUnsafeTemporaryAllocation(of: ConditionScalar.self, capacity: stackSize) {
                            stack in
                            body(
                                ProgramEvaluator(
                                    code: code, constants: constants, ranges: ranges, leafRanges: leafRanges,
                                    stack: stack))
                        }
                    }
                }
            }
        }
    }
}

/// Evaluates the programs of a ``ProgramSet`` over answers laid out by slot.
struct ProgramEvaluator {
    fileprivate let code: UnsafeBufferPointer<ProgramInstruction>
    fileprivate let constants: UnsafeBufferPointer<Double>
    fileprivate let ranges: UnsafeBufferPointer<Range<Int>>
    fileprivate let leafRanges: UnsafeBufferPointer<Range<Int>>
    fileprivate let stack: UnsafeMutableBufferPointer<ConditionScalar>

    /// Whether program `index` holds for `answers`.
    @inline(__always)
    func evaluate(_ index: Int, _ answers: UnsafeBufferPointer<ConditionScalar>) -> Bool {
        ConditionProgram.run(code, ranges[index], constants, answers, stack)
    }

    /// Whether leaf `index` (counting over all programs, see ``ProgramSet/leafSlots``)
    /// holds for `answers`.
    @inline(__always)
    func evaluateLeaf(_ index: Int, _ answers: UnsafeBufferPointer<ConditionScalar>) -> Bool {
        ConditionProgram.run(code, leafRanges[index], constants, answers, stack)
    }
}
