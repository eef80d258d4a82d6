import OneThing

extension FiguresTable {
    /// The terminal columns `text` takes: two for East Asian Wide and Fullwidth
    /// characters (汉字, 全角标点 such as “（”), none for combining marks, one for the rest.
    /// A small copy of the diagnostics renderer's rule, which is internal to its module.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return total
            default: break
            }
            return total + (isWide(scalar.value) ? 2 : 1)
        }
    }

    /// Whether the scalar is East Asian Wide or Fullwidth (the blocks a table of Chinese
    /// labels meets).
    private static func isWide(_ value: UInt32) -> Bool {
        wideRanges.contains { $0.contains(value) }
    }

    /// The Wide and Fullwidth blocks, in code point order.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2E80...0x303E,  // CJK radicals, symbols and punctuation (、。「」)
        0x3041...0x33FF,  // kana, Bopomofo, enclosed CJK, CJK compatibility
        0x3400...0x4DBF,  // CJK unified ideographs extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms (，：（）)
        0xFFE0...0xFFE6,  // fullwidth signs (￥)
        0x20000...0x3FFFD,  // CJK unified ideographs extensions B to H
    ]

    /// `text` padded with spaces to `width` columns, on the right (`leading: false`) or
    /// on the left (`leading: true`, for numbers).
    static func padded(_ text: String, to width: Int, leading: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - columns(text)))
        return leading ? fill + text : text + fill
    }

    /// Lines of `cells` laid out in columns two spaces apart; the first column and those
    /// in `textColumns` are aligned left, the others (numbers) right. Each line is
    /// indented by `indent`; trailing spaces are dropped.
    static func layout(_ cells: [[String]], indent: String = "  ", textColumns: Set<Int> = []) -> [String] {
        let count = cells.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in
            cells.map { column < $0.count ? columns($0[column]) : 0 }.max() ?? 0
        }
        return cells.map { row in
            let line = row.enumerated().map { column, cell in
                padded(cell, to: widths[column], leading: column > 0 && !textColumns.contains(column))
            }
            let joined = indent + line.joined(separator: "  ")
            return String(joined.reversed().drop { $0 == " " }.reversed())
        }
    }
}
