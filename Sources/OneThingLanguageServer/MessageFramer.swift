import Foundation
import OneThingSource

/// Splits the bytes of a Language Server Protocol stream into messages: each is a
/// header (`Content-Length: N`, other fields ignored, lines ended by `\r\n`), an empty
/// line, and N bytes of JSON.
///
/// A hostile or broken stream never makes it crash, hang or grow without bound: a
/// header without a length, or with one that is not a number, is refused and skipped;
/// a length over ``maximumLength`` is refused and its body discarded as it arrives,
/// never buffered; a header that never ends is refused once it passes
/// ``maximumHeaderLength``.
public struct MessageFramer: Sendable {
    /// What the framer found next in the stream.
    public enum Frame: Hashable, Sendable {
        /// The body of one message.
        case message([UInt8])
        /// A frame that was refused, and why; the stream goes on after it.
        case refused(FrameRefusal)
    }

    /// The largest body accepted: larger bodies are discarded unread.
    public let maximumLength: Int
    /// The longest header accepted.
    public let maximumHeaderLength: Int

    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of a refused body still to be thrown away as they arrive.
    private var discarding = 0

    /// Creates a framer that accepts bodies of at most `maximumLength` bytes.
    public init(maximumLength: Int = 64 << 20, maximumHeaderLength: Int = 8 << 10) {
        self.maximumLength = maximumLength
        self.maximumHeaderLength = maximumHeaderLength
    }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        var rest = bytes[...]
        if discarding > 0 {
            let dropped = min(discarding, rest.count)
            discarding -= dropped
            rest = rest.dropFirst(dropped)
        }
        buffer.append(contentsOf: rest)
    }

    /// The next complete frame, or `nil` when more bytes are needed.
    public mutating func next() -> Frame? {
        defer { compact() }
        guard discarding == 0 else { return nil }
        guard let headerEnd = endOfHeader() else {
            if buffer.count - start > maximumHeaderLength {
                // Keep the last bytes: they may be the start of the header's end.
                start = buffer.count - 3
                return .refused(.headerTooLong)
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        let bodyStart = headerEnd + 4
        guard let length = Self.contentLength(in: header) else {
            start = bodyStart
            return .refused(.missingLength(header: String(header.prefix(200))))
        }
        guard length <= maximumLength else {
            let available = buffer.count - bodyStart
            discarding = max(0, length - available)
            start = min(buffer.count, bodyStart + length)
            return .refused(.tooLong(length: length, limit: maximumLength))
        }
        guard buffer.count - bodyStart >= length else { return nil }
        start = bodyStart + length
        return .message(Array(buffer[bodyStart..<bodyStart + length]))
    }

    /// The index of the `\r\n\r\n` that ends the header at ``start``.
    private func endOfHeader() -> Int? {
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10
            {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The value of the `Content-Length` field (any case), when it is a plain number.
    /// The field is found anywhere in the header, so that the stream falls back into
    /// step after bytes that were not a message (a refused frame's body).
    static func contentLength(in header: String) -> Int? {
        let lowered = header.lowercased()
        guard let name = lowered.range(of: "content-length", options: .backwards) else { return nil }
        var rest = lowered[name.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        let value = rest.prefix { $0 != "\r" && $0 != "\n" }.trimmingSpaces
        guard !value.isEmpty, value.count <= 18, value.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(value)
    }

    /// Drops the bytes already consumed once they are most of the buffer.
    private mutating func compact() {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// Frames `body` for writing: its header, then the body.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

/// Why a frame of the stream was refused.
public enum FrameRefusal: Hashable, Sendable, CustomStringConvertible {
    /// The header has no `Content-Length`, or its value is not a number.
    case missingLength(header: String)
    /// The body is longer than the server accepts; it is discarded.
    case tooLong(length: Int, limit: Int)
    /// The header did not end within the length the server accepts.
    case headerTooLong

    /// The refusal in plain words, for the server's log.
    public var message: LocalizedText {
        switch self {
        case .missingLength(let header):
            .init(
                en: "refused a message whose header has no Content-Length number: \(header.debugDescription)",
                zh: "已拒绝一条消息：消息头中没有数字形式的 Content-Length：\(header.debugDescription)")
        case .tooLong(let length, let limit):
            .init(
                en: "refused a message of \(length) bytes (the limit is \(limit)); its body is skipped",
                zh: "已拒绝一条 \(length) 字节的消息（上限为 \(limit)），其内容被跳过")
        case .headerTooLong:
            .init(
                en: "refused a header that does not end (no empty line); its bytes are skipped",
                zh: "已拒绝一个没有结束（没有空行）的消息头，其字节被跳过")
        }
    }

    /// The refusal in English.
    public var description: String { message.en }
}

extension Substring {
    /// The text without spaces and tabs at either end.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}

extension Character {
    /// Whether this is one of `0`…`9`.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
