import OneThingModel

/// Splits a condition's text into tokens.
///
/// Works on Unicode scalars, so every offset it reports is the column offset a
/// ``SourceLocation`` counts. It stops at the first character it cannot read.
struct ConditionLexer {
    /// A token, or the problem that stops reading.
    typealias TokenResult = Result<ConditionToken, ConditionSyntaxFailure>

    /// The words that are operators, each with the token it stands for. Only a whole
    /// word without dots is a keyword: `venue.in` is a field path.
    static let keywords: [String: ConditionToken.Kind] = [
        "and": .and, "or": .or, "not": .not, "in": .in, "true": .true, "false": .false,
        "且": .and, "或": .or, "非": .not,
    ]

    /// Characters that people type by mistake (full-width punctuation from a Chinese
    /// input method, mathematical signs), with what to write instead.
    static let lookAlikes: [Unicode.Scalar: String] = [
        "（": "(", "）": ")", "［": "[", "］": "]", "【": "[", "】": "]", "，": ",", "、": ",",
        "＝": "==", "≠": "!=", "≥": ">=", "≤": "<=", "＜": "<", "＞": ">", "！": "!",
        "＋": "+", "－": "-", "—": "-", "×": "*", "＊": "*", "÷": "/", "／": "/",
        "＆": "&&", "｜": "||", "＂": "\"", "＇": "'", "”": "“", "’": "‘", "．": ".", "。": ".",
    ]

