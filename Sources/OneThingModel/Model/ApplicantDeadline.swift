import OneThingCalendar
import OneThingSource

/// A deadline the law sets on the applicant, counted from a date the applicant gives:
/// 户口登记条例 §7's "婴儿出生后一个月以内 … 申报出生登记".
///
/// The plan tells each applicant the date it falls on (`from` plus `within`), the notice
/// shows it with its basis, and a case accepted after it is told so.
public struct ApplicantDeadline: Hashable, Sendable {
    /// The deadline's id (its key under `deadlines:`).
    public var id: Located<String>
    /// What the applicant must do by then: `申报出生登记`.
    public var name: String
    /// How long after the date of ``from`` the applicant has.
    public var within: Located<TimeLimit>
    /// The form field (a date) the deadline counts from.
    public var from: Located<String>
    /// The condition under which it applies; always when `nil`.
    public var when: ConditionSource?
    /// The law that sets it.
    public var basis: [LegalBasis]
    /// The span of the whole entry.
    public var span: SourceSpan

    /// Creates a deadline.
    public init(
        id: Located<String>, name: String, within: Located<TimeLimit>, from: Located<String>,
        when: ConditionSource? = nil, basis: [LegalBasis], span: SourceSpan
    ) {
        self.id = id
        self.name = name
        self.within = within
        self.from = from
        self.when = when
        self.basis = basis
        self.span = span
    }
}
