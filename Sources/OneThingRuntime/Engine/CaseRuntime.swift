/// The decisions of the runtime for many cases, without I/O: given what happened (a
/// case started, a department answered, a material arrived, time passed), it appends
/// the events that follow to ``outbox`` and the work for the outside world
/// (submissions, withdrawals, polls) to ``effects``. The ``Engine`` stores the outbox
/// and then performs the effects; a simulation drives it on a virtual clock.
///
/// Single-threaded and deterministic: the same inputs in the same order give the same
/// events, which is what makes simulations repeatable for a seed.
///
/// Time: every due moment comes from the working-day calendar of the case's region
/// through ``OneThingCalendar/WorkdayCalendar/dueMoment(startingAt:acceptedAt:limit:)``, the rule the
/// planner and the notice use, and is recorded in the event that decides it.
public struct CaseRuntime: Sendable {
    /// Work for the outside world that follows from the events.
    public enum Effect: Sendable, Hashable {
        /// Send a step to its department.
        case submit(Submission)
        /// Withdraw a step from its department.
        case cancel(Submission)
        /// Ask a department's system for the outcome of a submission it already has
        /// (after a restart, for steps under review).
        case poll(Submission)

        /// The submission the effect is about.
        public var submission: Submission {
            switch self {
            case .submit(let submission), .cancel(let submission), .poll(let submission): submission
            }
        }
    }

    /// How failed submissions are tried again.
    public var retry: RetryPolicy
    /// The seed retry jitter is drawn from (with each submission's key).
    public let seed: UInt64
    /// The working-day calendars, by region.
    public let calendars: [String: WorkdayCalendar]
    /// The calendars as a short list, looked through on every decision: a region is a
    /// few bytes, and comparing it with each of a few regions is cheaper than hashing it.
    private let regions: [(region: String, calendar: WorkdayCalendar)]

    /// The cases held, open and closed, by id.
    public private(set) var cases = CaseTable()
    /// Events that follow from the inputs so far, not yet taken by ``takeOutbox()``.
    public private(set) var outbox: [CaseEvent] = []
    /// Work that follows from the inputs so far, not yet taken by ``takeEffects()``.
    public private(set) var effects: [Effect] = []
    var timers = TimerQueue()

    /// A runtime on `calendars` (by region) whose retry jitter is drawn from `seed`.
    public init(calendars: [String: WorkdayCalendar], seed: UInt64 = 1, retry: RetryPolicy = .standard) {
        self.calendars = calendars
        self.regions = calendars.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        self.seed = seed
        self.retry = retry
    }

    /// The earliest moment a timer is set for.
    public var nextTimer: Timestamp? { timers.next }

    /// The number of timers set.
    public var timerCount: Int { timers.count }

    /// Takes the events produced so far.
    public mutating func takeOutbox() -> [CaseEvent] {
        defer { outbox.removeAll(keepingCapacity: true) }
        return outbox
    }

    /// Takes the work produced so far.
    public mutating func takeEffects() -> [Effect] {
        defer { effects.removeAll(keepingCapacity: true) }
        return effects
    }

    /// Forgets a closed case (after it has been stored), to keep memory flat.
    public mutating func evict(_ id: CaseID) {
        if cases[id]?.isClosed == true { cases[id] = nil }
    }

    /// Forgets cases whose latest decisions were not stored: their state, their timers,
    /// and the events and effects of theirs not yet taken. They are restored from the
    /// store afterwards (``restore(_:blueprint:at:)``).
    public mutating func forget(_ ids: Set<CaseID>) {
        for id in ids { cases[id] = nil }
        timers.remove(cases: ids)
        outbox.removeAll { ids.contains($0.caseID) }
        effects.removeAll { ids.contains($0.submission.caseID) }
    }

    /// The calendar of `blueprint`'s region.
    func calendar(for blueprint: CaseBlueprint) throws(RuntimeError) -> WorkdayCalendar {
        guard let calendar = calendar(region: blueprint.region) else {
            throw RuntimeError.noCalendar(region: blueprint.region, known: calendars.keys.sorted())
        }
        return calendar
    }

    /// The calendar of `region`, if the runtime has one.
    func calendar(region: String) -> WorkdayCalendar? {
        for entry in regions where entry.region == region { return entry.calendar }
        return nil
    }

    // MARK: Inputs

