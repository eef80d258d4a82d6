import OneThingSource

/// A condition with its own message, in both languages: a rule the form's answers
/// must keep (`form-rules:`), or a condition of eligibility (`eligibility:`), whose
/// message says why an applicant who does not meet it is turned away.
///
/// ```yaml
/// form-rules:
///   - check: event.end_date >= event.start_date
///     message: {zh: 活动结束日期不能早于开始日期, en: the event cannot end before it starts}
/// ```
public struct ConditionRule: Hashable, Sendable {
    /// The condition that must hold.
    public var check: ConditionSource
    /// What the applicant is told when it does not hold.
    public var message: LocalizedText
    /// Where the rule was written.
    public var span: SourceSpan

    /// Creates a rule.
    public init(check: ConditionSource, message: LocalizedText, span: SourceSpan) {
        self.check = check
        self.message = message
        self.span = span
    }
}
