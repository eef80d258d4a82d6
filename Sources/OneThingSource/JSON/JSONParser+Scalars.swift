// Strings, numbers and the three words of JSON.

extension JSONParser {
    /// The largest exponent written out (`1e1000` has 1001 digits); beyond it a few
    /// bytes would expand to megabytes.
    static let maxExponent = 1000

    /// Reads a string, a number, `true`, `false` or `null` at the next byte.
    mutating func readScalar() throws(Failure) -> YAMLScalar {
        switch peek {
        case UInt8(ascii: "\""):
            return try readString()
        case let byte? where byte == UInt8(ascii: "-") || Self.isDigit(byte):
            return try readNumber()
        case UInt8(ascii: "'"):
            throw failure(.singleQuote, at: oneCharacter)
        case UInt8(ascii: "/"), UInt8(ascii: "#"):
            throw failure(.comment, at: oneCharacter)
        case UInt8(ascii: "+"), UInt8(ascii: "."):
            throw failure(.numberSign, at: oneCharacter)
        case UInt8(ascii: "~"):
            throw failure(.notAValue("~"), at: oneCharacter)
        default:
            guard let word = readWord() else { throw failure(.expectedValue(found: found), at: oneCharacter) }
            switch word.text {
            case "true", "false", "null": return YAMLScalar(value: word.text, style: .plain, span: word.span)
            default: throw failure(.notAValue(word.text), at: word.span)
            }
        }
    }

