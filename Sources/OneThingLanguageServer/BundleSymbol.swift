import OneThing

/// A name a bundle can use, with what the editor shows about it: a department or a
/// common material of the catalogue, or a material, output, inspection, item, party or
/// form field of the bundle.
struct BundleSymbol: Sendable {
    /// What kind of thing it is.
    enum Kind: Sendable, Hashable {
        case department, material, output, inspection, item, party, field

        /// The word for the kind.
        var word: LocalizedText {
            switch self {
            case .department: .init(en: "department", zh: "部门")
            case .material: .init(en: "material", zh: "材料")
            case .output: .init(en: "output", zh: "产出")
            case .inspection: .init(en: "inspection", zh: "现场核查")
            case .item: .init(en: "item", zh: "事项")
            case .party: .init(en: "party", zh: "当事人")
            case .field: .init(en: "form field", zh: "表单字段")
            }
        }
    }

    /// What kind of thing it is.
    var kind: Kind
    /// Its id.
    var id: String
    /// Its Chinese name (a field's label).
    var name: String
    /// More to show: an English name, a legal basis.
    var details: [LocalizedText] = []
    /// Where it is declared.
    var declaration: SourceSpan

    /// The symbols a bundle can use: the catalogue's departments and common materials,
    /// and the bundle's own declarations (a material declared in the bundle hides a
    /// common one of the same id).
    static func all(bundle: ServiceBundle?, catalogue: Catalogue?) -> [BundleSymbol] {
        var symbols: [BundleSymbol] = []
        for department in (catalogue?.departments.values ?? [:].values).sorted(by: {
            $0.id.value < $1.id.value
        }) {
            symbols.append(
                BundleSymbol(
                    kind: .department, id: department.id.value, name: department.name,
                    details: department.englishName.map { [LocalizedText(en: $0, zh: $0)] } ?? [],
                    declaration: department.id.span))
        }
        let own = Set(bundle?.materials.map(\.id.value) ?? [])
        for material in (catalogue?.materials.values ?? [:].values).sorted(by: { $0.id.value < $1.id.value })
        where !own.contains(material.id.value) {
            symbols.append(material.symbol(common: true))
        }
        guard let bundle else { return symbols }
        symbols += bundle.materials.map { $0.symbol(common: false) }
        symbols += bundle.outputs.map {
            BundleSymbol(kind: .output, id: $0.id.value, name: $0.name, declaration: $0.id.span)
        }
        symbols += bundle.inspections.map {
            BundleSymbol(kind: .inspection, id: $0.id.value, name: $0.name, declaration: $0.id.span)
        }
        symbols += bundle.items.map { item in
            BundleSymbol(
                kind: .item, id: item.id.value, name: item.name,
                details: (item.basis + item.legalBasis).map { basis in
                    let text = basis.cited
                    return LocalizedText(en: "legal basis: \(text)", zh: "依据：\(text)")
                }, declaration: item.id.span)
        }
        symbols += bundle.parties.map { party in
            BundleSymbol(
                kind: .party, id: party.id.value, name: party.name,
                details: [party.kind.name]
                    + (party.when.map {
                        [LocalizedText(en: "takes part when \($0.text)", zh: "参与条件：\($0.text)")]
                    } ?? []),
                declaration: party.id.span)
        }
        symbols += bundle.form.fields.map { field in
            BundleSymbol(
                kind: .field, id: field.id, name: field.label,
                details: field.values.isEmpty
                    ? []
                    : [
                        LocalizedText(
                            en: "values: "
                                + field.values.map { "\($0.id) (\($0.label))" }.joined(separator: ", "),
                            zh: "取值：" + field.values.map { "\($0.id)（\($0.label)）" }.joined(separator: "、"))
                    ], declaration: field.span)
        }
        return symbols
    }

    /// The symbol shown on hover, in `language`: its kind, id and name, its details,
    /// and where it is declared.
    func hoverText(in language: Language) -> String {
        var lines = ["**\(kind.word.text(in: language))** `\(id)`: \(name)"]
        lines += details.map { $0.text(in: language) }
        let place = "\(declaration.file):\(declaration.start.line)"
        lines.append(language.say("declared at \(place)", "声明于 \(place)"))
        return lines.joined(separator: "\n\n")
    }
}

extension Material {
    /// The material as a symbol; `common` when the catalogue declares it.
    fileprivate func symbol(common: Bool) -> BundleSymbol {
        var details: [LocalizedText] = [
            LocalizedText(en: "source: \(source.rawValue)", zh: "来源：\(source.rawValue)")
        ]
        if common {
            details.append(LocalizedText(en: "a common material of the catalogue", zh: "共享目录中的共享材料"))
        }
        return BundleSymbol(kind: .material, id: id.value, name: name, details: details, declaration: id.span)
    }
}
