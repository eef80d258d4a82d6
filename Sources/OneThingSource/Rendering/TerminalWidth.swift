// How many terminal columns a character takes, so that an underline drawn under a
// quoted source line meets the characters it marks.

/// The number of terminal columns that text takes, after the display rules of
/// ``QuotedSourceLine``: East Asian Wide and Fullwidth characters (汉字, 全角标点, most
/// emoji) take two columns, combining marks and format characters none, a tab
/// ``QuotedSourceLine/tabWidth`` columns, everything else one.
enum TerminalWidth {
    /// The columns one Unicode scalar takes.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0x09 { return QuotedSourceLine.tabWidth }
        if value < 0x20 || (0x7F..<0xA0).contains(value) {
            return 1  // shown as a control picture, one column
        }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The columns a run of text takes.
    static func of(_ scalars: some Sequence<Unicode.Scalar>) -> Int {
        scalars.reduce(0) { $0 + of($1) }
    }

    /// Whether the scalar is East Asian Wide (W) or Fullwidth (F) in Unicode's
    /// EastAsianWidth.txt, leaving aside the emoji that `isEmojiPresentation` covers.
    private static func isWide(_ value: UInt32) -> Bool {
        wideRanges.contains { $0.contains(value) }
    }

    /// The blocks of East Asian Wide and Fullwidth characters, in code point order.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi radicals, CJK symbols and punctuation (、。「」)
        0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility Jamo, enclosed CJK, CJK compatibility
        0x3400...0x4DBF,  // CJK unified ideographs extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms (，：（）)
        0xFFE0...0xFFE6,  // fullwidth signs (￥)
        0x16FE0...0x16FE4,  // ideographic symbols
        0x17000...0x18CFF,  // Tangut, Khitan
        0x1AFF0...0x1B2FF,  // kana extensions, Nüshu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK unified ideographs extensions B to F, compatibility supplement
        0x30000...0x3FFFD,  // CJK unified ideographs extensions G and H
    ]
}
