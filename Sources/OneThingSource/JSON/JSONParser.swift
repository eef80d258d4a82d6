/// Reads the grammar of RFC 8259 from UTF-8 bytes that are known to be valid text,
/// keeping the line and column of every value as it goes.
///
/// Nesting is kept on an explicit stack, not the call stack, so no input can overflow
/// it whatever ``YAMLLimits/maxDepth`` a caller sets. Columns count Unicode scalars and
/// lines start after `\n`, as ``SourceFile`` counts them.
struct JSONParser {
    /// The text.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The path findings name.
    let file: String
    /// The limits; only the nesting depth applies once the text is in memory.
    let limits: YAMLLimits
    /// The offset of the next byte.
    var index = 0
    /// The 1-based line of the next byte.
    var line = 1
    /// The 1-based column of the next byte, in Unicode scalars.
    var column = 1
    /// Findings that leave the tree usable (duplicate keys).
    var diagnostics: [Diagnostic] = []

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLLimits) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
    }

    /// The first problem found; reading stops there.
    struct Failure: Error {
        /// The finding.
        var diagnostic: Diagnostic
    }

    /// One collection open around the value being read: an object (its entries so far
    /// and the key whose value comes next) or an array (its elements so far).
    ///
    /// Frames stay on the stack while values are added, and are changed in place there,
    /// so that no array of entries is ever shared and copied (a copy per value would
    /// make a long object cost quadratic time).
    struct Frame {
        /// Whether the collection is an object; else an array.
        var isObject: Bool
        /// Where it was opened.
        var start: SourceLocation
        /// The entries of an object.
        var entries: [YAMLEntry] = []
        /// The elements of an array.
        var elements: [YAMLNode] = []
        /// Where each key of an object was first written, for OT102.
        var firstKeys: [String: SourceSpan] = [:]
        /// The key whose value is being read.
        var key = YAMLScalar(value: "", style: .doubleQuoted, span: .wholeFile(""))
        /// Whether that value is kept (false for a repeated key: the first one wins).
        var keepsValue = true
    }

    /// Reads the one value of the text.
    mutating func parseDocument() -> YAMLDocument {
        do {
            let root = try parseValueTree()
            return YAMLDocument(root: root, diagnostics: diagnostics)
        } catch {
            return YAMLDocument(root: nil, diagnostics: diagnostics + [error.diagnostic])
        }
    }

    /// Reads the text's value: containers on the stack, scalars as they come, then
    /// checks that nothing but whitespace follows.
    private mutating func parseValueTree() throws(Failure) -> YAMLNode {
        skipWhitespace()
        guard index < bytes.count else { throw failure(.empty, at: here) }
        var stack: [Frame] = []
        values: while true {
            // A value starts at the next byte.
            var node: YAMLNode
            let start = location
            switch peek {
            case UInt8(ascii: "{"):
                try checkDepth(stack.count)
                advance()
                skipWhitespace()
                if peek == UInt8(ascii: "}") {
                    advance()
                    node = .mapping([], span: span(from: start))
                } else {
                    stack.append(Frame(isObject: true, start: start))
                    try readKey(into: &stack[stack.count - 1])
                    continue values
                }
            case UInt8(ascii: "["):
                try checkDepth(stack.count)
                advance()
                skipWhitespace()
                if peek == UInt8(ascii: "]") {
                    advance()
                    node = .sequence([], span: span(from: start))
                } else {
                    stack.append(Frame(isObject: false, start: start))
                    continue values
                }
            default:
                node = .scalar(try readScalar())
            }
            // Hand the finished value to the collection around it, closing each that ends.
            while !stack.isEmpty {
                let top = stack.count - 1
                skipWhitespace()
                let close = stack[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if stack[top].isObject {
                    if stack[top].keepsValue {
                        stack[top].entries.append(YAMLEntry(key: stack[top].key, value: node))
                    }
                } else {
                    stack[top].elements.append(node)
                }
                if peek == UInt8(ascii: ",") {
                    advance()
                    skipWhitespace()
                    if peek == close {
                        throw failure(
                            .trailingComma(close: Character(Unicode.Scalar(close))), at: oneCharacter)
                    }
                    if stack[top].isObject { try readKey(into: &stack[top]) }
                    continue values
                }
                guard peek == close else {
                    throw failure(
                        .expectedCommaOrClose(close: Character(Unicode.Scalar(close)), found: found),
                        at: oneCharacter,
                        opened: stack[top].start)
                }
                advance()
                let frame = stack.removeLast()
                node =
                    frame.isObject
                    ? .mapping(frame.entries, span: span(from: frame.start))
                    : .sequence(frame.elements, span: span(from: frame.start))
            }
            skipWhitespace()
            guard index == bytes.count else { throw failure(.textAfterValue, at: oneCharacter) }
            return node
        }
    }

    /// Refuses a collection nested deeper than the limit (OT104), as YAML does.
    private func checkDepth(_ open: Int) throws(Failure) {
        guard open < limits.maxDepth else {
            throw Failure(diagnostic: .nestingTooDeep(oneCharacter, limit: limits.maxDepth))
        }
    }

    /// Reads an object's key and its colon, up to the start of the value; a key the
    /// object already has is reported (OT102) and its value will be dropped.
    private mutating func readKey(into object: inout Frame) throws(Failure) {
        guard peek == UInt8(ascii: "\"") else {
            if let word = readWord() { throw failure(.unquotedKey(word.text), at: word.span) }
            throw failure(.expectedKey(found: found), at: oneCharacter, opened: object.start)
        }
        let key = try readString()
        if let first = object.firstKeys[key.value] {
            diagnostics.append(.duplicateKey(key, first: first))
            object.keepsValue = false
        } else {
            object.firstKeys[key.value] = key.span
            object.keepsValue = true
        }
        object.key = key
        skipWhitespace()
        guard peek == UInt8(ascii: ":") else {
            throw failure(.expectedColon(found: found), at: oneCharacter)
        }
        advance()
        skipWhitespace()
    }
}

