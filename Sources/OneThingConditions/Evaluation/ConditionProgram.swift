/// One step of a compiled condition: a trivial value, so a program is one contiguous
/// block of memory that evaluation walks without retaining anything.
///
/// The program works on a stack of ``ConditionScalar``s; true/false is 1/0.
struct ProgramInstruction: Sendable {
    /// What the step does; `a`, `b`, `c` and `flag` are its operands.
    enum Operation: UInt8, Sendable {
        /// Push constant `a`.
        case push
        /// Push "no value".
        case pushAbsent
        /// Push the answer in slot `a`.
        case pushSlot
        /// Negate the number on top; no value stays no value.
        case negate
        /// Pop `y`, then `x`, push `x op y` with `flag` an ``ArithmeticOperator`` code;
        /// no value when either has none or on division by zero.
        case arithmetic
        /// Pop `y`, then `x`, push whether `x op y` with `flag` a comparison code;
        /// false when either has no value.
        case compare
        /// Push whether slot `a` compares by `flag` with constant `b`; false when absent.
        case compareSlot
        /// Pop `x`, push whether it is one of constants `a..<a+b` (not, when `flag` is 1);
        /// false when `x` has no value.
        case member
        /// Push whether slot `a` is one of constants `b..<b+c` (not, when `flag` is 1);
        /// false when absent.
        case memberSlot
        /// Push whether slot `a`, a set of choices, has bit `b` set (not, when `flag`
        /// is 1); false when absent.
        case chosenSlot
        /// Push whether slot `a` holds `true`.
        case readBool
        /// Negate the true/false on top.
        case not
        /// If the top is false, jump to `a` keeping it; else pop it.
        case jumpIfFalse
        /// If the top is true, jump to `a` keeping it; else pop it.
        case jumpIfTrue
    }

    /// What the step does.
    var operation: Operation
    /// A comparison or arithmetic operator code, or 1 for a negated membership.
    var flag: UInt8 = 0
    /// The first operand.
    var a: Int32 = 0
    /// The second operand.
    var b: Int32 = 0
    /// The third operand.
    var c: Int32 = 0

    /// The code of a comparison operator, for `flag`.
    static func code(_ op: ComparisonOperator) -> UInt8 {
        switch op {
        case .equal: 0
        case .notEqual: 1
        case .less: 2
        case .lessOrEqual: 3
        case .greater: 4
        case .greaterOrEqual: 5
        }
    }

    /// The code of an arithmetic operator, for `flag`.
    static func code(_ op: ArithmeticOperator) -> UInt8 {
        switch op {
        case .add: 0
        case .subtract: 1
        case .multiply: 2
        case .divide: 3
        }
    }
}

/// A checked condition compiled into a flat program: instructions, constants (numbers,
/// day numbers, 0/1 and text ids) and the text those ids stand for.
///
/// The constants give text ids of the program's own ``texts``; a search that evaluates
/// several programs over the same answers links them to one ``TextIDs`` first (see
/// ``ProgramSet``).
struct ConditionProgram: Sendable {
    /// A comparison, membership test or bool field read on its own, which `and`, `or`
    /// and `not` combine: its steps run on their own push its outcome.
    struct Leaf: Sendable {
        /// Its steps.
        var steps: Range<Int>
        /// The slots it reads, in order of first reading.
        var slots: [Int]
    }

    /// The steps, in order; jumps go forward.
    var instructions: ContiguousArray<ProgramInstruction>
    /// The constants the steps read.
    var constants: ContiguousArray<Double>
    /// The constants that are text ids, with their text.
    var textConstants: [(index: Int, text: String)]
    /// The ids the constants give text.
    var texts: TextIDs
    /// The deepest the stack gets.
    var stackSize: Int
    /// The leaves, in order; the condition's outcome is a function of theirs.
    var leaves: [Leaf]
    /// The slots the steps read, each once.
    var slots: [Int]

    /// The constants with the text ids of `ids`, giving text ids there as needed.
    func constants(linkedTo ids: inout TextIDs) -> ContiguousArray<Double> {
        var result = constants
        for (index, text) in textConstants { result[index] = Double(ids.id(text)) }
        return result
    }

    /// Whether the condition holds for `slots` (laid out by the program's form), with
    /// text read through the program's own ids.
    func evaluate(_ slots: [ConditionValue?], layout: FieldLayout) -> Bool {
        var ids = texts
        var scalars = ContiguousArray<ConditionScalar>(repeating: .absent, count: slots.count)
        for slot in self.slots {
            scalars[slot] = ConditionScalar(
                slots[slot], as: layout.types[slot], declared: layout.declared[slot], texts: &ids)
        }
        return instructions.withUnsafeBufferPointer { code in
            constants.withUnsafeBufferPointer { constants in
                scalars.withUnsafeBufferPointer { answers in
                    withUnsafeTemporaryAllocation(of: ConditionScalar.self, capacity: max(stackSize, 1)) {
                        stack in
                        Self.run(code, 0..<code.count, constants, answers, stack)
                    }
                }
            }
        }
    }

