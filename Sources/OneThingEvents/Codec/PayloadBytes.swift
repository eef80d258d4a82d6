/// Writes the compact binary form of event payloads (``EventCodec``): unsigned LEB128
/// varints, zigzag for signed integers and timestamps, strings as a varint length and
/// their UTF-8 bytes, lists as a count and their elements, tables (string → string) as
/// a count and their pairs in key order.
package struct PayloadWriter {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8] = []

    package init() {
        bytes.reserveCapacity(256)
    }

    /// Forgets the bytes, keeping the storage.
    package mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    package mutating func byte(_ value: UInt8) { bytes.append(value) }

    package mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    package mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func strings(_ values: [String]) {
        unsigned(UInt64(values.count))
        for value in values { string(value) }
    }

    package mutating func ints(_ values: [Int]) {
        unsigned(UInt64(values.count))
        for value in values { int(value) }
    }

    package mutating func timestamp(_ value: Timestamp) {
        unsigned(UInt64(bitPattern: (value.milliseconds << 1) ^ (value.milliseconds >> 63)))
    }

    package mutating func table(_ values: [String: String]) {
        unsigned(UInt64(values.count))
        for key in values.keys.sorted() {
            string(key)
            string(values[key] ?? "")
        }
    }
}

/// Reads what ``PayloadWriter`` wrote; every read checks the bounds, so a damaged
/// payload is an error, never a crash.
package struct PayloadReader {
    /// The payload is shorter than its fields say, or a value is out of range.
    package struct Damaged: Error {
        package init() {}
    }

    private let bytes: [UInt8]
    private var offset = 0

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte was read.
    package var isAtEnd: Bool { offset == bytes.count }

    package mutating func byte() throws(Damaged) -> UInt8 {
        guard offset < bytes.count else { throw Damaged() }
        defer { offset += 1 }
        return bytes[offset]
    }

    package mutating func unsigned() throws(Damaged) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Damaged() }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    package mutating func int() throws(Damaged) -> Int {
        let raw = try unsigned()
        let wide = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        guard let value = Int(exactly: wide) else { throw Damaged() }
        return value
    }

    package mutating func count() throws(Damaged) -> Int {
        let raw = try unsigned()
        guard raw <= UInt64(bytes.count - offset) else { throw Damaged() }
        return Int(raw)
    }

    package mutating func string() throws(Damaged) -> String {
        let length = try count()
        defer { offset += length }
        guard let text = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
            throw Damaged()  // not UTF-8: a damaged payload, never a silently repaired text
        }
        return text
    }

    package mutating func timestamp() throws(Damaged) -> Timestamp {
        let raw = try unsigned()
        return Timestamp(milliseconds: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    }

    package mutating func ints() throws(Damaged) -> [Int] {
        let count = try count()
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try int()) }
        return values
    }

    package mutating func table() throws(Damaged) -> [String: String] {
        var values: [String: String] = [:]
        for _ in 0..<(try count()) {
            let key = try string()
            values[key] = try string()
        }
        return values
    }

    package mutating func strings() throws(Damaged) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }
}
