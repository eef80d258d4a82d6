import OneThingModel
import OneThingSource

/// Checks a parsed condition against a bundle's form: every field exists, every
/// operator gets operands of types it accepts, every enum value compared is declared,
/// and the whole condition is true or false.
///
/// Reports every problem it finds (`OT402`, `OT403`, `OT404`), not only the first;
/// a subexpression already found wrong is not reported again by the operators above it.
public struct ConditionTypeChecker: Sendable {
    /// The form conditions are checked against.
    public let form: Form
    let layout: FieldLayout

    /// Creates a checker for the fields of `form`.
    public init(form: Form) {
        self.form = form
        self.layout = FieldLayout(form: form)
    }

    /// Checks `expression`, parsed from `text`; on a problem returns `nil` and appends
    /// the issues to `issues`.
    public func check(
        _ expression: ConditionExpression, text: String, issues: inout [ConditionIssue]
    ) -> CheckedCondition? {
        var checking = TypeChecking(layout: layout, scalars: [Unicode.Scalar](scalarsOf: text))
        let checked = checking.condition(expression, context: .whole)
        issues.append(contentsOf: checking.issues)
        guard let checked, checking.issues.allSatisfy({ $0.severity != .error }) else { return nil }
        return CheckedCondition(text: text, expression: checked, layout: layout)
    }
}

/// Where a true/false value is needed, for the message when it is not one.
enum BoolContext {
    /// The whole condition.
    case whole
    /// An operand of `and`, `or` or `not`.
    case operand(of: String)
}

/// A subexpression after type checking.
private enum Typed {
    /// A value of a known type.
    case value(CheckedOperand)
    /// Text in quotes: text, a choice or a date, as the other side of its comparison says.
    case string(String, Range<Int>)
    /// Wrong, and already reported.
    case invalid
}

/// The state of checking one condition.
private struct TypeChecking {
    let layout: FieldLayout
    let scalars: [Unicode.Scalar]
    var issues: [ConditionIssue] = []

    init(layout: FieldLayout, scalars: [Unicode.Scalar]) {
        self.layout = layout
        self.scalars = scalars
    }

    func text(_ range: Range<Int>) -> String {
        String(scalars: scalars[range.clamped(to: 0..<scalars.count)])
    }

    // MARK: Conditions: true/false

    mutating func condition(_ e: ConditionExpression, context: BoolContext) -> CheckedExpression? {
        switch e.kind {
        case .not(let operand):
            guard let checked = condition(operand, context: .operand(of: "not")) else { return nil }
            return CheckedExpression(kind: .not(checked), range: e.range)
        case .and(let operands), .or(let operands):
            let word = if case .and = e.kind { "and" } else { "or" }
            var checked: [CheckedExpression] = []
            var valid = true
            for operand in operands {
                if let c = condition(operand, context: .operand(of: word)) {
                    checked.append(c)
                } else {
                    valid = false
                }
            }
            guard valid else { return nil }
            if case .and = e.kind { return CheckedExpression(kind: .and(checked), range: e.range) }
            return CheckedExpression(kind: .or(checked), range: e.range)
        case .comparison(let op, let lhs, let rhs):
            return comparison(op, lhs, rhs, range: e.range)
        case .membership(let subject, let values, let negated):
            return membership(subject, values, negated: negated, range: e.range)
        case .chosen(let value, let field, let negated):
            return chosen(value, in: field, negated: negated, range: e.range)
        case .literal, .field, .negate, .arithmetic:
            switch operand(e, peer: nil) {
            case .invalid:
                return nil
            case .string:
                issues.append(.notACondition(text(e.range), type: .text, context: context, range: e.range))
                return nil
            case .value(let operand):
                guard operand.type == .bool, let expression = Self.expression(of: operand) else {
                    if let field = choicesField(operand) {
                        issues.append(.choicesNeedIn(field, range: e.range))
                        return nil
                    }
                    issues.append(
                        .notACondition(text(e.range), type: operand.type, context: context, range: e.range))
                    return nil
                }
                return expression
            }
        }
    }

