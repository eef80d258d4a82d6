import OneThingModel
import OneThingSource

/// One answer as conditions see it.
///
/// Integer and number fields answer with `.number`; text, ID-number, credit-code and
/// phone fields, and enum fields (the declared value id), with `.text`.
public enum ConditionValue: Hashable, Sendable, CustomStringConvertible {
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// Text, or the id of an enum field's value.
    case text(String)
    /// A calendar date.
    case date(CalendarDate)
    /// The values chosen in a multi-choice field, by id, each once, in the order the
    /// field declares them.
    case choices([String])

    /// The value as a condition would write it: `true`, `150`, `12.5`, `"shop"`,
    /// `2025-10-01`; a set of choices as a list: `["a", "b"]`.
    public var description: String {
        switch self {
        case .bool(let value): return value ? "true" : "false"
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return String(value)
        case .text(let value): return "\"\(value)\""
        case .date(let value): return value.description
        case .choices(let ids): return "[" + ids.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        }
    }
}

extension ConditionValue {
    /// The value of an answer as written in a test case or an answers file, typed
    /// against `field`; `nil` when it does not fit the field's type (`yes` for a bool,
    /// `12.5` for an integer, a value an enum does not declare, a date that does not
    /// exist). Bounds are not checked: a number outside them is still a number.
    public init?(answer node: YAMLNode, for field: FormField) {
        if field.type == .multiChoice {
            guard let ids = Self.choices(node, of: field) else { return nil }
            self = .choices(ids)
            return
        }
        guard let scalar = node.scalar, !scalar.isNull else { return nil }
        let text = scalar.value
        let plain = scalar.style == .plain
        switch field.type {
        case .bool:
            guard plain, text == "true" || text == "false" else { return nil }
            self = .bool(text == "true")
        case .integer:
            guard plain, let value = Self.decimal(text), value == value.rounded() else { return nil }
            self = .number(value)
        case .number:
            guard plain, let value = Self.decimal(text) else { return nil }
            self = .number(value)
        case .enum:
            guard field.values.contains(where: { $0.id == text }) else { return nil }
            self = .text(text)
        case .date:
            guard let date = CalendarDate(text) else { return nil }
            self = .date(date)
        case .text, .idNumber, .creditCode, .phone:
            self = .text(text)
        case .multiChoice:
            return nil
        }
    }

    /// The answer to a multi-choice field: a list of its declared values (`[]` for
    /// none), each once, put in the field's order; `nil` when it is not a list or
    /// holds anything else.
    private static func choices(_ node: YAMLNode, of field: FormField) -> [String]? {
        guard let elements = node.elements else { return nil }
        var chosen = Set<String>()
        for element in elements {
            guard let scalar = element.scalar, !scalar.isNull,
                field.values.contains(where: { $0.id == scalar.value })
            else { return nil }
            chosen.insert(scalar.value)
        }
        var ordered: [String] = []
        for value in field.values where chosen.contains(value.id) && !ordered.contains(value.id) {
            ordered.append(value.id)
        }
        return ordered
    }

    /// A plain decimal (`12`, `-3`, `12.5`), as the bundle format defines numbers.
    private static func decimal(_ text: String) -> Double? {
        // One definition of a number for bundle files and answers alike.
        guard YAMLScalar.isDecimalNumber(text) else { return nil }
        return Double(text).flatMap { $0.isFinite ? $0 : nil }
    }
}
