import OneThingModel

/// The decisions of the runtime for many cases, without I/O: given what happened
/// (a case started, a department answered, a material arrived, time passed), it
/// appends the events that follow to ``outbox`` and the work for the outside world
/// (submissions, withdrawals) to ``effects``. The ``Engine`` persists the outbox and
/// performs the effects; a ``Simulation`` drives it on a virtual clock.
///
/// Single-threaded and deterministic: the same inputs in the same order give the same
/// events, which is what makes simulations repeatable for a seed.
public struct CaseRuntime: Sendable {
    /// Work for the outside world that follows from the events.
    public enum Effect: Sendable, Hashable {
        /// Send a task to its department.
        case submit(TaskRequest)
        /// Withdraw a task from its department.
        case cancel(TaskRequest)
        /// Ask a department's system for the outcome of a submission it already has
        /// (after a restart, for tasks under review).
        case poll(TaskRequest)
    }

    /// When to warn before a task is due: this fraction of its limit before, at most a day.
    public var warningLead: Double = 0.2
    /// How long after the due date an overdue task is escalated to the lead department.
    public var escalationDelay: WorkTime = 1
    /// How failed submissions are tried again.
    public var retry: RetryPolicy = .standard

    /// The cases, open and closed, by id.
    public private(set) var cases: [CaseID: CaseState] = [:]
    /// Events that follow from the inputs so far, not yet taken by ``takeOutbox()``.
    public private(set) var outbox: [CaseEvent] = []
    /// Work that follows from the inputs so far, not yet taken by ``takeEffects()``.
    public private(set) var effects: [Effect] = []
    var timers = TimerQueue()
    var random: SplitMix64

    /// A runtime whose retry jitter is drawn from `seed`.
    public init(seed: UInt64 = 1) {
        self.random = SplitMix64(seed: seed)
    }

    /// The earliest time a timer is set for.
    public var nextTimer: WorkTime? { timers.next }

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

    /// Forgets a closed case (after it has been persisted), to keep memory flat.
    public mutating func evict(_ id: CaseID) {
        if cases[id]?.isClosed == true { cases[id] = nil }
    }

    // MARK: Inputs

    /// Starts a case: intake decides at once, and the first tasks are sent.
    public mutating func start(_ id: CaseID, blueprint: CaseBlueprint, start: CaseStart, at now: WorkTime) {
        precondition(cases[id] == nil, "case \(id) exists")
        cases[id] = CaseState(id: id, blueprint: blueprint)
        emit(id, at: now, .started(start))
        let provided = Set(start.provided)
        let missingCore = blueprint.core.filter { !provided.contains($0) }
        if !missingCore.isEmpty {
            emit(id, at: now, .intake(.rejectedIncomplete(missing: missingCore)))
            emit(id, at: now, .delivered(outputs: [], outcome: .notAccepted))
            return
        }
        let gaps = blueprint.deferredDeadlines.keys.filter { !provided.contains($0) }.sorted()
        emit(id, at: now, .intake(gaps.isEmpty ? .accepted : .acceptedWithGaps(missing: gaps)))
        for material in gaps {
            timers.schedule(
                .deadline(material: material), for: id, at: now + blueprint.deferredDeadlines[material]!)
        }
        if blueprint.tasks.isEmpty {
            deliver(id, at: now)
            return
        }
        dispatchReady(id, at: now)
    }

    /// A department reports on a submission identified by its idempotency key.
    public mutating func report(_ outcome: AdapterOutcome, for key: String, at now: WorkTime) {
        guard let (id, task) = locate(key), let state = cases[id], task < state.tasks.count else { return }
        let current = state.tasks[task]
        guard current.key == key else {
            emit(id, at: now, .outcomeIgnored(task: task, reason: "stale idempotency key \(key)"))
            return
        }
        switch (outcome, current.status) {
        case (.inReview, .dispatched):
            emit(id, at: now, .inReview(task: task))
        case (.supplementRequested(let note), .dispatched), (.supplementRequested(let note), .inReview):
            emit(id, at: now, .supplementRequested(task: task, note: note))
        case (.approved, .dispatched), (.approved, .inReview):
            let missing = state.blueprint.tasks[task].deferred.filter { !state.supplied.contains($0) }
            if missing.isEmpty {
                approve(id, task, at: now)
            } else {
                emit(id, at: now, .approvalHeld(task: task, materials: missing))
            }
        case (.rejected(let reason), .dispatched), (.rejected(let reason), .inReview):
            emit(id, at: now, .rejected(task: task, reason: reason))
            settleAfterRejection(id, task, at: now)
        default:
            emit(
                id, at: now,
                .outcomeIgnored(task: task, reason: "\(outcome) while \(current.status.rawValue)"))
        }
    }

