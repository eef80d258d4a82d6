import OneThing

extension LanguageServer {
    /// `textDocument/completion`: the keys valid where the cursor is, or the ids the
    /// value there names (departments, materials, outputs, items, inspections, and form
    /// fields inside `when:`), each with its Chinese name as detail.
    mutating func completion(_ params: JSONValue) -> JSONValue {
        guard let (document, location) = target(params),
            let context = CompletionContext(source: document.source, location: location)
        else { return ["isIncomplete": false, "items": []] }
        var items: [JSONValue] = []
        switch context.place {
        case .key:
            for key in context.keys ?? [] {
                items.append(["label": .string(key), "kind": 10, "insertText": .string(key + ": ")])
            }
        case .value(let key):
            if key == context.path.last, key == "needs" {
                for needKey in BundleDecoder.needKeys {
                    items.append([
                        "label": .string(needKey), "kind": 10, "insertText": .string(needKey + ": "),
                    ])
                }
            }
            if let kind = CompletionContext.kind(ofValueOf: key) {
                for symbol in symbols(of: document) where symbol.kind == kind {
                    items.append([
                        "label": .string(symbol.id),
                        "kind": kind == .field ? 5 : 18,
                        "detail": .string(symbol.name),
                        "documentation": .string(symbol.hoverText(in: language)),
                    ])
                }
            }
        }
        return ["isIncomplete": false, "items": .array(items)]
    }
}
