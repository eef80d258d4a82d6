import OneThingSource

/// Reads one field of the bundle's form.
enum FormFieldDecoder {
    static let keys = ["type", "label", "required", "min", "max", "values", "unit", "help", "party"]

    static func decode(_ entry: YAMLEntry, reader: inout NodeReader) -> FormField? {
        let key = entry.key
        let validID = NodeReader.isFieldID(key.value)
        if !validID { reader.report(.badIdentifier(key, kind: .field)) }
        let what = LocalizedText(en: "form field '\(key.value)'", zh: "表单字段“\(key.value)”")
        guard
            let f = reader.mapping(
                entry.value, what: what, owner: key.span, known: keys, required: ["type", "label"])
        else { return nil }
        let type = f["type"].flatMap {
            reader.choice($0, FieldType.self, what: .init(en: "field type", zh: "字段类型"))
        }
        let label = f["label"].flatMap { reader.text($0) }
        let requirement = f["required"].map { decodeRequired($0, reader: &reader) }
        let required = requirement.map { $0.when == nil && $0.always } ?? true
        var minimum: FieldBound?
        var maximum: FieldBound?
        var values: [EnumValue] = []
        if let type {
            minimum = f["min"].flatMap { bound($0, type: type, key: "min", reader: &reader) }
            maximum = f["max"].flatMap { bound($0, type: type, key: "max", reader: &reader) }
            if type == .enum || type == .multiChoice {
                if let node = f["values"] {
                    values = enumValues(node, reader: &reader)
                } else if f.keySpan("values") == nil {
                    reader.report(.missingKey("values", in: what, at: f.keySpan("type") ?? key.span))
                }
            } else if let node = f["values"] {
                reader.report(notForType("values", type: type, span: node.span))
            }
        }
        let party = f["party"].flatMap { reader.reference($0) }
        guard validID, let type, let label else { return nil }
        var field = FormField(
            id: key.value, span: key.span, type: type, label: label, required: required, minimum: minimum,
            maximum: maximum, values: values, unit: f["unit"].flatMap { reader.text($0) },
            help: f["help"].flatMap { reader.text($0) }, requiredWhen: requirement?.when)
        field.party = party
        return field
    }

    /// `required:`: `true`, `false`, or `{when: condition}` for a field that must be
    /// answered only when the condition holds. A `true`/`false` that cannot be read
    /// counts as `true`, a mapping without a condition as `false` (the finding says
    /// why; no finding about a missing answer follows from it).
    static func decodeRequired(_ node: YAMLNode, reader: inout NodeReader) -> (
        always: Bool, when: ConditionSource?
    ) {
        guard case .mapping = node else { return (reader.bool(node) ?? true, nil) }
        let what = LocalizedText(en: "a condition of 'required'", zh: "“required”的条件")
        guard let f = reader.mapping(node, what: what, owner: node.span, known: ["when"], required: ["when"]),
            let when = f["when"].flatMap({ reader.scalar($0, expected: .init(en: "a condition", zh: "条件")) })
        else { return (false, nil) }
        return (false, ConditionSource(scalar: when))
    }

    static func bound(_ node: YAMLNode, type: FieldType, key: String, reader: inout NodeReader) -> FieldBound?
    {
        switch type {
        case .integer, .number:
            return reader.number(node).map { .number($0) }
        case .date:
            return reader.date(node).map { .date($0) }
        default:
            reader.report(notForType(key, type: type, span: node.span))
            return nil
        }
    }

    static func enumValues(_ node: YAMLNode, reader: inout NodeReader) -> [EnumValue] {
        switch node {
        case .sequence(let elements, _):
            return elements.compactMap { element in
                guard let s = reader.scalar(element, expected: .init(en: "an enum value", zh: "选项值")) else {
                    return nil
                }
                return EnumValue(id: s.value, label: s.value, span: s.span)
            }
        case .mapping(let entries, _):
            return entries.compactMap { entry in
                guard let label = reader.text(entry.value) else { return nil }
                return EnumValue(id: entry.key.value, label: label, span: entry.key.span)
            }
        case .scalar:
            reader.report(
                .wrongType(
                    node,
                    expected: .init(en: "a list of values or a mapping value → label", zh: "选项列表或“选项: 名称”映射"))
            )
            return []
        }
    }

    static func notForType(_ key: String, type: FieldType, span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .badField, severity: .error, span: span,
            message: .init(
                en: "'\(key)' does not apply to a field of type \(type.rawValue)",
                zh: "“\(key)”不适用于类型为 \(type.rawValue) 的字段"),
            hint: .init(en: "remove '\(key)' or change the field's type", zh: "请删去“\(key)”或修改字段类型"))
    }
}
