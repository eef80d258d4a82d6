import OneThingRuntime

/// One escalation (督办): the runtime found a step still open at the end of the first
/// working day after its due date and asked a department to supervise it — the lead
/// department, or the supervising office when the late step is the lead department's
/// own.
public struct EscalationRecord: Sendable, Hashable, Codable {
    /// The case.
    public var caseID: CaseID
    /// Its bundle.
    public var bundle: String
    /// The late step's id.
    public var step: String
    /// Its name (in Chinese, as the bundle writes it).
    public var name: String
    /// The department whose step was late.
    public var from: String
    /// The department asked to supervise.
    public var to: String
    /// When it was escalated.
    public var at: Timestamp
    /// The due moment the step had missed.
    public var due: Timestamp?
    /// Whether the step is still open at the figures' moment.
    public var open: Bool

    /// Creates a record.
    public init(
        caseID: CaseID, bundle: String, step: String, name: String, from: String, to: String, at: Timestamp,
        due: Timestamp?, open: Bool
    ) {
        self.caseID = caseID
        self.bundle = bundle
        self.step = step
        self.name = name
        self.from = from
        self.to = to
        self.at = at
        self.due = due
        self.open = open
    }
}
