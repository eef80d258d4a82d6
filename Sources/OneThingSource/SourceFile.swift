/// The text of one input file, with the line index that diagnostics need.
///
/// A `SourceFile` is created from bytes that are already known to be valid UTF-8;
/// ``SourceFile/decode(path:bytes:)`` checks that and reports where it is not.
public struct SourceFile: Sendable {
    /// The path of the file as the user named it.
    public let path: String
    /// The whole text.
    public let text: String
    /// The UTF-8 offset at which each line starts; `lineStarts[0] == 0`.
    private let lineStarts: [Int]

    /// Creates a source file from text already in memory (tests, generated files).
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lineStarts =
            text.utf8.withContiguousStorageIfAvailable(Self.lineStarts(of:))
            ?? Array(text.utf8).withUnsafeBufferPointer(Self.lineStarts(of:))
    }

    /// The offset at which each line of the UTF-8 `bytes` starts.
    private static func lineStarts(of bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        return starts
    }

    /// The number of lines (a final line without a newline counts).
    public var lineCount: Int { lineStarts.count }

    /// The text of 1-based line `number` without its line break; empty past the end.
    public func line(_ number: Int) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        var to =
            number < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1)
            : utf8.endIndex
        if to > from, utf8[utf8.index(before: to)] == UInt8(ascii: "\r") {
            to = utf8.index(before: to)
        }
        return text[from..<to]
    }

    /// The location of a UTF-8 byte offset into ``text``.
    public func location(ofUTF8Offset offset: Int) -> SourceLocation {
        let clamped = min(max(0, offset), text.utf8.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let utf8 = text.utf8
        let lineStart = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
        let target = utf8.index(utf8.startIndex, offsetBy: clamped)
        let column = text.unicodeScalars[lineStart..<target].count + 1
        return SourceLocation(line: low + 1, column: column)
    }

    /// A span covering the whole of 1-based line `number`.
    public func span(ofLine number: Int) -> SourceSpan {
        let length = line(number).unicodeScalars.count
        return SourceSpan(
            file: path,
            start: SourceLocation(line: number, column: 1),
            end: SourceLocation(line: number, column: length + 1))
    }

    /// The text that a span covers, when it lies on one line; `nil` otherwise.
    public func text(of span: SourceSpan) -> Substring? {
        guard span.start.line == span.end.line else { return nil }
        let scalars = line(span.start.line).unicodeScalars
        let from = scalars.index(
            scalars.startIndex, offsetBy: min(span.start.column - 1, scalars.count))
        let to = scalars.index(
            scalars.startIndex, offsetBy: min(span.end.column - 1, scalars.count))
        return Substring(scalars[from..<to])
    }
}

extension SourceFile {
    /// The result of checking raw bytes before they are read as text.
    public enum Decoding: Sendable {
        /// The bytes are UTF-8 text.
        case text(SourceFile)
        /// The bytes are not UTF-8 text; the diagnostic says where and why.
        case rejected(Diagnostic)
    }

    /// Checks the raw bytes of an input file in the order every reader of files uses:
    /// the size first (OT105, before anything else is read), then that they are UTF-8
    /// text (OT106).
    static func decode(path: String, bytes: [UInt8], limits: YAMLLimits) -> Decoding {
        guard bytes.count <= limits.maxBytes else {
            return .rejected(.fileTooLarge(path, size: bytes.count, limit: limits.maxBytes))
        }
        return decode(path: path, bytes: bytes)
    }

    /// Checks that `bytes` are UTF-8 text (no NUL bytes, no invalid sequences) and
    /// makes a source file of them; a leading byte-order mark is dropped.
    public static func decode(path: String, bytes: [UInt8]) -> Decoding {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.withUnsafeBufferPointer(firstNUL).map({ body.startIndex + $0 }) {
            let prefix = SourceFile(path: path, text: String(decoding: body[..<nul], as: UTF8.self))
            let at = prefix.location(ofUTF8Offset: prefix.text.utf8.count)
            return .rejected(.binaryFile(SourceSpan(file: path, at: at)))
        }
        if let bad = firstInvalidUTF8Offset(body).map({ body.startIndex + $0 }) {
            let prefix = SourceFile(path: path, text: String(decoding: body[..<bad], as: UTF8.self))
            let at = prefix.location(ofUTF8Offset: prefix.text.utf8.count)
            return .rejected(
                .invalidUTF8(SourceSpan(file: path, start: at, end: at.advanced(by: 1)), byte: body[bad]))
        }
        return .text(SourceFile(path: path, text: String(decoding: body, as: UTF8.self)))
    }

    /// The offset of the first NUL byte, found eight bytes at a time.
    private static func firstNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while i + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
        }
        while i < bytes.count {
            if bytes[i] == 0 { return i }
            i += 1
        }
        return nil
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset(in:))
    }

    /// The offset of the first invalid byte in `bytes`; runs of ASCII are skipped
    /// eight bytes at a time.
    private static func firstInvalidUTF8Offset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let base = UnsafeRawPointer(bytes.baseAddress)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if let base, i + 8 <= bytes.endIndex,
                base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                i += 8
                continue
            }
            let b = bytes[i]
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0x00...0x7F:
                i += 1
                continue
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return i - bytes.startIndex
            }
            guard i + length <= bytes.endIndex else { return i - bytes.startIndex }
            for k in 1..<length {
                let c = bytes[i + k]
                let (lo, hi): (UInt8, UInt8) = k == 1 ? (lower, upper) : (0x80, 0xBF)
                if c < lo || c > hi { return i - bytes.startIndex }
            }
            i += length
        }
        return nil
    }
}
