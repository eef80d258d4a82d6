/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    /// The file cannot be used as it is.
    case error
    /// The file can be used, but something in it is very likely a mistake.
    case warning
    /// Extra information attached to another finding.
    case note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable identifier of one kind of finding, such as `OT102` for a duplicate key.
///
/// Codes never change meaning once published, so CI configurations and
/// documentation can name them. The stage that knows a fact owns its codes; every
/// code is listed in ``DiagnosticCode/catalogue`` with a one-line summary.
public struct DiagnosticCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The code as printed, `OT` and three digits.
    public let rawValue: String

    /// Creates a code from its printed form.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A secondary location that helps explain a finding: the first of two duplicate
/// keys, the next step of a cycle.
public struct DiagnosticNote: Hashable, Sendable {
    /// Where the note points.
    public var span: SourceSpan
    /// What is there.
    public var message: LocalizedText

    /// Creates a note pointing at `span`.
    public init(span: SourceSpan, message: LocalizedText) {
        self.span = span
        self.message = message
    }
}

/// One finding about an input file: what is wrong, where, and how to fix it.
///
/// Diagnostics are values, not thrown errors: each stage returns every finding it
/// can make and goes on, so one run shows every problem in a file.
public struct Diagnostic: Hashable, Sendable {
    /// The stable code of this kind of finding.
    public var code: DiagnosticCode
    /// How serious it is.
    public var severity: Severity
    /// The text the finding is about.
    public var span: SourceSpan
    /// What is wrong, in plain words.
    public var message: LocalizedText
    /// How to fix it, where a fix can be suggested.
    public var hint: LocalizedText?
    /// Related locations.
    public var notes: [DiagnosticNote]
    /// What the hint suggests, as edits a tool can apply; empty when it cannot be
    /// applied mechanically.
    public var fixes: [DiagnosticFix]

    /// Creates a finding.
    public init(
        code: DiagnosticCode,
        severity: Severity,
        span: SourceSpan,
        message: LocalizedText,
        hint: LocalizedText? = nil,
        notes: [DiagnosticNote] = [],
        fixes: [DiagnosticFix] = []
    ) {
        self.code = code
        self.severity = severity
        self.span = span
        self.message = message
        self.hint = hint
        self.notes = notes
        self.fixes = fixes
    }

    /// Orders findings as a reader expects them: by file, then position, then code.
    public static func sourceOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.span.file != rhs.span.file { return lhs.span.file < rhs.span.file }
        if lhs.span.start != rhs.span.start { return lhs.span.start < rhs.span.start }
        return lhs.code < rhs.code
    }
}
