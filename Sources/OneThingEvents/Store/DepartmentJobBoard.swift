/// The work queues of the departments that decide by hand, kept in a store that
/// several runtime instances share (a province's PostgreSQL database behind several
/// `onething serve`), so that a worker long-polling any instance sees the jobs every
/// instance posted.
///
/// A *job* is one attempt of one step of a case at its department; the board holds at
/// most one per step (a newer attempt replaces an older one) and only the open ones: a
/// decided or withdrawn job leaves it. A worker *claims* jobs for a lease measured on
/// the store's clock; a claim whose lease lapsed counts as waiting again, and the
/// worker who let it lapse is among the job's ``PostedJob/lapsed``. Claims are rows
/// taken so that two claimers never get the same job and never wait for each other;
/// a job that becomes waiting is announced to every instance (``notices()``), so a long
/// poll wakes without polling the store in a loop.
///
/// The board only keeps who may decide; the decision itself is the engine's, a
/// compare-and-set on the case's sequence number, recorded once whichever instance
/// takes it.
///
/// Stores that one process opens (SQLite, in memory) do not adopt this protocol: the
/// work queue keeps its jobs in memory there.
public protocol DepartmentJobBoard: Sendable {
    /// Posts `job` as waiting unless the board holds its step with this attempt or a
    /// newer one (then what stands is kept, claim included); an older attempt of the
    /// step is replaced. Announces the department's new job to every instance.
    ///
    /// - Returns: whether the job was posted.
    @discardableResult
    func post(_ job: PostedJob) async throws(StoreError) -> Bool
    /// Takes the job with `key` off the board, wherever it stands.
    ///
    /// - Returns: whether the board held it.
    @discardableResult
    func remove(key: String) async throws(StoreError) -> Bool
    /// Claims for `worker`, until `lease` from now, up to `count` jobs of `department`
    /// that wait or whose lease lapsed, oldest first, skipping the jobs another claimer
    /// is taking at this moment; returns them with when the earliest claim left on the
    /// department lapses.
    func claim(department: String, worker: String, count: Int, lease: Duration) async throws(StoreError)
        -> BoardClaim
    /// Claims the job with `key` of `department` for `worker` until `lease` from now, if
    /// it waits, its lease lapsed, or `worker` holds it already; returns the job as it
    /// stands after (claimed by `worker`, or as it was when another holds it or it
    /// awaits a supplement), `nil` when the department has no job with `key`.
    func claim(key: String, department: String, worker: String, lease: Duration) async throws(StoreError)
        -> PostedJob?
    /// Keeps the job with `key` claimed by `worker` for at least `hold` more, while the
    /// worker's decision goes to the engine, if `worker` holds it with a lease that has
    /// not lapsed; returns the job as it stands after, `nil` when the board has no job
    /// with `key`.
    func hold(key: String, worker: String, for hold: Duration) async throws(StoreError) -> PostedJob?
    /// The department asked the applicant for a supplement: the job with `key` waits
    /// for it, claimed by no one.
    func awaitSupplement(key: String) async throws(StoreError)
    /// The applicant supplied what the department of step `step` (its index) of case
    /// `id` asked for: its job, if it awaits the supplement, waits again and is announced.
    func supplementSupplied(case id: CaseID, step: Int) async throws(StoreError)
    /// The jobs of `department` on the board, oldest first.
    func jobs(department: String) async throws(StoreError) -> [PostedJob]
    /// The job with `key`, if the board holds it.
    func job(key: String) async throws(StoreError) -> PostedJob?
    /// What happens on the board, from now until the stream is dropped: the stream is
    /// listening (again, after a lost connection: a job posted meanwhile was not
    /// announced), or a job of a department became waiting.
    func notices() -> AsyncStream<BoardNotice>
}

/// A job on a ``DepartmentJobBoard``: one attempt of one step of a case at its department.
public struct PostedJob: Sendable, Hashable {
    /// Where a job stands.
    public enum Status: Sendable, Hashable {
        /// Waiting to be claimed (a claim whose lease lapsed reads as waiting).
        case waiting
        /// Claimed by `worker` until `until` (the store's clock).
        case claimed(worker: String, until: Timestamp)
        /// The department asked the applicant for a supplement (补正); the job waits
        /// again when it arrives.
        case awaitingSupplement
    }

    /// The idempotency key, `case/step/attempt`.
    public var key: String
    /// The case.
    public var caseID: CaseID
    /// The step's index in the case's blueprint.
    public var step: Int
    /// The attempt of the step.
    public var attempt: Int
    /// The department.
    public var department: String
    /// When the job entered the queue; the oldest are claimed first.
    public var queuedAt: Timestamp
    /// The submission as the runtime sent it, in its own encoding (the board does not read it).
    public var submission: String
    /// Where the job stands.
    public var status: Status
    /// The workers whose lease on the job lapsed: a decision of theirs is refused.
    public var lapsed: Set<String>

    /// A job with everything said.
    public init(
        key: String, caseID: CaseID, step: Int, attempt: Int, department: String, queuedAt: Timestamp,
        submission: String, status: Status = .waiting, lapsed: Set<String> = []
    ) {
        self.key = key
        self.caseID = caseID
        self.step = step
        self.attempt = attempt
        self.department = department
        self.queuedAt = queuedAt
        self.submission = submission
        self.status = status
        self.lapsed = lapsed
    }
}

/// What a ``DepartmentJobBoard/claim(department:worker:count:lease:)`` took.
public struct BoardClaim: Sendable, Hashable {
    /// The jobs claimed, oldest first.
    public var jobs: [PostedJob]
    /// How long until the earliest claim left on the department lapses (and its job
    /// waits again), when any is left.
    public var nextLapse: Duration?

    /// A claim of `jobs`.
    public init(jobs: [PostedJob], nextLapse: Duration?) {
        self.jobs = jobs
        self.nextLapse = nextLapse
    }
}

/// What happened on a ``DepartmentJobBoard``.
public enum BoardNotice: Sendable, Hashable {
    /// The stream listens (again): jobs posted before were not announced to it.
    case listening
    /// A job of `department` became waiting.
    case jobWaiting(department: String)
}
