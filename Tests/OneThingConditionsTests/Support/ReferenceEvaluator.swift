import OneThingModel

@testable import OneThingConditions

/// The semantics of conditions written out as a plain walk over the checked tree, to
/// check the compiled programs against: an absent answer, or one of another type than
/// its field's, makes a comparison false; division by zero gives no value.
enum ReferenceEvaluator {
    static func holds(_ e: CheckedExpression, _ answers: ConditionAnswers) -> Bool {
        switch e.kind {
        case .constant(let value): return value
        case .field(let reference): return answers[reference.id] == .bool(true)
        case .not(let operand): return !holds(operand, answers)
        case .and(let operands): return operands.allSatisfy { holds($0, answers) }
        case .or(let operands): return operands.contains { holds($0, answers) }
        case .comparison(let op, let lhs, let rhs):
            guard let a = value(lhs, answers), let b = value(rhs, answers) else { return false }
            return compare(op, a, b)
        case .membership(let subject, let values, let negated):
            guard let v = value(subject, answers) else { return false }
            let listed = values.filter { sameType($0, v) }
            return listed.contains { compare(.equal, $0, v) } != negated
        case .chosen(let reference, let value, _, let negated):
            guard case .choices(let ids)? = answers[reference.id] else { return false }
            return ids.contains(value) != negated
        }
    }

    static func value(_ o: CheckedOperand, _ answers: ConditionAnswers) -> ConditionValue? {
        switch o.kind {
        case .constant(let value): return sameType(value, as: o.type) ? value : nil
        case .field(let reference):
            guard let value = answers[reference.id], sameType(value, as: o.type) else { return nil }
            return value
        case .negate(let inner):
            guard case .number(let n)? = value(inner, answers) else { return nil }
            return .number(-n)
        case .arithmetic(let first, let terms):
            guard case .number(var result)? = value(first, answers) else { return nil }
            for term in terms {
                guard case .number(let n)? = value(term.operand, answers) else { return nil }
                switch term.op {
                case .add: result += n
                case .subtract: result -= n
                case .multiply: result *= n
                case .divide:
                    if n == 0 { return nil }
                    result /= n
                }
            }
            return .number(result)
        case .condition(let expression): return .bool(holds(expression, answers))
        }
    }

    static func sameType(_ value: ConditionValue, as type: ConditionType) -> Bool {
        switch (type, value) {
        case (.bool, .bool), (.number, .number), (.date, .date), (.text, .text), (.enumeration, .text): true
        default: false
        }
    }

    static func sameType(_ a: ConditionValue, _ b: ConditionValue) -> Bool {
        switch (a, b) {
        case (.bool, .bool), (.number, .number), (.date, .date), (.text, .text): true
        default: false
        }
    }

    static func compare(_ op: ComparisonOperator, _ a: ConditionValue, _ b: ConditionValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return order(op, x, y)
        case (.date(let x), .date(let y)): return order(op, x, y)
        case (.text(let x), .text(let y)): return (x == y) == (op == .equal)
        case (.bool(let x), .bool(let y)): return (x == y) == (op == .equal)
        default: return false
        }
    }

    static func order<T: Comparable>(_ op: ComparisonOperator, _ x: T, _ y: T) -> Bool {
        switch op {
        case .equal: x == y
        case .notEqual: x != y
        case .less: x < y
        case .lessOrEqual: x <= y
        case .greater: x > y
        case .greaterOrEqual: x >= y
        }
    }
}
