import OneThingModel

/// Compiles checked conditions into ``ConditionProgram``s.
///
/// The semantics:
/// - A comparison or membership test that reads an absent field is false, and so is
///   a bool field read on its own; `not` of any of them is true.
/// - Arithmetic that divides by zero gives no value, so the comparison is false.
/// - An answer of another type than its field's counts as absent.
/// - `and` and `or` look at their operands left to right and stop when the result is
///   known.
///
/// Text is compared by id, so only `==` and `!=` apply to it, which is all the type
/// checker lets through.
struct ConditionCompiler {
    private var code: ContiguousArray<ProgramInstruction> = []
    private var constants: ContiguousArray<Double> = []
    private var textConstants: [(index: Int, text: String)] = []
    private var texts = TextIDs()
    private var depth = 0
    private var deepest = 0
    private var leaves: [ConditionProgram.Leaf] = []
    /// Whether the code emitted now is part of a leaf.
    private var inLeaf = false

    /// Compiles a checked condition.
    static func compile(_ e: CheckedExpression) -> ConditionProgram {
        var compiler = ConditionCompiler()
        compiler.condition(e)
        return ConditionProgram(
            instructions: compiler.code, constants: compiler.constants, textConstants: compiler.textConstants,
            texts: compiler.texts, stackSize: compiler.deepest, leaves: compiler.leaves,
            slots: Self.slots(compiler.code[...]))
    }

    // MARK: Emitting

    /// Appends `step`, which changes the depth of the stack by `effect`.
    private mutating func emit(_ step: ProgramInstruction, effect: Int) {
        code.append(step)
        depth += effect
        deepest = max(deepest, depth)
    }

    private mutating func emit(_ operation: ProgramInstruction.Operation, effect: Int) {
        emit(ProgramInstruction(operation: operation), effect: effect)
    }

    /// The index of a new number constant.
    private mutating func constant(_ value: Double) -> Int32 {
        constants.append(value)
        return Int32(constants.count - 1)
    }

    /// The index of a new text constant.
    private mutating func constant(_ text: String) -> Int32 {
        let index = constant(Double(texts.id(text)))
        textConstants.append((Int(index), text))
        return index
    }

    /// The index of the first of new constants for `values`, read as `type`; values of
    /// another type are left out.
    private mutating func list(_ values: [ConditionValue], as type: ConditionType) -> (Int32, Int32) {
        let start = Int32(constants.count)
        for value in values { _ = scalarConstant(value, as: type) }
        return (start, Int32(constants.count) - start)
    }

    /// `value` as a new constant of `type`; `nil` when it is not of that type.
    private mutating func scalarConstant(_ value: ConditionValue, as type: ConditionType) -> Int32? {
        switch (type, value) {
        case (.number, .number(let n)): constant(n)
        case (.date, .date(let d)): constant(Double(d.dayNumber))
        case (.bool, .bool(let b)): constant(b ? 1 : 0)
        case (.text, .text(let t)), (.enumeration, .text(let t)): constant(t)
        default: nil
        }
    }

    private mutating func push(_ value: ConditionValue, as type: ConditionType) {
        if let index = scalarConstant(value, as: type) {
            emit(ProgramInstruction(operation: .push, a: index), effect: 1)
        } else {
            emit(.pushAbsent, effect: 1)
        }
    }

    // MARK: Conditions

    private mutating func condition(_ e: CheckedExpression) {
        switch e.kind {
        case .constant(let value):
            push(.bool(value), as: .bool)
        case .not(let operand):
            condition(operand)
            emit(.not, effect: 0)
        case .and(let operands):
            chain(operands, empty: true, jump: .jumpIfFalse)
        case .or(let operands):
            chain(operands, empty: false, jump: .jumpIfTrue)
        case .field, .comparison, .membership, .chosen:
            let outermost = !inLeaf
            let start = code.count
            inLeaf = true
            leaf(e)
            inLeaf = !outermost
            if outermost { leaves.append(Self.leaf(code[start...], at: start)) }
        }
    }

    /// A comparison, membership test or bool field read on its own.
    private mutating func leaf(_ e: CheckedExpression) {
        switch e.kind {
        case .field(let reference):
            emit(ProgramInstruction(operation: .readBool, a: Int32(reference.slot)), effect: 1)
        case .comparison(let op, let lhs, let rhs):
            comparison(op, lhs, rhs)
        case .membership(let subject, let values, let negated):
            membership(subject, values, negated: negated)
        case .chosen(let reference, _, let bit, let negated):
            emit(
                ProgramInstruction(
                    operation: .chosenSlot, flag: negated ? 1 : 0, a: Int32(reference.slot), b: Int32(bit)),
                effect: 1)
        default:
            condition(e)
        }
    }

    /// The leaf made of `steps`, which start at `start`, with the slots they read.
    private static func leaf(_ steps: ArraySlice<ProgramInstruction>, at start: Int) -> ConditionProgram.Leaf
    {
        ConditionProgram.Leaf(steps: start..<start + steps.count, slots: slots(steps))
    }

    /// The slots `steps` read, each once, in order of first reading.
    private static func slots(_ steps: ArraySlice<ProgramInstruction>) -> [Int] {
        var slots: [Int] = []
        for step in steps {
            switch step.operation {
            case .pushSlot, .compareSlot, .memberSlot, .readBool, .chosenSlot:
                if !slots.contains(Int(step.a)) { slots.append(Int(step.a)) }
            default: break
            }
        }
        return slots
    }

