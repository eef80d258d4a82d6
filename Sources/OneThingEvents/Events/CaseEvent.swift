@_exported import OneThingCalendar

/// A case's id: `C`, the day of acceptance and a number the store gives out, such as
/// `C20260302-0001`.
public typealias CaseID = String

/// One change to a case. Every change is an appended event; a case's state is the
/// fold of its events (``CaseState``).
///
/// An event carries every moment it depends on as an absolute ``Timestamp`` (a due
/// date is recorded when it is decided), so folding events needs no calendar and a
/// stored history means the same whatever calendar is loaded later.
public struct CaseEvent: Sendable, Hashable, Codable {
    /// The case it belongs to.
    public var caseID: CaseID
    /// Its position in the case's history, from 1.
    public var sequence: Int
    /// When it happened.
    public var at: Timestamp
    /// What happened.
    public var kind: Kind

    /// Creates an event.
    public init(caseID: CaseID, sequence: Int, at: Timestamp, kind: Kind) {
        self.caseID = caseID
        self.sequence = sequence
        self.at = at
        self.kind = kind
    }

    /// What happened to a case. Steps are numbered as in the case's ``CaseBlueprint``.
    public enum Kind: Sendable, Hashable, Codable {
        /// The case was started: the bundle version it is pinned to, the applicant's
        /// answers and the materials brought at intake.
        case started(CaseStart)
        /// Intake (综合收件) decided.
        case intake(IntakeDecision)
        /// A step was sent to its department under idempotency key `key`; `due` is the
        /// moment it is due (fixed when it is first sent).
        case dispatched(step: Int, attempt: Int, key: String, due: Timestamp)
        /// Sending failed; it is tried again at `retryAt`.
        case dispatchFailed(step: Int, attempt: Int, reason: String, retryAt: Timestamp)
        /// The department started its review.
        case inReview(step: Int)
        /// The department asked the applicant for a supplement (补正); the step's clock stops.
        case supplementRequested(step: Int, note: String)
        /// The applicant supplied it; the step's clock runs again, and it is due at `due`.
        case supplementSupplied(step: Int, due: Timestamp)
        /// Who made the decision on `step` that the next event of the step records (an
        /// officer or a department system, by principal id): every decision records
        /// who made it.
        case decidedBy(step: Int, principal: String)
        /// What the approval of `step` that the next event of the step records issued:
        /// output id (of the step's outputs) → the document's number or reference, as
        /// the department gave it (a licence number, say). Recorded just before the
        /// approval, in the same commit, so that unified delivery (统一出件) can name them.
        case issued(step: Int, documents: [String: String])
        /// What the approval of `step` that the next event of the step records decided of
        /// the results produced in the case: output id (of the step's outputs that declare
        /// `values:`) → value id (one of those values), such as the grade an assessment
        /// decided. Recorded just before the approval, in the same commit, as
        /// ``issued(step:documents:)`` is; the steps that wait for the result
        /// (``CaseBlueprint/Step/awaiting``) are then done or not needed.
        case resultRecorded(step: Int, results: [String: String])
        /// The department approved (for a joint inspection: it was passed).
        case approved(step: Int)
        /// The step does not apply: its condition on results produced in the case
        /// (``CaseBlueprint/Step/awaiting``) does not hold for the results recorded. It
        /// ends without being sent, and counts as done for the steps after it and for
        /// delivery.
        case notNeeded(step: Int)
        /// The department approved, but deferred materials it needs have not arrived: held.
        case approvalHeld(step: Int, materials: [String])
        /// The department rejected (for a joint inspection: it was not passed).
        case rejected(step: Int, reason: String)
        /// The step will not be done because step `cause` did not succeed: it waits for
        /// it, or the bundle stops everything on a rejection.
        case cancelled(step: Int, cause: Int)
        /// The step failed: the deferred material `material` it needs did not arrive in time.
        case failed(step: Int, material: String)
        /// A deferred material (容缺) arrived; `late` when it came after its deadline.
        case materialSupplied(material: String, late: Bool)
        /// The service behind the fetched material `material` (电子证照, 数据共享) provided
        /// it: `reference` is the licence number or the record's reference as the service
        /// gave it. After ``materialUnavailable(material:reason:fallback:)`` with
        /// ``FetchFallback/wait(until:)``, the late delivery: the steps held for it go on.
        case materialFetched(material: String, reference: String)
        /// The service could not provide the fetched material `material`, saying `reason`;
        /// the bundle's fallback decided what the case does now (`fallback`, with the
        /// moment by which the material must be in hand).
        case materialUnavailable(material: String, reason: String, fallback: FetchFallback)
        /// A step is due soon: its due day has begun.
        case dueSoon(step: Int, due: Timestamp)
        /// A step's due moment passed before it finished.
        case overdue(step: Int, due: Timestamp)
        /// An overdue step was escalated (督办) to `to`: the lead department, or the
        /// supervising office when the late step is the lead department's own.
        case escalated(step: Int, to: String)
        /// A due moment moved from `from` to `to`: a step's (`step`), or the case's
        /// promise (`step` is `nil`), because the working-day calendar it is counted on
        /// changed (a year's State Council notice replaced the provisional calendar).
        case dueChanged(step: Int?, from: Timestamp, to: Timestamp)
        /// A report that does not fit the step: `outcome` reported under `key` (stale
        /// when it is not the step's current key) while the step was `status`. Recorded
        /// and otherwise ignored.
        case outcomeIgnored(step: Int, key: String, outcome: String, status: StepStatus)
        /// The applicant withdrew the application (撤回申请), saying `reason` (may be
        /// empty): every step not finished is cancelled, and the case is delivered next
        /// with what was approved.
        case withdrawn(reason: String)
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

/// A deferred material (容缺) and the moment by which it must arrive.
public struct DeferredMaterial: Sendable, Hashable, Codable {
    /// The material's id.
    public var material: String
    /// Its deadline.
    public var dueBy: Timestamp

    /// Creates an entry.
    public init(material: String, dueBy: Timestamp) {
        self.material = material
        self.dueBy = dueBy
    }
}

/// What a case does about a fetched material the service could not provide: the
/// bundle's `fallback`, with its moment fixed when it was decided.
public enum FetchFallback: Sendable, Hashable, Codable {
    /// The applicant is asked to bring it (纸质材料) by `dueBy` (the case's promise): it
    /// is awaited as a deferred material (容缺) is.
    case paper(dueBy: Timestamp)
    /// The steps that need it wait for the service until `until`.
    case wait(until: Timestamp)

    /// The moment by which the material must be in hand; steps still held for it then fail.
    public var dueBy: Timestamp {
        switch self {
        case .paper(let dueBy): dueBy
        case .wait(let until): until
        }
    }

    /// Whether the applicant is asked to bring it.
    public var isPaper: Bool {
        if case .paper = self { return true }
        return false
    }
}

/// What intake decided.
public enum IntakeDecision: Sendable, Hashable, Codable {
    /// Accepted: the case's promise is due at `promisedBy`; `deferred` are the
    /// secondary materials that follow later (容缺受理), each with its deadline.
    case accepted(promisedBy: Timestamp, deferred: [DeferredMaterial])
    /// A core material is missing: not accepted.
    case rejectedIncomplete(missing: [String])
}

/// How a case ended.
public enum CaseOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every step was approved (or found not needed, once results of the case were known).
    case completed
    /// Some steps were approved, others rejected, cancelled or failed.
    case partial
    /// Nothing was approved.
    case refused
    /// Intake did not accept the case.
    case notAccepted = "not-accepted"
    /// The applicant withdrew the application before it was decided.
    case withdrawn
}
