/// Renders findings as one JSON document for tools and editors:
///
/// ```json
/// {"diagnostics": [{"file": "…", "line": 11, "column": 36, "endLine": 11, "endColumn": 39,
///                   "code": "OT401", "severity": "error", "message": "…", "hint": null,
///                   "notes": [{"file": "…", "line": 2, "column": 3, "endLine": 2,
///                              "endColumn": 20, "message": "…"}],
///                   "fixes": [{"file": "…", "line": 11, "column": 36, "endLine": 11,
///                              "endColumn": 39, "replacement": "…"}]}],
///  "errors": 1, "warnings": 0, "files": 3}
/// ```
///
/// Lines and columns are 1-based; columns count Unicode scalars and the end is
/// exclusive, as in ``SourceSpan``. `severity` is `error`, `warning` or `note` in every
/// language; messages and hints are in the renderer's language, `hint` is `null` when
/// there is none. `fixes` are the edits the hint suggests, each the text to write in
/// place of a span (empty when the hint is not a mechanical edit). Keys are sorted, so the same findings always give the same bytes.
public struct JSONDiagnosticRenderer: DiagnosticRenderer, Sendable {
    /// The language of messages and hints.
    public var language: Language

    /// Creates a JSON renderer.
    public init(language: Language) {
        self.language = language
    }

    /// Renders the document, pretty-printed, with a final line break.
    public func render(
        _ diagnostics: [Diagnostic], fileCount: Int, sources: (String) -> SourceFile?
    ) -> String {
        let summary = DiagnosticSummary(diagnostics, fileCount: fileCount)
        let document = JSONDocument(
            diagnostics: diagnostics.map { JSONFinding($0, language: language) },
            errors: summary.errorCount,
            warnings: summary.warningCount,
            files: summary.fileCount)
        return JSONDocumentText.of(document)
    }
}

/// The whole JSON document.
private struct JSONDocument: Encodable {
    var diagnostics: [JSONFinding]
    var errors: Int
    var warnings: Int
    var files: Int
}

/// One finding as the JSON output writes it; other JSON outputs (`onething test`)
/// embed findings in this same shape.
public struct JSONFinding: Encodable, Sendable {
    var file: String
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
    var code: String
    var severity: String
    var message: String
    var hint: String?
    var notes: [JSONNote]
    var fixes: [JSONFix]

    /// The finding `diagnostic` with its texts in `language`.
    public init(_ diagnostic: Diagnostic, language: Language) {
        file = diagnostic.span.file
        line = diagnostic.span.start.line
        column = diagnostic.span.start.column
        endLine = diagnostic.span.end.line
        endColumn = diagnostic.span.end.column
        code = diagnostic.code.rawValue
        severity = diagnostic.severity.rawValue
        message = diagnostic.message.text(in: language)
        hint = diagnostic.hint?.text(in: language)
        notes = diagnostic.notes.map { JSONNote($0, language: language) }
        fixes = diagnostic.fixes.map(JSONFix.init)
    }

    private enum CodingKeys: String, CodingKey {
        case file, line, column, endLine, endColumn, code, severity, message, hint, notes, fixes
    }

    /// Encodes every key, `hint` as `null` when there is none.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(endLine, forKey: .endLine)
        try container.encode(endColumn, forKey: .endColumn)
        try container.encode(code, forKey: .code)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try container.encode(hint, forKey: .hint)
        try container.encode(notes, forKey: .notes)
        try container.encode(fixes, forKey: .fixes)
    }
}

/// One note of a finding in the JSON document.
struct JSONNote: Encodable, Sendable {
    var file: String
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
    var message: String

    init(_ note: DiagnosticNote, language: Language) {
        file = note.span.file
        line = note.span.start.line
        column = note.span.start.column
        endLine = note.span.end.line
        endColumn = note.span.end.column
        message = note.message.text(in: language)
    }
}

/// One fix of a finding in the JSON document: the text to write in place of a span.
struct JSONFix: Encodable, Sendable {
    var file: String
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
    var replacement: String

    init(_ fix: DiagnosticFix) {
        file = fix.span.file
        line = fix.span.start.line
        column = fix.span.start.column
        endLine = fix.span.end.line
        endColumn = fix.span.end.column
        replacement = fix.replacement
    }
}