    /// `and` or `or`: each operand but the last is followed by a jump to the end when
    /// it decides the result.
    private mutating func chain(
        _ operands: [CheckedExpression], empty: Bool, jump: ProgramInstruction.Operation
    ) {
        guard !operands.isEmpty else { return push(.bool(empty), as: .bool) }
        var jumps: [Int] = []
        for (index, operand) in operands.enumerated() {
            condition(operand)
            if index < operands.count - 1 {
                jumps.append(code.count)
                emit(jump, effect: -1)
            }
        }
        for index in jumps { code[index].a = Int32(code.count) }
    }

    private mutating func comparison(_ op: ComparisonOperator, _ lhs: CheckedOperand, _ rhs: CheckedOperand) {
        var op = op
        switch lhs.type {
        case .number:
            switch (Self.constantNumber(lhs), Self.constantNumber(rhs), lhs.kind, rhs.kind) {
            case (nil, let c?, .field(let reference), _):
                return compareSlot(reference, op, constant(c))
            case (let c?, nil, _, .field(let reference)):
                return compareSlot(reference, op.swapped, constant(c))
            default:
                number(lhs)
                number(rhs)
            }
        case .date:
            switch (lhs.kind, rhs.kind) {
            case (.field(let reference), .constant(.date(let day))):
                return compareSlot(reference, op, constant(Double(day.dayNumber)))
            case (.constant(.date(let day)), .field(let reference)):
                return compareSlot(reference, op.swapped, constant(Double(day.dayNumber)))
            default:
                value(lhs)
                value(rhs)
            }
        case .text, .enumeration:
            switch (lhs.kind, rhs.kind) {
            case (.field(let reference), .constant(.text(let text))),
                (.constant(.text(let text)), .field(let reference)):
                return compareSlot(reference, op == .equal ? .equal : .notEqual, constant(text))
            default:
                value(lhs)
                value(rhs)
            }
        case .bool:
            op = op == .equal ? .equal : .notEqual
            boolean(lhs)
            boolean(rhs)
        case .choices:
            // The type checker lets no comparison of choices through: no value.
            emit(.pushAbsent, effect: 1)
            emit(.pushAbsent, effect: 1)
        }
        emit(ProgramInstruction(operation: .compare, flag: ProgramInstruction.code(op)), effect: -1)
    }

    private mutating func compareSlot(
        _ reference: FieldReference, _ op: ComparisonOperator, _ constant: Int32
    ) {
        emit(
            ProgramInstruction(
                operation: .compareSlot, flag: ProgramInstruction.code(op), a: Int32(reference.slot),
                b: constant),
            effect: 1)
    }

    private mutating func membership(_ subject: CheckedOperand, _ values: [ConditionValue], negated: Bool) {
        let flag: UInt8 = negated ? 1 : 0
        if case .field(let reference) = subject.kind {
            let (start, count) = list(values, as: subject.type)
            emit(
                ProgramInstruction(
                    operation: .memberSlot, flag: flag, a: Int32(reference.slot), b: start, c: count),
                effect: 1)
            return
        }
        switch subject.type {
        case .number: number(subject)
        case .date, .text, .enumeration, .choices: value(subject)
        case .bool: boolean(subject)
        }
        let (start, count) = list(values, as: subject.type)
        emit(ProgramInstruction(operation: .member, flag: flag, a: start, b: count), effect: 0)
    }

    // MARK: Operands

    /// A number operand that is a constant, or minus one.
    private static func constantNumber(_ operand: CheckedOperand) -> Double? {
        switch operand.kind {
        case .constant(let value):
            if case .number(let n) = value { return n }
            return .nan
        case .negate(let inner):
            return constantNumber(inner).map { -$0 }
        default:
            return nil
        }
    }

    /// Pushes a number operand.
    private mutating func number(_ operand: CheckedOperand) {
        if let value = Self.constantNumber(operand) {
            return emit(ProgramInstruction(operation: .push, a: constant(value)), effect: 1)
        }
        switch operand.kind {
        case .field(let reference):
            emit(ProgramInstruction(operation: .pushSlot, a: Int32(reference.slot)), effect: 1)
        case .negate(let inner):
            number(inner)
            emit(.negate, effect: 0)
        case .arithmetic(let first, let terms):
            number(first)
            for term in terms {
                number(term.operand)
                emit(
                    ProgramInstruction(operation: .arithmetic, flag: ProgramInstruction.code(term.op)),
                    effect: -1)
            }
        case .constant, .condition:
            emit(ProgramInstruction(operation: .push, a: constant(.nan)), effect: 1)
        }
    }

    /// Pushes a date, text or choice operand: a constant or a field; anything else has
    /// no value.
    private mutating func value(_ operand: CheckedOperand) {
        switch operand.kind {
        case .constant(let value): push(value, as: operand.type)
        case .field(let reference):
            emit(ProgramInstruction(operation: .pushSlot, a: Int32(reference.slot)), effect: 1)
        default: emit(.pushAbsent, effect: 1)
        }
    }

    /// Pushes a true/false operand: a condition, a constant or a bool field (no value
    /// when absent).
    private mutating func boolean(_ operand: CheckedOperand) {
        switch operand.kind {
        case .condition(let expression): condition(expression)
        case .constant(let value): push(value, as: .bool)
        case .field(let reference):
            emit(ProgramInstruction(operation: .pushSlot, a: Int32(reference.slot)), effect: 1)
        default: emit(.pushAbsent, effect: 1)
        }
    }
}
