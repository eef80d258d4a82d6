// Re-reading `|` and `>` block scalars: the header, then each content line after its
// indentation, joined by newlines (`|`) or folded (`>`), then chomped.

extension YAMLValuePositions {
    /// The positions of a block scalar whose header (`|`, `>`) is at `start`.
    ///
    /// The indentation is found as libyaml finds it; with an explicit indentation
    /// indicator, which counts from the unknown indentation of the parent, every
    /// candidate is tried and the one that reproduces the value is kept.
    static func block(
        _ scalar: YAMLScalar, from start: SourceLocation, source: YAMLSourceText, expected: [Unicode.Scalar]
    ) -> YAMLValuePositions? {
        let header = source.line(start.line)
        var column = start.column - 1
        guard column < header.count, header[column] == "|" || header[column] == ">" else { return nil }
        let folded = header[column] == ">"
        column += 1
        var explicitIndentation = false
        while column < header.count, "+-123456789".unicodeScalars.contains(header[column]) {
            if header[column] != "+" && header[column] != "-" { explicitIndentation = true }
            column += 1
        }
        let firstLine = start.line + 1
        let lastLine = scalar.span.end.line
        guard lastLine >= firstLine else { return expected.isEmpty ? YAMLValuePositions(origin: start) : nil }
        let lines = (firstLine...lastLine).map { source.line($0) }
        var candidates = indentationCandidates(lines)
        if explicitIndentation, let most = candidates.last, most > 1 { candidates += 1..<most }
        for indentation in candidates {
            var positions = YAMLValuePositions(
                origin: SourceLocation(line: firstLine, column: indentation + 1))
            read(lines, firstLine: firstLine, indentation: indentation, folded: folded, into: &positions)
            if positions.matches(expected, nextLine: lastLine + 1) { return positions }
        }
        return nil
    }

    /// The indentation of the first content line, and the widest indentation of the
    /// empty lines before it, which libyaml also takes into account.
    private static func indentationCandidates(_ lines: [[Unicode.Scalar]]) -> [Int] {
        var widestEmpty = 0
        for line in lines {
            let spaces = line.prefix { $0 == " " }.count
            if spaces < line.count { return spaces >= widestEmpty ? [spaces] : [spaces, widestEmpty] }
            widestEmpty = max(widestEmpty, spaces)
        }
        return [max(widestEmpty, 1)]
    }

    /// Reads the content `lines` (the first is file line `firstLine`) at `indentation`.
    private static func read(
        _ lines: [[Unicode.Scalar]], firstLine: Int, indentation: Int, folded: Bool,
        into positions: inout YAMLValuePositions
    ) {
        var lineBreak: SourceLocation?  // the break after the previous content line
        var emptyLines: [Int] = []
        var previousStartsBlank = false
        for (offset, text) in lines.enumerated() {
            let number = firstLine + offset
            let spaces = text.prefix { $0 == " " }.count
            if spaces >= text.count && spaces <= indentation {
                emptyLines.append(number)
                continue
            }
            let startsBlank = text.count > indentation && YAMLSourceText.isBlank(text[indentation])
            if let lineBreak {
                if folded && !previousStartsBlank && !startsBlank {
                    if emptyLines.isEmpty {
                        positions.append(" ", from: lineBreak, to: lineBreak.advanced(by: 1))
                    }
                } else {
                    positions.append("\n", from: lineBreak, to: lineBreak.advanced(by: 1))
                }
            }
            for empty in emptyLines { positions.append("\n", line: empty, column: 0) }
            emptyLines = []
            for column in min(indentation, text.count)..<text.count {
                positions.append(text[column], line: number, column: column)
            }
            lineBreak = SourceLocation(line: number, column: text.count + 1)
            previousStartsBlank = startsBlank
        }
        if let lineBreak { positions.append("\n", from: lineBreak, to: lineBreak.advanced(by: 1)) }
    }

    /// True when the re-read value is `expected`, up to the final line break that
    /// chomping (`|-`) removes or the extra ones it keeps (`|+`), which are mapped to
    /// the lines after the last content line.
    private mutating func matches(_ expected: [Unicode.Scalar], nextLine: Int) -> Bool {
        if characters == expected { return true }
        if characters.last == "\n", characters.dropLast().elementsEqual(expected) {
            removeLast()
            return true
        }
        guard expected.count > characters.count, expected.starts(with: characters),
            expected[characters.count...].allSatisfy({ $0 == "\n" })
        else { return false }
        for offset in 0..<(expected.count - characters.count) {
            append("\n", line: nextLine + offset, column: 0)
        }
        return true
    }
}
