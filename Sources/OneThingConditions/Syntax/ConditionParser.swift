/// The first problem that stops reading a condition; internal to the lexer and parser,
/// which turn it into a returned ``ConditionIssue``.
struct ConditionSyntaxFailure: Error {
    /// The problem.
    var issue: ConditionIssue

    /// A failure with `issue`.
    static func issue(_ issue: ConditionIssue) -> ConditionSyntaxFailure {
        ConditionSyntaxFailure(issue: issue)
    }
}

/// Reads a condition's text into a ``ConditionExpression``.
///
/// A recursive-descent parser over the grammar in `grammar/condition.ebnf`, with the
/// precedence `or` < `and` < `not` < comparison < `+ -` < `* /` < unary minus.
/// Reading stops at the first problem, which is reported as one issue (`OT401`, or
/// `OT407` when a limit is reached): later problems in the same condition would
/// mostly be echoes of the first.
public struct ConditionParser: Sendable {
    /// The limits on length and nesting.
    public var limits: ConditionLimits

    /// Creates a parser.
    public init(limits: ConditionLimits = .default) {
        self.limits = limits
    }

    /// Parses `text`; on a problem returns `nil` and appends one issue to `issues`.
    public func parse(_ text: String, issues: inout [ConditionIssue]) -> ConditionExpression? {
        let scalars = [Unicode.Scalar](scalarsOf: text)
        if scalars.count > limits.maxLength {
            issues.append(.tooLong(length: scalars.count, limit: limits.maxLength))
            return nil
        }
        var lexer = ConditionLexer(scalars: scalars)
        let tokens: [ConditionToken]
        switch lexer.tokenize() {
        case .success(let result): tokens = result
        case .failure(let failure):
            issues.append(failure.issue)
            return nil
        }
        var state = ParserState(tokens: tokens, scalars: scalars, maxDepth: limits.maxDepth)
        do {
            return try state.parseCondition()
        } catch {
            issues.append(error.issue)
            return nil
        }
    }
}

/// The parser's position and nesting depth while it reads one condition.
private struct ParserState {
    let tokens: [ConditionToken]
    let scalars: [Unicode.Scalar]
    let maxDepth: Int
    var index = 0
    var depth = 0

    init(tokens: [ConditionToken], scalars: [Unicode.Scalar], maxDepth: Int) {
        self.tokens = tokens
        self.scalars = scalars
        self.maxDepth = maxDepth
    }

    var current: ConditionToken { tokens[index] }
    var previous: ConditionToken? { index > 0 ? tokens[index - 1] : nil }

    mutating func advance() -> ConditionToken {
        let token = tokens[index]
        if token.kind != .end { index += 1 }
        return token
    }

    func peekKind(_ offset: Int) -> ConditionToken.Kind {
        tokens[min(index + offset, tokens.count - 1)].kind
    }

    /// Enters one level of nesting at `token`, or fails when that is one too many.
    mutating func enter(_ token: ConditionToken) throws(ConditionSyntaxFailure) {
        depth += 1
        if depth > maxDepth { throw .issue(.tooDeep(limit: maxDepth, range: token.range)) }
    }

    func text(_ range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }

    // MARK: condition = or-expression, end

    mutating func parseCondition() throws(ConditionSyntaxFailure) -> ConditionExpression {
        if current.kind == .end { throw .issue(.emptyCondition(at: current.range.lowerBound)) }
        let expression = try parseOr()
        guard current.kind == .end else { throw .issue(trailing(after: expression)) }
        return expression
    }

    /// The problem of a token left over after a complete expression.
    func trailing(after expression: ConditionExpression) -> ConditionIssue {
        let token = current
        switch token.kind {
        case .rightParenthesis:
            return .unmatchedClosing(range: token.range)
        case .not:
            return .misplacedNot(range: token.range)
        case .leftParenthesis, .number, .string, .path, .true, .false:
            return .missingOperator(before: token.text, range: token.range)
        default:
            return .unexpectedToken(token.text, range: token.range)
        }
    }

    // MARK: or-expression = and-expression, { "or", and-expression }

    mutating func parseOr() throws(ConditionSyntaxFailure) -> ConditionExpression {
        let first = try parseAnd()
        guard current.kind == .or else { return first }
        var operands = [first]
        var end = first.range.upperBound
        while current.kind == .or {
            let op = advance()
            let operand = try parseAnd(after: op)
            operands.append(operand)
            end = operand.range.upperBound
        }
        return ConditionExpression(.or(operands), range: first.range.lowerBound..<end)
    }

