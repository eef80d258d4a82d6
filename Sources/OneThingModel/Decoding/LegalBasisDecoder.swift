import OneThingSource

/// Reads a legal basis: text, a `{law, article, effective}` mapping, or a list of either.
enum LegalBasisDecoder {
    /// The keys of a legal basis written as a mapping.
    static let keys = ["law", "article", "effective"]

    /// The basis of a mapping already read (`law` present): its law, article and date.
    static func basis(from f: Fields, reader: inout NodeReader) -> LegalBasis? {
        guard let law = f["law"].flatMap({ reader.text($0) }) else { return nil }
        return LegalBasis(
            law: law, article: f["article"].flatMap { reader.text($0) },
            effective: f["effective"].flatMap { reader.date($0) }, span: f.span)
    }

    static func decode(_ node: YAMLNode, reader: inout NodeReader) -> [LegalBasis] {
        switch node {
        case .scalar(let s):
            guard let law = reader.text(node) else { return [] }
            return [LegalBasis(law: law, span: s.span)]
        case .mapping:
            guard
                let f = reader.mapping(
                    node, what: .init(en: "a legal basis", zh: "法律依据"), owner: node.span,
                    known: keys, required: ["law"]),
                let basis = basis(from: f, reader: &reader)
            else { return [] }
            return [basis]
        case .sequence(let elements, _):
            return elements.flatMap { element -> [LegalBasis] in
                if element.elements != nil {
                    reader.report(.wrongType(element, expected: .init(en: "a legal basis", zh: "法律依据")))
                    return []
                }
                return decode(element, reader: &reader)
            }
        }
    }
}
