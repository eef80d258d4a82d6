/// Renders findings for a person at a terminal, in the style of rustc and swiftc:
/// a `file:line:column: severity[code]: message` line, the source line with the span
/// underlined, the hint, and each note with its own quoted line; a summary at the end.
///
/// ```
/// bundles/open-restaurant.yaml:11:36: error[OT401]: unknown word `nto`
///    |
/// 11 |     when: venue.area_m2 >= 150 and nto business.prepackaged_only
///    |                                    ^~~
///    = hint: did you mean `not`?
/// ```
///
/// The underline is measured in terminal columns: a Chinese character takes two, a
/// tab is shown as four spaces. A span of no width gets a single `^`; a span over
/// several lines is underlined to the end of its first line.
public struct TextDiagnosticRenderer: DiagnosticRenderer, Sendable {
    /// The language of messages and labels.
    public var language: Language
    /// Whether to colour the output with ANSI escape sequences.
    public var usesColor: Bool

    /// Creates a text renderer.
    public init(language: Language, usesColor: Bool = false) {
        self.language = language
        self.usesColor = usesColor
    }

    /// Renders every finding, each followed by an empty line, then the summary line.
    public func render(
        _ diagnostics: [Diagnostic], fileCount: Int, sources: (String) -> SourceFile?
    ) -> String {
        var lines: [String] = []
        for diagnostic in diagnostics {
            lines += render(diagnostic, sources: sources)
            lines.append("")
        }
        let summary = DiagnosticSummary(diagnostics, fileCount: fileCount)
        lines.append(style.bold(summary.sentence(in: language)))
        return lines.joined(separator: "\n") + "\n"
    }

    private var style: TerminalStyle { TerminalStyle(isEnabled: usesColor) }

    /// The lines of one finding: header, quote, hint, then each note.
    private func render(_ diagnostic: Diagnostic, sources: (String) -> SourceFile?) -> [String] {
        let spans = [diagnostic.span] + diagnostic.notes.map(\.span)
        let gutterWidth = String(spans.map(\.start.line).max() ?? 1).count
        let label = "\(diagnostic.severity.label(in: language))[\(diagnostic.code)]"
        var lines = [
            header(
                diagnostic.span, label: style.severity(diagnostic.severity, label),
                message: diagnostic.message)
        ]
        lines += quote(diagnostic.span, severity: diagnostic.severity, gutterWidth: gutterWidth, sources)
        if let hint = diagnostic.hint { lines += hintLines(hint, gutterWidth: gutterWidth) }
        for note in diagnostic.notes {
            let label = style.severity(.note, Severity.note.label(in: language))
            lines.append(header(note.span, label: label, message: note.message))
            lines += quote(note.span, severity: .note, gutterWidth: gutterWidth, sources)
        }
        return lines
    }

    /// `= hint: text`, with later lines of the text aligned under its first.
    private func hintLines(_ hint: LocalizedText, gutterWidth: Int) -> [String] {
        let label = "\(RenderingWords.hint(in: language)): "
        let lead =
            String(repeating: " ", count: gutterWidth + 1) + style.gutter("=") + " " + style.bold(label)
        let continuation = String(
            repeating: " ", count: gutterWidth + 3 + TerminalWidth.of(label.unicodeScalars))
        let textLines = hint.text(in: language).split(separator: "\n", omittingEmptySubsequences: false)
        return textLines.enumerated().map { index, line in (index == 0 ? lead : continuation) + line }
    }

    /// `file:line:column: label: message`.
    private func header(_ span: SourceSpan, label: String, message: LocalizedText) -> String {
        "\(style.bold("\(span):")) \(label)\(style.bold(": \(message.text(in: language))"))"
    }

    /// The quoted source line of `span` with its underline, or nothing when the text
    /// of the file is not at hand.
    private func quote(
        _ span: SourceSpan, severity: Severity, gutterWidth: Int, _ sources: (String) -> SourceFile?
    ) -> [String] {
        guard let source = sources(span.file), span.start.line >= 1, span.start.line <= source.lineCount
        else { return [] }
        let line = QuotedSourceLine(source.line(span.start.line))
        let end = span.end.line == span.start.line ? span.end.column : Int.max
        let (indent, width) = line.underline(from: span.start.column, to: end)
        let blankGutter = String(repeating: " ", count: gutterWidth) + " " + style.gutter("|")
        let number = String(span.start.line)
        let numberGutter =
            String(repeating: " ", count: gutterWidth - number.count) + style.gutter("\(number) |")
        let marks = "^" + String(repeating: "~", count: width - 1)
        return [
            blankGutter,
            line.shown.isEmpty ? numberGutter : "\(numberGutter) \(line.shown)",
            "\(blankGutter) \(String(repeating: " ", count: indent))\(style.severity(severity, marks))",
        ]
    }
}