    // MARK: and-expression = not-expression, { "and", not-expression }

    mutating func parseAnd(after op: ConditionToken? = nil) throws(ConditionSyntaxFailure)
        -> ConditionExpression
    {
        let first = try parseNot(after: op)
        guard current.kind == .and else { return first }
        var operands = [first]
        var end = first.range.upperBound
        while current.kind == .and {
            let op = advance()
            let operand = try parseNot(after: op)
            operands.append(operand)
            end = operand.range.upperBound
        }
        return ConditionExpression(.and(operands), range: first.range.lowerBound..<end)
    }

    // MARK: not-expression = "not", not-expression | comparison

    mutating func parseNot(after op: ConditionToken?) throws(ConditionSyntaxFailure) -> ConditionExpression {
        guard current.kind == .not else { return try parseComparison(after: op) }
        let token = advance()
        try enter(token)
        let operand = try parseNot(after: token)
        depth -= 1
        return ConditionExpression(.not(operand), range: token.range.lowerBound..<operand.range.upperBound)
    }

    // MARK: comparison = additive, [ comparison-operator, additive | [ "not" ], "in", ( list | field-path ) ]

    mutating func parseComparison(after op: ConditionToken?) throws(ConditionSyntaxFailure)
        -> ConditionExpression
    {
        let lhs = try parseAdditive(after: op)
        var result = lhs
        if let comparison = current.comparison {
            let token = advance()
            let rhs = try parseAdditive(after: token)
            result = ConditionExpression(
                .comparison(comparison, lhs, rhs), range: lhs.range.lowerBound..<rhs.range.upperBound)
        } else if current.kind == .in {
            let token = advance()
            result = try parseMembership(lhs, after: token, negated: false)
        } else if current.kind == .not, peekKind(1) == .in {
            _ = advance()
            let token = advance()
            result = try parseMembership(lhs, after: token, negated: true)
        }
        if current.comparison != nil || current.kind == .in {
            throw .issue(.chainedComparison(range: current.range, first: text(result.range)))
        }
        return result
    }

    /// What follows `in`: a list (`x in [a, b]`), or a multi-choice field
    /// (`"a" in field`).
    mutating func parseMembership(_ lhs: ConditionExpression, after token: ConditionToken, negated: Bool)
        throws(ConditionSyntaxFailure) -> ConditionExpression
    {
        if case .path(let path) = current.kind {
            let field = advance()
            return ConditionExpression(
                .chosen(lhs, in: ConditionExpression(.field(path), range: field.range), negated: negated),
                range: lhs.range.lowerBound..<field.range.upperBound)
        }
        let (values, end) = try parseList(after: token)
        return ConditionExpression(
            .membership(lhs, values, negated: negated), range: lhs.range.lowerBound..<end)
    }

    // MARK: list = "[", [ list-value, { ",", list-value }, [ "," ] ], "]"

    mutating func parseList(after op: ConditionToken) throws(ConditionSyntaxFailure) -> (
        [ConditionExpression], Int
    ) {
        guard current.kind == .leftBracket else {
            throw .issue(.missingList(after: op.text, found: current, at: current.range))
        }
        let open = advance()
        var values: [ConditionExpression] = []
        while current.kind != .rightBracket {
            values.append(try parseListValue(open: open))
            if current.kind == .comma {
                _ = advance()
            } else if current.kind != .rightBracket {
                if current.kind == .end { throw .issue(.unclosedList(open: open.range, at: current.range)) }
                throw .issue(.missingComma(found: current.text, range: current.range))
            }
        }
        let close = advance()
        return (values, close.range.upperBound)
    }

    /// list-value = [ "-" ], number | string | "true" | "false"
    mutating func parseListValue(open: ConditionToken) throws(ConditionSyntaxFailure) -> ConditionExpression {
        let token = advance()
        switch token.kind {
        case .number(let value): return ConditionExpression(.literal(.number(value)), range: token.range)
        case .string(let value): return ConditionExpression(.literal(.string(value)), range: token.range)
        case .true: return ConditionExpression(.literal(.bool(true)), range: token.range)
        case .false: return ConditionExpression(.literal(.bool(false)), range: token.range)
        case .minus:
            if case .number(let value) = current.kind {
                let number = advance()
                return ConditionExpression(
                    .literal(.number(-value)), range: token.range.lowerBound..<number.range.upperBound)
            }
            throw .issue(.notAListValue(current.text, range: current.range))
        case .end:
            throw .issue(.unclosedList(open: open.range, at: token.range))
        case .path:
            var end = token.range.upperBound
            while isWordPart(current.kind) { end = advance().range.upperBound }
            throw .issue(
                .bareWordInList(text(token.range.lowerBound..<end), range: token.range.lowerBound..<end))
        default:
            throw .issue(.notAListValue(token.text, range: token.range))
        }
    }

