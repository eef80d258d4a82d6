import OneThingModel

/// A form field a checked condition reads.
public struct FieldReference: Hashable, Sendable {
    /// The field's dotted id.
    public var id: String
    /// The field's type.
    public var type: FieldType
    /// The field's index in the form, which answers are laid out by.
    let slot: Int
}

/// A typed value inside a checked condition: a number, text, choice, date or
/// true/false that a comparison or arithmetic uses.
public struct CheckedOperand: Hashable, Sendable {
    /// The kinds of operand.
    public indirect enum Kind: Hashable, Sendable {
        /// A fixed value; string literals are already read as text or dates.
        case constant(ConditionValue)
        /// A field's answer.
        case field(FieldReference)
        /// `-x` of a number.
        case negate(CheckedOperand)
        /// `first op₁ x₁ …` of numbers.
        case arithmetic(CheckedOperand, [CheckedTerm])
        /// A condition used as a true/false value: `(x > 1) == y`.
        case condition(CheckedExpression)
    }

    /// What the operand is.
    public var kind: Kind
    /// Its type.
    public var type: ConditionType
    /// The characters of the condition text it was written at.
    public var range: Range<Int>
}

/// One operator and operand of a checked arithmetic chain.
public struct CheckedTerm: Hashable, Sendable {
    /// The operator.
    public var op: ArithmeticOperator
    /// The operand, a number.
    public var operand: CheckedOperand
}

/// A type-checked condition tree: every node is true or false.
public struct CheckedExpression: Hashable, Sendable {
    /// The kinds of node.
    public indirect enum Kind: Hashable, Sendable {
        /// `true` or `false` as written.
        case constant(Bool)
        /// A bool field read on its own; false when absent.
        case field(FieldReference)
        /// `not x`.
        case not(CheckedExpression)
        /// All operands hold.
        case and([CheckedExpression])
        /// Some operand holds.
        case or([CheckedExpression])
        /// A comparison of two operands of one type; false when either reads an
        /// absent field or divides by zero.
        case comparison(ComparisonOperator, CheckedOperand, CheckedOperand)
        /// `x in [values]`, or `x not in [values]` when `negated`; false when `x` reads
        /// an absent field.
        case membership(CheckedOperand, [ConditionValue], negated: Bool)
        /// `"value" in field` of a multi-choice field, or `not in` when `negated`: whether
        /// the value, the field's `bit`-th declared value, is chosen; false when the
        /// field is absent.
        case chosen(FieldReference, value: String, bit: Int, negated: Bool)
    }

    /// What the node is.
    public var kind: Kind
    /// The characters of the condition text it was written at.
    public var range: Range<Int>
}

extension CheckedOperand {
    /// The fields this operand reads, each once, in order of first reading.
    func collectFields(into fields: inout [FieldReference]) {
        switch kind {
        case .constant: break
        case .field(let reference): if !fields.contains(reference) { fields.append(reference) }
        case .negate(let operand): operand.collectFields(into: &fields)
        case .arithmetic(let first, let terms):
            first.collectFields(into: &fields)
            for term in terms { term.operand.collectFields(into: &fields) }
        case .condition(let expression): expression.collectFields(into: &fields)
        }
    }
}

extension CheckedExpression {
    /// The fields this expression reads, each once, in order of first reading.
    func collectFields(into fields: inout [FieldReference]) {
        switch kind {
        case .constant: break
        case .field(let reference): if !fields.contains(reference) { fields.append(reference) }
        case .not(let operand): operand.collectFields(into: &fields)
        case .and(let operands), .or(let operands):
            for operand in operands { operand.collectFields(into: &fields) }
        case .comparison(_, let lhs, let rhs):
            lhs.collectFields(into: &fields)
            rhs.collectFields(into: &fields)
        case .membership(let subject, _, _): subject.collectFields(into: &fields)
        case .chosen(let reference, _, _, _): if !fields.contains(reference) { fields.append(reference) }
        }
    }

    /// The fields this expression reads, each once, in order of first reading.
    var fieldReferences: [FieldReference] {
        var fields: [FieldReference] = []
        collectFields(into: &fields)
        return fields
    }
}