    /// Starts a case: intake decides at once, the outcomes of the fetched materials
    /// (`fetches`, material id → what the service answered) are recorded once it has
    /// accepted, and the first steps are sent.
    ///
    /// - Throws: ``RuntimeError`` when the case exists already, or its region has no
    ///   calendar, or the promise or a deferred material's deadline falls outside the
    ///   calendar's years; then nothing is emitted.
    public mutating func start(
        _ id: CaseID, blueprint: CaseBlueprint, start: CaseStart, at now: Timestamp,
        fetches: [String: MaterialFetchOutcome] = [:]
    ) throws(RuntimeError) {
        advance(to: now)
        guard cases[id] == nil else { throw RuntimeError.caseExists(id) }
        let calendar = try calendar(for: blueprint)
        let provided = Set(start.provided)
        let missingCore = blueprint.core.filter { !provided.contains($0) }
        var promisedBy: Timestamp?
        var deferred: [DeferredMaterial] = []
        var fetchEvents: [CaseEvent.Kind] = []
        if missingCore.isEmpty {
            do throws(WorkdayCalendar.OutOfRange) {
                let promise = try blueprint.promisedBy(acceptedAt: now, on: calendar)
                promisedBy = promise
                for material in blueprint.deferredDeadlines.keys.sorted() where !provided.contains(material) {
                    guard let limit = blueprint.deferredDeadlines[material] else { continue }
                    deferred.append(
                        DeferredMaterial(
                            material: material,
                            dueBy: try calendar.dueMoment(startingAt: now, acceptedAt: now, limit: limit)))
                }
                fetchEvents = try Self.fetchEvents(
                    blueprint, fetches, provided: provided, promisedBy: promise, calendar: calendar, at: now)
            } catch {
                throw RuntimeError.outsideCalendar(error)
            }
        }
        let slot = cases.hold(CaseState(id: id, blueprint: blueprint))
        emit(slot, at: now, .started(start))
        guard let promisedBy else {
            emit(slot, at: now, .intake(.rejectedIncomplete(missing: missingCore)))
            emit(slot, at: now, .delivered(outputs: [], outcome: .notAccepted))
            return
        }
        emit(slot, at: now, .intake(.accepted(promisedBy: promisedBy, deferred: deferred)))
        for entry in deferred {
            timers.schedule(.deadline(material: entry.material), for: id, at: entry.dueBy)
        }
        for kind in fetchEvents {
            emit(slot, at: now, kind)
            if case .materialUnavailable(let material, _, let fallback) = kind {
                timers.schedule(.deadline(material: material), for: id, at: fallback.dueBy)
            }
        }
        if blueprint.steps.isEmpty {
            deliver(slot, at: now)
            return
        }
        dispatchReady(slot, at: now)
    }

    /// A department reports on the submission with idempotency key `key`. Returns
    /// `false` when the key names no case this runtime holds (load it first).
    @discardableResult
    public mutating func report(_ outcome: AdapterOutcome, for key: String, at now: Timestamp) -> Bool {
        guard let (id, step) = locate(key) else {
            advance(to: now)
            return false
        }
        return report(outcome, for: key, step: step, of: id, at: now)
    }

    /// A department reports on the step with id `stepID` of case `id`, submitted under
    /// `key` (the key's parts, parsed by the caller).
    @discardableResult
    mutating func report(
        _ outcome: AdapterOutcome, for key: String, stepID: String, of id: CaseID, at now: Timestamp
    ) -> Bool {
        advance(to: now)
        guard let slot = cases.slot(of: id), let step = cases.slots[slot].blueprint.stepIndex(stepID) else {
            return false
        }
        report(outcome, for: key, step: step, slot: slot, at: now)
        return true
    }

    /// A department reports on step `step` of case `id`, submitted under `key`: what
    /// ``report(_:for:at:)`` does once it has found the step by the key (for a caller
    /// that knows it already, such as a simulation).
    @discardableResult
    public mutating func report(
        _ outcome: AdapterOutcome, for key: String, step: Int, of id: CaseID, at now: Timestamp
    )
        -> Bool
    {
        advance(to: now)
        guard let slot = cases.slot(of: id), cases.slots[slot].steps.indices.contains(step) else {
            return false
        }
        report(outcome, for: key, step: step, slot: slot, at: now)
        return true
    }

