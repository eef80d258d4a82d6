import Logging
import Synchronization

/// A department adapter for department systems that pull their work, in the spirit of
/// Zeebe's job activation: the steps sent to the departments it serves wait as jobs; a
/// worker (a department's system, or an officer's page) activates some, each claimed
/// for a lease; it decides each with ``complete(key:worker:outcome:)``, which reports
/// to the engine.
///
/// ```swift
/// let queue = WorkQueue(clock: clock)
/// let engine = Engine(store: store, adapters: AdapterDirectory(byDepartment: ["fire-rescue": queue],
///                     fallback: simulated), clock: clock, calendars: calendars)
/// queue.connect(to: engine)
/// // A department system's request:
/// let jobs = await queue.activate(department: "fire-rescue", worker: "fire-system", maxJobs: 10,
///                                 lease: .seconds(300), wait: .seconds(30))
/// try await queue.complete(key: jobs[0].key, worker: "fire-system", outcome: .approved)
/// ```
///
/// - **Oldest first.** Jobs are given out in the order their steps were sent.
/// - **Long polling.** With nothing waiting, ``activate(department:worker:maxJobs:lease:wait:)``
///   waits up to `wait` and returns as soon as a job arrives; a caller that goes away
///   (its task cancelled) claims nothing and leaves no waiter behind.
/// - **Leases.** A claim lasts until its lease ends on the injected clock; then the
///   job returns to the queue, and a decision by the worker who let it lapse is refused
///   (``Refusal/Reason/leaseExpired``).
/// - **Idempotent decisions.** The same worker deciding the same key with the same
///   outcome again gets the first answer; any other decision of a decided key is
///   refused with a typed reason.
/// - **No storage of its own.** A restart rebuilds the queue from the store: the
///   engine's recovery sends again the steps without an answer (``submit(_:)``) and
///   polls those under review (``poll(_:)``), which puts them back in the queue.
///   Decisions are remembered for ``Configuration/memory`` to answer repeats; after a
///   restart a repeat of a decided key is ``Refusal/Reason/unknownKey``.
/// - **Shared by several instances** when made with a ``board``
///   (``OneThingEvents/DepartmentJobBoard``, the store's `jobBoard` on PostgreSQL):
///   the jobs, their claims and leases are on the board, where every instance posts,
///   claims and decides them; a long poll on any instance wakes when any instance posts
///   a job (``listen()``); a lease lapses on the store's clock. Each instance reports a
///   decision to its own engine, which records it once whichever instance holds the
///   case. Repeats are answered from the memory of the instance that took the decision,
///   and on another instance from the decision the case records (``Recall``).
///
/// A job whose department asked for a supplement (补正) waits until the applicant
/// supplies it (``follow(_:)`` sees the engine store it), then returns to the queue to
/// be decided again.
public final class WorkQueue: DepartmentAdapter {
    /// Reports a worker's decision (what, with which outputs, by whom) on a submission
    /// to the engine.
    public typealias Reporter = @Sendable (Decision, Submission) async throws(EngineError) -> Void
    /// The decision the case records for the job with a key that left the queue (its
    /// step approved or rejected under that key), `nil` when it records none: how an
    /// instance answers a decision repeated to it that another instance took.
    public typealias Recall = @Sendable (String) async throws(EngineError) -> Decision?

    /// How a work queue behaves.
    public struct Configuration: Sendable {
        /// How long decided and withdrawn keys are remembered, to answer a repeated
        /// decision with the first answer (and to ignore a submission that arrives
        /// after its withdrawal).
        public var memory: Duration

        /// Creates a configuration.
        public init(memory: Duration = .seconds(24 * 3600)) {
            self.memory = memory
        }
    }

    /// The clock leases and long polls are measured on (on a ``board``, long polls only:
    /// leases are measured on the store's clock).
    public let clock: any EngineClock
    /// How the queue behaves.
    public let configuration: Configuration
    /// Where the jobs are when several instances share them; `nil`: in this queue's memory.
    public let board: (any DepartmentJobBoard)?
    /// Where a failure of the board that nobody waits for is logged.
    let logger: Logger
    let state = Mutex(State())

