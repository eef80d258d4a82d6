import OneThingModel

/// Answers laid out by a ``FieldLayout``: the value of each field's slot, `nil` when absent.
typealias Slots = [ConditionValue?]

/// A compiled condition: answers in, true or false out.
typealias PredicateCode = @Sendable (Slots) -> Bool

/// Compiles checked conditions into trees of closures, so that evaluating one is a few
/// indirect calls and array reads, with no lookups by name and no tree walking.
///
/// The semantics:
/// - A comparison or membership test that reads an absent field is false, and so is
///   a bool field read on its own; `not` of any of them is true.
/// - Arithmetic that divides by zero gives no value, so the comparison is false.
/// - An answer of another type than its field's counts as absent.
/// - `and` and `or` look at their operands left to right and stop when the result is
///   known.
enum ConditionEvaluator {
    /// A number-valued part of a condition, kept as a constant or a slot when it is
    /// one, so that the common `field op constant` compiles to one closure.
    private enum NumberSource {
        case constant(Double)
        case slot(Int)
        case code(@Sendable (Slots) -> Double?)
    }

    /// Compiles a checked condition.
    static func compile(_ e: CheckedExpression) -> PredicateCode {
        switch e.kind {
        case .constant(let value):
            return { _ in value }
        case .field(let reference):
            let slot = reference.slot
            return { s in
                if case .bool(true)? = s[slot] { return true }
                return false
            }
        case .not(let operand):
            let code = compile(operand)
            return { s in !code(s) }
        case .and(let operands):
            let codes = operands.map(compile)
            if codes.count == 2 {
                let (a, b) = (codes[0], codes[1])
                return { s in a(s) && b(s) }
            }
            return { s in
                for code in codes where !code(s) { return false }
                return true
            }
        case .or(let operands):
            let codes = operands.map(compile)
            if codes.count == 2 {
                let (a, b) = (codes[0], codes[1])
                return { s in a(s) || b(s) }
            }
            return { s in
                for code in codes where code(s) { return true }
                return false
            }
        case .comparison(let op, let lhs, let rhs):
            switch lhs.type {
            case .number: return numberComparison(op, number(lhs), number(rhs))
            case .date: return comparison(op, value(lhs, as: date), value(rhs, as: date))
            case .text, .enumeration: return textComparison(op, lhs, rhs)
            case .bool: return equality(op == .equal, boolean(lhs), boolean(rhs))
            }
        case .membership(let subject, let values, let negated):
            switch subject.type {
            case .number:
                return membership(code(number(subject)), Set(values.compactMap(number)), negated: negated)
            case .date:
                return membership(value(subject, as: date), Set(values.compactMap(date)), negated: negated)
            case .text, .enumeration:
                return membership(value(subject, as: text), Set(values.compactMap(text)), negated: negated)
            case .bool:
                return membership(boolean(subject), Set(values.compactMap(bool)), negated: negated)
            }
        }
    }

    // MARK: Reading values of one type

    private static func number(_ value: ConditionValue) -> Double? {
        if case .number(let n) = value { return n }
        return nil
    }

    private static func date(_ value: ConditionValue) -> CalendarDate? {
        if case .date(let d) = value { return d }
        return nil
    }

    private static func text(_ value: ConditionValue) -> String? {
        if case .text(let t) = value { return t }
        return nil
    }

    private static func bool(_ value: ConditionValue) -> Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    /// A date or text operand (a constant or a field) as a closure.
    private static func value<T: Sendable>(
        _ operand: CheckedOperand, as read: @escaping @Sendable (ConditionValue) -> T?
    ) -> @Sendable (Slots) -> T? {
        switch operand.kind {
        case .constant(let constant):
            let value = read(constant)
            return { _ in value }
        case .field(let reference):
            let slot = reference.slot
            return { s in s[slot].flatMap(read) }
        default:
            return { _ in nil }
        }
    }

    /// A true/false operand as a closure: `nil` for an absent bool field.
    private static func boolean(_ operand: CheckedOperand) -> @Sendable (Slots) -> Bool? {
        switch operand.kind {
        case .condition(let expression):
            let code = compile(expression)
            return { s in code(s) }
        default:
            return value(operand, as: bool)
        }
    }

    // MARK: Numbers