    /// What ``report(_:for:step:of:at:)`` decides, for the case in `slot`, once the
    /// timers due by `now` have fired.
    mutating func report(_ outcome: AdapterOutcome, for key: String, step: Int, slot: Int, at now: Timestamp)
    {
        let current = cases.slots[slot].steps[step]
        guard current.key == key else {
            emit(
                slot, at: now,
                .outcomeIgnored(step: step, key: key, outcome: Self.name(of: outcome), status: current.status)
            )
            return
        }
        // A step waiting to be pushed again (`ready` under its key) may have been taken by
        // the department already (a push that timed out): its answer counts as if the push
        // had been answered, and the retry timer then finds nothing to send.
        switch (outcome, current.status) {
        case (.inReview, .dispatched), (.inReview, .ready):
            emit(slot, at: now, .inReview(step: step))
        case (.supplementRequested(let note), .dispatched), (.supplementRequested(let note), .inReview),
            (.supplementRequested(let note), .ready):
            emit(slot, at: now, .supplementRequested(step: step, note: note))
        case (.approved, .dispatched), (.approved, .inReview), (.approved, .ready):
            let missing = cases.slots[slot].awaitedMaterials(of: step).filter {
                !cases.slots[slot].supplied.contains($0)
            }
            if missing.isEmpty {
                approve(slot, step, at: now)
            } else {
                emit(slot, at: now, .approvalHeld(step: step, materials: missing))
            }
        case (.rejected(let reason), .dispatched), (.rejected(let reason), .inReview),
            (.rejected(let reason), .ready):
            emit(slot, at: now, .rejected(step: step, reason: reason))
            settleAfterRejection(slot, step, at: now)
        default:
            emit(
                slot, at: now,
                .outcomeIgnored(step: step, key: key, outcome: Self.name(of: outcome), status: current.status)
            )
        }
    }

    /// A submission could not be made; it is tried again after a backoff, as a new
    /// attempt under the same idempotency key (the department may have taken it).
    public mutating func submissionFailed(_ key: String, reason: String, at now: Timestamp) {
        advance(to: now)
        guard let (id, step) = locate(key), let slot = cases.slot(of: id),
            cases.slots[slot].steps[step].key == key, cases.slots[slot].steps[step].status == .dispatched
        else { return }
        let attempt = cases.slots[slot].steps[step].attempts
        let delay = retry.delay(after: attempt, random: Self.unit(StableHash.fnv1a(key, seed: seed)))
        let retryAt = now.adding(milliseconds: delay)
        emit(slot, at: now, .dispatchFailed(step: step, attempt: attempt, reason: reason, retryAt: retryAt))
        timers.schedule(.retry(step: step, attempt: attempt), for: id, at: retryAt)
    }

    /// The applicant supplied what the department of `step` asked for; the step's clock
    /// runs again, and its due moment moves by the working days it stood still.
    public mutating func supplementSupplied(_ id: CaseID, step: Int, at now: Timestamp) {
        advance(to: now)
        guard let slot = cases.slot(of: id), cases.slots[slot].steps.indices.contains(step),
            cases.slots[slot].steps[step].status == .supplementRequested,
            let due = cases.slots[slot].steps[step].due
        else { return }
        let pausedAt = cases.slots[slot].steps[step].pausedAt ?? now
        let moved = postponed(due, pausedAt: pausedAt, resumedAt: now, in: cases.slots[slot])
        emit(slot, at: now, .supplementSupplied(step: step, due: moved))
        scheduleDeadlines(slot, step)
    }

    /// A deferred material (容缺), or a fetched one the applicant was asked to bring
    /// instead, arrived: approvals held for it are issued. One that comes after its
    /// deadline is recorded as late; the steps that needed it failed at the deadline.
    public mutating func supply(_ material: String, to id: CaseID, at now: Timestamp) {
        advance(to: now)
        guard let slot = cases.slot(of: id), !cases.slots[slot].isClosed,
            !cases.slots[slot].supplied.contains(material),
            cases.slots[slot].deferredDue[material] != nil
        else { return }
        let late = cases.slots[slot].deferredDue[material].map { now >= $0 } ?? false
        emit(slot, at: now, .materialSupplied(material: material, late: late))
        guard !late else { return }
        releaseHolds(for: material, slot, at: now)
    }