    /// An empty queue on `clock`, its jobs on `board` when given (the store's
    /// `jobBoard`, shared by the instances) or else in memory; ``connect(to:)`` it to
    /// the engine whose adapter it is.
    public init(
        clock: any EngineClock, configuration: Configuration = Configuration(),
        board: (any DepartmentJobBoard)? = nil, logger: Logger = Logger(label: "onething.work-queue")
    ) {
        self.clock = clock
        self.configuration = configuration
        self.board = board
        self.logger = logger
    }

    deinit { state.withLock { $0.listener?.cancel() } }

    /// Reports decisions to `engine`, as its officer would decide: the engine checks
    /// that the step waits for a decision and that a refusal says why. The queue holds
    /// the engine weakly (the engine holds the queue among its adapters).
    public func connect(to engine: Engine) {
        connect { [weak engine] (decision: Decision, submission: Submission) async throws(EngineError) in
            guard let engine else { throw .shuttingDown }
            try await engine.decide(
                decision.outcome, case: submission.caseID, step: submission.stepID, by: decision.worker,
                documents: decision.outputs, results: decision.results)
        }
        let recall: Recall = { [weak engine] (key: String) async throws(EngineError) -> Decision? in
            guard let engine else { throw .shuttingDown }
            guard let (caseID, stepID, _) = Submission.parse(key: key) else { return nil }
            do throws(EngineError) {
                return Self.recorded(key, in: try await engine.readStored(caseID), step: stepID)
            } catch {
                if case .unknownCase = error { return nil }
                throw error
            }
        }
        state.withLock { $0.recall = recall }
    }

    /// The decision `state` records for the job with `key` on step `stepID`: an
    /// approval or a rejection under that key, by whom, with which documents and results.
    static func recorded(_ key: String, in state: CaseState, step stepID: String) -> Decision? {
        guard let index = state.blueprint.stepIndex(stepID) else { return nil }
        let step = state.steps[index]
        guard step.key == key, let worker = step.decidedBy, let at = step.finishedAt else { return nil }
        switch step.status {
        case .approved:
            let produced = Set(state.blueprint.resultOutputs(of: index))
            return Decision(
                key: key, worker: worker, outcome: .approved, outputs: step.documents, decidedAt: at,
                results: state.results.filter { produced.contains($0.key) })
        case .rejected:
            return Decision(
                key: key, worker: worker, outcome: .rejected(reason: step.reason ?? ""), outputs: [:],
                decidedAt: at)
        default:
            return nil
        }
    }

    /// Reports decisions through `reporter`.
    public func connect(_ reporter: @escaping Reporter) {
        state.withLock { $0.reporter = reporter }
    }

    // MARK: The adapter

    /// Queues the submission as a job of its department (once per key; a newer attempt
    /// of the same step replaces an older one). A submission withdrawn before it
    /// arrived is not queued.
    public func submit(_ submission: Submission) async throws(AdapterError) {
        if let board { return try await post(submission, on: board) }
        enqueue(submission)
    }

    /// Puts back in the queue a submission the department had before a restart (a step
    /// under review); the decision comes through ``complete(key:worker:outcome:)``, so
    /// there is nothing to answer now.
    public func poll(_ submission: Submission) async throws(AdapterError) -> AdapterOutcome? {
        if let board {
            try await post(submission, on: board)
        } else {
            enqueue(submission)
        }
        return nil
    }

    /// Withdraws the job (the engine cancelled the step): waiting, it leaves the queue;
    /// claimed, its worker's next decision is refused as withdrawn.
    public func cancel(_ submission: Submission) async throws(AdapterError) {
        let now = clock.now
        if let board {
            do {
                try await board.remove(key: submission.key)
            } catch {
                throw AdapterError(
                    "task \(submission.key) could not be withdrawn from the shared work queue: \(error)")
            }
        }
        state.withLock { state in
            state.remove(submission.key)
            state.remember(submission.key, .withdrawn, at: now, for: configuration.memory)
        }
    }

