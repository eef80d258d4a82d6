import OneThingSource

/// Reads a table of materials, in a bundle or in the common-materials catalogue.
enum MaterialDecoder {
    static let keys = [
        "name", "kind", "source", "output", "core", "deferrable", "commitment", "description", "fallback",
    ]

    static func decodeAll(_ node: YAMLNode, reader: inout NodeReader) -> [Material] {
        guard let entries = reader.table(node, what: .init(en: "materials", zh: "材料")) else { return [] }
        return entries.compactMap { decode($0, reader: &reader) }
    }

    static func decode(_ entry: YAMLEntry, reader: inout NodeReader) -> Material? {
        let id = reader.checkedID(entry.key)
        let what = LocalizedText(en: "material '\(entry.key.value)'", zh: "材料“\(entry.key.value)”")
        guard
            let f = reader.mapping(
                entry.value, what: what, owner: entry.key.span, known: keys, required: ["name"])
        else { return nil }
        let name = f["name"].flatMap { reader.text($0) }
        let source =
            f["source"].flatMap {
                reader.choice($0, MaterialSource.self, what: .init(en: "material source", zh: "材料来源"))
            } ?? .applicant
        let output = f["output"].flatMap { reader.id($0) }
        if source == .output, output == nil, f["output"] == nil {
            reader.report(
                .missingKey(
                    "output", in: what, at: f.keySpan("source") ?? entry.key.span))
        }
        if source != .output, let node = f["output"] {
            reader.report(
                Diagnostic(
                    code: .badValue, severity: .error, span: node.span,
                    message: .init(
                        en: "'output' only applies to a material with 'source: output'",
                        zh: "只有“source: output”的材料才能填写“output”"),
                    hint: .init(
                        en: "add 'source: output' or remove 'output'", zh: "请加上“source: output”或删去“output”")))
        }
        let core = f["core"].flatMap { reader.bool($0) } ?? false
        let deferrable = f["deferrable"].flatMap { reader.duration($0) }
        var commitment = false
        var commitmentWhen: ConditionSource?
        if let node = f["commitment"] {
            if case .mapping = node {
                let choice = LocalizedText(en: "the applicant's choice of a commitment", zh: "申请人选择告知承诺的条件")
                if let g = reader.mapping(
                    node, what: choice, owner: node.span, known: ["when"], required: ["when"]),
                    let when = g["when"].flatMap({
                        reader.scalar($0, expected: .init(en: "a condition", zh: "条件"))
                    })
                {
                    commitment = true
                    commitmentWhen = ConditionSource(scalar: when)
                }
            } else {
                commitment = reader.bool(node) ?? false
            }
        }
        let fallback = f["fallback"].flatMap {
            decodeFallback($0, source: source, what: what, reader: &reader)
        }
        if source.isFetched, f["fallback"] == nil, let node = f["source"] {
            reader.report(.fallbackMissing(node.span, what: what))
        }
        if commitment, source != .applicant, let node = f["commitment"] {
            reader.report(
                Diagnostic(
                    code: .badValue, severity: .error, span: node.span,
                    message: .init(
                        en:
                            "a commitment replaces a material the applicant brings, not one with 'source: \(source.rawValue)'",
                        zh: "告知承诺只能代替申请人提交的材料，不能代替“source: \(source.rawValue)”的材料"),
                    hint: .init(
                        en: "remove 'commitment', or the 'source' line if the applicant brings it",
                        zh: "请删去“commitment”；如该材料由申请人提交，请删去“source”")))
        }
        let kind =
            f["kind"].flatMap {
                reader.choice($0, MaterialKind.self, what: .init(en: "material kind", zh: "材料类别"))
            } ?? .document
        if kind == .object, let node = f["kind"] {
            // A thing is brought or handed over by the applicant: nothing fetches it, and no
            // commitment replaces it.
            if source != .applicant || commitment {
                reader.report(
                    Diagnostic(
                        code: .badValue, severity: .error, span: node.span,
                        message: .init(
                            en:
                                "a thing (kind: object) is brought by the applicant: it cannot be fetched, issued or replaced by a commitment",
                            zh: "实物（kind: object）由申请人带来或交付，不能通过共享获取、由事项出具或以告知承诺代替"),
                        hint: .init(
                            en: "remove 'source' and 'commitment', or write it as a document",
                            zh: "请删去“source”和“commitment”，或把它写成文件材料")))
            }
        }
        guard let id, let name else { return nil }
        var material = Material(
            id: id, name: name, source: source, output: output, core: core, deferrable: deferrable,
            commitment: commitment, description: f["description"].flatMap { reader.text($0) },
            fallback: fallback)
        material.commitmentWhen = commitmentWhen
        material.kind = kind
        return material
    }

    /// The names `fallback:` takes, for the did-you-mean of a misspelt one.
    static let fallbackNames = ["paper", "wait"]

    /// `fallback: paper` or `fallback: {wait: 2 workdays}`, on a material whose source is
    /// fetched (`e-licence`, `shared-data`).
    static func decodeFallback(
        _ node: YAMLNode, source: MaterialSource, what: LocalizedText, reader: inout NodeReader
    ) -> Located<MaterialFallback>? {
        guard source.isFetched else {
            reader.report(.fallbackWithoutFetch(node.span))
            return nil
        }
        let kind = LocalizedText(en: "fallback", zh: "获取不到时的办法（fallback）")
        if case .mapping = node {
            let inner = LocalizedText(en: "fallback of \(what.en)", zh: "\(what.zh)的“fallback”")
            guard
                let f = reader.mapping(
                    node, what: inner, owner: node.span, known: ["wait"], required: ["wait"]),
                let bound = f["wait"].flatMap({ reader.duration($0) })
            else { return nil }
            return Located(.wait(bound), at: node.span)
        }
        guard let s = reader.scalar(node, expected: kind) else { return nil }
        switch s.value {
        case "paper": return Located(.paper, at: s.span)
        case "wait":
            reader.report(.waitWithoutBound(s))
            return nil
        default:
            reader.report(.notAChoice(s, what: kind, choices: fallbackNames))
            return nil
        }
    }
}