    /// The service delivered, late, a fetched material that the case waits for
    /// (``FetchFallback/wait(until:)``): recorded with `reference`, and approvals held
    /// for it are issued. Returns `false` when the case does not wait for it (closed,
    /// in hand already, past its bound, or never unavailable).
    @discardableResult
    public mutating func receive(_ material: String, reference: String, for id: CaseID, at now: Timestamp)
        -> Bool
    {
        advance(to: now)
        guard let slot = cases.slot(of: id), !cases.slots[slot].isClosed,
            !cases.slots[slot].supplied.contains(material),
            let failure = cases.slots[slot].fetchFailures[material], !failure.fallback.isPaper,
            now < failure.fallback.dueBy
        else { return false }
        emit(slot, at: now, .materialFetched(material: material, reference: reference))
        releaseHolds(for: material, slot, at: now)
        return true
    }

    /// Approves the held steps that awaited `material`, once nothing else they await is missing.
    mutating func releaseHolds(for material: String, _ slot: Int, at now: Timestamp) {
        for step in cases.slots[slot].blueprint.steps.indices {
            let awaited = cases.slots[slot].awaitedMaterials(of: step)
            guard awaited.contains(material), cases.slots[slot].steps[step].status == .held else { continue }
            if awaited.allSatisfy(cases.slots[slot].supplied.contains) { approve(slot, step, at: now) }
        }
    }

    /// The events that record what the services answered for the fetched materials of
    /// `blueprint` the applicant did not bring, in the blueprint's order: each
    /// unavailable one with its fallback's moment (paper: by the promise; wait: its bound).
    static func fetchEvents(
        _ blueprint: CaseBlueprint, _ fetches: [String: MaterialFetchOutcome], provided: Set<String>,
        promisedBy: Timestamp, calendar: WorkdayCalendar, at now: Timestamp
    ) throws(WorkdayCalendar.OutOfRange) -> [CaseEvent.Kind] {
        var events: [CaseEvent.Kind] = []
        for entry in blueprint.fetched where !provided.contains(entry.material) {
            switch fetches[entry.material] {
            case nil:
                continue
            case .fetched(let reference):
                events.append(.materialFetched(material: entry.material, reference: reference))
            case .unavailable(let reason):
                let fallback: FetchFallback =
                    switch entry.fallback {
                    case .paper: .paper(dueBy: promisedBy)
                    case .wait(let limit):
                        .wait(until: try calendar.dueMoment(startingAt: now, acceptedAt: now, limit: limit))
                    }
                events.append(
                    .materialUnavailable(material: entry.material, reason: reason, fallback: fallback))
            }
        }
        return events
    }

    /// Drops every pending timer (a simulation between cases).
    public mutating func clearTimers() { timers = TimerQueue() }

    /// Fires every timer due at or before `now`, each at its own moment (never before
    /// its case's newest event).
    public mutating func advance(to now: Timestamp) {
        while let timer = timers.pop(dueBy: now) {
            fire(timer)
        }
    }

    /// Restores a case from its stored events (after a restart, or to act on one case):
    /// the state, and the timers its open steps need. Steps sent without an answer are
    /// sent again with the same idempotency key, which the department treats as the same
    /// submission; steps under review or waiting for a supplement are polled — unless
    /// `resending` is false: the case is loaded from a store where another instance,
    /// alive, sent them already.
    ///
    /// - Throws: ``RuntimeError/damagedHistory(_:reason:)`` when the events do not fold.
    public mutating func restore(
        _ events: [CaseEvent], blueprint: CaseBlueprint, at now: Timestamp, resending: Bool = true
    )
        throws(RuntimeError)
    {
        guard let first = events.first else { return }
        let stored: CaseState
        do {
            stored = try CaseState(id: first.caseID, blueprint: blueprint, events: events)
        } catch {
            throw RuntimeError.damagedHistory(first.caseID, reason: error.reason)
        }
        let slot = cases.hold(stored)
        guard !stored.isClosed, stored.isAccepted else { return }
        recalendar(slot, at: max(now, stored.lastEventAt ?? now))
        let state = cases.slots[slot]
        for (material, dueBy) in state.deferredDue where !state.supplied.contains(material) {
            timers.schedule(.deadline(material: material), for: state.id, at: dueBy)
        }
        for (material, failure) in state.fetchFailures
        where !failure.fallback.isPaper && !state.supplied.contains(material) {
            timers.schedule(.deadline(material: material), for: state.id, at: failure.fallback.dueBy)
        }
        for (step, current) in state.steps.enumerated() {
            if resending, let key = current.key, let due = current.due,
                current.status == .dispatched || current.status == .inReview
                    || current.status == .supplementRequested
            {
                var submission = Submission(
                    caseID: state.id, step: step, of: blueprint, attempt: current.attempts, due: due)
                submission.key = key
                submission.sentAt = Self.sentAt(of: step, attempt: current.attempts, in: events)
                effects.append(current.status == .dispatched ? .submit(submission) : .poll(submission))
            }
            if current.status == .ready, current.attempts > 0,
                let retryAt = Self.retryAt(of: step, attempt: current.attempts, in: events)
            {
                timers.schedule(.retry(step: step, attempt: current.attempts), for: state.id, at: retryAt)
            }
            scheduleDeadlines(slot, step)
        }
        dispatchReady(slot, at: max(now, state.lastEventAt ?? now))
    }

