import OneThingRuntime

/// An open case at risk: a step whose clock runs and that is due within a few working
/// days or overdue, or a promise that is. See ``SupervisionFigures``.
public struct CaseAtRisk: Sendable, Hashable, Codable {
    /// A step at risk.
    public struct Step: Sendable, Hashable, Codable {
        /// The step's id.
        public var step: String
        /// Its name (in Chinese, as the bundle writes it).
        public var name: String
        /// Its department.
        public var department: String
        /// Its due moment, as the case's state has it.
        public var due: Timestamp
        /// The last day to act on: the due moment's date (`2026-03-16`).
        public var dueDate: String
        /// Working days from today through the due date: 0 when due today, negative
        /// when the due date has passed (see ``SupervisionFigures`` for the count).
        public var workdaysLeft: Int
        /// Whether its due moment has passed.
        public var overdue: Bool
        /// Whether it was escalated (督办) for its current due moment.
        public var escalated: Bool

        /// Creates a step at risk.
        public init(
            step: String, name: String, department: String, due: Timestamp, dueDate: String,
            workdaysLeft: Int,
            overdue: Bool, escalated: Bool
        ) {
            self.step = step
            self.name = name
            self.department = department
            self.due = due
            self.dueDate = dueDate
            self.workdaysLeft = workdaysLeft
            self.overdue = overdue
            self.escalated = escalated
        }
    }

    /// The case.
    public var caseID: CaseID
    /// Its bundle.
    public var bundle: String
    /// The bundle's title.
    public var title: String
    /// The lead department.
    public var lead: String
    /// When the case's promise is due.
    public var promisedBy: Timestamp?
    /// Working days from today through the promised date; `nil` without a promise.
    public var promiseWorkdaysLeft: Int?
    /// Whether the promised moment has passed.
    public var promiseOverdue: Bool
    /// The steps at risk, overdue first, then by due moment.
    public var steps: [Step]

    /// Creates a case at risk.
    public init(
        caseID: CaseID, bundle: String, title: String, lead: String, promisedBy: Timestamp?,
        promiseWorkdaysLeft: Int?, promiseOverdue: Bool, steps: [Step]
    ) {
        self.caseID = caseID
        self.bundle = bundle
        self.title = title
        self.lead = lead
        self.promisedBy = promisedBy
        self.promiseWorkdaysLeft = promiseWorkdaysLeft
        self.promiseOverdue = promiseOverdue
        self.steps = steps
    }

    /// The fewest working days left of anything at risk in the case.
    public var workdaysLeft: Int {
        (steps.map(\.workdaysLeft) + [promiseWorkdaysLeft].compactMap { $0 }).min() ?? 0
    }
}
