import Foundation
import OneThing

extension LanguageServer {
    /// Validates the open document at `uri` as `onething validate` validates its file,
    /// with the text the editor has, and returns the notification that publishes the
    /// findings.
    mutating func check(_ uri: String) -> JSONValue {
        guard var open = documents[uri] else { return Self.publish(uri: uri, version: nil, diagnostics: []) }
        let bytes = Array(open.source.text.utf8)
        switch open.kind {
        case .bundle(let folder):
            var catalogue: Catalogue?
            if let folder { catalogue = self.catalogue(folder: folder).catalogue }
            let analysis = validator.analyse(bytes: bytes, name: open.path, catalogue: catalogue)
            open.diagnostics = analysis.report.diagnostics
            if let bundle = analysis.bundle { open.bundle = bundle }
        case .catalogue(let folder):
            let loaded = catalogue(folder: folder)
            open.diagnostics =
                (loaded.reports[open.path] ?? loaded.reports[SourceTree.canonical(open.path)])?.diagnostics
                ?? []
        }
        documents[uri] = open
        let source = open.source
        let findings = open.diagnostics.map { lspDiagnostic($0, in: source) }
        return Self.publish(uri: uri, version: open.version, diagnostics: findings)
    }

    /// The catalogue folder `folder`, loaded once and kept until one of its files
    /// changes. Files the editor has open are read as the editor has them, the others
    /// from disk, as `validate` reads the folder.
    mutating func catalogue(folder: String) -> CatalogueLoader.Loaded {
        if let loaded = catalogues[folder] { return loaded }
        let open = Dictionary(
            documents.values.compactMap { document -> (String, SourceFile)? in
                guard case .catalogue(let own) = document.kind, own == folder else { return nil }
                return (SourceTree.canonical(document.path), document.source)
            }, uniquingKeysWith: { first, _ in first })
        let loaded: CatalogueLoader.Loaded
        if open.isEmpty {
            loaded = CatalogueLoader.load(folder: folder)
        } else {
            // The names of the folder's files; one that cannot be read from disk keeps the
            // finding the folder's own loading gives it.
            let onDisk = CatalogueLoader.load(folder: folder)
            var files: [String: [UInt8]] = [:]
            for (path, report) in onDisk.reports where report.source != nil || open[path] != nil {
                files[path] =
                    open[path].map { Array($0.text.utf8) } ?? report.source.map { Array($0.text.utf8) }
            }
            for (path, source) in open { files[path] = Array(source.text.utf8) }
            var merged = CatalogueLoader.load(files: files)
            for (path, report) in onDisk.reports where files[path] == nil { merged.reports[path] = report }
            loaded = merged
        }
        catalogues[folder] = loaded
        return loaded
    }

    /// A finding as an LSP diagnostic: its range in UTF-16 positions, severity, code,
    /// the message with its hint (as `validate` prints them), and its notes as related
    /// information.
    func lspDiagnostic(_ diagnostic: Diagnostic, in source: SourceFile) -> JSONValue {
        let severity: Int =
            switch diagnostic.severity {
            case .error: 1
            case .warning: 2
            case .note: 3
            }
        var object: [(String, JSONValue)] = [
            ("range", source.lspRange(of: diagnostic.span)),
            ("severity", .integer(severity)),
            ("code", .string(diagnostic.code.rawValue)),
            ("source", "onething"),
            ("message", .string(RenderingWords.messageWithHint(diagnostic, in: language))),
        ]
        if !diagnostic.notes.isEmpty {
            object.append(
                (
                    "relatedInformation",
                    .array(
                        diagnostic.notes.map { note in
                            [
                                "location": location(of: note.span, from: source),
                                "message": .string(note.message.text(in: language)),
                            ]
                        })
                ))
        }
        return .object(object)
    }

    /// The LSP location of `span`: in the document `source` when it is its file, in
    /// an open document or a loaded catalogue file otherwise.
    func location(of span: SourceSpan, from source: SourceFile) -> JSONValue {
        let file = span.file == source.path ? source : self.source(ofPath: span.file)
        let range =
            file?.lspRange(of: span)
            ?? [
                "start": [
                    "line": .integer(span.start.line - 1), "character": .integer(span.start.column - 1),
                ],
                "end": ["line": .integer(span.end.line - 1), "character": .integer(span.end.column - 1)],
            ]
        let uri = documents.values.first { $0.path == span.file }?.uri ?? OpenDocument.uri(ofPath: span.file)
        return ["uri": .string(uri), "range": range]
    }

    /// The text of the file at `path`: an open document's, or a loaded catalogue file's.
    func source(ofPath path: String) -> SourceFile? {
        if let open = documents.values.first(where: { $0.path == path }) { return open.source }
        for loaded in catalogues.values {
            if let source = loaded.reports.values.first(where: { $0.path == path })?.source { return source }
        }
        return nil
    }

    /// The notification that publishes `diagnostics` for `uri`.
    static func publish(uri: String, version: Int?, diagnostics: [JSONValue]) -> JSONValue {
        var params: [(String, JSONValue)] = [("uri", .string(uri))]
        if let version { params.append(("version", .integer(version))) }
        params.append(("diagnostics", .array(diagnostics)))
        return notification("textDocument/publishDiagnostics", .object(params))
    }
}