    /// Records who makes the decision on `step` of case `id` that is reported next.
    public mutating func record(decisionOf step: Int, in id: CaseID, by principal: String, at now: Timestamp)
    {
        guard let slot = cases.slot(of: id) else { return }
        emit(slot, at: now, .decidedBy(step: step, principal: principal))
    }

    /// Records the documents the approval of `step` of case `id` that is reported next issued.
    public mutating func record(
        _ documents: [String: String], issuedBy step: Int, in id: CaseID, at now: Timestamp
    ) {
        guard let slot = cases.slot(of: id) else { return }
        emit(slot, at: now, .issued(step: step, documents: documents))
    }

    /// Records the results produced in the case that the approval of `step` of case `id`
    /// that is reported next decided (output id → value id): the steps waiting for them
    /// are then sent or found not needed. The caller checks them
    /// (``OneThingEvents/CaseBlueprint/resultProblems(_:of:approving:)``).
    public mutating func record(
        results: [String: String], decidedBy step: Int, in id: CaseID, at now: Timestamp
    ) {
        guard let slot = cases.slot(of: id) else { return }
        emit(slot, at: now, .resultRecorded(step: step, results: results))
    }

    // MARK: Decisions

    // The decisions below name a case by its slot in ``cases``, found once per input:
    // slots move only when a case is forgotten or evicted, never during a decision.

    /// Appends an event to the case in `slot`, stamped `now` but never before the case's
    /// newest event (a clock behind the store, after a restart, does not reorder a history).
    mutating func emit(_ slot: Int, at now: Timestamp, _ kind: CaseEvent.Kind) {
        let last = cases.slots[slot].lastEventAt
        let at = max(now, last ?? now)
        let event = CaseEvent(
            caseID: cases.slots[slot].id, sequence: cases.slots[slot].sequence + 1, at: at, kind: kind)
        cases.slots[slot].apply(event)  // in place: no copy of the case's steps
        outbox.append(event)
    }

    /// Sends the ready steps that were never sent, and finds not needed those whose
    /// condition on results of the case (``OneThingEvents/CaseBlueprint/Step/awaiting``)
    /// fails for the results recorded; a step that is not needed lets the steps after it
    /// go on, which the loop meets later (the blueprint orders steps after those they
    /// wait for). A step whose result is still unknown when it is ready (its producer was
    /// approved without saying it, in a history written before results were recorded) is
    /// sent, as every step that might apply was before: the department decides.
    mutating func dispatchReady(_ slot: Int, at now: Timestamp) {
        // A ready step that was sent before waits for its retry timer, not for this. A
        // step is looked at before it is sent, so nothing reads the case while it changes.
        var skipped = false
        for step in cases.slots[slot].steps.indices
        where cases.slots[slot].steps[step].status == .ready && cases.slots[slot].steps[step].attempts == 0 {
            if cases.slots[slot].applies(step) == false {
                emit(slot, at: now, .notNeeded(step: step))
                skipped = true
            } else {
                dispatch(slot, step, attempt: 1, at: now)
            }
        }
        if skipped { deliverIfDone(slot, at: now) }
    }

