/// A JSON value, for handing located YAML to JSON tools (the JSON Schema check).
public indirect enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept as written.
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, its keys in file order.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized == rhs.serialized }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized) }

    /// The value as compact JSON text.
    public var serialized: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return JSONValue.quote(s)
        case .array(let a): return "[" + a.map(\.serialized).joined(separator: ",") + "]"
        case .object(let o):
            return "{" + o.map { JSONValue.quote($0.0) + ":" + $0.1.serialized }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension YAMLNode {
    /// The node as JSON, with scalars typed as OneThing's loader types them where it
    /// does not know the schema: plain `true`/`false` are booleans, plain decimal
    /// numbers are numbers, plain `null`/`~`/empty are null; everything else,
    /// and every quoted scalar, is a string (`no`, `010`, `1:30` stay strings).
    public var json: JSONValue {
        switch self {
        case .scalar(let s):
            if s.isNull { return .null }
            guard s.style == .plain, s.tag == nil else { return .string(s.value) }
            if s.value == "true" { return .bool(true) }
            if s.value == "false" { return .bool(false) }
            if YAMLScalar.isDecimalNumber(s.value) { return .number(s.value) }
            return .string(s.value)
        case .mapping(let entries, _):
            return .object(entries.map { ($0.key.value, $0.value.json) })
        case .sequence(let elements, _):
            return .array(elements.map(\.json))
        }
    }

}

extension YAMLScalar {
    /// Whether `text` is a decimal number as OneThing reads numbers: an optional
    /// `-`, digits without leading zeros, and an optional fraction (JSON's syntax
    /// without exponents). `010`, `+3`, `1e3` and `.5` are not numbers.
    public static func isDecimalNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } })
        else { return false }
        return parts[0] == "0" || parts[0].first != "0"
    }
}
