import Foundation

/// The fields of an HTML form's body (`application/x-www-form-urlencoded`): names and
/// values percent-decoded, `+` read as a space, a name given more than once kept with
/// every value in order.
struct PageForm: Sendable {
    /// The fields, in the order sent.
    let fields: [(name: String, value: String)]

    /// The form of `bytes`; a part that does not decode is left out.
    init(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        fields = text.split(separator: "&", omittingEmptySubsequences: true).compactMap { part in
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(pair[0]) else { return nil }
            return (name, pair.count > 1 ? Self.decode(pair[1]) ?? "" : "")
        }
    }

    /// The first value of field `name`, if sent.
    subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// The value of field `name` with its ends trimmed, or `nil` when it is missing or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// Fields whose names start with `prefix` and whose values are not blank, by the rest of the name.
    func fields(prefixed prefix: String) -> [String: String] {
        var out: [String: String] = [:]
        for (name, value) in fields where name.hasPrefix(prefix) && name.count > prefix.count {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { out[String(name.dropFirst(prefix.count))] = trimmed }
        }
        return out
    }

    static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