    private static func number(_ operand: CheckedOperand) -> NumberSource {
        switch operand.kind {
        case .constant(let value):
            return .constant(number(value) ?? .nan)
        case .field(let reference):
            return .slot(reference.slot)
        case .negate(let inner):
            switch number(inner) {
            case .constant(let value): return .constant(-value)
            case let source:
                let code = code(source)
                return .code { s in code(s).map { -$0 } }
            }
        case .arithmetic(let first, let terms):
            let start = code(number(first))
            let steps = terms.map { (op: $0.op, code: code(number($0.operand))) }
            return .code { s in
                guard var result = start(s) else { return nil }
                for step in steps {
                    guard let value = step.code(s) else { return nil }
                    switch step.op {
                    case .add: result += value
                    case .subtract: result -= value
                    case .multiply: result *= value
                    case .divide:
                        if value == 0 { return nil }
                        result /= value
                    }
                }
                return result
            }
        case .condition:
            return .constant(.nan)
        }
    }

    private static func code(_ source: NumberSource) -> @Sendable (Slots) -> Double? {
        switch source {
        case .constant(let value): return { _ in value }
        case .slot(let slot):
            return { s in
                if case .number(let value)? = s[slot] { return value }
                return nil
            }
        case .code(let code): return code
        }
    }

    private static func numberComparison(
        _ op: ComparisonOperator, _ lhs: NumberSource, _ rhs: NumberSource
    ) -> PredicateCode {
        switch (lhs, rhs) {
        case (.slot(let slot), .constant(let constant)):
            return slotComparison(op, slot, constant)
        case (.constant(let constant), .slot(let slot)):
            return slotComparison(op.swapped, slot, constant)
        default:
            return comparison(op, code(lhs), code(rhs))
        }
    }

    /// `field op constant`, the most common comparison, as one closure.
    private static func slotComparison(_ op: ComparisonOperator, _ slot: Int, _ c: Double) -> PredicateCode {
        switch op {
        case .equal:
            return { s in
                if case .number(let v)? = s[slot] { return v == c }
                return false
            }
        case .notEqual:
            return { s in
                if case .number(let v)? = s[slot] { return v != c }
                return false
            }
        case .less:
            return { s in
                if case .number(let v)? = s[slot] { return v < c }
                return false
            }
        case .lessOrEqual:
            return { s in
                if case .number(let v)? = s[slot] { return v <= c }
                return false
            }
        case .greater:
            return { s in
                if case .number(let v)? = s[slot] { return v > c }
                return false
            }
        case .greaterOrEqual:
            return { s in
                if case .number(let v)? = s[slot] { return v >= c }
                return false
            }
        }
    }

    // MARK: Text

    private static func textComparison(
        _ op: ComparisonOperator, _ lhs: CheckedOperand, _ rhs: CheckedOperand
    ) -> PredicateCode {
        let equal = op == .equal
        switch (lhs.kind, rhs.kind) {
        case (.field(let reference), .constant(.text(let constant))),
            (.constant(.text(let constant)), .field(let reference)):
            let slot = reference.slot
            return { s in
                if case .text(let v)? = s[slot] { return (v == constant) == equal }
                return false
            }
        default:
            return comparison(op, value(lhs, as: text), value(rhs, as: text))
        }
    }

    // MARK: Generic

    /// `lhs op rhs` for any values that can be ordered; false when either is missing.
    private static func comparison<T: Comparable & Sendable>(
        _ op: ComparisonOperator, _ lhs: @escaping @Sendable (Slots) -> T?,
        _ rhs: @escaping @Sendable (Slots) -> T?
    ) -> PredicateCode {
        let test: @Sendable (T, T) -> Bool =
            switch op {
            case .equal: { $0 == $1 }
            case .notEqual: { $0 != $1 }
            case .less: { $0 < $1 }
            case .lessOrEqual: { $0 <= $1 }
            case .greater: { $0 > $1 }
            case .greaterOrEqual: { $0 >= $1 }
            }
        return { s in
            guard let a = lhs(s), let b = rhs(s) else { return false }
            return test(a, b)
        }
    }

    /// `lhs == rhs` (or `!=` when not `equal`); false when either is missing.
    private static func equality<T: Equatable & Sendable>(
        _ equal: Bool, _ lhs: @escaping @Sendable (Slots) -> T?, _ rhs: @escaping @Sendable (Slots) -> T?
    ) -> PredicateCode {
        { s in
            guard let a = lhs(s), let b = rhs(s) else { return false }
            return (a == b) == equal
        }
    }

    /// `x in values` (or `not in`); false when `x` is missing.
    private static func membership<T: Hashable & Sendable>(
        _ subject: @escaping @Sendable (Slots) -> T?, _ values: Set<T>, negated: Bool
    ) -> PredicateCode {
        { s in
            guard let value = subject(s) else { return false }
            return values.contains(value) != negated
        }
    }
}