    /// Whether a token may continue a bare word such as `outside-hospital`.
    func isWordPart(_ kind: ConditionToken.Kind) -> Bool {
        switch kind {
        case .minus, .path, .number: true
        default: false
        }
    }

    // MARK: additive = multiplicative, { ( "+" | "-" ), multiplicative }

    mutating func parseAdditive(after op: ConditionToken?) throws(ConditionSyntaxFailure)
        -> ConditionExpression
    {
        let first = try parseMultiplicative(after: op)
        var terms: [ArithmeticTerm] = []
        while current.kind == .plus || current.kind == .minus {
            let token = advance()
            let operand = try parseMultiplicative(after: token)
            terms.append(ArithmeticTerm(op: token.kind == .plus ? .add : .subtract, operand: operand))
        }
        guard let last = terms.last else { return first }
        return ConditionExpression(
            .arithmetic(first, terms), range: first.range.lowerBound..<last.operand.range.upperBound)
    }

    // MARK: multiplicative = unary, { ( "*" | "/" ), unary }

    mutating func parseMultiplicative(after op: ConditionToken?) throws(ConditionSyntaxFailure)
        -> ConditionExpression
    {
        let first = try parseUnary(after: op)
        var terms: [ArithmeticTerm] = []
        while current.kind == .star || current.kind == .slash {
            let token = advance()
            let operand = try parseUnary(after: token)
            terms.append(ArithmeticTerm(op: token.kind == .star ? .multiply : .divide, operand: operand))
        }
        guard let last = terms.last else { return first }
        return ConditionExpression(
            .arithmetic(first, terms), range: first.range.lowerBound..<last.operand.range.upperBound)
    }

    // MARK: unary = "-", unary | primary

    mutating func parseUnary(after op: ConditionToken?) throws(ConditionSyntaxFailure) -> ConditionExpression
    {
        guard current.kind == .minus else { return try parsePrimary(after: op) }
        let token = advance()
        try enter(token)
        let operand = try parseUnary(after: token)
        depth -= 1
        let range = token.range.lowerBound..<operand.range.upperBound
        if case .literal(.number(let value)) = operand.kind {
            return ConditionExpression(.literal(.number(-value)), range: range)
        }
        return ConditionExpression(.negate(operand), range: range)
    }

    // MARK: primary = number | string | "true" | "false" | path | "(", or-expression, ")"

    mutating func parsePrimary(after op: ConditionToken?) throws(ConditionSyntaxFailure)
        -> ConditionExpression
    {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            return ConditionExpression(.literal(.number(value)), range: token.range)
        case .string(let value):
            _ = advance()
            return ConditionExpression(.literal(.string(value)), range: token.range)
        case .true, .false:
            _ = advance()
            return ConditionExpression(.literal(.bool(token.kind == .true)), range: token.range)
        case .path(let path):
            _ = advance()
            return ConditionExpression(.field(path), range: token.range)
        case .leftParenthesis:
            _ = advance()
            try enter(token)
            if current.kind == .rightParenthesis { throw .issue(.emptyParentheses(range: current.range)) }
            let inner = try parseOr()
            guard current.kind == .rightParenthesis else {
                if current.kind == .end {
                    throw .issue(
                        .unclosedParenthesis(open: token.range, inside: text(inner.range), at: current.range))
                }
                throw .issue(trailingInParentheses(open: token.range))
            }
            _ = advance()
            depth -= 1
            return inner
        default:
            throw .issue(.missingOperand(after: op?.text, found: token, range: token.range))
        }
    }

    /// The problem of a token where `)` should have closed a bracket.
    func trailingInParentheses(open: Range<Int>) -> ConditionIssue {
        let token = current
        switch token.kind {
        case .not: return .misplacedNot(range: token.range)
        case .leftParenthesis, .number, .string, .path, .true, .false:
            return .missingOperator(before: token.text, range: token.range)
        default:
            return .unexpectedToken(token.text, range: token.range)
        }
    }
}