    /// A true/false operand as a condition node.
    static func expression(of operand: CheckedOperand) -> CheckedExpression? {
        switch operand.kind {
        case .constant(.bool(let value)): CheckedExpression(kind: .constant(value), range: operand.range)
        case .field(let reference): CheckedExpression(kind: .field(reference), range: operand.range)
        case .condition(let expression): expression
        default: nil
        }
    }

    // MARK: Operands: values

    /// Types `e` as a value. `peer` is the enum field on the other side of a
    /// comparison, if any, so that an unknown name that is one of its values gets the
    /// hint to put it in quotes.
    mutating func operand(_ e: ConditionExpression, peer: FormField?) -> Typed {
        switch e.kind {
        case .literal(.number(let value)):
            return .value(CheckedOperand(kind: .constant(.number(value)), type: .number, range: e.range))
        case .literal(.bool(let value)):
            return .value(CheckedOperand(kind: .constant(.bool(value)), type: .bool, range: e.range))
        case .literal(.string(let value)):
            return .string(value, e.range)
        case .field(let path):
            guard let slot = layout.slots[path] else {
                if CaseResult.outputID(ofField: path) != nil {
                    issues.append(
                        .unknownResult(path, range: e.range, fields: layout.fields, outputs: layout.outputIDs)
                    )
                } else {
                    issues.append(.unknownField(path, range: e.range, fields: layout.fields, peer: peer))
                }
                return .invalid
            }
            let field = layout.fields[slot]
            let reference = FieldReference(id: path, type: field.type, slot: slot)
            return .value(
                CheckedOperand(kind: .field(reference), type: ConditionType(field.type), range: e.range))
        case .not, .and, .or, .comparison, .membership, .chosen:
            guard let expression = condition(e, context: .whole) else { return .invalid }
            return .value(CheckedOperand(kind: .condition(expression), type: .bool, range: e.range))
        case .negate(let inner):
            guard let number = number(inner, op: "-") else { return .invalid }
            return .value(CheckedOperand(kind: .negate(number), type: .number, range: e.range))
        case .arithmetic(let first, let terms):
            let firstNumber = number(first, op: terms[0].op.rawValue)
            var checked: [CheckedTerm] = []
            for term in terms {
                if let n = number(term.operand, op: term.op.rawValue) {
                    checked.append(CheckedTerm(op: term.op, operand: n))
                }
            }
            guard let firstNumber, checked.count == terms.count else { return .invalid }
            return .value(
                CheckedOperand(kind: .arithmetic(firstNumber, checked), type: .number, range: e.range))
        }
    }

    /// Types `e` as an operand of arithmetic operator `op`: a number.
    mutating func number(_ e: ConditionExpression, op: String) -> CheckedOperand? {
        switch operand(e, peer: nil) {
        case .invalid:
            return nil
        case .string(let value, let range):
            issues.append(.arithmeticOnNonNumber(op: op, operand: "\"\(value)\"", type: .text, range: range))
            return nil
        case .value(let operand):
            guard operand.type == .number else {
                issues.append(
                    .arithmeticOnNonNumber(op: op, operand: text(e.range), type: operand.type, range: e.range)
                )
                return nil
            }
            return operand
        }
    }

    // MARK: Comparisons

    /// The enum field `e` reads directly, if it is one.
    func enumField(_ e: ConditionExpression) -> FormField? {
        guard case .field(let path) = e.kind, let slot = layout.slots[path], layout.fields[slot].type == .enum
        else { return nil }
        return layout.fields[slot]
    }

    /// The problem of an unquoted enum value compared with `field`, as in
    /// `death.place == outside-hospital`, which would otherwise read as arithmetic on
    /// two unknown fields.
    func bareValue(_ e: ConditionExpression, comparedWith field: FormField) -> ConditionIssue? {
        if case .literal = e.kind { return nil }
        if case .field(let path) = e.kind, layout.slots[path] != nil { return nil }
        let written = text(e.range)
        guard let value = field.values.first(where: { $0.id == written || $0.label == written }) else {
            return nil
        }
        return .bareValue(written, value: value.id, field: field.id, range: e.range)
    }

