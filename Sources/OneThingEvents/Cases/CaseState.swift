/// The state of one case: the fold of its events.
///
/// `apply(_:)` is the only way state changes, so a case read back from the store is
/// exactly the case that was running.
public struct CaseState: Sendable {
    /// One task's state.
    public struct TaskState: Sendable, Hashable {
        /// Where it stands.
        public var status: TaskStatus = .waiting
        /// How many times it was sent.
        public var attempts = 0
        /// The idempotency key of the last submission.
        public var key: String?
        /// When its current attempt was sent (its clock started).
        public var startedAt: WorkTime?
        /// Working days its clock stood still for supplements.
        public var paused: WorkTime = 0
        /// When the current supplement was asked for, while one is pending.
        public var pausedSince: WorkTime?
        /// Whether the warnings before and after the due date were given.
        public var warned = false
        /// Whether it was reported overdue.
        public var overdue = false
        /// Whether it was escalated.
        public var escalated = false
        /// Why it ended, if it did not end approved.
        public var reason: String?
        /// When it ended.
        public var finishedAt: WorkTime?
    }

    /// The case's id.
    public let id: CaseID
    /// The tasks and their order, fixed when the case started.
    public let blueprint: CaseBlueprint
    /// What the case was started with.
    public private(set) var start: CaseStart?
    /// Intake's decision.
    public private(set) var intake: IntakeDecision?
    /// The tasks, in the blueprint's order.
    public private(set) var tasks: [TaskState]
    /// Deferred materials supplied so far.
    public private(set) var supplied: Set<String> = []
    /// When the case was accepted.
    public private(set) var acceptedAt: WorkTime?
    /// When the case was started.
    public private(set) var startedAt: WorkTime?
    /// How it ended, once delivered.
    public private(set) var outcome: CaseOutcome?
    /// When it was delivered.
    public private(set) var deliveredAt: WorkTime?
    /// The outputs delivered.
    public private(set) var outputs: [String] = []
    /// The number of events folded.
    public private(set) var sequence = 0

    /// The state of a case of `blueprint` before any event.
    public init(id: CaseID, blueprint: CaseBlueprint) {
        self.id = id
        self.blueprint = blueprint
        self.tasks = Array(repeating: TaskState(), count: blueprint.tasks.count)
    }

    /// Whether the case has ended.
    public var isClosed: Bool { outcome != nil }

    /// When task `index` is due: when it was first sent, plus its promised limit, plus
    /// the time its clock stood still for supplements.
    public func due(_ index: Int) -> WorkTime? {
        guard let startedAt = tasks[index].startedAt else { return nil }
        return startedAt + blueprint.tasks[index].promised + tasks[index].paused
    }

    /// Whether intake accepted the case.
    public var isAccepted: Bool { acceptedAt != nil }

    /// Folds one event into the state.
    public mutating func apply(_ event: CaseEvent) {
        sequence = event.sequence
        switch event.kind {
        case .started(let start):
            self.start = start
            startedAt = event.at
        case .intake(let decision):
            intake = decision
            switch decision {
            case .accepted, .acceptedWithGaps:
                acceptedAt = event.at
                release()
            case .rejectedIncomplete: break
            }
        case .dispatched(let task, let attempt, let key):
            tasks[task].status = .dispatched
            tasks[task].attempts = attempt
            tasks[task].key = key
            if tasks[task].startedAt == nil { tasks[task].startedAt = event.at }
        case .dispatchFailed(let task, _, _, _):
            tasks[task].status = .ready
        case .inReview(let task):
            tasks[task].status = .inReview
        case .supplementRequested(let task, _):
            tasks[task].status = .supplementRequested
            tasks[task].pausedSince = event.at
        case .supplementSupplied(let task):
            tasks[task].status = .inReview
            if let since = tasks[task].pausedSince { tasks[task].paused += event.at - since }
            tasks[task].pausedSince = nil
        case .approvalHeld(let task, _):
            tasks[task].status = .held
        case .approved(let task):
            tasks[task].status = .approved
            tasks[task].finishedAt = event.at
            release()
        case .rejected(let task, let reason):
            tasks[task].status = .rejected
            tasks[task].finishedAt = event.at
            tasks[task].reason = reason
        case .cancelled(let task, let reason):
            tasks[task].status = .cancelled
            tasks[task].finishedAt = event.at
            tasks[task].reason = reason
        case .failed(let task, let reason):
            tasks[task].status = .failed
            tasks[task].finishedAt = event.at
            tasks[task].reason = reason
        case .materialSupplied(let material):
            supplied.insert(material)
        case .dueSoon(let task, _):
            tasks[task].warned = true
        case .overdue(let task, _):
            tasks[task].overdue = true
        case .escalated(let task, _):
            tasks[task].escalated = true
        case .outcomeIgnored:
            break
        case .delivered(let outputs, let outcome):
            self.outputs = outputs
            self.outcome = outcome
            deliveredAt = event.at
        }
    }

    /// Marks the waiting tasks whose predecessors are all approved as ready, once the
    /// case is accepted. Readiness is not an event of its own: it follows from the
    /// events before it, so folding the same events gives the same state.
    mutating func release() {
        guard acceptedAt != nil else { return }
        for (index, task) in blueprint.tasks.enumerated() where tasks[index].status == .waiting {
            if task.predecessors.allSatisfy({ tasks[$0].status == .approved }) {
                tasks[index].status = .ready
            }
        }
    }
}