    /// A submission could not be made; it is tried again after a backoff.
    public mutating func submissionFailed(_ key: String, reason: String, at now: WorkTime) {
        guard let (id, task) = locate(key), let state = cases[id], state.tasks[task].key == key,
            state.tasks[task].status == .dispatched
        else { return }
        let attempt = state.tasks[task].attempts
        let retryAt = now + retry.delay(after: attempt, random: Double(random.next() >> 11) / Double(1 << 53))
        emit(id, at: now, .dispatchFailed(task: task, attempt: attempt, reason: reason, retryAt: retryAt))
        timers.schedule(.retry(task: task, attempt: attempt), for: id, at: retryAt)
    }

    /// The applicant supplied what a department asked for; the task's clock runs again.
    public mutating func supplementSupplied(_ id: CaseID, task: Int, at now: WorkTime) {
        guard let state = cases[id], task < state.tasks.count,
            state.tasks[task].status == .supplementRequested
        else {
            return
        }
        emit(id, at: now, .supplementSupplied(task: task))
    }

    /// A deferred material (容缺) arrived: approvals held for it are issued.
    public mutating func supply(_ material: String, to id: CaseID, at now: WorkTime) {
        guard let state = cases[id], !state.isClosed, !state.supplied.contains(material),
            state.blueprint.deferredDeadlines[material] != nil
        else { return }
        emit(id, at: now, .materialSupplied(material: material))
        for (task, spec) in state.blueprint.tasks.enumerated()
        where cases[id]!.tasks[task].status == .held && spec.deferred.contains(material) {
            let supplied = cases[id]!.supplied
            if spec.deferred.allSatisfy(supplied.contains) { approve(id, task, at: now) }
        }
    }

    /// Drops every pending timer (a simulation between cases).
    public mutating func clearTimers() { timers = TimerQueue() }

    /// Fires every timer due at or before `now`.
    public mutating func advance(to now: WorkTime) {
        while let timer = timers.pop(dueBy: now) {
            fire(timer, at: timer.at)
        }
    }

    /// Restores a case from its events (after a restart): the state, and the timers
    /// its open tasks need. Tasks sent without an answer are sent again with the
    /// same idempotency key, which the department treats as the same submission.
    public mutating func restore(_ events: [CaseEvent], blueprint: CaseBlueprint, at now: WorkTime) {
        guard let first = events.first else { return }
        var state = CaseState(id: first.caseID, blueprint: blueprint)
        for event in events { state.apply(event) }
        cases[state.id] = state
        guard !state.isClosed, let acceptedAt = state.acceptedAt else { return }
        for (material, deadline) in blueprint.deferredDeadlines where !state.supplied.contains(material) {
            timers.schedule(.deadline(material: material), for: state.id, at: max(now, acceptedAt + deadline))
        }
        for (task, spec) in blueprint.tasks.enumerated() {
            let taskState = state.tasks[task]
            if taskState.status == .dispatched, let key = taskState.key {
                var request = TaskRequest(
                    caseID: state.id, task: task, item: spec.item, department: spec.department,
                    attempt: taskState.attempts)
                request.key = key
                effects.append(.submit(request))
            }
            if taskState.status == .ready,
                let last = events.last(where: { event in
                    if case .dispatchFailed(let t, _, _, _) = event.kind { return t == task }
                    return false
                }), case .dispatchFailed(_, let attempt, _, let retryAt) = last.kind
            {
                timers.schedule(.retry(task: task, attempt: attempt), for: state.id, at: max(now, retryAt))
            }
            scheduleDeadlines(state.id, task, state: state)
        }
        dispatchReady(state.id, at: now)
    }

    // MARK: Decisions

    mutating func emit(_ id: CaseID, at now: WorkTime, _ kind: CaseEvent.Kind) {
        let event = CaseEvent(caseID: id, sequence: cases[id]!.sequence + 1, at: now, kind: kind)
        cases[id]!.apply(event)
        outbox.append(event)
    }

    mutating func dispatchReady(_ id: CaseID, at now: WorkTime) {
        guard let state = cases[id] else { return }
        // A ready task that was sent before waits for its retry timer, not for this.
        for (task, spec) in state.blueprint.tasks.enumerated()
        where state.tasks[task].status == .ready && state.tasks[task].attempts == 0 {
            dispatch(id, task, spec: spec, attempt: 1, at: now)
        }
    }

    mutating func dispatch(
        _ id: CaseID, _ task: Int, spec: CaseBlueprint.Task, attempt: Int, at now: WorkTime
    ) {
        let request = TaskRequest(
            caseID: id, task: task, item: spec.item, department: spec.department, attempt: attempt)
        let first = cases[id]!.tasks[task].startedAt == nil
        emit(id, at: now, .dispatched(task: task, attempt: attempt, key: request.key))
        effects.append(.submit(request))
        if first { scheduleDeadlines(id, task, state: cases[id]!) }
    }

    mutating func scheduleDeadlines(_ id: CaseID, _ task: Int, state: CaseState) {
        guard let due = state.due(task), !state.tasks[task].status.isFinal else { return }
        let promised = state.blueprint.tasks[task].promised
        let lead = min(1, max(0, warningLead * promised))
        if !state.tasks[task].warned { timers.schedule(.dueSoon(task: task), for: id, at: due - lead) }
        if !state.tasks[task].overdue { timers.schedule(.overdue(task: task), for: id, at: due) }
        if !state.tasks[task].escalated {
            timers.schedule(.escalate(task: task), for: id, at: due + escalationDelay)
        }
    }