    mutating func comparison(
        _ op: ComparisonOperator, _ lhs: ConditionExpression, _ rhs: ConditionExpression, range: Range<Int>
    ) -> CheckedExpression? {
        let leftEnum = enumField(lhs)
        let rightEnum = enumField(rhs)
        if let leftEnum, let issue = bareValue(rhs, comparedWith: leftEnum) {
            issues.append(issue)
            return nil
        }
        if let rightEnum, let issue = bareValue(lhs, comparedWith: rightEnum) {
            issues.append(issue)
            return nil
        }
        let left = operand(lhs, peer: rightEnum)
        let right = operand(rhs, peer: leftEnum)
        for side in [left, right] {
            if case .value(let value) = side, let field = choicesField(value) {
                issues.append(.choicesNeedIn(field, range: value.range))
                return nil
            }
        }
        let checkedLeft: CheckedOperand
        let checkedRight: CheckedOperand
        switch (left, right) {
        case (.invalid, _), (_, .invalid):
            return nil
        case (.string(let a, let rangeA), .string(let b, let rangeB)):
            if op.isOrdering {
                guard let dateA = CalendarDate(a), let dateB = CalendarDate(b) else {
                    issues.append(.orderingNotAllowed(op, operand: "\"\(a)\"", type: .text, range: range))
                    return nil
                }
                checkedLeft = CheckedOperand(kind: .constant(.date(dateA)), type: .date, range: rangeA)
                checkedRight = CheckedOperand(kind: .constant(.date(dateB)), type: .date, range: rangeB)
            } else {
                checkedLeft = CheckedOperand(kind: .constant(.text(a)), type: .text, range: rangeA)
                checkedRight = CheckedOperand(kind: .constant(.text(b)), type: .text, range: rangeB)
            }
        case (.value(let value), .string(let string, let stringRange)):
            guard let constant = stringOperand(string, stringRange, against: value, op: op, range: range)
            else {
                return nil
            }
            (checkedLeft, checkedRight) = (value, constant)
        case (.string(let string, let stringRange), .value(let value)):
            guard let constant = stringOperand(string, stringRange, against: value, op: op, range: range)
            else {
                return nil
            }
            (checkedLeft, checkedRight) = (constant, value)
        case (.value(let a), .value(let b)):
            guard a.type == b.type else {
                issues.append(
                    .typeMismatch(
                        op, left: text(a.range), leftType: a.type, right: text(b.range), rightType: b.type,
                        range: range))
                return nil
            }
            if op.isOrdering, a.type != .number, a.type != .date {
                issues.append(.orderingNotAllowed(op, operand: text(a.range), type: a.type, range: range))
                return nil
            }
            (checkedLeft, checkedRight) = (a, b)
        }
        return CheckedExpression(kind: .comparison(op, checkedLeft, checkedRight), range: range)
    }

    /// Reads quoted text compared with `value` as the constant of `value`'s type.
    mutating func stringOperand(
        _ string: String, _ stringRange: Range<Int>, against value: CheckedOperand, op: ComparisonOperator,
        range: Range<Int>
    ) -> CheckedOperand? {
        switch value.type {
        case .text, .enumeration:
            if op.isOrdering {
                issues.append(
                    .orderingNotAllowed(op, operand: text(value.range), type: value.type, range: range))
                return nil
            }
            if value.type == .enumeration, !declared(string, by: value, range: stringRange) { return nil }
            return CheckedOperand(kind: .constant(.text(string)), type: value.type, range: stringRange)
        case .date:
            guard let date = CalendarDate(string) else {
                issues.append(.notADate(string, range: stringRange))
                return nil
            }
            return CheckedOperand(kind: .constant(.date(date)), type: .date, range: stringRange)
        case .number, .bool, .choices:
            issues.append(
                .typeMismatch(
                    op, left: text(value.range), leftType: value.type, right: "\"\(string)\"",
                    rightType: .text,
                    range: range, quotedValue: string))
            return nil
        }
    }