    func enqueue(_ submission: Submission) {
        let now = clock.now
        let woken = state.withLock { state in
            state.add(submission, at: now, memory: configuration.memory)
        }
        for waiter in woken { waiter.resume() }
    }

    // MARK: The work page

    /// The jobs of `department` that wait or are claimed or wait for a supplement,
    /// oldest first, with who holds each claim and until when.
    ///
    /// - Throws: the board's ``StoreError`` (never, for a queue in memory).
    public func jobs(department: String) async throws(StoreError) -> [Job] {
        if let board { return try await board.jobs(department: department).compactMap(job(from:)) }
        let now = clock.now
        let (jobs, woken) = state.withLock { state in
            let woken = state.expireLeases(at: now)
            let jobs = (state.byDepartment[department] ?? []).compactMap { state.entries[$0] }
                .sorted { ($0.job.queuedAt, $0.order) < ($1.job.queuedAt, $1.order) }.map(\.job)
            return (jobs, woken)
        }
        for waiter in woken { waiter.resume() }
        return jobs
    }

    /// The job with `key`, if the queue holds it.
    ///
    /// - Throws: the board's ``StoreError`` (never, for a queue in memory).
    public func job(key: String) async throws(StoreError) -> Job? {
        if let board { return try await board.job(key: key).flatMap(job(from:)) }
        return state.withLock { $0.entries[key]?.job }
    }

    /// The decision taken on `key`, with who took it, while the queue remembers it: the
    /// approval or rejection that took the job out of the queue, or the last outcome
    /// reported on a job that stays (in review, a supplement requested). On a board,
    /// only the decisions taken through this instance.
    public func decision(key: String) -> Decision? {
        state.withLock { state in
            if case .decided(let decision)? = state.finished[key]?.what { return decision }
            return state.entries[key]?.report ?? state.boardReports[key]?.decision
        }
    }

    /// The number of long polls waiting for work.
    public var waitingWorkers: Int { state.withLock { $0.waiters.count } }

    /// The applicant supplied what the department of step `step` (its index) of case
    /// `id` asked for: its job returns to the queue, to be decided again. ``follow(_:)``
    /// calls it for every such event the engine stores.
    ///
    /// - Throws: the board's ``StoreError`` (never, for a queue in memory).
    public func supplementSupplied(case id: CaseID, step: Int) async throws(StoreError) {
        if let board {
            let stepKey = WorkQueue.stepKey(id, step)
            state.withLock { $0.boardReports = $0.boardReports.filter { $0.value.stepKey != stepKey } }
            return try await board.supplementSupplied(case: id, step: step)
        }
        let woken = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard let key = state.steps[WorkQueue.stepKey(id, step)], var entry = state.entries[key],
                entry.job.status == .awaitingSupplement
            else { return [] }
            entry.job.status = .waiting
            entry.report = nil
            entry.expired.removeAll()
            state.entries[key] = entry
            return state.makeWaiting(entry)
        }
        for waiter in woken { waiter.resume() }
    }

    /// Follows the engine's acknowledged events (`Engine.events()`) until they end: a job
    /// whose department asked for a supplement returns to the queue when the engine
    /// stores that the applicant supplied it, whoever reported it (the applicant's page,
    /// a window, the command line). A server runs it beside the engine.
    ///
    /// - Throws: what ended the stream (a subscriber too slow, for instance).
    public func follow(_ acknowledgements: AsyncThrowingStream<[Acknowledgement], any Error>) async throws {
        for try await commit in acknowledgements {
            for acknowledgement in commit {
                if case .supplementSupplied(let step, _) = acknowledgement.event.kind {
                    try await supplementSupplied(case: acknowledgement.event.caseID, step: step)
                }
            }
        }
    }

    /// The key of a step (by its index) of a case, whatever its attempt.
    static func stepKey(_ id: CaseID, _ step: Int) -> String { "\(id)#\(step)" }
}