// MARK: Position

extension JSONParser {
    /// The next byte; `nil` at the end of the text.
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The location of the next byte.
    var location: SourceLocation { SourceLocation(line: line, column: column) }

    /// A zero-width span at the next byte.
    var here: SourceSpan { SourceSpan(file: file, at: location) }

    /// The span of the next character, or a zero-width span at the end of the text.
    var oneCharacter: SourceSpan {
        SourceSpan(
            file: file, start: location, end: index < bytes.count ? location.advanced(by: 1) : location)
    }

    /// The span from `start` up to the next byte.
    func span(from start: SourceLocation) -> SourceSpan {
        SourceSpan(file: file, start: start, end: location)
    }

    /// The next character as text, or `nil` at the end of the text.
    var found: String? {
        guard index < bytes.count else { return nil }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
    }

    /// Steps over one byte, counting lines and columns.
    mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Skips JSON's whitespace: space, tab, line feed and carriage return, nothing else.
    mutating func skipWhitespace() {
        while let byte = peek,
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        {
            advance()
        }
    }

    /// The finding for `problem` at `span`; `opened` notes where the collection that a
    /// problem leaves unclosed was opened. Where JSON's punctuation was expected, a
    /// comment or a single quote is named as what it is.
    func failure(_ problem: JSONProblem, at span: SourceSpan, opened: SourceLocation? = nil) -> Failure {
        switch (problem, peek) {
        case (.expectedKey, UInt8(ascii: "'")):
            return Failure(diagnostic: .jsonSyntax(span, problem: .singleQuote))
        case (.expectedKey, UInt8(ascii: "/")), (.expectedKey, UInt8(ascii: "#")),
            (.expectedColon, UInt8(ascii: "/")), (.expectedColon, UInt8(ascii: "#")),
            (.expectedCommaOrClose, UInt8(ascii: "/")), (.expectedCommaOrClose, UInt8(ascii: "#")),
            (.textAfterValue, UInt8(ascii: "/")), (.textAfterValue, UInt8(ascii: "#")):
            return Failure(diagnostic: .jsonSyntax(span, problem: .comment))
        default:
            break
        }
        let note = opened.map {
            DiagnosticNote(
                span: SourceSpan(file: file, start: $0, end: $0.advanced(by: 1)),
                message: .init(en: "opened here", zh: "从这里开始"))
        }
        return Failure(diagnostic: .jsonSyntax(span, problem: problem, notes: note.map { [$0] } ?? []))
    }
}
