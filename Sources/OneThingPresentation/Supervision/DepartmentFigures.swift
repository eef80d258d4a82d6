import OneThingRuntime

/// One department's supervision figures (督办): its open tasks at a moment and how
/// many of them are due soon or overdue, the on-time rate of the steps it decided in
/// a period, and the escalations of its steps and to it. See ``SupervisionFigures``
/// for what each count means.
public struct DepartmentFigures: Sendable, Hashable, Codable {
    /// The department's id.
    public var department: String
    /// Its names, from the blueprints of the cases counted.
    public var name: CaseBlueprint.DepartmentName?
    /// Its open tasks: steps sent to it and not finished.
    public var open: Int
    /// The open tasks that wait for the applicant: a supplement (补正) asked for, or an
    /// approval held for a deferred material (容缺) that has not arrived.
    public var withApplicant: Int
    /// The open tasks whose clock runs and that are due within the figures'
    /// ``SupervisionFigures/dueSoonWorkdays`` working days, not yet overdue.
    public var dueSoon: Int
    /// The open tasks whose clock runs and whose due moment has passed.
    public var overdue: Int
    /// The steps it decided in the period, and how many by their due moment.
    public var steps: OnTimeRate
    /// Escalations (督办) in the period of steps of this department.
    public var escalated: Int
    /// Escalations in the period to this department (as lead department or supervising office).
    public var supervising: Int

    /// Figures of `department`, all zero.
    public init(department: String, name: CaseBlueprint.DepartmentName? = nil) {
        self.department = department
        self.name = name
        self.open = 0
        self.withApplicant = 0
        self.dueSoon = 0
        self.overdue = 0
        self.steps = OnTimeRate()
        self.escalated = 0
        self.supervising = 0
    }
}
