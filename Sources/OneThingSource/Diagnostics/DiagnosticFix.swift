/// A machine-readable fix of a finding: the text to write in place of a span.
///
/// A fix is attached where the hint that describes it is made (a did-you-mean, a
/// full-width sign), so an editor's quick fix and the JSON output say what the hint
/// says; a finding whose hint cannot be applied mechanically has none.
public struct DiagnosticFix: Hashable, Sendable {
    /// The text replaced: exactly what is written there now.
    public var span: SourceSpan
    /// The text to write instead.
    public var replacement: String

    /// Creates a fix that writes `replacement` in place of `span`.
    public init(span: SourceSpan, replacement: String) {
        self.span = span
        self.replacement = replacement
    }

    /// The fix that writes the id or key `word` in place of `written`, whose span is
    /// `span` and whose value was read as `value`: plain text is replaced as it is,
    /// quoted text keeps its quotes. `nil` when the span is not one line as long as the
    /// value (a block scalar, escapes), where the written text cannot be known.
    public static func rewrite(_ span: SourceSpan, value: String, as word: String) -> DiagnosticFix? {
        guard span.start.line == span.end.line else { return nil }
        let width = span.end.column - span.start.column
        let length = value.unicodeScalars.count
        if width == length { return DiagnosticFix(span: span, replacement: word) }
        if width == length + 2 { return DiagnosticFix(span: span, replacement: "\"\(word)\"") }
        return nil
    }
}
