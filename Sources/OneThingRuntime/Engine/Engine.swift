import OneThingModel
import OneThingPlan

/// The runtime a government service platform embeds: it starts cases, sends their
/// tasks to department adapters, records every change in an ``EventStore`` before
/// acting on it, and tells subscribers what happened.
///
/// ```swift
/// let engine = Engine(store: store, adapters: adapters, clock: LiveClock(calendar: calendar))
/// try await engine.recover()                        // cases open before a restart go on
/// let id = try await engine.start(plan: plan, provided: broughtMaterials)
/// for await event in await engine.events() { … }     // warnings, overdue, delivery …
/// ```
///
/// Events are acknowledged only once the store has them on disk; effects (submissions
/// to departments) are performed only after the events that decided them are stored.
/// While one batch is being written, further events gather and are written together
/// (group commit).
public actor Engine {
    /// The store.
    public let store: any EventStore
    let adapters: AdapterDirectory
    let clock: any EngineClock
    var runtime: CaseRuntime
    var blueprints: [String: CaseBlueprint] = [:]
    var writing = false
    var waiters: [CheckedContinuation<Void, any Error>] = []
    var subscribers: [Int: AsyncStream<CaseEvent>.Continuation] = [:]
    var nextSubscriber = 0
    var caseCounter = 0
    /// Never earlier than the newest stored event: a clock behind the store (a virtual
    /// clock after a restart) does not stamp new events before old ones.
    var timeFloor: WorkTime = 0
    var inFlight: [Int: Task<Void, Never>] = [:]
    var nextFlight = 0
    /// Whether closed cases are dropped from memory once stored (they stay in the store).
    public var evictsClosedCases = true

    /// An engine over `store`, sending tasks through `adapters`, on `clock`.
    public init(store: any EventStore, adapters: AdapterDirectory, clock: any EngineClock, seed: UInt64 = 1) {
        self.store = store
        self.adapters = adapters
        self.clock = clock
        self.runtime = CaseRuntime(seed: seed)
    }

    // MARK: The embedding API

    /// Starts a case of `plan`, pinned to its bundle version; `provided` are the
    /// materials the applicant brought (default: everything to bring, nothing deferred).
    /// Returns once the case's first events are stored.
    @discardableResult
    public func start(plan: Plan, id: CaseID? = nil, provided: [String]? = nil) async throws -> CaseID {
        let blueprint = CaseBlueprint(plan: plan)
        let fingerprint = blueprint.fingerprint
        if blueprints[fingerprint] == nil {
            try await store.saveBlueprint(blueprint)
            blueprints[fingerprint] = blueprint
        }
        caseCounter += 1
        let caseID = id ?? Self.makeID(counter: caseCounter, at: now)
        let answers = plan.answers.values.mapValues(\.description)
        let brought = provided ?? plan.materials.filter { $0.status == .bring }.map(\.id)
        runtime.start(
            caseID, blueprint: blueprint,
            start: CaseStart(
                bundle: blueprint.bundle, version: blueprint.version, answers: answers, provided: brought,
                lead: blueprint.lead, blueprint: fingerprint),
            at: now)
        try await flush()
        return caseID
    }

    /// A department's system reports on the submission with idempotency key `key`.
    public func report(_ outcome: AdapterOutcome, for key: String) async throws {
        runtime.report(outcome, for: key, at: now)
        try await flush()
    }

    /// The applicant supplied a deferred material (容缺) of case `id`.
    public func supply(_ material: String, to id: CaseID) async throws {
        runtime.supply(material, to: id, at: now)
        try await flush()
    }

    /// The applicant supplied what the department of task `task` asked for (补正).
    public func supplementSupplied(_ id: CaseID, task: Int) async throws {
        runtime.supplementSupplied(id, task: task, at: now)
        try await flush()
    }

    /// Fires the timers that are due (warnings, overdue, escalation, retries, deadlines).
    public func tick() async throws {
        runtime.advance(to: now)
        try await flush()
    }

    /// The earliest time a timer is set for.
    public var nextTimer: WorkTime? { runtime.nextTimer }

    /// The time now: the clock's, but never before the newest stored event.
    var now: WorkTime { max(clock.now, timeFloor) }

    /// Waits until every submission, withdrawal and poll started so far has returned
    /// from its adapter.
    public func waitForAdapters() async {
        while let (key, task) = inFlight.first {
            await task.value
            inFlight[key] = nil
        }
    }

    /// The state of an open case held in memory.
    public func state(of id: CaseID) -> CaseState? { runtime.cases[id] }

    /// The cases a query asks for.
    public func cases(_ query: CaseQuery) async throws -> [CaseSummary] { try await store.cases(query) }

    /// A stream of every event from now on, in the order they were stored.
    public func events() -> AsyncStream<CaseEvent> {
        let (stream, continuation) = AsyncStream<CaseEvent>.makeStream(bufferingPolicy: .unbounded)
        nextSubscriber += 1
        let key = nextSubscriber
        subscribers[key] = continuation
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            Task { await self.unsubscribe(key) }
        }
        return stream
    }

    func unsubscribe(_ key: Int) { subscribers[key] = nil }

    /// Restores every open case from the store after a restart: their state, their
    /// timers, and the submissions that had no answer (sent again with the same
    /// idempotency key).
    public func recover() async throws {
        let open = try await store.cases(CaseQuery(open: true))
        for summary in open where runtime.cases[summary.id] == nil {
            let events = try await store.events(of: summary.id)
            guard case .started(let start)? = events.first?.kind else { continue }
            guard let blueprint = try await blueprint(start.blueprint) else {
                throw StoreError("case \(summary.id): blueprint \(start.blueprint) is missing from the store")
            }
            runtime.restore(events, blueprint: blueprint, at: now)
        }
        try await flush()
    }

    func blueprint(_ fingerprint: String) async throws -> CaseBlueprint? {
        if let known = blueprints[fingerprint] { return known }
        let stored = try await store.blueprint(fingerprint)
        if let stored { blueprints[fingerprint] = stored }
        return stored
    }

    // MARK: Writing and acting

    /// Writes what the runtime decided, then tells subscribers and performs the effects.
    func flush() async throws {
        if writing {
            // The writer in progress takes these events in its next batch.
            try await withCheckedThrowingContinuation { waiters.append($0) }
            return
        }
        writing = true
        defer { writing = false }
        while true {
            let batch = runtime.takeOutbox()
            let effects = runtime.takeEffects()
            let released = waiters
            waiters.removeAll()
            if batch.isEmpty && effects.isEmpty {
                for waiter in released { waiter.resume() }
                return
            }
            do {
                if !batch.isEmpty { try await store.append(batch) }
            } catch {
                for waiter in released { waiter.resume(throwing: error) }
                throw error
            }
            for event in batch {
                for subscriber in subscribers.values { subscriber.yield(event) }
                if evictsClosedCases, case .delivered = event.kind { runtime.evict(event.caseID) }
            }
            for effect in effects { perform(effect) }
            for waiter in released { waiter.resume() }
        }
    }

    func perform(_ effect: CaseRuntime.Effect) {
        nextFlight += 1
        let flight = nextFlight
        let task: Task<Void, Never>
        switch effect {
        case .submit(let request):
            let adapter = adapters.adapter(for: request.department)
            task = Task {
                do {
                    try await adapter.submit(request)
                } catch {
                    runtime.submissionFailed(
                        request.key, reason: (error as? AdapterError)?.reason ?? "\(error)", at: now)
                    try? await flush()
                }
            }
        case .cancel(let request):
            let adapter = adapters.adapter(for: request.department)
            task = Task { try? await adapter.cancel(request) }
        case .poll(let request):
            let adapter = adapters.adapter(for: request.department)
            task = Task {
                if let outcome = try? await adapter.poll(request) {
                    runtime.report(outcome, for: request.key, at: now)
                    try? await flush()
                }
            }
        }
        inFlight[flight] = task
    }

    /// A case id: `C`, the start time, a counter and a random suffix, so that two
    /// processes starting cases on one store never make the same id.
    static func makeID(counter: Int, at now: WorkTime) -> CaseID {
        let stamp = String(Int((now * 8 * 3600).rounded()), radix: 36)
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "C\(stamp)-\(counter)-\(suffix)"
    }
}

/// Which adapter serves which department: configuration, never part of a bundle.
public struct AdapterDirectory: Sendable {
    /// Adapters by department id.
    public var byDepartment: [String: any DepartmentAdapter]
    /// The adapter of every other department.
    public var fallback: any DepartmentAdapter

    /// Creates a directory.
    public init(byDepartment: [String: any DepartmentAdapter] = [:], fallback: any DepartmentAdapter) {
        self.byDepartment = byDepartment
        self.fallback = fallback
    }

    /// The adapter of `department`.
    public func adapter(for department: String) -> any DepartmentAdapter {
        byDepartment[department] ?? fallback
    }
}
