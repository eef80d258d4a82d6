// The finding of the JSON reader (OT111). The other findings of reading JSON are the
// YAML stage's own: a size over the limit (OT105), bytes that are not UTF-8 text
// (OT106), nesting over the limit (OT104) and a key written twice (OT102).

extension Diagnostic {
    /// OT111: the text is not JSON; `problem` says how.
    static func jsonSyntax(_ span: SourceSpan, problem: JSONProblem, notes: [DiagnosticNote] = [])
        -> Diagnostic
    {
        Diagnostic(
            code: .jsonSyntax, severity: .error, span: span, message: problem.message, hint: problem.hint,
            notes: notes)
    }
}
