import OneThingModel
import OneThingSource

/// The type of a value in a condition.
public enum ConditionType: Hashable, Sendable {
    /// `true` or `false`: bool fields, comparisons, `and`, `or`, `not`.
    case bool
    /// Integer and number fields, number literals and arithmetic.
    case number
    /// Text, ID-number, credit-code and phone fields.
    case text
    /// An enum field: one of its declared values.
    case enumeration
    /// A date field.
    case date
    /// A multi-choice field: a set of its declared values, tested with
    /// `"value" in field`.
    case choices

    /// The type a field of `fieldType` has in conditions.
    public init(_ fieldType: FieldType) {
        switch fieldType {
        case .bool: self = .bool
        case .integer, .number: self = .number
        case .text, .idNumber, .creditCode, .phone: self = .text
        case .enum: self = .enumeration
        case .date: self = .date
        case .multiChoice: self = .choices
        }
    }

    /// The type's name for messages: "a number", "数字".
    public var name: LocalizedText {
        switch self {
        case .bool: .init(en: "true/false", zh: "是/否（true/false）")
        case .number: .init(en: "a number", zh: "数字")
        case .text: .init(en: "text", zh: "文本")
        case .enumeration: .init(en: "a choice", zh: "选项")
        case .date: .init(en: "a date", zh: "日期")
        case .choices: .init(en: "a set of choices", zh: "多选项")
        }
    }
}
