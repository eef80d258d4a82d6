/// One line of a source file as the text renderer quotes it, with the terminal
/// column at which each of its characters starts.
///
/// A tab is shown as ``tabWidth`` spaces wherever it stands, and a control character
/// as its visible picture (`␀`, `␛`), so that the quoted line and the underline under it
/// always agree, whatever the terminal's tab stops.
struct QuotedSourceLine {
    /// The number of spaces that stand for a tab.
    static let tabWidth = 4

    /// The line as it is shown.
    let shown: String
    /// `startColumns[i]` is the terminal column (0-based) at which scalar `i` starts;
    /// the last element is the width of the whole line.
    private let startColumns: [Int]

    /// Prepares `line` (without its line break) for quoting.
    init(_ line: Substring) {
        // Scalars are appended one by one to a `String`: `append(contentsOf:)` on a
        // `String.UnicodeScalarView` copies the whole view each time, which made quoting
        // a long line quadratic (49 s for one finding on a 2 MB line).
        var shown = ""
        shown.reserveCapacity(line.utf8.count)
        var startColumns = [0]
        startColumns.reserveCapacity(line.utf8.count + 1)
        var column = 0
        for scalar in line.unicodeScalars {
            for shownScalar in Self.shown(scalar) { shown.unicodeScalars.append(shownScalar) }
            column += TerminalWidth.of(scalar)
            startColumns.append(column)
        }
        self.shown = shown
        self.startColumns = startColumns
    }

    /// The underline for 1-based columns `start` up to, not including, `end`: how many
    /// terminal columns to skip and how many to mark (at least one, for a caret).
    ///
    /// Columns beyond the line are taken as its end, so a span that reaches past the
    /// line, or starts at its end, still gets a caret where the line stops.
    func underline(from start: Int, to end: Int) -> (indent: Int, width: Int) {
        let last = startColumns.count - 1
        let from = min(max(start - 1, 0), last)
        let to = min(max(end - 1, from), last)
        let indent = startColumns[from]
        return (indent, max(startColumns[to] - indent, 1))
    }

    /// The pictures of the control characters U+0000 to U+001F, in order (U+2400 to U+241F).
    private static let controlPictures = Array("␀␁␂␃␄␅␆␇␈␉␊␋␌␍␎␏␐␑␒␓␔␕␖␗␘␙␚␛␜␝␞␟".unicodeScalars)

    /// The characters that show `scalar` on a terminal.
    private static func shown(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        switch scalar.value {
        case 0x09: return Array(repeating: " ", count: tabWidth)
        case 0x00..<0x20: return [controlPictures[Int(scalar.value)]]
        case 0x7F: return ["\u{2421}"]
        case 0x80..<0xA0: return ["\u{FFFD}"]
        default: return [scalar]
        }
    }
}
