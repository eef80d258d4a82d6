/// One token of a condition.
struct ConditionToken: Hashable, Sendable {
    /// What the token is.
    enum Kind: Hashable, Sendable {
        case number(Double)
        case string(String)
        case path(String)
        case and
        case or
        case not
        case `in`
        case `true`
        case `false`
        case leftParenthesis
        case rightParenthesis
        case leftBracket
        case rightBracket
        case comma
        case plus
        case minus
        case star
        case slash
        case equal
        case notEqual
        case less
        case lessOrEqual
        case greater
        case greaterOrEqual
        case end
    }

    /// What the token is.
    var kind: Kind
    /// Where it was written, in Unicode scalar offsets.
    var range: Range<Int>
    /// The text as written.
    var text: String

    /// The comparison operator this token spells, if it spells one.
    var comparison: ComparisonOperator? {
        switch kind {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        default: nil
        }
    }
}
