/// Time in the runtime: working days since the runtime's epoch, as a fraction (an
/// hour is 1/8). The live clock maps wall time onto it with the working-day
/// calendar; the virtual clock of tests and simulation counts it directly.
public typealias WorkTime = Double

/// A case's id.
public typealias CaseID = String

/// One change to a case. Every change is an appended event; a case's state is the
/// fold of its events (``CaseState``).
public struct CaseEvent: Sendable, Hashable, Codable {
    /// The case it belongs to.
    public var caseID: CaseID
    /// Its position in the case's history, from 1.
    public var sequence: Int
    /// When it happened.
    public var at: WorkTime
    /// What happened.
    public var kind: Kind

    /// Creates an event.
    public init(caseID: CaseID, sequence: Int, at: WorkTime, kind: Kind) {
        self.caseID = caseID
        self.sequence = sequence
        self.at = at
        self.kind = kind
    }

    /// What happened to a case.
    public enum Kind: Sendable, Hashable, Codable {
        /// The case was started: the bundle version it is pinned to, the applicant's
        /// answers and the materials brought at intake.
        case started(CaseStart)
        /// Intake (综合收件) decided.
        case intake(IntakeDecision)
        /// A task was sent to its department; `key` is the idempotency key.
        case dispatched(task: Int, attempt: Int, key: String)
        /// Sending failed; it is tried again at `retryAt`.
        case dispatchFailed(task: Int, attempt: Int, reason: String, retryAt: WorkTime)
        /// The department started its review.
        case inReview(task: Int)
        /// The department asked the applicant for a supplement (补正); the task's clock stops.
        case supplementRequested(task: Int, note: String)
        /// The applicant supplied it; the task's clock runs again.
        case supplementSupplied(task: Int)
        /// The department approved; the approval is issued once its deferred materials are in.
        case approved(task: Int)
        /// The department approved, but a deferred material it needs has not arrived: held.
        case approvalHeld(task: Int, materials: [String])
        /// The department rejected.
        case rejected(task: Int, reason: String)
        /// The task will not be done: a task it depends on was rejected or failed, or
        /// the bundle stops everything on a rejection.
        case cancelled(task: Int, reason: String)
        /// The task failed: a deferred material it needs did not arrive in time.
        case failed(task: Int, reason: String)
        /// A deferred material (容缺) arrived.
        case materialSupplied(material: String)
        /// A task's due date is near.
        case dueSoon(task: Int, due: WorkTime)
        /// A task is past its due date.
        case overdue(task: Int, due: WorkTime)
        /// An overdue task was escalated to the lead department (督办).
        case escalated(task: Int, to: String)
        /// An adapter reported something that does not fit the task (a stale idempotency
        /// key, an answer for a task that has ended): recorded and otherwise ignored.
        case outcomeIgnored(task: Int, reason: String)
        /// Unified delivery (统一出件): the outputs issued, and how the case ended.
        case delivered(outputs: [String], outcome: CaseOutcome)
    }
}

/// What a case was started with.
public struct CaseStart: Sendable, Hashable, Codable {
    /// The bundle's id.
    public var bundle: String
    /// The bundle version the case is pinned to.
    public var version: String
    /// The applicant's answers, field id → value as written.
    public var answers: [String: String]
    /// The materials the applicant brought at intake.
    public var provided: [String]
    /// The lead department.
    public var lead: String
    /// The fingerprint of the blueprint the case is pinned to (kept once in the store).
    public var blueprint: String

    /// Creates a start record.
    public init(
        bundle: String, version: String, answers: [String: String], provided: [String], lead: String,
        blueprint: String
    ) {
        self.bundle = bundle
        self.version = version
        self.answers = answers
        self.provided = provided
        self.lead = lead
        self.blueprint = blueprint
    }
}

/// What intake decided.
public enum IntakeDecision: Sendable, Hashable, Codable {
    /// Every material is in.
    case accepted
    /// Core materials are in; these secondary ones follow later (容缺受理).
    case acceptedWithGaps(missing: [String])
    /// A core material is missing: not accepted.
    case rejectedIncomplete(missing: [String])
}

/// How a case ended.
public enum CaseOutcome: String, Sendable, Hashable, Codable {
    /// Every task was approved.
    case completed
    /// Some tasks were approved, others rejected, cancelled or failed.
    case partial
    /// Nothing was approved.
    case refused
    /// Intake did not accept the case.
    case notAccepted = "not-accepted"
}
