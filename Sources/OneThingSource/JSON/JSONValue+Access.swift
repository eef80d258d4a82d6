extension JSONValue {
    /// Reads one JSON text with the JSON composer, within `limits`; `nil` when it is not
    /// JSON or breaks a limit. For messages (JSON-RPC), where a finding is not shown.
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) -> JSONValue? {
        let (_, document) = JSONComposer.compose(path: "message", bytes: bytes, limits: limits)
        return document.root?.json
    }

    /// An integer, written as JSON writes it.
    public static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

    /// The member `key` of an object (the first, when the key is written twice); `nil`
    /// for a missing member or another kind of value.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
        return nil
    }

    /// The string, when this is one.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, when this is a number without a fraction that fits an `Int`.
    public var integer: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    /// The elements, when this is an array.
    public var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer value.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// A boolean value.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array value.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object value, its members in the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
    /// `null`.
    public init(nilLiteral: ()) { self = .null }
}
