import OneThingSource

/// Reads the `items:` table of a bundle.
enum ItemDecoder {
    static let keys = [
        "name", "department", "kind", "legal", "promised", "when", "needs", "produces", "after",
        "inspection", "fee", "online", "basis", "legal-basis", "locality", "note",
    ]

    static func decodeAll(_ node: YAMLNode, reader: inout NodeReader) -> [Item] {
        guard let entries = reader.table(node, what: .init(en: "items", zh: "事项")) else { return [] }
        return entries.compactMap { decode($0, reader: &reader) }
    }

    static func decode(_ entry: YAMLEntry, reader: inout NodeReader) -> Item? {
        let id = reader.checkedID(entry.key)
        let what = LocalizedText(en: "item '\(entry.key.value)'", zh: "事项“\(entry.key.value)”")
        guard
            let f = reader.mapping(
                entry.value, what: what, owner: entry.key.span, known: keys,
                required: ["name", "department", "kind", "promised"])
        else { return nil }
        let name = f["name"].flatMap { reader.text($0) }
        let department = f["department"].flatMap { reader.reference($0) }
        let kind = f["kind"].flatMap {
            reader.choice($0, ItemKind.self, what: .init(en: "item kind", zh: "事项类型"))
        }
        let promised = f["promised"].flatMap { reader.duration($0) }
        let legal = f["legal"].flatMap { reader.duration($0) }
        let when = f["when"].flatMap { reader.scalar($0, expected: .init(en: "a condition", zh: "条件")) }
        let needs = f["needs"].map { decodeNeeds($0, reader: &reader) } ?? []
        let produces = f["produces"].map { reader.references($0, what: .init(en: "outputs", zh: "产出")) } ?? []
        let after =
            f["after"].map { reader.references($0, what: .init(en: "items waited for", zh: "前置事项")) } ?? []
        let inspection = f["inspection"].flatMap { reader.reference($0) }
        var fee = f["fee"].flatMap { reader.number($0) }
        if let value = fee, value < 0, let node = f["fee"] {
            reader.report(
                Diagnostic(
                    code: .badValue, severity: .error, span: node.span,
                    message: .init(en: "a fee cannot be negative", zh: "收费金额不能为负数"),
                    hint: .init(en: "write 0 for a free item", zh: "免费事项请写 0")))
            fee = nil
        }
        let online = f["online"].flatMap { reader.bool($0) } ?? false
        let basis = f["basis"].map { LegalBasisDecoder.decode($0, reader: &reader) } ?? []
        let legalBasis = f["legal-basis"].map { LegalBasisDecoder.decode($0, reader: &reader) } ?? []
        guard let id else { return nil }
        // An item whose id is sound is kept even when a part of it could not be read, so
        // that what refers to it (tests, `after:`, the outputs it issues) is not reported
        // as well: the finding about that part is the one to act on. The part takes a
        // stand-in that no check reports on (an empty department is not looked up), and
        // the bundle is incomplete, so it is never planned.
        var item = Item(
            id: id, name: name ?? id.value, department: department ?? Located("", at: id.span),
            kind: kind ?? .other, legal: legal,
            promised: promised ?? Located(TimeLimit(0, .workdays), at: id.span),
            when: when.map(ConditionSource.init), needs: needs, produces: produces, after: after,
            inspection: inspection, fee: fee, online: online, basis: basis,
            locality: f["locality"].flatMap { reader.text($0) }, note: f["note"].flatMap { reader.text($0) })
        item.legalBasis = legalBasis
        return item
    }

    /// A list of ids, each of which may be a `{one-of: [a, b]}` choice.
    static func decodeNeeds(_ node: YAMLNode, reader: inout NodeReader) -> [Need] {
        let what = LocalizedText(en: "needed materials", zh: "所需材料")
        return (reader.list(node, what: what) ?? []).compactMap { element -> Need? in
            if case .mapping = element {
                let choiceWhat = LocalizedText(en: "a choice of materials", zh: "可选材料")
                guard
                    let f = reader.mapping(
                        element, what: choiceWhat, owner: element.span, known: ["one-of"],
                        required: ["one-of"]),
                    let list = f["one-of"]
                else { return nil }
                let choices = reader.references(list, what: choiceWhat)
                if choices.count < 2, reader.list(list, what: choiceWhat) != nil {
                    reader.report(
                        Diagnostic(
                            code: .badValue, severity: .error, span: list.span,
                            message: .init(en: "'one-of' needs at least two choices", zh: "“one-of”至少要有两个选项"),
                            hint: .init(
                                en: "write a single need as a plain id", zh: "只有一个时请直接写材料标识")))
                    return choices.first.map(Need.init)
                }
                return Need(oneOf: choices, span: element.span)
            }
            return reader.reference(element).map(Need.init)
        }
    }
}
