import OneThingModel

/// The numbering of a form's fields that checked conditions and answers share, so
/// that evaluation reads an answer by index instead of by name.
///
/// Immutable once made; shared by reference between the conditions and answers made
/// for one form.
final class FieldLayout: Sendable {
    /// The field ids in form order; a field's slot is its index here.
    let ids: [String]
    /// The fields in form order.
    let fields: [FormField]
    /// The slot of each field id.
    let slots: [String: Int]
    /// The type conditions read each field as, by slot.
    let types: [ConditionType]
    /// The declared value ids of each multi-choice field, by slot (empty for others):
    /// the order of the bits of its answers.
    let declared: [[String]]
    /// The ids of the bundle's outputs (``Form/outputIDs``), which `result.<id>` may name.
    let outputIDs: [String]

    /// Numbers the fields of `form` in file order (the first of two equal ids wins).
    init(form: Form) {
        ids = form.fields.map { $0.id }
        fields = form.fields
        var slots: [String: Int] = [:]
        for (index, id) in ids.enumerated() where slots[id] == nil { slots[id] = index }
        self.slots = slots
        types = fields.map { ConditionType($0.type) }
        declared = fields.map { $0.type == .multiChoice ? $0.values.map(\.id) : [] }
        outputIDs = form.outputIDs
    }

    /// Whether answers laid out by `other` can be read with this layout's slots.
    func matches(_ other: FieldLayout) -> Bool { self === other || ids == other.ids }
}