    /// Reads a run of ASCII letters, digits and `_` starting with a letter (a JSON
    /// word, or a word that JSON does not have); `nil` when none starts here.
    mutating func readWord() -> (text: String, span: SourceSpan)? {
        func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
        }
        guard let first = peek, isLetter(first) else { return nil }
        let start = location
        let from = index
        while let byte = peek, isLetter(byte) || Self.isDigit(byte) || byte == UInt8(ascii: "_") { advance() }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<index]), as: UTF8.self)
        return (text, span(from: start))
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    // MARK: Strings

    /// Reads a string in double quotes, escapes decoded; the span includes the quotes.
    mutating func readString() throws(Failure) -> YAMLScalar {
        let start = location
        let opening = oneCharacter
        advance()
        var value: [UInt8] = []
        var run = index
        while true {
            guard let byte = peek else { throw failure(.unclosedString, at: opening) }
            switch byte {
            case UInt8(ascii: "\""):
                value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                advance()
                return YAMLScalar(
                    value: String(decoding: value, as: UTF8.self), style: .doubleQuoted,
                    span: span(from: start))
            case UInt8(ascii: "\\"):
                value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                try readEscape(into: &value, opening: opening)
                run = index
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw Failure(
                    diagnostic: .jsonSyntax(
                        here, problem: .lineBreakInString,
                        notes: [
                            DiagnosticNote(
                                span: opening, message: .init(en: "the text starts here", zh: "文字从这里开始"))
                        ]
                    ))
            case 0..<0x20:
                throw failure(.controlCharacter(byte), at: oneCharacter)
            default:
                advance()
            }
        }
    }

    /// Reads one escape after a backslash into `value`.
    private mutating func readEscape(into value: inout [UInt8], opening: SourceSpan) throws(Failure) {
        let start = location
        advance()
        guard let byte = peek else { throw failure(.unclosedString, at: opening) }
        let simple: UInt8? =
            switch byte {
            case UInt8(ascii: "\""): UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): UInt8(ascii: "\\")
            case UInt8(ascii: "/"): UInt8(ascii: "/")
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): UInt8(ascii: "\n")
            case UInt8(ascii: "r"): UInt8(ascii: "\r")
            case UInt8(ascii: "t"): UInt8(ascii: "\t")
            default: nil
            }
        if let simple {
            advance()
            value.append(simple)
            return
        }
        guard byte == UInt8(ascii: "u") else {
            let written = "\\" + (found ?? "")
            let end = location.advanced(by: 1)
            throw failure(.badEscape(written), at: SourceSpan(file: file, start: start, end: end))
        }
        advance()
        let first = try readHex4(escapeStart: start)
        var code = first
        if (0xD800...0xDBFF).contains(first) {
            // A high surrogate needs the low half in the next escape.
            let secondStart = location
            guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
            else { throw failure(.loneSurrogate(Self.hex(first)), at: span(from: start)) }
            advance()
            advance()
            let second = try readHex4(escapeStart: secondStart)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw failure(.loneSurrogate(Self.hex(first)), at: span(from: start))
            }
            code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(first) {
            throw failure(.loneSurrogate(Self.hex(first)), at: span(from: start))
        }
        guard let scalar = Unicode.Scalar(code) else {
            throw failure(.loneSurrogate(Self.hex(first)), at: span(from: start))
        }
        value.append(contentsOf: String(Character(scalar)).utf8)
    }

    /// Reads the four hexadecimal digits of a `\u` escape that started at `escapeStart`.
    private mutating func readHex4(escapeStart: SourceLocation) throws(Failure) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            let digit: UInt32? =
                switch peek {
                case let byte? where Self.isDigit(byte): UInt32(byte - UInt8(ascii: "0"))
                case let byte? where (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20):
                    UInt32((byte | 0x20) - UInt8(ascii: "a") + 10)
                default: nil
                }
            guard let digit else {
                let end = index < bytes.count ? location.advanced(by: 1) : location
                throw failure(.badUnicodeEscape, at: SourceSpan(file: file, start: escapeStart, end: end))
            }
            code = code << 4 | digit
            advance()
        }
        return code
    }

    /// `D83D` for 0xD83D, as a `\u` escape writes it.
    static func hex(_ code: UInt32) -> String {
        let digits = String(code, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: Numbers

    /// Reads a number: `-`, digits without leading zeros, an optional fraction and an
    /// optional exponent. The scalar is the number in decimal notation, its digits as
    /// written (an exponent is written out).
    mutating func readNumber() throws(Failure) -> YAMLScalar {
        let start = location
        let from = index
        let negative = peek == UInt8(ascii: "-")
        if negative { advance() }
        guard let first = peek, Self.isDigit(first) else { throw failure(.digitExpected, at: oneCharacter) }
        let integerStart = index
        advance()
        if first == UInt8(ascii: "0") {
            if let next = peek, Self.isDigit(next) { throw failure(.leadingZero, at: span(from: start)) }
        } else {
            while let byte = peek, Self.isDigit(byte) { advance() }
        }
        let integer = integerStart..<index
        var fraction = index..<index
        if peek == UInt8(ascii: ".") {
            advance()
            let fractionStart = index
            while let byte = peek, Self.isDigit(byte) { advance() }
            guard index > fractionStart else { throw failure(.digitExpected, at: oneCharacter) }
            fraction = fractionStart..<index
        }
        var exponent: Int?
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            advance()
            var sign = 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") {
                if peek == UInt8(ascii: "-") { sign = -1 }
                advance()
            }
            let exponentStart = index
            var magnitude = 0
            while let byte = peek, Self.isDigit(byte) {
                magnitude = min(magnitude * 10 + Int(byte - UInt8(ascii: "0")), Self.maxExponent + 1)
                advance()
            }
            guard index > exponentStart else { throw failure(.digitExpected, at: oneCharacter) }
            exponent = sign * magnitude
        }
        let numberSpan = span(from: start)
        guard let exponent else {
            let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<index]), as: UTF8.self)
            return YAMLScalar(value: written, style: .plain, span: numberSpan)
        }
        guard abs(exponent) <= Self.maxExponent else { throw failure(.exponentTooLarge, at: numberSpan) }
        let decimal = Self.decimal(
            negative: negative, integer: Array(UnsafeBufferPointer(rebasing: bytes[integer])),
            fraction: Array(UnsafeBufferPointer(rebasing: bytes[fraction])), exponent: exponent)
        return YAMLScalar(value: decimal, style: .plain, span: numberSpan)
    }

    /// A number with an exponent in decimal notation, digit for digit: `1.5e1` is
    /// `15`, `1.50e1` is `15.0`, `5e-3` is `0.005`.
    static func decimal(negative: Bool, integer: [UInt8], fraction: [UInt8], exponent: Int) -> String {
        let digits = integer + fraction
        let point = integer.count + exponent
        let zero = UInt8(ascii: "0")
        var whole: [UInt8]
        var rest: [UInt8]
        if point <= 0 {
            whole = [zero]
            rest = [UInt8](repeating: zero, count: -point) + digits
        } else if point >= digits.count {
            whole = digits + [UInt8](repeating: zero, count: point - digits.count)
            rest = []
        } else {
            whole = Array(digits[..<point])
            rest = Array(digits[point...])
        }
        let leadingZeros = whole.prefix { $0 == zero }.count
        whole.removeFirst(min(leadingZeros, whole.count - 1))
        var text = negative ? "-" : ""
        text += String(decoding: whole, as: UTF8.self)
        if !rest.isEmpty { text += "." + String(decoding: rest, as: UTF8.self) }
        return text
    }
}
