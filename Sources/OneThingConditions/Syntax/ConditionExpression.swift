/// A comparison operator: `==`, `!=`, `<`, `<=`, `>`, `>=`.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    /// `==`
    case equal = "=="
    /// `!=`
    case notEqual = "!="
    /// `<`
    case less = "<"
    /// `<=`
    case lessOrEqual = "<="
    /// `>`
    case greater = ">"
    /// `>=`
    case greaterOrEqual = ">="

    /// Whether the operator orders its operands (`<`, `<=`, `>`, `>=`) rather than only
    /// testing equality.
    public var isOrdering: Bool { self != .equal && self != .notEqual }

    /// The operator with its operands swapped: `a < b` is `b > a`.
    public var swapped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        }
    }
}

/// An arithmetic operator: `+`, `-`, `*`, `/`.
public enum ArithmeticOperator: String, Hashable, Sendable, CaseIterable {
    /// `+`
    case add = "+"
    /// `-`
    case subtract = "-"
    /// `*`
    case multiply = "*"
    /// `/`
    case divide = "/"
}

/// A fixed value written in a condition: `12`, `12.5`, `"outside-hospital"`, `true`.
public enum ConditionLiteral: Hashable, Sendable, CustomStringConvertible {
    /// A number.
    case number(Double)
    /// Text in quotes; compared with a date field it is read as `YYYY-MM-DD`.
    case string(String)
    /// `true` or `false`.
    case bool(Bool)

    /// The literal as it would be written: `12`, `"a"`, `true`.
    public var description: String {
        switch self {
        case .number(let value): ConditionValue.number(value).description
        case .string(let value): "\"\(value)\""
        case .bool(let value): value ? "true" : "false"
        }
    }
}

/// One operator and operand of an arithmetic chain: the `+ b` of `a + b`.
public struct ArithmeticTerm: Hashable, Sendable {
    /// The operator before the operand.
    public var op: ArithmeticOperator
    /// The operand.
    public var operand: ConditionExpression

    /// Creates a term.
    public init(op: ArithmeticOperator, operand: ConditionExpression) {
        self.op = op
        self.operand = operand
    }
}

/// A parsed condition, before type checking: a tree whose every node knows the
/// characters of the condition text it was written at.
///
/// Chains of one operator are kept flat (`a and b and c` is one `and` with three
/// operands; `a + b - c` one arithmetic chain) so that a long but shallow condition
/// makes a shallow tree.
public struct ConditionExpression: Hashable, Sendable, CustomStringConvertible {
    /// The kinds of node.
    public indirect enum Kind: Hashable, Sendable {
        /// A fixed value.
        case literal(ConditionLiteral)
        /// A form field read by its dotted id.
        case field(String)
        /// `not x`.
        case not(ConditionExpression)
        /// `-x`.
        case negate(ConditionExpression)
        /// `a and b and …`, two or more operands.
        case and([ConditionExpression])
        /// `a or b or …`, two or more operands.
        case or([ConditionExpression])
        /// `a op b`.
        case comparison(ComparisonOperator, ConditionExpression, ConditionExpression)
        /// `x in [values]` or, when `negated`, `x not in [values]`; the values are literals.
        case membership(ConditionExpression, [ConditionExpression], negated: Bool)
        /// `"value" in field` or, when `negated`, `"value" not in field`: whether a
        /// multi-choice field's answer includes the value; the second node is a field.
        case chosen(ConditionExpression, in: ConditionExpression, negated: Bool)
        /// `first op₁ x₁ op₂ x₂ …`, all operators of one precedence level.
        case arithmetic(ConditionExpression, [ArithmeticTerm])
    }

    /// What the node is.
    public var kind: Kind
    /// The characters of the condition text it covers (Unicode scalar offsets),
    /// brackets around it excluded.
    public var range: Range<Int>

    /// Creates a node.
    public init(_ kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }

    /// A fully bracketed prefix form that shows how the condition was grouped:
    /// `(and (> x 5) (not y))`.
    public var description: String {
        switch kind {
        case .literal(let literal): literal.description
        case .field(let path): path
        case .not(let operand): "(not \(operand))"
        case .negate(let operand): "(- \(operand))"
        case .and(let operands): "(and \(operands.map(\.description).joined(separator: " ")))"
        case .or(let operands): "(or \(operands.map(\.description).joined(separator: " ")))"
        case .comparison(let op, let lhs, let rhs): "(\(op.rawValue) \(lhs) \(rhs))"
        case .membership(let subject, let values, let negated):
            "(\(negated ? "not-in" : "in") \(subject) [\(values.map(\.description).joined(separator: " "))])"
        case .chosen(let value, let field, let negated):
            "(\(negated ? "not-in" : "in") \(value) \(field))"
        case .arithmetic(let first, let terms):
            "(\(([first.description] + terms.map { "\($0.op.rawValue) \($0.operand)" }).joined(separator: " ")))"
        }
    }
}