    /// Sends attempt `attempt` of `step`. A step sent before keeps its idempotency key:
    /// a department that took an earlier attempt (whose push timed out, or whose answer
    /// was lost) must see this one as the same task, never as a second one.
    mutating func dispatch(_ slot: Int, _ step: Int, attempt: Int, at now: Timestamp) {
        let first = cases.slots[slot].steps[step].dispatchedAt == nil
        let due = cases.slots[slot].steps[step].due ?? dueMoment(of: step, in: slot, startingAt: now)
        var submission = Submission(
            caseID: cases.slots[slot].id, step: step, of: cases.slots[slot].blueprint, attempt: attempt,
            due: due)
        if let key = cases.slots[slot].steps[step].key { submission.key = key }
        submission.sentAt = now
        emit(slot, at: now, .dispatched(step: step, attempt: attempt, key: submission.key, due: due))
        effects.append(.submit(submission))
        if first { scheduleDeadlines(slot, step) }
    }

    /// The due moment of `step` started at `start`. A due date beyond the calendar's
    /// years (only a case running into the next century can reach one) is the case's
    /// promise, which was dated when the case was accepted.
    func dueMoment(of step: Int, in slot: Int, startingAt start: Timestamp) -> Timestamp {
        let blueprint = cases.slots[slot].blueprint
        do {
            let calendar = try calendar(for: blueprint)
            return try calendar.dueMoment(
                startingAt: start, acceptedAt: cases.slots[slot].acceptedAt,
                limits: blueprint.steps[step].lengths)
        } catch {
            return cases.slots[slot].promisedBy ?? start
        }
    }

    /// `due` moved by a stopped clock; beyond the calendar's years it stays where it was.
    func postponed(_ due: Timestamp, pausedAt: Timestamp, resumedAt: Timestamp, in state: CaseState)
        -> Timestamp
    {
        do {
            return try calendar(for: state.blueprint).postponing(
                due, pausedAt: pausedAt, resumedAt: resumedAt)
        } catch {
            return due
        }
    }

    mutating func approve(_ slot: Int, _ step: Int, at now: Timestamp) {
        emit(slot, at: now, .approved(step: step))
        dispatchReady(slot, at: now)
        deliverIfDone(slot, at: now)
    }

    /// After a rejection or failure: cancel what depends on it (everything, when the
    /// step's item, or else the bundle, stops on a rejection), then deliver if nothing
    /// is left.
    mutating func settleAfterRejection(_ slot: Int, _ step: Int, at now: Timestamp) {
        let blueprint = cases.slots[slot].blueprint
        var doomed: [Int] = []
        if blueprint.stopsAllOnRejection(of: step) {
            doomed = Array(blueprint.steps.indices)
        } else {
            var stack = blueprint.steps[step].successors
            var seen = Set<Int>()
            while let next = stack.popLast() {
                guard seen.insert(next).inserted else { continue }
                doomed.append(next)
                stack += blueprint.steps[next].successors
            }
            doomed.sort()
        }
        for other in doomed {
            let current = cases.slots[slot].steps[other]
            guard !current.status.isFinal else { continue }
            emit(slot, at: now, .cancelled(step: other, cause: step))
            withdrawSubmission(of: other, current, in: cases.slots[slot].id, blueprint: blueprint)
        }
        deliverIfDone(slot, at: now)
    }

    /// Withdraws step `step` (as it stood, `current`) of case `id` from its department,
    /// if the department has it.
    mutating func withdrawSubmission(
        of step: Int, _ current: CaseState.StepState, in id: CaseID, blueprint: CaseBlueprint
    ) {
        let withdraw: Set<StepStatus> = [.dispatched, .inReview, .supplementRequested, .held]
        guard withdraw.contains(current.status), let key = current.key, let due = current.due else { return }
        var submission = Submission(
            caseID: id, step: step, of: blueprint, attempt: current.attempts, due: due)
        submission.key = key
        effects.append(.cancel(submission))
    }

    /// The applicant withdraws open case `id` (撤回申请): the steps its departments have
    /// are withdrawn from them, every step not finished is cancelled, and the case is
    /// delivered with what was approved. Returns `false` when the case is not held or is
    /// closed.
    @discardableResult
    public mutating func withdraw(_ id: CaseID, reason: String, at now: Timestamp) -> Bool {
        advance(to: now)
        guard let slot = cases.slot(of: id), !cases.slots[slot].isClosed else { return false }
        let blueprint = cases.slots[slot].blueprint
        for (step, current) in cases.slots[slot].steps.enumerated() where !current.status.isFinal {
            withdrawSubmission(of: step, current, in: id, blueprint: blueprint)
        }
        emit(slot, at: now, .withdrawn(reason: reason))
        timers.remove(cases: [id])
        deliver(slot, at: now)
        return true
    }

