/// What `onething explain CODE` says about a code, in both languages: what the rule
/// protects, a wrong and a right example, and how to fix a finding.
///
/// Every code of ``DiagnosticCode/catalogue`` has one (a test checks it); the texts
/// are in ``DiagnosticCode/explanations``.
public struct DiagnosticExplanation: Sendable {
    /// The code explained.
    public let code: DiagnosticCode
    /// What goes wrong for applicants or staff when the rule is broken.
    public let protects: LocalizedText
    /// A short example that raises the finding (file text, or a description of a file).
    public let wrong: LocalizedText
    /// The same example, corrected.
    public let right: LocalizedText
    /// What to do about a finding.
    public let fix: LocalizedText

    /// Creates an explanation whose examples are given in both languages.
    public init(
        code: DiagnosticCode, protects: LocalizedText, wrong: LocalizedText, right: LocalizedText,
        fix: LocalizedText
    ) {
        self.code = code
        self.protects = protects
        self.wrong = wrong
        self.right = right
        self.fix = fix
    }

    /// Creates an explanation whose examples are file text, the same in both languages.
    public init(
        code: DiagnosticCode, protects: LocalizedText, wrong: String, right: String, fix: LocalizedText
    ) {
        self.init(
            code: code, protects: protects, wrong: LocalizedText(en: wrong, zh: wrong),
            right: LocalizedText(en: right, zh: right), fix: fix)
    }
}

extension DiagnosticCode {
    /// The explanation of this code.
    public var explanation: DiagnosticExplanation? { Self.explanations.first { $0.code == self } }
}
