import OneThingSource

/// Reads the `items:` table of a bundle.
enum ItemDecoder {
    static let keys = [
        "name", "department", "kind", "legal", "promised", "when", "needs", "produces", "after",
        "inspection", "fee", "online", "not-counted", "on-rejection", "place", "basis", "legal-basis",
        "locality", "note", "windows",
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
        let promisedRules = f["promised"].map { LimitRuleDecoder.decode($0, reader: &reader) }
        let promised = promisedRules?.limit
        let (legal, legalTerms) =
            f["legal"].map { LegalLimitDecoder.decode($0, reader: &reader) } ?? (nil, LegalTerms())
        let when = f["when"].flatMap { reader.scalar($0, expected: .init(en: "a condition", zh: "条件")) }
        let needs = f["needs"].map { decodeNeeds($0, reader: &reader) } ?? []
        let produces = f["produces"].map { reader.references($0, what: .init(en: "outputs", zh: "产出")) } ?? []
        let after =
            f["after"].map { reader.references($0, what: .init(en: "items waited for", zh: "前置事项")) } ?? []
        let inspection = f["inspection"].flatMap { reader.reference($0) }
        let fee = f["fee"].flatMap { FeeDecoder.decode($0, reader: &reader) }
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
        item.legalTerms = legalTerms
        item.place = f["place"].flatMap { reader.text($0) }
        if item.place != nil, online, let key = f.keySpan("place") {
            reader.report(
                Diagnostic(
                    code: .badValue, severity: .error, span: key,
                    message: .init(
                        en:
                            "item '\(id.value)' is fully online ('online: true'), so the applicant goes to no place for it",
                        zh: "事项“\(id.value)”全程网办（online: true），申请人无需前往任何地点"),
                    hint: .init(
                        en: "remove 'place', or 'online: true' if the applicant must go there",
                        zh: "请删去“place”；如申请人须前往办理，请删去“online: true”")))
        }
        item.onRejection = f["on-rejection"].flatMap {
            reader.choice($0, RejectionPolicy.self, what: .init(en: "rejection policy", zh: "驳回处理方式"))
        }
        item.promisedRules = promisedRules?.rules ?? []
        item.notCounted = f["not-counted"].map { UncountedTimeDecoder.decode($0, reader: &reader) } ?? []
        item.windows = f["windows"].map { WindowDecoder.decodeAll($0, reader: &reader) } ?? []
        return item
    }

    /// The keys of a need written as a mapping: exactly one of the first four, `when`
    /// and `from`.
    static let needKeys = NeedKind.allCases.map(\.rawValue) + ["when", "from"]

    /// A list of needs: each a plain id, or a mapping with `material`, `one-of`,
    /// `any-of` or `all-that-apply`, and optionally `when`.
    static func decodeNeeds(_ node: YAMLNode, reader: inout NodeReader) -> [Need] {
        let what = LocalizedText(en: "needed materials", zh: "所需材料")
        return (reader.list(node, what: what) ?? []).compactMap { element -> Need? in
            if case .mapping = element { return decodeNeed(element, reader: &reader) }
            return reader.reference(element).map { Need($0) }
        }
    }

    /// A need written as a mapping; `nil` (after a finding) when it cannot be read.
    static func decodeNeed(_ element: YAMLNode, reader: inout NodeReader) -> Need? {
        let needWhat = LocalizedText(en: "a need", zh: "所需材料条目")
        guard let f = reader.mapping(element, what: needWhat, owner: element.span, known: needKeys) else {
            return nil
        }
        let when = f["when"].flatMap { reader.scalar($0, expected: .init(en: "a condition", zh: "条件")) }
            .map(ConditionSource.init)
        let from =
            f["from"].map {
                reader.references($0, what: .init(en: "the parties who bring it", zh: "提交材料的当事人"))
            } ?? []
        guard
            var need = decodeNeedMaterials(f, element: element, when: when, reader: &reader)
        else { return nil }
        need.from = from
        return need
    }

    /// What a need written as a mapping needs: exactly one of `material`, `one-of`,
    /// `any-of`, `all-that-apply`.
    static func decodeNeedMaterials(
        _ f: Fields, element: YAMLNode, when: ConditionSource?, reader: inout NodeReader
    ) -> Need? {
        guard
            let key = reader.oneKey(
                of: NeedKind.allCases.map(\.rawValue), in: f,
                missing: Diagnostic(
                    code: .missingKey, severity: .error, span: element.span,
                    message: .init(
                        en:
                            "a need must say what is needed: 'material', 'one-of', 'any-of' or 'all-that-apply'",
                        zh: "所需材料条目必须写明所需材料：“material”“one-of”“any-of”或“all-that-apply”"),
                    hint: .init(
                        en:
                            "write {material: ID, when: CONDITION}, or {any-of: [A, B]} when any one of them will do",
                        zh: "请写成 {material: 材料标识, when: 条件}；任选其一的写成 {any-of: [A, B]}")),
                twice: { first, second, span in
                    Diagnostic(
                        code: .badValue, severity: .error, span: span,
                        message: .init(
                            en:
                                "a need has one of 'material', 'one-of', 'any-of', 'all-that-apply', not '\(first)' and '\(second)'",
                            zh:
                                "一个所需材料条目只能写“material”“one-of”“any-of”“all-that-apply”中的一个，不能同时写“\(first)”和“\(second)”"
                        ),
                        hint: .init(
                            en: "write each need as its own entry of the list",
                            zh: "请把它们分别写成列表中的单独条目"))
                }),
            let kind = NeedKind(rawValue: key), let value = f[key]
        else { return nil }
        if kind == .single {
            return reader.reference(value).map { Need($0, when: when, span: element.span) }
        }
        let groupWhat = LocalizedText(
            en: "a group of materials ('\(kind.rawValue)')", zh: "材料组（“\(kind.rawValue)”）")
        let choices = reader.references(value, what: groupWhat)
        if choices.count < 2, reader.list(value, what: groupWhat) != nil {
            reader.report(
                Diagnostic(
                    code: .badValue, severity: .error, span: value.span,
                    message: .init(
                        en: "'\(kind.rawValue)' needs at least two materials",
                        zh: "“\(kind.rawValue)”至少要有两个材料"),
                    hint: .init(
                        en: "write a single need as a plain id, or as {material: ID, when: CONDITION}",
                        zh: "只有一个时请直接写材料标识，或写成 {material: 材料标识, when: 条件}")))
            return choices.first.map { Need($0, when: when, span: element.span) }
        }
        return Need(choices, kind: kind, when: when, span: element.span)
    }
}
