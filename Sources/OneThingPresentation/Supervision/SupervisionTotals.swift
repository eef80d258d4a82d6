import OneThingRuntime

/// The supervision figures of all cases together (see ``SupervisionFigures``).
public struct SupervisionTotals: Sendable, Hashable, Codable {
    /// Cases not yet delivered.
    public var openCases: Int
    /// Open cases whose promised moment has passed.
    public var overdueCases: Int
    /// Open tasks.
    public var open: Int
    /// Open tasks waiting for the applicant.
    public var withApplicant: Int
    /// Open tasks due soon.
    public var dueSoon: Int
    /// Open tasks overdue.
    public var overdue: Int
    /// Steps decided in the period.
    public var steps: OnTimeRate
    /// Cases delivered in the period.
    public var cases: OnTimeRate
    /// Escalations in the period.
    public var escalations: Int

    /// Totals, all zero.
    public init() {
        openCases = 0
        overdueCases = 0
        open = 0
        withApplicant = 0
        dueSoon = 0
        overdue = 0
        steps = OnTimeRate()
        cases = OnTimeRate()
        escalations = 0
    }
}
