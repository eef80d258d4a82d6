import OneThingSource

/// The type of a form field's answer.
public enum FieldType: String, Sendable, Hashable, CaseIterable {
    /// `true` or `false`.
    case bool
    /// A whole number.
    case integer
    /// A decimal number.
    case number
    /// Free text.
    case text
    /// One of the declared values.
    case `enum`
    /// Any number of the declared values, none included (多选): a set of value ids.
    case multiChoice = "multi-choice"
    /// A calendar date.
    case date
    /// A mainland resident identity card number (居民身份证号).
    case idNumber = "id-number"
    /// A unified social credit code (统一社会信用代码).
    case creditCode = "credit-code"
    /// A telephone number.
    case phone
}

/// A bound of a number or date field.
public enum FieldBound: Hashable, Sendable {
    /// A numeric bound.
    case number(Double)
    /// A date bound.
    case date(CalendarDate)
}

/// One declared value of an enum field.
public struct EnumValue: Hashable, Sendable {
    /// The value as conditions and answers write it.
    public var id: String
    /// The label the applicant reads; the id when none was given.
    public var label: String
    /// Where the value was declared.
    public var span: SourceSpan

    /// Creates an enum value.
    public init(id: String, label: String, span: SourceSpan) {
        self.id = id
        self.label = label
        self.span = span
    }
}

/// A field of the bundle's one form (一表申报).
public struct FormField: Hashable, Sendable {
    /// The dotted id conditions read it by: `venue.area_m2`.
    public var id: String
    /// Where the id was written.
    public var span: SourceSpan
    /// The answer's type.
    public var type: FieldType
    /// The question as the applicant reads it.
    public var label: String
    /// Whether every applicant must answer. `false` for a field required only when
    /// ``requiredWhen`` holds.
    public var required: Bool
    /// The inclusive lower bound, if any.
    public var minimum: FieldBound?
    /// The inclusive upper bound, if any.
    public var maximum: FieldBound?
    /// The declared values of an enum or multi-choice field.
    public var values: [EnumValue]
    /// The unit shown after the answer.
    public var unit: String?
    /// Help shown under the question.
    public var help: String?
    /// The condition under which the field must be answered (`required: {when: …}`);
    /// `nil` when ``required`` says it all.
    public var requiredWhen: ConditionSource?
    /// The party whose fact the question asks (`party:`); where that party does not take
    /// part, the question need not be answered. `nil`: a question about the application.
    public var party: Located<String>? = nil

    /// Creates a field.
    public init(
        id: String, span: SourceSpan, type: FieldType, label: String, required: Bool = true,
        minimum: FieldBound? = nil, maximum: FieldBound? = nil, values: [EnumValue] = [],
        unit: String? = nil, help: String? = nil, requiredWhen: ConditionSource? = nil
    ) {
        self.id = id
        self.span = span
        self.type = type
        self.label = label
        self.required = required
        self.minimum = minimum
        self.maximum = maximum
        self.values = values
        self.unit = unit
        self.help = help
        self.requiredWhen = requiredWhen
    }

    /// Whether the answer is one of or a set of the declared ``values``.
    public var hasDeclaredValues: Bool { type == .enum || type == .multiChoice }
}

/// The one form: every fact the bundle asks of the applicant, each once.
public struct Form: Hashable, Sendable {
    /// The fields in file order.
    public var fields: [FormField]
    /// The rules that answers must keep across fields (`form-rules:`), in file order.
    public var rules: [ConditionRule]
    /// The ids of the bundle's outputs, in the form conditions read
    /// (``ServiceBundle/conditionForm``): what `result.<id>` may name, so that a condition
    /// reading an output without `values:` is told so. Empty in the applicant's form.
    public var outputIDs: [String] = []

    /// Creates a form.
    public init(fields: [FormField], rules: [ConditionRule] = []) {
        self.fields = fields
        self.rules = rules
    }

    /// The field with id `id`.
    public subscript(id: String) -> FormField? {
        fields.first { $0.id == id }
    }
}
