import Logging

/// The runtime engine: runs cases against department adapters, writing every event to
/// the store before acting on it, on an injected clock.
///
/// ```swift
/// let engine = Engine(store: store, adapters: adapters, clock: LiveClock(),
///                     calendars: ["CN": catalogue.calendar(region: "CN")])
/// // In a server, under swift-service-lifecycle: recovers, then runs the timers.
/// let group = ServiceGroup(services: [engine], logger: logger)
/// try await group.run()
/// // Anywhere:
/// let id = try await engine.start(plan: plan, catalogue: catalogue)
/// try await engine.decide(.approved, case: id, step: "food-permit")
/// ```
///
/// - **Commit, then act.** Decisions are appended to the store (events of several
///   calls written together: group commit) before anything acts on them: a
///   submission to a department, a timer, a message to a subscriber. A call returns
///   once its events are stored, or throws ``EngineError/store(_:)`` and stores nothing.
/// - **A failed append changes nothing.** The cases of a batch the store refused are
///   dropped from memory and reloaded from the store, so the engine never runs ahead
///   of what is stored; a case whose reload fails is reloaded when it is next asked
///   for, or by the timer loop.
/// - **One case at a time.** Calls about a case load that case alone from the store
///   when the engine does not hold it; ``recover()`` (what ``run()`` does first)
///   adopts every open case, for the one process that serves the store.
/// - **Several instances.** On a store several instances share (``CaseHolding``), an
///   engine runs the cases its instance holds (those it wrote last), renews its
///   lease, adopts the cases of instances whose lease lapsed or ended, and lets go of
///   the cases another instance wrote; every write is still a compare-and-set, so a
///   timer or a department task is recorded once whatever each instance believes.
/// - **A service.** ``run()`` fires timers on the clock (warnings, overdue,
///   escalations, retries, deadlines of deferred materials) until graceful shutdown,
///   then stops taking work, waits for the adapter calls in flight and returns.
public actor Engine {
    /// How the engine behaves.
    public struct Configuration: Sendable {
        /// How failed submissions are tried again.
        public var retry: RetryPolicy
        /// The seed retry jitter is drawn from.
        public var seed: UInt64
        /// The most acknowledgements a subscriber may fall behind before it is dropped.
        public var subscriberBuffer: Int
        /// How long a graceful shutdown waits for adapter calls in flight.
        public var drainTimeout: Duration
        /// Whether delivered cases are dropped from memory once stored (they stay in the store).
        public var evictsClosedCases: Bool
        /// On a store several instances share (``CaseHolding``): how long this instance's
        /// lease lasts unless renewed (it is renewed every third of it). Another instance
        /// adopts the cases of one that has not renewed for this long.
        public var lease: Duration
        /// The most free cases adopted in one statement.
        public var adoptionBatch: Int

        /// Creates a configuration.
        public init(
            retry: RetryPolicy = .standard, seed: UInt64 = 1, subscriberBuffer: Int = 10_000,
            drainTimeout: Duration = .seconds(30), evictsClosedCases: Bool = true,
            lease: Duration = .seconds(30),
            adoptionBatch: Int = 500
        ) {
            self.retry = retry
            self.seed = seed
            self.subscriberBuffer = max(1, subscriberBuffer)
            self.drainTimeout = drainTimeout
            self.evictsClosedCases = evictsClosedCases
            self.lease = max(lease, .milliseconds(300))
            self.adoptionBatch = max(1, adoptionBatch)
        }
    }

    /// A caller waiting for its events to be stored by the write in progress.
    struct Waiter {
        var cases: Set<CaseID>
        var continuation: CheckedContinuation<Void, any Error>
    }

    /// A subscriber of acknowledgements.
    struct Subscriber {
        var continuation: AsyncThrowingStream<[Acknowledgement], any Error>.Continuation
        var limit: Int
    }

    /// The store cases live in.
    public nonisolated let store: any EventStore
    /// Which adapter serves which department.
    public nonisolated let adapters: AdapterDirectory
    /// The clock.
    public nonisolated let clock: any EngineClock
    /// How the engine behaves.
    public nonisolated let configuration: Configuration
    let logger: Logger
    let doorbell = Doorbell()

    var runtime: CaseRuntime
    var blueprints: [String: CaseBlueprint] = [:]
    /// The saves of blueprints under way, by fingerprint.
    private var blueprintsBeingSaved: [String: Task<Result<Void, StoreError>, Never>] = [:]
    var writing = false
    var waiters: [Waiter] = []
    var subscribers: [Int: Subscriber] = [:]
    var nextSubscriber = 0
    let calls = AdapterCalls()
    var accepting = true
    /// Cases to read again from the store before they are used: those whose latest
    /// decisions were not stored and whose reload failed too, and those adopted from a
    /// stopped instance while a copy of them was in memory.
    var unavailable: Set<CaseID> = []

    /// An engine over `store`, sending steps through `adapters`, on `clock`, counting
    /// limits on `calendars` (by region).
    public init(
        store: any EventStore, adapters: AdapterDirectory, clock: any EngineClock,
        calendars: [String: WorkdayCalendar], configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "onething.engine")
    ) {
        self.store = store
        self.adapters = adapters
        self.clock = clock
        self.configuration = configuration
        self.logger = logger
        self.runtime = CaseRuntime(calendars: calendars, seed: configuration.seed, retry: configuration.retry)
    }

    // MARK: Reading

    /// The state of a case the engine holds.
    public func state(of id: CaseID) -> CaseState? { runtime.cases[id] }

    /// The ids of the open cases the engine holds.
    public var openCases: [CaseID] { runtime.cases.values.filter { !$0.isClosed }.map(\.id).sorted() }

    /// The states of the open cases the engine holds, in one call (for figures over all of them).
    public var openStates: [CaseState] { runtime.cases.values.filter { !$0.isClosed } }

    /// The earliest moment a timer is set for.
    public var nextTimer: Timestamp? { runtime.nextTimer }

    /// The number of adapter calls in flight.
    public nonisolated var callsInFlight: Int { calls.count }

    /// A stream of every acknowledgement from now on, one element per commit (the events
    /// of one group commit, in the order they were stored), so that a reader wakes once
    /// per commit rather than once per event. A subscriber that falls more than `buffer`
    /// commits behind is dropped: its stream ends with
    /// ``EngineError/subscriberTooSlow(buffered:)``, and the engine goes on.
    public func events(buffer: Int? = nil) -> AsyncThrowingStream<[Acknowledgement], any Error> {
        let limit = max(1, buffer ?? configuration.subscriberBuffer)
        let (stream, continuation) = AsyncThrowingStream<[Acknowledgement], any Error>.makeStream(
            bufferingPolicy: .bufferingOldest(limit))
        nextSubscriber += 1
        let key = nextSubscriber
        subscribers[key] = Subscriber(continuation: continuation, limit: limit)
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            Task { await self.unsubscribe(key) }
        }
        return stream
    }

    func unsubscribe(_ key: Int) { subscribers[key] = nil }

    // MARK: Starting cases

    /// Saves `blueprint` in the store once, however many starts ask for it at the same
    /// time (a server's first burst of cases of one bundle).
    private func save(_ blueprint: CaseBlueprint, fingerprint: String) async throws(EngineError) {
        let saving =
            blueprintsBeingSaved[fingerprint]
            ?? Task { [store] () -> Result<Void, StoreError> in
                do throws(StoreError) {
                    try await store.saveBlueprint(blueprint)
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
        blueprintsBeingSaved[fingerprint] = saving
        let outcome = await saving.value
        blueprintsBeingSaved[fingerprint] = nil
        switch outcome {
        case .success: blueprints[fingerprint] = blueprint
        case .failure(let error): throw .store(error)
        }
    }

    /// Starts a case of `blueprint` for an applicant who answered `answers` and brought
    /// `provided`; its id comes from the store. Returns once its first events are stored.
    @discardableResult
    public func start(
        blueprint: CaseBlueprint, answers: [String: String], provided: [String], id: CaseID? = nil
    )
        async throws(EngineError) -> CaseID
    {
        guard accepting else { throw .shuttingDown }
        let fingerprint = blueprint.fingerprint
        if blueprints[fingerprint] == nil { try await save(blueprint, fingerprint: fingerprint) }
        let now = clock.now
        let caseID: CaseID
        if let id {
            caseID = id
        } else {
            do {
                caseID = try await store.newCaseID(acceptedOn: now.chinaDate)
            } catch {
                throw .store(error)
            }
        }
        let start = CaseStart(
            bundle: blueprint.bundle, version: blueprint.version, answers: answers, provided: provided,
            lead: blueprint.lead, blueprint: fingerprint)
        // The fetched materials (电子证照, 数据共享), asked for before intake decides.
        let fetches =
            await adapters.materials?.fetchAll(
                for: caseID, blueprint: blueprint, answers: answers, provided: provided) ?? [:]
        do {
            try runtime.start(caseID, blueprint: blueprint, start: start, at: clock.now, fetches: fetches)
        } catch {
            throw .runtime(error)
        }
        try await commit([caseID])
        doorbell.ring()
        return caseID
    }

    // MARK: Inputs

    /// A department's system reports on the submission with idempotency key `key`, with
    /// the documents and the results an approval issued and decided.
    /// A stale key or an answer that does not fit is recorded and ignored.
    public func report(
        _ outcome: AdapterOutcome, for key: String, documents: [String: String] = [:],
        results: [String: String] = [:]
    )
        async throws(EngineError)
    {
        let single = AdapterReport(key: key, outcome: outcome, documents: documents, results: results)
        if let failure = await report(batch: [single])[key] {
            throw failure
        }
    }

    /// Several reports at once, from a department system that answers in batches: one
    /// commit for all. Returns the reports that could not be recorded, by key, with why
    /// (a key that is no case's, a case the store cannot give, or the store's refusal);
    /// every other one is stored when this returns.
    public func report(batch: [AdapterReport]) async -> [String: EngineError] {
        var failures: [String: EngineError] = [:]
        // The reports' cases and steps, parsed once; a batch usually names each case in a
        // run of reports, so a case is looked up once per run, not once per report.
        var parsed: [(caseID: CaseID, stepID: String)?] = []
        parsed.reserveCapacity(batch.count)
        var toLoad: [CaseID] = []
        var previous: CaseID?
        for report in batch {
            guard let key = Submission.parse(key: report.key) else {
                failures[report.key] = .unknownCase(report.key)
                parsed.append(nil)
                continue
            }
            parsed.append((key.caseID, key.stepID))
            if key.caseID != previous, runtime.isClosed(key.caseID) == nil || unavailable.contains(key.caseID)
            {
                toLoad.append(key.caseID)
            }
            previous = key.caseID
        }
        // Every case first, so that the reports are decided together and stored in one commit.
        var absent: [CaseID: EngineError] = [:]
        for id in Set(toLoad).sorted() {
            do {
                try await load(id)
            } catch {
                absent[id] = error
            }
        }
        var touched = Set<CaseID>()
        var recorded: [Int] = []
        previous = nil
        for (index, report) in batch.enumerated() {
            guard let (id, stepID) = parsed[index] else { continue }
            if !absent.isEmpty, let error = absent[id] {
                failures[report.key] = error
                continue
            }
            if !report.documents.isEmpty || !report.results.isEmpty || report.outcome == .approved {
                do throws(EngineError) {
                    try recordIssued(by: report, case: id, step: stepID)
                } catch {
                    failures[report.key] = error
                    continue
                }
            }
            runtime.report(report.outcome, for: report.key, stepID: stepID, of: id, at: clock.now)
            if id != previous { touched.insert(id) }
            previous = id
            recorded.append(index)
        }
        do {
            try await commit(touched)
        } catch {
            for index in recorded { failures[batch[index].key] = error }
        }
        doorbell.ring()
        return failures
    }

    /// Checks that `documents` may be named with `outcome` on step `spec` (`stepID` of
    /// case `id`): only an approval issues documents, and only the step's outputs.
    static func check(
        _ documents: [String: String], of outcome: AdapterOutcome, at spec: CaseBlueprint.Step,
        case id: CaseID,
        step stepID: String
    ) throws(EngineError) {
        guard !documents.isEmpty else { return }
        let outputs = outcome == .approved ? spec.outputs : []
        let stray = outcome == .approved ? spec.documentsNotIssued(documents.keys) : documents.keys.sorted()
        guard stray.isEmpty else {
            throw .documentsNotIssued(id, step: stepID, documents: stray, outputs: outputs)
        }
    }

    /// Checks that `results` may be reported with `outcome` on step `step` of `blueprint`
    /// (`stepID` of case `id`): only an approval records results, only of the step's
    /// outputs that declare values, with one of those values, and an approval says every
    /// result a later step waits for.
    static func check(
        results: [String: String], of outcome: AdapterOutcome, step: Int, in blueprint: CaseBlueprint,
        case id: CaseID, step stepID: String
    ) throws(EngineError) {
        let problems = blueprint.resultProblems(results, of: step, approving: outcome == .approved)
        guard problems.isEmpty else { throw .results(id, step: stepID, problems: problems) }
    }

    /// Records the documents `report` names and the results it decided, when its step
    /// waits for it (the report is then taken as the step's decision; otherwise it is
    /// ignored, and so are they).
    func recordIssued(by report: AdapterReport, case id: CaseID, step stepID: String) throws(EngineError) {
        guard let state = runtime.cases[id], let step = state.blueprint.stepIndex(stepID) else { return }
        try Self.check(
            report.documents, of: report.outcome, at: state.blueprint.steps[step], case: id, step: stepID)
        let current = state.steps[step]
        guard current.key == report.key,
            current.status == .dispatched || current.status == .inReview || current.status == .ready
        else {
            return
        }
        try Self.check(
            results: report.results, of: report.outcome, step: step, in: state.blueprint, case: id,
            step: stepID)
        let now = clock.now
        if !report.documents.isEmpty { runtime.record(report.documents, issuedBy: step, in: id, at: now) }
        if !report.results.isEmpty {
            runtime.record(results: report.results, decidedBy: step, in: id, at: now)
        }
    }

    /// An officer of the department of step `stepID` of case `id` decides; the step must
    /// be waiting for a decision (sent, or under review), and a refusal or a supplement
    /// request must say why. `principal`, when given, is who decided: recorded
    /// (``OneThingEvents/CaseEvent/Kind/decidedBy(step:principal:)``) just before the
    /// decision, in the same commit; so are the `documents` an approval issued (output
    /// id → the document's number, ``OneThingEvents/CaseEvent/Kind/issued(step:documents:)``),
    /// which must be among the step's outputs; and so are the `results` it decided
    /// (output id → value id, ``OneThingEvents/CaseEvent/Kind/resultRecorded(step:results:)``),
    /// which must say every result a later step waits for.
    public func decide(
        _ outcome: AdapterOutcome, case id: CaseID, step stepID: String, by principal: String? = nil,
        documents: [String: String] = [:], results: [String: String] = [:]
    )
        async throws(EngineError)
    {
        switch outcome {
        case .rejected(let text), .supplementRequested(let text):
            guard text.contains(where: { !$0.isWhitespace }) else { throw .reasonRequired }
        case .approved, .inReview:
            break
        }
        let (state, step) = try await open(id, step: stepID)
        let current = state.steps[step]
        guard current.status == .dispatched || current.status == .inReview, let key = current.key else {
            throw .stepNotWaiting(id, step: stepID, status: current.status)
        }
        try Self.check(documents, of: outcome, at: state.blueprint.steps[step], case: id, step: stepID)
        try Self.check(results: results, of: outcome, step: step, in: state.blueprint, case: id, step: stepID)
        let now = clock.now
        if let principal { runtime.record(decisionOf: step, in: id, by: principal, at: now) }
        if !documents.isEmpty { runtime.record(documents, issuedBy: step, in: id, at: now) }
        if !results.isEmpty { runtime.record(results: results, decidedBy: step, in: id, at: now) }
        runtime.report(outcome, for: key, at: now)
        try await commit([id])
        doorbell.ring()
    }

    /// The applicant brought the deferred material `material` (容缺) of case `id`.
    public func supply(_ material: String, to id: CaseID) async throws(EngineError) {
        let state = try await open(id)
        guard state.deferredDue[material] != nil, !state.supplied.contains(material) else {
            throw .materialNotAwaited(id, material: material)
        }
        runtime.supply(material, to: id, at: clock.now)
        try await commit([id])
        doorbell.ring()
    }

    /// The service delivered, late, the fetched material `material` of case `id`, which
    /// the case waits for (its fallback is `wait` and its bound has not passed): recorded
    /// with `reference` (the licence number), and the steps held for it go on.
    public func receive(_ material: String, reference: String, for id: CaseID) async throws(EngineError) {
        _ = try await open(id)
        guard runtime.receive(material, reference: reference, for: id, at: clock.now) else {
            throw .materialNotAwaited(id, material: material)
        }
        try await commit([id])
        doorbell.ring()
    }

    /// The applicant withdraws open case `id` (撤回申请), saying `reason` (may be empty):
    /// the departments' submissions are withdrawn, every unfinished step is cancelled,
    /// and the case is delivered with what was approved.
    public func withdraw(_ id: CaseID, reason: String) async throws(EngineError) {
        _ = try await open(id)
        runtime.withdraw(id, reason: reason, at: clock.now)
        try await commit([id])
        doorbell.ring()
    }

    /// The applicant supplied what the department of step `stepID` asked for (补正).
    public func supplementSupplied(_ id: CaseID, step stepID: String) async throws(EngineError) {
        let (state, step) = try await open(id, step: stepID)
        guard state.steps[step].status == .supplementRequested else {
            throw .stepNotWaiting(id, step: stepID, status: state.steps[step].status)
        }
        runtime.supplementSupplied(id, step: step, at: clock.now)
        try await commit([id])
        doorbell.ring()
    }

    /// Fires the timers that are due by the clock (warnings, overdue, escalations,
    /// retries, deadlines of deferred materials), and stores what follows.
    public func tick() async throws(EngineError) {
        runtime.advance(to: clock.now)
        try await commit(Set(runtime.outbox.map(\.caseID)))
    }

    /// The state of open case `id`, loading it from the store if needed.
    func open(_ id: CaseID) async throws(EngineError) -> CaseState {
        try await load(id)
        guard let state = runtime.cases[id] else { throw .unknownCase(id) }
        if let outcome = state.outcome { throw .caseClosed(id, outcome) }
        return state
    }

    /// The state of open case `id` and the index of its step `stepID`.
    func open(_ id: CaseID, step stepID: String) async throws(EngineError) -> (CaseState, Int) {
        let state = try await open(id)
        guard let step = state.blueprint.stepIndex(stepID) else {
            throw .unknownStep(id, step: stepID, known: state.blueprint.steps.map(\.id))
        }
        return (state, step)
    }

    // MARK: Loading cases

    /// Loads case `id` from the store unless the engine holds it: its state, its timers,
    /// and — on a store one process serves — the submissions of its steps that had no
    /// answer (sent again under the same key). On a store several instances share, the
    /// instance that wrote the case sent them; only a recovery or an adoption sends
    /// them again. Returns its state.
    @discardableResult
    public func load(_ id: CaseID) async throws(EngineError) -> CaseState {
        try await load(id, resending: holding == nil)
    }

    /// The state of case `id` for a request that only reads it (an access check, a look
    /// at a step): the engine's own when it holds the case, else the store's, folded from
    /// its events without taking the case into the runtime — no timers set, nothing sent,
    /// nothing written. On a store several instances share, a read on one instance then
    /// never makes it run, and take, a case another instance holds.
    public func read(_ id: CaseID) async throws(EngineError) -> CaseState {
        if let held = runtime.cases[id], !unavailable.contains(id) { return held }
        return try await readStored(id)
    }

    /// The state of case `id` as the store has it, folded from its events, whatever this
    /// engine holds: on a store several instances share, a copy in memory may not have
    /// seen another instance's latest writes yet. Nothing is set, sent or written.
    public func readStored(_ id: CaseID) async throws(EngineError) -> CaseState {
        let (events, blueprint) = try await stored(id)
        var projection = CaseProjection(id: id, blueprint: blueprint)
        for event in events { projection.apply(event) }
        return projection.state
    }

    /// The events of case `id` as the store has them, and the blueprint its start event
    /// names.
    ///
    /// - Throws: ``EngineError/unknownCase(_:)`` for a case the store does not have (or
    ///   whose first event is not its start); the store's errors.
    func stored(_ id: CaseID) async throws(EngineError) -> (events: [CaseEvent], blueprint: CaseBlueprint) {
        let events: [CaseEvent]
        do {
            events = try await store.events(of: id)
        } catch {
            throw .store(error)
        }
        guard case .started(let start)? = events.first?.kind else { throw .unknownCase(id) }
        return (events, try await blueprint(start.blueprint, of: id))
    }

    /// ``load(_:)``, sending the unanswered submissions again when `resending`.
    func load(_ id: CaseID, resending: Bool) async throws(EngineError) -> CaseState {
        if runtime.isClosed(id) != nil, !unavailable.contains(id), let held = runtime.cases[id] {
            return held
        }
        try await restoreFromStore(id, resending: resending)
        try await commit([id])
        doorbell.ring()
        guard let state = runtime.cases[id] else { throw .unknownCase(id) }
        return state
    }

    /// Restores case `id` from the store into the runtime, without storing what that
    /// decides (the caller commits: ``load(_:)``, or the write in progress after a
    /// failed append).
    func restoreFromStore(_ id: CaseID, resending: Bool) async throws(EngineError) {
        let (events, blueprint) = try await stored(id)
        if runtime.isClosed(id) != nil, !unavailable.contains(id) { return }  // loaded meanwhile
        if let held = runtime.cases[id]?.sequence, held > (events.last?.sequence ?? 0) || hasPending(id) {
            // The copy in memory is newer than what was read: this engine wrote the case
            // while the events were read, or decided about it and waits to write (its
            // caller to be told it is stored). Restoring the older reading would drop
            // that, or step the case back so that answers to what it sent meanwhile look
            // stale. The copy stays; an append says whether it was current (a conflict
            // reloads it).
            unavailable.remove(id)
            return
        }
        runtime.forget([id])
        do {
            try runtime.restore(events, blueprint: blueprint, at: clock.now, resending: resending)
        } catch {
            throw .runtime(error)
        }
        unavailable.remove(id)
    }

    /// Loads the open cases this engine is to run: every open case of a store one
    /// process serves; on a store several instances share (``CaseHolding``), after
    /// renewing this instance's lease, the cases it holds and those no living instance
    /// holds (adopted). Returns their ids.
    @discardableResult
    public func recover() async throws(EngineError) -> [CaseID] {
        let open = try await casesToRecover()
        for id in open { _ = try await load(id, resending: true) }
        return open
    }

    func blueprint(_ fingerprint: String, of id: CaseID) async throws(EngineError) -> CaseBlueprint {
        if let known = blueprints[fingerprint] { return known }
        let stored: CaseBlueprint?
        do {
            stored = try await store.blueprint(fingerprint)
        } catch {
            throw .store(error)
        }
        guard let stored else {
            throw .store(
                StoreError(
                    .corrupt, "case \(id): its blueprint \(fingerprint) is missing from the store", caseID: id
                ))
        }
        blueprints[fingerprint] = stored
        return stored
    }

    /// Whether events or adapter calls decided for case `id` wait to be written.
    func hasPending(_ id: CaseID) -> Bool {
        runtime.outbox.contains { $0.caseID == id } || runtime.effects.contains { $0.submission.caseID == id }
    }

    /// Reloads cases whose latest decisions were not stored; those the store cannot give
    /// now are marked unavailable and reloaded when next asked for.
    func reload(_ ids: Set<CaseID>) async {
        for id in ids.sorted() {
            unavailable.insert(id)
            do {
                try await restoreFromStore(id, resending: holding == nil)
            } catch {
                logger.warning(
                    "case could not be reloaded after a failed append; it is reloaded when next asked for",
                    metadata: ["case": "\(id)", "error": "\(error)"])
            }
        }
    }
}