    /// Runs the steps `range` of `code`, whose jumps are within it, over `answers`.
    ///
    /// The buffers are read without retaining anything; their subscripts check bounds
    /// in debug builds only.
    @inline(__always)
    static func run(
        _ code: UnsafeBufferPointer<ProgramInstruction>, _ range: Range<Int>,
        _ constants: UnsafeBufferPointer<Double>, _ answers: UnsafeBufferPointer<ConditionScalar>,
        _ stack: UnsafeMutableBufferPointer<ConditionScalar>
    ) -> Bool {
        var top = -1
        var pc = range.lowerBound
        let end = range.upperBound
        while pc < end {
            let step = code[pc]
            pc += 1
            switch step.operation {
            case .push:
                top += 1
                stack[top] = ConditionScalar(constants[Int(step.a)])
            case .pushAbsent:
                top += 1
                stack[top] = .absent
            case .pushSlot:
                top += 1
                stack[top] = answers[Int(step.a)]
            case .negate:
                stack[top].value = -stack[top].value
            case .arithmetic:
                let y = stack[top]
                top -= 1
                stack[top] = arithmetic(stack[top], y, step.flag)
            case .compare:
                let y = stack[top]
                top -= 1
                let x = stack[top]
                stack[top] = truth(x.isPresent && y.isPresent && compare(x.value, y.value, step.flag))
            case .compareSlot:
                let x = answers[Int(step.a)]
                top += 1
                stack[top] = truth(x.isPresent && compare(x.value, constants[Int(step.b)], step.flag))
            case .member:
                let x = stack[top]
                stack[top] = truth(
                    x.isPresent
                        && contains(constants, Int(step.a), Int(step.b), x.value) != (step.flag == 1))
            case .memberSlot:
                let x = answers[Int(step.a)]
                top += 1
                stack[top] = truth(
                    x.isPresent
                        && contains(constants, Int(step.b), Int(step.c), x.value) != (step.flag == 1))
            case .chosenSlot:
                let x = answers[Int(step.a)]
                top += 1
                stack[top] = truth(x.isPresent && hasBit(x.value, Int(step.b)) != (step.flag == 1))
            case .readBool:
                let x = answers[Int(step.a)]
                top += 1
                stack[top] = truth(x.isPresent && x.value == 1)
            case .not:
                stack[top].value = stack[top].value == 0 ? 1 : 0
            case .jumpIfFalse:
                if stack[top].value == 0 {
                    pc = Int(step.a)
                } else {
                    top -= 1
                }
            case .jumpIfTrue:
                if stack[top].value != 0 {
                    pc = Int(step.a)
                } else {
                    top -= 1
                }
            }
        }
        return stack[0].value != 0
    }

    /// Whether bit `bit` of the whole number `mask` is set.
    @inline(__always)
    private static func hasBit(_ mask: Double, _ bit: Int) -> Bool {
        guard mask >= 0, mask < 0x1p53, bit >= 0, bit < 64 else { return false }
        return (UInt64(mask) >> UInt64(bit)) & 1 == 1
    }

    @inline(__always)
    private static func truth(_ value: Bool) -> ConditionScalar {
        ConditionScalar(value ? 1 : 0)
    }

    @inline(__always)
    private static func compare(_ x: Double, _ y: Double, _ code: UInt8) -> Bool {
        switch code {
        case 0: x == y
        case 1: x != y
        case 2: x < y
        case 3: x <= y
        case 4: x > y
        default: x >= y
        }
    }

    @inline(__always)
    private static func arithmetic(_ x: ConditionScalar, _ y: ConditionScalar, _ code: UInt8)
        -> ConditionScalar
    {
        guard x.isPresent, y.isPresent else { return .absent }
        switch code {
        case 0: return ConditionScalar(x.value + y.value)
        case 1: return ConditionScalar(x.value - y.value)
        case 2: return ConditionScalar(x.value * y.value)
        default: return y.value == 0 ? .absent : ConditionScalar(x.value / y.value)
        }
    }

    @inline(__always)
    private static func contains(
        _ constants: UnsafeBufferPointer<Double>, _ start: Int, _ count: Int, _ x: Double
    ) -> Bool {
        var index = start
        while index < start + count {
            if constants[index] == x { return true }
            index += 1
        }
        return false
    }
}
