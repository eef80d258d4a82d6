import Foundation

/// JSON as the API writes it: keys sorted (the same value, the same bytes), slashes
/// unescaped, moments as ISO 8601 in UTC (``OneThingCalendar/Timestamp`` encodes itself so).
enum JSONText {
    /// A value's JSON.
    ///
    /// - Throws: `EncodingError` when a value cannot be written (a number that is not finite).
    static func bytes<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
