import OneThingSource

/// A finding about one condition, located by character offsets within its text.
///
/// The parser and the type checker know only the condition's text, not the file it
/// came from; ``ConditionChecker`` turns an issue into a ``Diagnostic`` whose span
/// points at the exact column inside the YAML file.
public struct ConditionIssue: Hashable, Sendable {
    /// A secondary place in the same condition, such as the `(` that is never closed.
    public struct Note: Hashable, Sendable {
        /// The characters the note points at.
        public var range: Range<Int>
        /// What is there.
        public var message: LocalizedText

        /// Creates a note.
        public init(range: Range<Int>, message: LocalizedText) {
            self.range = range
            self.message = message
        }
    }

    /// The diagnostic code (`OT401` … `OT407`).
    public var code: DiagnosticCode
    /// The characters of the condition (Unicode scalar offsets) the finding is about.
    public var range: Range<Int>
    /// What is wrong.
    public var message: LocalizedText
    /// How to fix it.
    public var hint: LocalizedText?
    /// Related places in the same condition.
    public var notes: [Note]
    /// The text to write in place of ``range`` when the hint is that edit (a
    /// did-you-mean field), for a machine-readable fix.
    public var replacement: String?

    /// Creates an issue.
    public init(
        code: DiagnosticCode, range: Range<Int>, message: LocalizedText, hint: LocalizedText? = nil,
        notes: [Note] = [], replacement: String? = nil
    ) {
        self.code = code
        self.range = range
        self.message = message
        self.hint = hint
        self.notes = notes
        self.replacement = replacement
    }

    /// The severity the code is registered with.
    public var severity: Severity { code.entry?.severity ?? .error }
}
