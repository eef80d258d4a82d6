/// Renders findings as GitHub Actions workflow commands, which GitHub shows as
/// annotations on the pull request and the run:
///
/// ```
/// ::error file=bundles/a.yaml,line=11,col=36,endLine=11,endColumn=39,title=OT401::unknown word%0Ahint: …
/// ```
///
/// Errors become `::error`, warnings `::warning`, notes `::notice`. The message carries
/// the hint and the notes (`note: file:line:column: message`) on lines of their own.
/// Columns are given only for a span on one line, as GitHub ignores them otherwise.
/// The summary follows as a plain line for the log.
public struct GitHubDiagnosticRenderer: DiagnosticRenderer, Sendable {
    /// The language of messages and hints.
    public var language: Language

    /// Creates a GitHub Actions renderer.
    public init(language: Language) {
        self.language = language
    }

    /// Renders one command per finding, then the summary line.
    public func render(
        _ diagnostics: [Diagnostic], fileCount: Int, sources: (String) -> SourceFile?
    ) -> String {
        var lines = diagnostics.map(command)
        lines.append(DiagnosticSummary(diagnostics, fileCount: fileCount).sentence(in: language))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The workflow command of one finding.
    private func command(_ diagnostic: Diagnostic) -> String {
        let span = diagnostic.span
        var properties = [("file", span.file), ("line", String(span.start.line))]
        if span.start.line == span.end.line {
            properties.append(("col", String(span.start.column)))
            properties += [("endLine", String(span.end.line)), ("endColumn", String(span.end.column))]
        } else {
            properties.append(("endLine", String(span.end.line)))
        }
        properties.append(("title", diagnostic.code.rawValue))
        var message = RenderingWords.messageWithHint(diagnostic, in: language)
        for note in diagnostic.notes {
            message +=
                "\n\(Severity.note.label(in: language)): \(note.span): \(note.message.text(in: language))"
        }
        let propertyList = properties.map { "\($0)=\(Self.escapedProperty($1))" }.joined(separator: ",")
        return "::\(Self.commandName(diagnostic.severity)) \(propertyList)::\(Self.escapedData(message))"
    }

    private static func commandName(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// Escapes a command's message: `%`, carriage return and line feed.
    public static func escapedData(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": escaped += "%25"
            case "\r": escaped += "%0D"
            case "\n": escaped += "%0A"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Escapes a command's property value: as data, and also `:` and `,`.
    public static func escapedProperty(_ text: String) -> String {
        var escaped = ""
        for scalar in escapedData(text).unicodeScalars {
            switch scalar {
            case ":": escaped += "%3A"
            case ",": escaped += "%2C"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
