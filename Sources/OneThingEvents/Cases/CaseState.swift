/// The state of one case: the fold of its events.
///
/// `apply(_:)` is the only way state changes, so a case read back from the store is
/// exactly the case that was running. Folding needs no calendar: every due moment is
/// in the events.
public struct CaseState: Sendable, Hashable {
    /// One step's state.
    public struct StepState: Sendable, Hashable {
        /// Where it stands.
        public var status: StepStatus = .waiting
        /// How many times it was sent.
        public var attempts = 0
        /// The idempotency key of the last submission.
        public var key: String?
        /// When it was first sent (its clock started).
        public var dispatchedAt: Timestamp?
        /// When it is due; moved later by supplements and calendar changes.
        public var due: Timestamp?
        /// When the current supplement was asked for, while one is pending.
        public var pausedAt: Timestamp?
        /// What the department asked the applicant to supplement (补正), while it is pending.
        public var supplementNote: String?
        /// The spells its clock stood still for supplements, earliest first.
        public var pauses: [Pause] = []
        /// Whether the warning before the due moment was given.
        public var warned = false
        /// Whether it was reported overdue.
        public var overdue = false
        /// Whether it was escalated.
        public var escalated = false
        /// Every escalation (督办) of the step, earliest first: kept when a later due
        /// moment clears ``escalated``, so the record of who was asked to supervise stays.
        public var escalations: [Escalation] = []
        /// Why it ended, if it was rejected: the department's reason.
        public var reason: String?
        /// Who made its last decision (a principal id), when the decision said so.
        public var decidedBy: String?
        /// The documents its approval issued: output id → number, as the department
        /// gave them (empty when it named none).
        public var documents: [String: String] = [:]
        /// The step whose failure cancelled it, if it was cancelled.
        public var cancelledBy: Int?
        /// The deferred material whose absence failed it, if it failed.
        public var missingMaterial: String?
        /// When it ended.
        public var finishedAt: Timestamp?
    }

    /// A spell during which a step's clock stood still (补正): from the request for a
    /// supplement to its arrival.
    public struct Pause: Sendable, Hashable {
        /// When the supplement was asked for.
        public var from: Timestamp
        /// When it arrived.
        public var to: Timestamp
    }

    /// An escalation (督办) of a late step: when, to whom, and the due moment it missed.
    public struct Escalation: Sendable, Hashable {
        /// When it was escalated.
        public var at: Timestamp
        /// The department asked to supervise: the lead department, or the supervising
        /// office when the late step is the lead department's own.
        public var to: String
        /// The due moment the step had then.
        public var due: Timestamp?
    }

    /// A fetched material the service could not provide: why, and the bundle's fallback.
    public struct FetchFailure: Sendable, Hashable {
        /// When it was found unavailable.
        public var at: Timestamp
        /// Why, as the service or the engine said.
        public var reason: String
        /// What the case does about it.
        public var fallback: FetchFallback
    }

    /// The case's id.
    public let id: CaseID
    /// The steps and their order, fixed when the case started.
    public let blueprint: CaseBlueprint
    /// What the case was started with.
    public private(set) var start: CaseStart?
    /// Intake's decision.
    public private(set) var intake: IntakeDecision?
    /// The steps, in the blueprint's order.
    public private(set) var steps: [StepState]
    /// The materials in hand: those brought at intake and the deferred ones supplied since.
    public private(set) var supplied: Set<String> = []
    /// The deadlines of the deferred materials, by material: those of 容缺, and the
    /// fetched materials the applicant was asked to bring instead (``FetchFallback/paper(dueBy:)``).
    public private(set) var deferredDue: [String: Timestamp] = [:]
    /// The fetched materials the services provided: material → licence number or reference.
    public private(set) var fetchedReferences: [String: String] = [:]
    /// The fetched materials the services could not provide, with why and what follows.
    public private(set) var fetchFailures: [String: FetchFailure] = [:]
    /// The results produced in the case that approvals recorded: output id → value id
    /// (``CaseEvent/Kind/resultRecorded(step:results:)``).
    public private(set) var results: [String: String] = [:]
    /// When the case was started.
    public private(set) var startedAt: Timestamp?
    /// When the case was accepted.
    public private(set) var acceptedAt: Timestamp?
    /// When the case's promise is due, once accepted.
    public private(set) var promisedBy: Timestamp?
    /// How it ended, once delivered.
    public private(set) var outcome: CaseOutcome?
    /// When it was delivered.
    public private(set) var deliveredAt: Timestamp?
    /// When the applicant withdrew it, if they did.
    public private(set) var withdrawnAt: Timestamp?
    /// The outputs delivered.
    public private(set) var outputs: [String] = []
    /// The number of events folded.
    public private(set) var sequence = 0
    /// When the newest event happened.
    public private(set) var lastEventAt: Timestamp?