    /// The quotes a text literal may open with, each with the quote that closes it.
    static let quotes: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "'": "'", "“": "”", "‘": "’"]

    private let scalars: [Unicode.Scalar]
    private var position = 0

    /// Creates a lexer over the characters of a condition.
    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// All tokens, ending with `.end`, or the first problem.
    mutating func tokenize() -> Result<[ConditionToken], ConditionSyntaxFailure> {
        var tokens: [ConditionToken] = []
        while true {
            switch next() {
            case .success(let token):
                tokens.append(token)
                if token.kind == .end { return .success(tokens) }
            case .failure(let failure):
                return .failure(failure)
            }
        }
    }

    // MARK: Character classes

    /// Whether `s` may start an identifier: a letter (Unicode categories Lu, Ll, Lt,
    /// Lm, Lo, so CJK numerals such as `一` count as letters) or `_`.
    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isASCIILetter(s) || s == "_" }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return false
        }
    }

    /// Whether `s` may continue an identifier: a letter, a combining mark, a number or `_`.
    static func isIdentifierContinue(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isASCIILetter(s) || isDigit(s) || s == "_" }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }

    /// `A`–`Z` and `a`–`z`: the ASCII letters (ASCII has no other letters, marks or
    /// numbers than these and the digits).
    private static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z")
    }

    /// Whether `s` is white space (Unicode `White_Space`; in ASCII, tab to carriage
    /// return and the space).
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s == " " || (s.value >= 0x09 && s.value <= 0x0D) }
        return s.properties.isWhitespace
    }

    // MARK: Tokens

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let index = position + offset
        return index < scalars.count ? scalars[index] : nil
    }

    private func text(_ range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }

    private mutating func token(_ kind: ConditionToken.Kind, length: Int) -> ConditionToken {
        let range = position..<(position + length)
        position += length
        return ConditionToken(kind: kind, range: range, text: text(range))
    }

    private mutating func next() -> TokenResult {
        while let s = peek(), Self.isWhitespace(s) { position += 1 }
        guard let s = peek() else {
            return .success(ConditionToken(kind: .end, range: position..<position, text: ""))
        }
        let start = position
        switch s {
        case "(": return .success(token(.leftParenthesis, length: 1))
        case ")": return .success(token(.rightParenthesis, length: 1))
        case "[": return .success(token(.leftBracket, length: 1))
        case "]": return .success(token(.rightBracket, length: 1))
        case ",": return .success(token(.comma, length: 1))
        case "+": return .success(token(.plus, length: 1))
        case "-": return .success(token(.minus, length: 1))
        case "*": return .success(token(.star, length: 1))
        case "/": return .success(token(.slash, length: 1))
        case "=":
            switch peek(1) {
            case "=": return .success(token(.equal, length: 2))
            case ">": return .failure(.issue(.misspeltOperator("=>", use: ">=", range: start..<start + 2)))
            case "<": return .failure(.issue(.misspeltOperator("=<", use: "<=", range: start..<start + 2)))
            default: return .failure(.issue(.singleEquals(range: start..<start + 1)))
            }
        case "!":
            return .success(peek(1) == "=" ? token(.notEqual, length: 2) : token(.not, length: 1))
        case "<":
            switch peek(1) {
            case "=": return .success(token(.lessOrEqual, length: 2))
            case ">": return .failure(.issue(.misspeltOperator("<>", use: "!=", range: start..<start + 2)))
            default: return .success(token(.less, length: 1))
            }
        case ">":
            return .success(peek(1) == "=" ? token(.greaterOrEqual, length: 2) : token(.greater, length: 1))
        case "&":
            if peek(1) == "&" { return .success(token(.and, length: 2)) }
            return .failure(.issue(.misspeltOperator("&", use: "and", range: start..<start + 1)))
        case "|":
            if peek(1) == "|" { return .success(token(.or, length: 2)) }
            return .failure(.issue(.misspeltOperator("|", use: "or", range: start..<start + 1)))
        default:
            break
        }
        if s == "\"" || s == "'" || s == "“" || s == "‘", let close = Self.quotes[s] {
            return string(closingWith: close)
        }
        if Self.isDigit(s) { return number() }
        if Self.isIdentifierStart(s) { return path() }
        return .failure(.issue(.unexpectedCharacter(s, lookAlike: Self.lookAlikes[s], at: start)))
    }

    private mutating func string(closingWith close: Unicode.Scalar) -> TokenResult {
        let start = position
        var end = position + 1
        while end < scalars.count, scalars[end] != close { end += 1 }
        guard end < scalars.count else {
            return .failure(.issue(.unterminatedString(opening: scalars[start], closing: close, at: start)))
        }
        position = end + 1
        return .success(
            ConditionToken(
                kind: .string(text(start + 1..<end)), range: start..<position, text: text(start..<position)))
    }

    private mutating func number() -> TokenResult {
        let start = position
        while let s = peek(), Self.isDigit(s) { position += 1 }
        if peek() == "." {
            guard let digit = peek(1), Self.isDigit(digit) else {
                return .failure(.issue(.numberEndsWithPoint(range: start..<position + 1)))
            }
            position += 1
            while let s = peek(), Self.isDigit(s) { position += 1 }
        }
        if let s = peek(), Self.isIdentifierContinue(s) || s == "." {
            var end = position
            while end < scalars.count, Self.isIdentifierContinue(scalars[end]) || scalars[end] == "." {
                end += 1
            }
            return .failure(.issue(.numberFollowedByLetters(text(start..<end), range: start..<end)))
        }
        let written = text(start..<position)
        guard let value = Double(written), value.isFinite else {
            return .failure(.issue(.numberTooLarge(written, range: start..<position)))
        }
        return .success(ConditionToken(kind: .number(value), range: start..<position, text: written))
    }

    private mutating func path() -> TokenResult {
        let start = position
        var segments = 0
        while true {
            position += 1
            while let s = peek(), Self.isIdentifierContinue(s) { position += 1 }
            segments += 1
            if segments == 2, text(start..<position).hasPrefix(CaseResult.prefix) {
                // `result.<output-id>`: an output's id may hold `-` between its characters.
                while peek() == "-", let next = peek(1), Self.isIdentifierContinue(next) {
                    position += 1
                    while let s = peek(), Self.isIdentifierContinue(s) { position += 1 }
                }
                break
            }
            guard peek() == "." else { break }
            guard let next = peek(1), Self.isIdentifierStart(next) else {
                return .failure(.issue(.badPathSegment(after: text(start..<position), at: position)))
            }
            position += 1
        }
        let written = text(start..<position)
        if segments == 1 {
            if let keyword = Self.keywords[written] {
                return .success(ConditionToken(kind: keyword, range: start..<position, text: written))
            }
            let lower = written.lowercased()
            if Self.keywords[lower] != nil {
                return .failure(.issue(.capitalisedKeyword(written, range: start..<position)))
            }
        }
        return .success(ConditionToken(kind: .path(written), range: start..<position, text: written))
    }
}
