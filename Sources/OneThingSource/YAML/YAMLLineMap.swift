import CYAML

/// Turns libyaml's marks (0-based line and column) into ``SourceLocation``s.
///
/// libyaml counts columns in characters, as ``SourceLocation`` does, and starts a new
/// line at `\n`, `\r\n`, a lone `\r`, and U+0085, U+2028 and U+2029. ``SourceFile``
/// starts lines at `\n` only. Files without the rare breaks (nearly all) map by adding
/// one; the others keep a table from libyaml's lines to the file's lines and columns.
struct YAMLLineMap {
    /// For each libyaml line, the file's 1-based line and the columns that precede
    /// libyaml's column 0 on it; `nil` when libyaml's lines are the file's.
    private let table: [LineStart]?

    private struct LineStart {
        var line: Int
        var columnOffset: Int
    }

    /// Scans `bytes` (UTF-8) for line breaks that libyaml counts and ``SourceFile`` does not.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        table = Self.hasExtraBreaks(bytes) ? Self.buildTable(bytes) : nil
    }

    /// The location of a libyaml mark.
    @inline(__always)
    func location(_ mark: yaml_mark_t) -> SourceLocation {
        location(line: Int(mark.line), column: Int(mark.column))
    }

    /// The location of libyaml's 0-based `line` and `column`.
    func location(line: Int, column: Int) -> SourceLocation {
        guard let table, !table.isEmpty else { return SourceLocation(line: line + 1, column: column + 1) }
        let start = table[min(line, table.count - 1)]
        return SourceLocation(line: start.line, column: column + start.columnOffset + 1)
    }

    private static func hasExtraBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
        let count = bytes.count
        var i = 0
        while i < count {
            // Skip eight bytes at a time while none of them can start a break (\r, C2, E2).
            if i + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if !containsByte(word, 0x0D) && !containsByte(word, 0xC2) && !containsByte(word, 0xE2) {
                    i += 8
                    continue
                }
            }
            for j in i..<min(i + 8, count) where isExtraBreak(bytes, at: j) { return true }
            i += 8
        }
        return false
    }

    /// True when a break that libyaml counts and ``SourceFile`` does not starts at `i`.
    @inline(__always)
    private static func isExtraBreak(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        switch bytes[i] {
        case 0x0D: return i + 1 >= bytes.count || bytes[i + 1] != 0x0A
        case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0x85
        case 0xE2:
            return i + 2 < bytes.count && bytes[i + 1] == 0x80
                && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
        default: return false
        }
    }

    /// True when one of the eight bytes of `word` is `byte`.
    @inline(__always)
    private static func containsByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & (ones &* 0x80) != 0
    }

    private static func buildTable(_ bytes: UnsafeBufferPointer<UInt8>) -> [LineStart] {
        var table = [LineStart(line: 1, columnOffset: 0)]
        var line = 1
        var column = 0  // scalars before the current position on the file's line
        let count = bytes.count
        var i = 0
        while i < count {
            let byte = bytes[i]
            var breakLength = 0
            if byte == 0x0A {
                line += 1
                column = 0
                table.append(LineStart(line: line, columnOffset: 0))
                i += 1
                continue
            } else if byte == 0x0D {
                breakLength = i + 1 < count && bytes[i + 1] == 0x0A ? 0 : 1
            } else if byte == 0xC2, i + 1 < count, bytes[i + 1] == 0x85 {
                breakLength = 2
            } else if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80,
                bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9
            {
                breakLength = 3
            }
            if breakLength > 0 {
                column += 1
                table.append(LineStart(line: line, columnOffset: column))
                i += breakLength
                continue
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return table
    }
}