    mutating func approve(_ id: CaseID, _ task: Int, at now: WorkTime) {
        emit(id, at: now, .approved(task: task))
        dispatchReady(id, at: now)
        deliverIfDone(id, at: now)
    }

    /// After a rejection or failure: cancel what depends on it (everything, when the
    /// bundle stops on a rejection), then deliver if nothing is left.
    mutating func settleAfterRejection(_ id: CaseID, _ task: Int, at now: WorkTime) {
        let state = cases[id]!
        var doomed: [Int] = []
        if state.blueprint.stopAllOnRejection {
            doomed = state.tasks.indices.filter { !state.tasks[$0].status.isFinal }
        } else {
            var stack = state.blueprint.tasks[task].successors
            var seen = Set<Int>()
            while let next = stack.popLast() {
                guard seen.insert(next).inserted else { continue }
                doomed.append(next)
                stack += state.blueprint.tasks[next].successors
            }
            doomed.sort()
        }
        let item = state.blueprint.tasks[task].item
        for other in doomed where !cases[id]!.tasks[other].status.isFinal {
            let status = cases[id]!.tasks[other].status
            emit(id, at: now, .cancelled(task: other, reason: "\(item) did not succeed"))
            if status == .dispatched || status == .inReview || status == .supplementRequested
                || status == .held,
                let key = cases[id]!.tasks[other].key
            {
                let spec = state.blueprint.tasks[other]
                var request = TaskRequest(
                    caseID: id, task: other, item: spec.item, department: spec.department,
                    attempt: cases[id]!.tasks[other].attempts)
                request.key = key
                effects.append(.cancel(request))
            }
        }
        deliverIfDone(id, at: now)
    }

    mutating func deliverIfDone(_ id: CaseID, at now: WorkTime) {
        guard let state = cases[id], !state.isClosed, state.tasks.allSatisfy(\.status.isFinal) else { return }
        deliver(id, at: now)
    }

    mutating func deliver(_ id: CaseID, at now: WorkTime) {
        let state = cases[id]!
        let approved = state.tasks.indices.filter { state.tasks[$0].status == .approved }
        let outputs = approved.flatMap { state.blueprint.tasks[$0].outputs }
        let outcome: CaseOutcome =
            approved.count == state.tasks.count ? .completed : approved.isEmpty ? .refused : .partial
        emit(id, at: now, .delivered(outputs: outputs, outcome: outcome))
    }

    mutating func fire(_ timer: TimerQueue.Timer, at now: WorkTime) {
        let id = timer.caseID
        guard let state = cases[id], !state.isClosed else { return }
        switch timer.action {
        case .dueSoon(let task), .overdue(let task), .escalate(let task):
            guard let due = state.due(task), !state.tasks[task].status.isFinal else { return }
            let taskState = state.tasks[task]
            let promised = state.blueprint.tasks[task].promised
            let (when, done): (WorkTime, Bool) =
                switch timer.action {
                case .dueSoon: (due - min(1, warningLead * promised), taskState.warned)
                case .overdue: (due, taskState.overdue)
                default: (due + escalationDelay, taskState.escalated)
                }
            guard !done else { return }
            if taskState.pausedSince != nil || now < when {
                // The task's clock stood still since the timer was set: look again later.
                timers.schedule(timer.action, for: id, at: max(when, now + Self.recheckInterval))
                return
            }
            switch timer.action {
            case .dueSoon: emit(id, at: now, .dueSoon(task: task, due: due))
            case .overdue: emit(id, at: now, .overdue(task: task, due: due))
            default: emit(id, at: now, .escalated(task: task, to: state.blueprint.lead))
            }
        case .retry(let task, let attempt):
            guard state.tasks[task].status == .ready, state.tasks[task].attempts == attempt else { return }
            dispatch(id, task, spec: state.blueprint.tasks[task], attempt: attempt + 1, at: now)
        case .deadline(let material):
            guard !state.supplied.contains(material) else { return }
            let needing = state.blueprint.tasks.indices.filter {
                state.blueprint.tasks[$0].deferred.contains(material) && !cases[id]!.tasks[$0].status.isFinal
            }
            for task in needing where !cases[id]!.tasks[task].status.isFinal {
                emit(
                    id, at: now,
                    .failed(task: task, reason: "deferred material \(material) did not arrive in time"))
                settleAfterRejection(id, task, at: now)
            }
        }
    }

    /// How long a deadline timer waits before looking again while a task's clock stands still.
    static let recheckInterval: WorkTime = 1.0 / 8

    /// The case and task of an idempotency key `case/item/attempt`.
    func locate(_ key: String) -> (CaseID, Int)? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        let id = parts.dropLast(2).joined(separator: "/")
        let item = parts[parts.count - 2]
        guard let state = cases[id], let task = state.blueprint.tasks.firstIndex(where: { $0.item == item })
        else {
            return nil
        }
        return (id, task)
    }
}
