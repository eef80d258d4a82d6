import OneThingSource

/// Reads a bundle's `baseline:`: the published pre-reform figures and their source.
enum BaselineDecoder {
    /// The keys of `baseline:`.
    static let keys = ["materials", "departments", "workdays", "visits", "place", "source"]
    /// The keys of a `source:` written as a mapping.
    static let sourceKeys = ["title", "url", "published"]
    /// The figures a baseline may declare, in the order `keys` lists them.
    static let figureKeys = ["materials", "departments", "workdays", "visits"]

    static func decode(_ node: YAMLNode, owner: SourceSpan, reader: inout NodeReader) -> DeclaredBaseline? {
        let what = LocalizedText(en: "the baseline", zh: "改革前基线")
        guard let f = reader.mapping(node, what: what, owner: owner, known: keys, required: ["source"]) else {
            return nil
        }
        let materials = f["materials"].flatMap { count($0, reader: &reader) }
        let departments = f["departments"].flatMap { count($0, reader: &reader) }
        let visits = f["visits"].flatMap { count($0, reader: &reader) }
        var workdays: Located<Double>?
        if let node = f["workdays"], let value = reader.number(node) {
            if value < 0 {
                reader.report(negative(node.span))
            } else {
                workdays = Located(value, at: node.span)
            }
        }
        if !figureKeys.contains(where: { f.keySpan($0) != nil }) {
            reader.report(
                Diagnostic(
                    code: .missingKey, severity: .error, span: owner,
                    message: .init(
                        en: "the baseline declares no figure", zh: "改革前基线没有写任何数字"),
                    hint: .init(
                        en: "write at least one of 'materials:', 'departments:', 'workdays:' or 'visits:', "
                            + "as the source publishes them, or remove 'baseline:'",
                        zh: "请按来源公布的数字至少填写“materials:”“departments:”“workdays:”“visits:”之一，或删去“baseline:”")))
        }
        let place = f["place"].flatMap { reader.text($0) }
        guard let source = f["source"].flatMap({ decodeSource($0, reader: &reader) }) else { return nil }
        return DeclaredBaseline(
            materials: materials, departments: departments, workdays: workdays, visits: visits, place: place,
            source: source, span: f.span)
    }

    /// A whole number ≥ 0.
    private static func count(_ node: YAMLNode, reader: inout NodeReader) -> Located<Int>? {
        guard let value = reader.integer(node) else { return nil }
        guard value >= 0 else {
            reader.report(negative(node.span))
            return nil
        }
        return Located(value, at: node.span)
    }

    /// A figure below zero.
    private static func negative(_ span: SourceSpan) -> Diagnostic {
        Diagnostic(
            code: .badValue, severity: .error, span: span,
            message: .init(en: "a baseline figure cannot be negative", zh: "改革前基线的数字不能为负数"),
            hint: .init(en: "write the figure as the source publishes it", zh: "请按来源公布的数字填写"))
    }

    /// The source: a title as text, or `{title, url, published}` (a window's local
    /// document is written the same way).
    static func decodeSource(_ node: YAMLNode, reader: inout NodeReader) -> BaselineSource? {
        if case .scalar = node {
            return reader.text(node).map { BaselineSource(title: $0) }
        }
        guard
            let f = reader.mapping(
                node, what: .init(en: "the baseline's source", zh: "基线来源"), owner: node.span,
                known: sourceKeys, required: ["title"]),
            let title = f["title"].flatMap({ reader.text($0) })
        else { return nil }
        var url: String?
        if let node = f["url"], let text = reader.text(node) {
            if text.hasPrefix("https://") || text.hasPrefix("http://") {
                url = text
            } else {
                reader.report(
                    Diagnostic(
                        code: .badValue, severity: .error, span: node.span,
                        message: .init(
                            en: "'\(text)' is not a web address", zh: "“\(text)”不是网址"),
                        hint: .init(
                            en: "write the address as a browser shows it, starting with https:// or http://",
                            zh: "请按浏览器地址栏填写网址，以 https:// 或 http:// 开头")))
            }
        }
        return BaselineSource(title: title, url: url, published: f["published"].flatMap { reader.date($0) })
    }
}
