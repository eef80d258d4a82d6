/// Where each Unicode scalar of a scalar's value was written in the file.
///
/// Built by re-reading the scalar's source the way libyaml does (escapes, quotes,
/// indentation, line folding) and accepted only when what it reads equals the value
/// libyaml delivered, so a mapping it returns is exact.
struct YAMLValuePositions {
    /// The value as re-read from the source.
    private(set) var characters: [Unicode.Scalar] = []
    /// Where each character of ``characters`` starts.
    private(set) var starts: [SourceLocation] = []
    /// Where each character of ``characters`` ends (exclusive).
    private(set) var ends: [SourceLocation] = []
    /// Where the value starts, for an empty value or range.
    let origin: SourceLocation

    /// Creates an empty mapping whose value starts at `origin`.
    init(origin: SourceLocation) {
        self.origin = origin
    }

    /// Adds a character written from `start` up to `end`.
    mutating func append(_ character: Unicode.Scalar, from start: SourceLocation, to end: SourceLocation) {
        characters.append(character)
        starts.append(start)
        ends.append(end)
    }

    /// Removes the last character.
    mutating func removeLast() {
        characters.removeLast()
        starts.removeLast()
        ends.removeLast()
    }

    /// Adds a character written on `line` from 0-based `column` for `width` columns.
    mutating func append(_ character: Unicode.Scalar, line: Int, column: Int, width: Int = 1) {
        let start = SourceLocation(line: line, column: column + 1)
        append(character, from: start, to: start.advanced(by: width))
    }

    /// The span of characters `range`, or `nil` when the range lies outside the value.
    func span(of range: Range<Int>, file: String) -> SourceSpan? {
        guard range.lowerBound >= 0, range.upperBound <= characters.count else { return nil }
        if range.isEmpty {
            let at =
                range.lowerBound < starts.count
                ? starts[range.lowerBound] : (ends.last ?? origin)
            return SourceSpan(file: file, at: at)
        }
        return SourceSpan(file: file, start: starts[range.lowerBound], end: ends[range.upperBound - 1])
    }

    /// The positions of `scalar`'s value, or `nil` when its source cannot be re-read
    /// into exactly that value.
    static func of(_ scalar: YAMLScalar, in file: SourceFile) -> YAMLValuePositions? {
        let source = YAMLSourceText(file: file)
        guard let start = source.contentStart(from: scalar.span.start, lastLine: scalar.span.end.line)
        else { return scalar.value.isEmpty ? YAMLValuePositions(origin: scalar.span.start) : nil }
        let expected = Array(scalar.value.unicodeScalars)
        switch scalar.style {
        case .plain, .singleQuoted, .doubleQuoted:
            guard let positions = flow(scalar, from: start, source: source), positions.characters == expected
            else { return nil }
            return positions
        case .literal, .folded:
            return block(scalar, from: start, source: source, expected: expected)
        }
    }
}

/// The lines of a file as Unicode scalars, for re-reading a scalar's source.
struct YAMLSourceText {
    /// The file.
    let file: SourceFile

    /// The scalars of 1-based line `number`, without its line break.
    func line(_ number: Int) -> [Unicode.Scalar] {
        Array(file.line(number).unicodeScalars)
    }

    /// Where a node's content starts: after its anchor (`&a`) and tag (`!!str`), if any.
    func contentStart(from start: SourceLocation, lastLine: Int) -> SourceLocation? {
        var number = start.line
        var text = line(number)
        var column = start.column - 1
        while true {
            while column < text.count, Self.isBlank(text[column]) { column += 1 }
            if column >= text.count || (text[column] == "#" && column > start.column - 1) {
                number += 1
                guard number <= lastLine else { return nil }
                text = line(number)
                column = 0
                continue
            }
            guard text[column] == "&" || text[column] == "!" else {
                return SourceLocation(line: number, column: column + 1)
            }
            while column < text.count, !Self.isBlank(text[column]) { column += 1 }
        }
    }

    /// A space or a tab.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
    }
}