    mutating func deliverIfDone(_ slot: Int, at now: Timestamp) {
        guard !cases.slots[slot].isClosed,
            cases.slots[slot].steps.allSatisfy(\.status.isFinal)
        else { return }
        deliver(slot, at: now)
    }

    mutating func deliver(_ slot: Int, at now: Timestamp) {
        let (outputs, outcome) = Self.delivery(of: cases.slots[slot])
        emit(slot, at: now, .delivered(outputs: outputs, outcome: outcome))
    }

    /// The outputs issued and the outcome of a case whose steps have all ended: completed
    /// when every step was approved or not needed.
    static func delivery(of state: CaseState) -> ([String], CaseOutcome) {
        let approved = state.steps.indices.filter { state.steps[$0].status == .approved }
        let outputs = approved.flatMap { state.blueprint.steps[$0].outputs }
        let done = state.steps.allSatisfy(\.status.letsSuccessorsGo)
        let outcome: CaseOutcome =
            state.withdrawnAt != nil
            ? .withdrawn
            : done ? .completed : approved.isEmpty ? .refused : .partial
        return (outputs, outcome)
    }

    /// Reads the state of case `id` in place, without copying it; `nil` when the case is not held.
    public func read<Value>(_ id: CaseID, _ body: (borrowing CaseState) -> Value) -> Value? {
        guard let slot = cases.slot(of: id) else { return nil }
        return body(cases.slots[slot])
    }

    /// The status of the step whose current idempotency key is `key`; `nil` when the
    /// key names no case held, no step, or not the step's current submission.
    public func status(ofCurrent key: String) -> StepStatus? {
        guard let (id, step) = locate(key) else { return nil }
        return status(ofCurrent: key, step: step, of: id)
    }

    /// The status of step `step` of case `id` if `key` is its current idempotency key.
    public func status(ofCurrent key: String, step: Int, of id: CaseID) -> StepStatus? {
        guard let slot = cases.slot(of: id), cases.slots[slot].steps.indices.contains(step),
            cases.slots[slot].steps[step].key == key
        else { return nil }
        return cases.slots[slot].steps[step].status
    }

    /// Whether open case `id` waits for the deferred material `material`.
    public func awaits(_ material: String, in id: CaseID) -> Bool {
        guard let slot = cases.slot(of: id), cases.slots[slot].outcome == nil else { return false }
        return cases.slots[slot].deferredDue[material] != nil
            && !cases.slots[slot].supplied.contains(material)
    }

    /// Whether case `id` is delivered; `nil` when the case is not held.
    public func isClosed(_ id: CaseID) -> Bool? {
        guard let slot = cases.slot(of: id) else { return nil }
        return cases.slots[slot].outcome != nil
    }

    // MARK: Helpers

    /// The case and step of an idempotency key `case/step/attempt`.
    func locate(_ key: String) -> (CaseID, Int)? {
        guard let parsed = Submission.parse(key: key), let slot = cases.slot(of: parsed.caseID),
            let step = cases.slots[slot].blueprint.stepIndex(parsed.stepID)
        else { return nil }
        return (parsed.caseID, step)
    }

    /// When attempt `attempt` of `step` was sent, from the events.
    static func sentAt(of step: Int, attempt: Int, in events: [CaseEvent]) -> Timestamp? {
        for event in events.reversed() {
            if case .dispatched(let s, let a, _, _) = event.kind, s == step, a == attempt { return event.at }
        }
        return nil
    }

    /// When the last failed attempt of `step` is to be tried again, from the events.
    static func retryAt(of step: Int, attempt: Int, in events: [CaseEvent]) -> Timestamp? {
        for event in events.reversed() {
            if case .dispatchFailed(let s, let a, _, let retryAt) = event.kind, s == step, a == attempt {
                return retryAt
            }
        }
        return nil
    }

    /// A uniform number in 0..<1 from 64 random bits.
    static func unit(_ bits: UInt64) -> Double { StableHash.unit(bits) }

    /// An outcome's name, for the history: `in-review`, `supplement-requested`,
    /// `approved`, `rejected`.
    public static func name(of outcome: AdapterOutcome) -> String {
        switch outcome {
        case .inReview: "in-review"
        case .supplementRequested: "supplement-requested"
        case .approved: "approved"
        case .rejected: "rejected"
        }
    }
}
