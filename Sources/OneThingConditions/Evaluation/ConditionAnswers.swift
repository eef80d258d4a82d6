import OneThingModel

/// Answers laid out by a ``FieldLayout``: the value of each field's slot, `nil` when absent.
typealias Slots = [ConditionValue?]

/// One applicant's answers to a form, as conditions read them: a value per field id;
/// a field without an answer is absent.
///
/// Answers are laid out by the form's fields, so a condition checked against the same
/// form reads them by index. Answers for a field the form does not have are ignored.
public struct ConditionAnswers: Hashable, Sendable, CustomStringConvertible {
    let layout: FieldLayout
    var slots: [ConditionValue?]

    /// No answers yet for the fields of `form`.
    public init(form: Form) {
        self.init(layout: FieldLayout(form: form))
    }

    /// The answers `values` (field id → value) for the fields of `form`.
    public init(form: Form, values: [String: ConditionValue]) {
        self.init(form: form)
        for (id, value) in values { self[id] = value }
    }

    init(layout: FieldLayout) {
        self.layout = layout
        self.slots = Array(repeating: nil, count: layout.ids.count)
    }

    /// The answer to field `id`; `nil` when absent. Setting an id the form does not
    /// have does nothing.
    public subscript(id: String) -> ConditionValue? {
        get { layout.slots[id].flatMap { slots[$0] } }
        set {
            guard let slot = layout.slots[id] else { return }
            slots[slot] = newValue
        }
    }

    /// The answers given, by field id.
    public var values: [String: ConditionValue] {
        var result: [String: ConditionValue] = [:]
        for (index, value) in slots.enumerated() {
            if let value { result[layout.ids[index]] = value }
        }
        return result
    }

    /// The answers given, in form order: `venue.area_m2 = 150, kind = "shop"`; `(none)`
    /// when there are none.
    public var description: String {
        let parts = slots.indices.compactMap { index in
            slots[index].map { "\(layout.ids[index]) = \($0)" }
        }
        return parts.isEmpty ? "(none)" : parts.joined(separator: ", ")
    }

    /// The slots laid out for `target`: these answers' own when the layouts match,
    /// else copied field by field.
    func slots(for target: FieldLayout) -> [ConditionValue?] {
        if target.matches(layout) { return slots }
        var result = [ConditionValue?](repeating: nil, count: target.ids.count)
        for (index, id) in target.ids.enumerated() { result[index] = self[id] }
        return result
    }

    /// Whether two sets of answers give the same fields the same values.
    public static func == (lhs: ConditionAnswers, rhs: ConditionAnswers) -> Bool {
        lhs.values == rhs.values
    }

    /// Hashes the answers given.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(values)
    }
}
