import OneThing

extension LanguageServer {
    /// The open document and the location a request's `textDocument` and `position` name.
    func target(_ params: JSONValue) -> (document: OpenDocument, location: SourceLocation)? {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri],
            let position = LSPPosition(params["position"])
        else { return nil }
        return (document, document.source.location(of: position))
    }

    /// The symbols the document can use: its catalogue's and its own.
    mutating func symbols(of document: OpenDocument) -> [BundleSymbol] {
        switch document.kind {
        case .bundle(let folder):
            var loaded: Catalogue?
            if let folder { loaded = catalogue(folder: folder).catalogue }
            return BundleSymbol.all(bundle: document.bundle, catalogue: loaded)
        case .catalogue(let folder):
            return BundleSymbol.all(bundle: nil, catalogue: catalogue(folder: folder).catalogue)
        }
    }

    /// `textDocument/hover`: the department, material, output, inspection, item or form
    /// field whose id is under the cursor, or the summary of a code (a word `OT…`, or a
    /// finding at the cursor).
    mutating func hover(_ params: JSONValue) -> JSONValue {
        guard let (document, location) = target(params) else { return .null }
        var sections: [String] = []
        let word = document.source.word(at: location)
        if let word {
            // A bundle's own declaration first: a material it declares hides a common one.
            let matches = symbols(of: document).filter { $0.id == word.value }
            sections += matches.prefix(2).map { $0.hoverText(in: language) }
            if let entry = DiagnosticCode(word.value).entry {
                sections.append("**\(entry.code)**: \(entry.summary.text(in: language))")
            }
        }
        for diagnostic in document.diagnostics
        where diagnostic.span.start <= location && location <= diagnostic.span.end
            && diagnostic.code.rawValue != word?.value
        {
            if let entry = diagnostic.code.entry {
                let line = "**\(entry.code)**: \(entry.summary.text(in: language))"
                if !sections.contains(line) { sections.append(line) }
            }
        }
        guard !sections.isEmpty else { return .null }
        var result: [(String, JSONValue)] = [
            ("contents", ["kind": "markdown", "value": .string(sections.joined(separator: "\n\n---\n\n"))])
        ]
        if let word { result.append(("range", document.source.lspRange(of: word.span))) }
        return .object(result)
    }

    /// `textDocument/definition`: where the id under the cursor is declared: in the
    /// bundle, or in the catalogue's file.
    mutating func definition(_ params: JSONValue) -> JSONValue {
        guard let (document, location) = target(params), let word = document.source.word(at: location) else {
            return .null
        }
        let matches = symbols(of: document).filter { $0.id == word.value }
        // A bundle's own declaration hides the catalogue's (a form field and an item may
        // share an id: both are offered).
        return .array(matches.map { self.location(of: $0.declaration, from: document.source) })
    }

    /// `textDocument/codeAction`: a quick fix for each finding in the range that carries
    /// a fix (a did-you-mean, a full-width sign): the edit replaces the span with the text.
    func codeActions(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri],
            let start = LSPPosition(params["range"]?["start"]), let end = LSPPosition(params["range"]?["end"])
        else { return .array([]) }
        let from = document.source.location(of: start)
        let to = document.source.location(of: end)
        var actions: [JSONValue] = []
        for diagnostic in document.diagnostics
        where !diagnostic.fixes.isEmpty && diagnostic.span.start <= to && from <= diagnostic.span.end {
            let edits: [JSONValue] = diagnostic.fixes.filter { $0.span.file == diagnostic.span.file }.map {
                fix in
                ["range": document.source.lspRange(of: fix.span), "newText": .string(fix.replacement)]
            }
            guard !edits.isEmpty else { continue }
            let title = diagnostic.hint?.text(in: language) ?? diagnostic.fixes[0].replacement
            actions.append([
                "title": .string(title),
                "kind": "quickfix",
                "isPreferred": true,
                "diagnostics": [lspDiagnostic(diagnostic, in: document.source)],
                "edit": ["changes": .object([(uri, .array(edits))])],
            ])
        }
        return .array(actions)
    }
}