    /// The state of a case of `blueprint` before any event.
    public init(id: CaseID, blueprint: CaseBlueprint) {
        self.id = id
        self.blueprint = blueprint
        self.steps = Array(repeating: StepState(), count: blueprint.steps.count)
    }

    /// The state after `events`, folded in order.
    ///
    /// - Throws: ``CaseState/Refusal`` when an event does not fit (see ``check(_:)``).
    public init(id: CaseID, blueprint: CaseBlueprint, events: [CaseEvent]) throws(Refusal) {
        self.init(id: id, blueprint: blueprint)
        for event in events {
            try check(event)
            apply(event)
        }
    }

    /// Whether the case has ended.
    public var isClosed: Bool { outcome != nil }

    /// Whether intake accepted the case.
    public var isAccepted: Bool { acceptedAt != nil }

    /// An event that cannot be folded into this state.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        public var reason: String
        /// Whether the event's sequence number was used already: another writer
        /// appended to the case first (a conflict, not a bug).
        public var isRepeat: Bool

        public var description: String { reason }
    }

    /// Checks that `event` can be folded next: it belongs to this case, continues its
    /// history without a gap or a repeat, starts with a start event, and names steps the
    /// blueprint has. Stores check every event before they keep it, so a stored history
    /// always folds.
    public func check(_ event: CaseEvent) throws(Refusal) {
        guard event.caseID == id else {
            throw Refusal(reason: "event of case \(event.caseID) folded into case \(id)", isRepeat: false)
        }
        guard event.sequence == sequence + 1 else {
            throw Refusal(
                reason: "case \(id): event \(event.sequence) appended where \(sequence + 1) was due",
                isRepeat: event.sequence <= sequence)
        }
        let isStart: Bool
        if case .started = event.kind { isStart = true } else { isStart = false }
        guard isStart == (sequence == 0) else {
            throw Refusal(
                reason: isStart
                    ? "case \(id): a second start event (event \(event.sequence))"
                    : "case \(id): event \(event.sequence) comes before the case's start event",
                isRepeat: false)
        }
        if let step = EventCodec.step(of: event.kind), !steps.indices.contains(step) {
            throw Refusal(
                reason: "case \(id): event \(event.sequence) is about step \(step), "
                    + "but the case's blueprint has \(steps.count) steps",
                isRepeat: false)
        }
        if case .issued(let step, let documents) = event.kind,
            let stray = blueprint.steps[step].documentsNotIssued(documents.keys).first
        {
            throw Refusal(
                reason: "case \(id): event \(event.sequence) names a document '\(stray)' that step \(step) "
                    + "does not issue (its outputs: \(blueprint.steps[step].outputs.joined(separator: ", ")))",
                isRepeat: false)
        }
        if case .resultRecorded(let step, let results) = event.kind,
            let stray = blueprint.undeclaredResults(results, of: step).first
        {
            throw Refusal(
                reason: "case \(id): event \(event.sequence) records \(stray) for step \(step)",
                isRepeat: false)
        }
        if case .notNeeded(let step) = event.kind, blueprint.steps[step].awaiting == nil {
            throw Refusal(
                reason: "case \(id): event \(event.sequence) finds step \(step) not needed, "
                    + "but it applies whatever the results of the case are",
                isRepeat: false)
        }
    }

    /// Whether step `step` applies, given the results recorded so far: `true` for a step
    /// with no condition on results; `nil` while a result its condition reads is not known.
    public func applies(_ step: Int) -> Bool? {
        blueprint.steps[step].awaiting?.holds(for: results) ?? true
    }

    /// Folds one event into the state. Whoever folds events from outside checks them
    /// with ``check(_:)`` first (stores do before they keep an event); an event about a
    /// step the blueprint does not have changes nothing but the sequence, so folding
    /// never traps.
    public mutating func apply(_ event: CaseEvent) {
        if let step = EventCodec.step(of: event.kind), !steps.indices.contains(step) {
            sequence = event.sequence
            return
        }
        sequence = event.sequence
        lastEventAt = event.at
        switch event.kind {
        case .started(let start):
            self.start = start
            startedAt = event.at
            supplied = Set(start.provided)
        case .intake(let decision):
            intake = decision
            if case .accepted(let promisedBy, let deferred) = decision {
                acceptedAt = event.at
                self.promisedBy = promisedBy
                for entry in deferred { deferredDue[entry.material] = entry.dueBy }
                release(candidates: blueprint.steps.indices)
            }
        case .dispatched(let step, let attempt, let key, let due):
            steps[step].status = .dispatched
            steps[step].attempts = attempt
            steps[step].key = key
            if steps[step].dispatchedAt == nil {
                steps[step].dispatchedAt = event.at
                steps[step].due = due
            }
        case .dispatchFailed(let step, _, _, _):
            steps[step].status = .ready
        case .inReview(let step):
            steps[step].status = .inReview
        case .supplementRequested(let step, let note):
            steps[step].status = .supplementRequested
            steps[step].pausedAt = event.at
            steps[step].supplementNote = note
        case .supplementSupplied(let step, let due):
            steps[step].status = .inReview
            if let from = steps[step].pausedAt { steps[step].pauses.append(Pause(from: from, to: event.at)) }
            steps[step].pausedAt = nil
            steps[step].supplementNote = nil
            steps[step].due = due
        case .approvalHeld(let step, _):
            steps[step].status = .held
        case .approved(let step):
            finish(step, .approved, at: event.at, reason: nil)
            release(candidates: blueprint.steps[step].successors)
        case .notNeeded(let step):
            finish(step, .notNeeded, at: event.at, reason: nil)
            release(candidates: blueprint.steps[step].successors)
        case .resultRecorded(_, let recorded):
            results.merge(recorded) { _, new in new }
        case .rejected(let step, let reason):
            finish(step, .rejected, at: event.at, reason: reason)
        case .cancelled(let step, let cause):
            finish(step, .cancelled, at: event.at, reason: nil)
            steps[step].cancelledBy = cause
        case .failed(let step, let material):
            finish(step, .failed, at: event.at, reason: nil)
            steps[step].missingMaterial = material
        case .materialSupplied(let material, _):
            supplied.insert(material)
        case .materialFetched(let material, let reference):
            fetchedReferences[material] = reference
            if fetchFailures[material] != nil { supplied.insert(material) }
        case .materialUnavailable(let material, let reason, let fallback):
            fetchFailures[material] = FetchFailure(at: event.at, reason: reason, fallback: fallback)
            if fallback.isPaper { deferredDue[material] = fallback.dueBy }
        case .dueSoon(let step, _):
            steps[step].warned = true
        case .overdue(let step, _):
            steps[step].overdue = true
        case .decidedBy(let step, let principal):
            steps[step].decidedBy = principal
        case .issued(let step, let documents):
            steps[step].documents = documents
        case .escalated(let step, let to):
            steps[step].escalated = true
            steps[step].escalations.append(Escalation(at: event.at, to: to, due: steps[step].due))
        case .dueChanged(let step, _, let due):
            if let step {
                steps[step].due = due
                // A later due moment is a new chance to be warned and found on time.
                if event.at < due {
                    steps[step].warned = false
                    steps[step].overdue = false
                    steps[step].escalated = false
                }
            } else {
                promisedBy = due
            }
        case .outcomeIgnored:
            break
        case .withdrawn:
            withdrawnAt = event.at
            for step in steps.indices where !steps[step].status.isFinal {
                finish(step, .cancelled, at: event.at, reason: nil)
            }
        case .delivered(let outputs, let outcome):
            self.outputs = outputs
            self.outcome = outcome
            deliveredAt = event.at
        }
    }

    mutating func finish(_ step: Int, _ status: StepStatus, at moment: Timestamp, reason: String?) {
        steps[step].status = status
        steps[step].finishedAt = moment
        steps[step].reason = reason
        steps[step].pausedAt = nil
        steps[step].supplementNote = nil
    }

    /// Marks the waiting steps among `candidates` whose predecessors are all approved
    /// (or not needed) as ready, once the case is accepted: every step at acceptance, the
    /// successors of a step when it is approved or found not needed (no other step can
    /// become ready then). Readiness is
    /// not an event of its own: it follows from the events before it, so folding the
    /// same events gives the same state.
    mutating func release<Candidates: Sequence<Int>>(candidates: Candidates) {
        guard acceptedAt != nil else { return }
        let specs = blueprint.steps
        for index in candidates where steps[index].status == .waiting {
            if specs[index].predecessors.allSatisfy({ steps[$0].status.letsSuccessorsGo }) {
                steps[index].status = .ready
            }
        }
    }
}
