// Re-reading plain and quoted scalars: escapes and `''` inside a line, then YAML's
// line folding between lines (one line break is a space, n + 1 breaks are n newlines,
// blanks around breaks are dropped, a backslash before a break joins the lines).

extension YAMLValuePositions {
    /// One character of a line of a flow scalar, with the columns it was written in.
    private struct Piece {
        var character: Unicode.Scalar
        var column: Int
        var width: Int
        /// An unescaped space or tab, which folding may drop.
        var isBlank: Bool
    }

    /// One source line of a flow scalar.
    private struct Line {
        var number: Int
        var pieces: [Piece]
        /// Where the scalar's text on this line starts (0-based).
        var from: Int
        /// True when the line ends with a backslash that escapes its line break.
        var escapedBreak: Bool
    }

    /// The positions of a plain, single-quoted or double-quoted scalar starting at `start`.
    static func flow(_ scalar: YAMLScalar, from start: SourceLocation, source: YAMLSourceText)
        -> YAMLValuePositions?
    {
        let quote: Unicode.Scalar? =
            switch scalar.style {
            case .singleQuoted: "'"
            case .doubleQuoted: "\""
            default: nil
            }
        let end = scalar.span.end
        guard end.line >= start.line else { return nil }
        var lines: [Line] = []
        for number in start.line...end.line {
            let text = source.line(number)
            var from = number == start.line ? start.column - 1 : 0
            var to = number == end.line ? min(end.column - 1, text.count) : text.count
            if let quote {
                if number == start.line {
                    guard from < text.count, text[from] == quote else { return nil }
                    from += 1
                }
                if number == end.line {
                    guard to > from, text[to - 1] == quote else { return nil }
                    to -= 1
                }
            }
            guard from <= to else { return nil }
            guard let line = split(text, number: number, from: from, to: to, quote: quote) else { return nil }
            lines.append(line)
        }
        return fold(lines, origin: SourceLocation(line: start.line, column: lines[0].from + 1))
    }

    /// The pieces of `text[from..<to]`, with escapes (double quotes) and `''` (single quotes) read.
    private static func split(
        _ text: [Unicode.Scalar], number: Int, from: Int, to: Int, quote: Unicode.Scalar?
    )
        -> Line?
    {
        var line = Line(number: number, pieces: [], from: from, escapedBreak: false)
        var column = from
        while column < to {
            let character = text[column]
            if quote == "'", character == "'" {
                guard column + 1 < to, text[column + 1] == "'" else { return nil }
                line.pieces.append(Piece(character: "'", column: column, width: 2, isBlank: false))
                column += 2
            } else if quote == "\"", character == "\\" {
                guard column + 1 < to else {
                    line.escapedBreak = true
                    column += 1
                    continue
                }
                guard let (decoded, width) = escape(text, at: column, to: to) else { return nil }
                line.pieces.append(Piece(character: decoded, column: column, width: width, isBlank: false))
                column += width
            } else {
                line.pieces.append(
                    Piece(
                        character: character, column: column, width: 1,
                        isBlank: YAMLSourceText.isBlank(character)))
                column += 1
            }
        }
        return line
    }

    /// The character that the escape at `text[column]` (a backslash) stands for, and its width.
    private static func escape(_ text: [Unicode.Scalar], at column: Int, to: Int) -> (Unicode.Scalar, Int)? {
        let simple: [Unicode.Scalar: UInt32] = [
            "0": 0, "a": 7, "b": 8, "t": 9, "\t": 9, "n": 10, "v": 11, "f": 12, "r": 13, "e": 0x1B,
            " ": 0x20, "\"": 0x22, "/": 0x2F, "'": 0x27, "\\": 0x5C, "N": 0x85, "_": 0xA0,
            "L": 0x2028, "P": 0x2029,
        ]
        let letter = text[column + 1]
        if let code = simple[letter] { return Unicode.Scalar(code).map { ($0, 2) } }
        let digits: Int
        switch letter {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default: return nil
        }
        guard column + 2 + digits <= to else { return nil }
        var code: UInt32 = 0
        for hex in text[(column + 2)..<(column + 2 + digits)] {
            guard let digit = Int(String(hex), radix: 16) else { return nil }
            code = code * 16 + UInt32(digit)
        }
        return Unicode.Scalar(code).map { ($0, 2 + digits) }
    }

    /// Joins the lines of a flow scalar as YAML folds them.
    private static func fold(_ lines: [Line], origin: SourceLocation) -> YAMLValuePositions {
        var positions = YAMLValuePositions(origin: origin)
        var emptyLines: [Int] = []
        var previous: (end: SourceLocation, escapedBreak: Bool)?
        for (index, line) in lines.enumerated() {
            let isFirst = index == 0
            let isLast = index == lines.count - 1
            var pieces = line.pieces[...]
            if !isFirst { pieces = pieces.drop { $0.isBlank } }
            if !isLast && !line.escapedBreak {
                while let last = pieces.last, last.isBlank { pieces.removeLast() }
            }
            if !isFirst && !isLast && pieces.isEmpty && !line.escapedBreak {
                emptyLines.append(line.number)
                continue
            }
            if let previous {
                if emptyLines.isEmpty {
                    if !previous.escapedBreak {
                        positions.append(" ", from: previous.end, to: previous.end.advanced(by: 1))
                    }
                } else {
                    for number in emptyLines { positions.append("\n", line: number, column: 0) }
                }
            }
            emptyLines = []
            for piece in pieces {
                positions.append(piece.character, line: line.number, column: piece.column, width: piece.width)
            }
            let endColumn = pieces.last.map { $0.column + $0.width } ?? line.from
            previous = (SourceLocation(line: line.number, column: endColumn + 1), line.escapedBreak)
        }
        return positions
    }
}
