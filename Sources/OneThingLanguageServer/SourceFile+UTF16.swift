import OneThing

/// A position as the Language Server Protocol counts it: a 0-based line and a 0-based
/// character offset in UTF-16 code units (a Chinese character is one, an astral
/// character such as an emoji two).
public struct LSPPosition: Hashable, Sendable, Comparable {
    /// The 0-based line.
    public var line: Int
    /// The 0-based offset in UTF-16 code units.
    public var character: Int

    /// Creates a position.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// Reads `{"line": …, "character": …}`; `nil` when either is missing or negative.
    init?(_ json: JSONValue?) {
        guard let line = json?["line"]?.integer, let character = json?["character"]?.integer,
            line >= 0, character >= 0
        else { return nil }
        self.init(line: line, character: character)
    }

    /// The position as JSON.
    var json: JSONValue { ["line": .integer(line), "character": .integer(character)] }

    public static func < (lhs: LSPPosition, rhs: LSPPosition) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}

extension SourceFile {
    /// The LSP position of `location` (1-based line, column in Unicode scalars): the
    /// scalars before the column are counted again in UTF-16 code units. A column past
    /// the end of its line is the end of the line.
    public func lspPosition(of location: SourceLocation) -> LSPPosition {
        let number = min(max(1, location.line), lineCount)
        var units = 0
        var column = 1
        for scalar in line(number).unicodeScalars {
            if column >= location.column { break }
            units += scalar.utf16.count
            column += 1
        }
        return LSPPosition(line: number - 1, character: units)
    }

    /// The location (1-based line, column in Unicode scalars) of an LSP position; an
    /// offset inside a surrogate pair, or past the end of the line, is the next
    /// scalar's column or the end of the line.
    public func location(of position: LSPPosition) -> SourceLocation {
        let number = min(position.line + 1, max(1, lineCount))
        var units = 0
        var column = 1
        for scalar in line(number).unicodeScalars {
            if units >= position.character { break }
            units += scalar.utf16.count
            column += 1
        }
        return SourceLocation(line: number, column: column)
    }

    /// The LSP range of `span`, as JSON.
    func lspRange(of span: SourceSpan) -> JSONValue {
        ["start": lspPosition(of: span.start).json, "end": lspPosition(of: span.end).json]
    }

    /// The word under `location`: a run of letters, digits, `-`, `_` and `.` (ids, keys,
    /// codes, Chinese names), with its span; `nil` when the location is not on one.
    func word(at location: SourceLocation) -> Located<String>? {
        let scalars = Array(line(location.line).unicodeScalars)
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
                || scalar == "."
        }
        var from = min(max(0, location.column - 1), scalars.count)
        var to = from
        while from > 0, isWordScalar(scalars[from - 1]) { from -= 1 }
        while to < scalars.count, isWordScalar(scalars[to]) { to += 1 }
        guard from < to else { return nil }
        let word = String(String.UnicodeScalarView(scalars[from..<to]))
        // A trailing dot ends a sentence, not an id.
        let trimmed = word.hasSuffix(".") ? String(word.dropLast()) : word
        guard !trimmed.isEmpty else { return nil }
        return Located(
            trimmed,
            at: SourceSpan(
                file: path, start: SourceLocation(line: location.line, column: from + 1),
                end: SourceLocation(line: location.line, column: from + 1 + trimmed.unicodeScalars.count)))
    }
}