    /// Whether the enum field `value` reads declares `string`; reports `OT404` if not.
    mutating func declared(_ string: String, by value: CheckedOperand, range: Range<Int>) -> Bool {
        guard case .field(let reference) = value.kind else { return true }
        let field = layout.fields[reference.slot]
        if field.values.contains(where: { $0.id == string }) { return true }
        issues.append(.undeclaredValue(string, field: field, range: range))
        return false
    }

    // MARK: Multi-choice fields

    /// The multi-choice field `operand` reads directly, if it is one.
    func choicesField(_ operand: CheckedOperand) -> FormField? {
        guard operand.type == .choices, case .field(let reference) = operand.kind else { return nil }
        return layout.fields[reference.slot]
    }

    /// `"value" in field` (`not in` when `negated`): the field must be a multi-choice
    /// field and the value one of its declared values, in quotes.
    mutating func chosen(
        _ value: ConditionExpression, in fieldNode: ConditionExpression, negated: Bool, range: Range<Int>
    ) -> CheckedExpression? {
        guard case .field(let path) = fieldNode.kind else { return nil }
        guard let slot = layout.slots[path] else {
            issues.append(.unknownField(path, range: fieldNode.range, fields: layout.fields, peer: nil))
            return nil
        }
        let field = layout.fields[slot]
        guard field.type == .multiChoice else {
            issues.append(.notAMultiChoice(field, range: fieldNode.range))
            return nil
        }
        if let issue = bareValue(value, comparedWith: field) {
            issues.append(issue)
            return nil
        }
        guard case .literal(.string(let id)) = value.kind else {
            var type: ConditionType?
            switch operand(value, peer: nil) {
            case .invalid: return nil
            case .string: type = .text
            case .value(let typed): type = typed.type
            }
            issues.append(.choiceNotQuoted(text(value.range), type: type, field: field, range: value.range))
            return nil
        }
        guard let bit = field.values.firstIndex(where: { $0.id == id }) else {
            issues.append(.undeclaredValue(id, field: field, range: value.range))
            return nil
        }
        let reference = FieldReference(id: path, type: field.type, slot: slot)
        return CheckedExpression(
            kind: .chosen(reference, value: id, bit: bit, negated: negated), range: range)
    }

    // MARK: Membership

    mutating func membership(
        _ subject: ConditionExpression, _ values: [ConditionExpression], negated: Bool, range: Range<Int>
    ) -> CheckedExpression? {
        let typedSubject: CheckedOperand
        switch operand(subject, peer: nil) {
        case .invalid: return nil
        case .string(let value, let stringRange):
            typedSubject = CheckedOperand(kind: .constant(.text(value)), type: .text, range: stringRange)
        case .value(let value):
            if let field = choicesField(value) {
                issues.append(.choicesNeedIn(field, range: value.range))
                return nil
            }
            typedSubject = value
        }
        var checked: [ConditionValue] = []
        var valid = true
        for element in values {
            guard case .literal(let literal) = element.kind else { continue }
            if let value = listValue(literal, range: element.range, subject: typedSubject) {
                checked.append(value)
            } else {
                valid = false
            }
        }
        guard valid else { return nil }
        return CheckedExpression(kind: .membership(typedSubject, checked, negated: negated), range: range)
    }

    /// A list value read as the type of `subject`, or `nil` after reporting why not.
    mutating func listValue(_ literal: ConditionLiteral, range: Range<Int>, subject: CheckedOperand)
        -> ConditionValue?
    {
        switch (subject.type, literal) {
        case (.number, .number(let value)): return .number(value)
        case (.bool, .bool(let value)): return .bool(value)
        case (.text, .string(let value)): return .text(value)
        case (.enumeration, .string(let value)):
            return declared(value, by: subject, range: range) ? .text(value) : nil
        case (.date, .string(let value)):
            guard let date = CalendarDate(value) else {
                issues.append(.notADate(value, range: range))
                return nil
            }
            return .date(date)
        default:
            let literalType: ConditionType =
                switch literal {
                case .number: .number
                case .bool: .bool
                case .string: .text
                }
            issues.append(
                .listValueMismatch(
                    literal.description, type: literalType, subject: text(subject.range),
                    subjectType: subject.type,
                    range: range))
            return nil
        }
    }
}
