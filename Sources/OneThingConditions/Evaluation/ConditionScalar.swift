import OneThingModel

/// One answer as a compiled condition reads it: a plain number, with no strings or
/// references, so that evaluation copies it without retaining anything.
///
/// Numbers are themselves, dates their day number, bools 0 or 1, text and enum
/// values an id given by a ``TextIDs`` (equal ids for equal text), and the choices of a
/// multi-choice field a bit mask: bit `i` is set when the field's `i`-th declared value
/// is chosen (at most ``maximumChoices`` values, so that a `Double` holds the mask
/// exactly). An absent answer, or one of another type than its field's, has
/// `isPresent` false.
struct ConditionScalar: Equatable, Sendable {
    /// The value; meaningless when absent.
    var value: Double
    /// Whether there is an answer.
    var isPresent: Bool

    /// No answer.
    static let absent = ConditionScalar(value: 0, isPresent: false)

    /// A present value.
    init(_ value: Double) {
        self.value = value
        self.isPresent = true
    }

    init(value: Double, isPresent: Bool) {
        self.value = value
        self.isPresent = isPresent
    }

    /// The most values a multi-choice field may declare: bits of a whole number that a
    /// `Double` holds exactly.
    static let maximumChoices = 52

    /// `value` read as a field of condition type `type`, whose declared values (of a
    /// multi-choice field) are `declared`; absent when it is `nil` or of another type.
    init(_ value: ConditionValue?, as type: ConditionType, declared: [String] = [], texts: inout TextIDs) {
        switch (type, value) {
        case (.choices, .choices(let ids)?):
            var mask = 0.0
            for id in ids {
                if let bit = declared.firstIndex(of: id), bit < Self.maximumChoices {
                    mask += Double(UInt64(1) << UInt64(bit))
                }
            }
            self.init(mask)
        case (.bool, .bool(let b)?): self.init(b ? 1 : 0)
        case (.number, .number(let n)?): self.init(n)
        case (.date, .date(let d)?): self.init(Double(d.dayNumber))
        case (.text, .text(let t)?), (.enumeration, .text(let t)?): self.init(Double(texts.id(t)))
        default: self = .absent
        }
    }
}

/// Ids for text, so that compiled conditions compare numbers instead of strings:
/// equal text (as Swift compares strings) gets the same id, different text different
/// ids, in the order first asked for.
struct TextIDs: Sendable {
    private(set) var ids: [String: Int] = [:]

    /// The id of `text`, given now if it has none yet.
    mutating func id(_ text: String) -> Int {
        if let id = ids[text] { return id }
        let id = ids.count
        ids[text] = id
        return id
    }
}
