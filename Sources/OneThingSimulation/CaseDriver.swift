import OneThing
import OneThingRuntime

/// Runs cases through an ``Engine`` against simulated and manual departments on a
/// ``VirtualClock``, so that a case that takes weeks of working days finishes in
/// seconds: what `onething run` and `onething case approve …` do.
///
/// The driver moves time itself. After every step it waits until the engine and the
/// adapters are quiet (every stored submission has reached its adapter), then moves
/// the clock straight to the next thing that will happen — a simulated department's
/// answer, the simulated applicant's reply or deferred material, or one of the
/// engine's timers — makes it happen, and lets the engine fire its due timers. It
/// stops when every case is delivered, or when nothing is left but decisions of manual
/// departments (officers), which come later from the command line.
///
/// Only the store is durable: after a restart, ``resume()`` recovers the open cases,
/// and the simulated departments take over the tasks they were reviewing.
public final class CaseDriver {
    /// Why driving stopped.
    public enum Stop: Sendable, Hashable {
        /// Every case is delivered.
        case finished
        /// Cases are open, waiting on officers of manual departments (or an
        /// applicant's supplement to one of them).
        case waiting
    }

    /// Driving could not go on: a safeguard against a loop or a lost submission tripped.
    public struct Stuck: Error, Sendable, CustomStringConvertible {
        /// What happened.
        public var reason: String
        public var description: String { reason }
    }

    /// The store the cases live in.
    public let store: any EventStore
    /// The engine.
    public let engine: Engine
    /// The virtual clock the engine runs on.
    public let clock: VirtualClock
    /// The simulated departments.
    public let simulated: SimulatedAdapter
    /// The departments decided by hand.
    public let manual: ManualAdapter
    /// Which department is which, and how the simulated ones behave.
    public let settings: AdapterSettings
    /// The seed of the simulated departments and applicant.
    public let seed: UInt64
    /// The most steps one drive takes before it gives up (a safeguard against a loop).
    public var stepLimit = 1_000_000

    /// The open cases being driven, with their blueprints.
    public private(set) var cases: [CaseID: CaseBlueprint] = [:]
    var arrivals: [(at: WorkTime, caseID: CaseID, material: String)] = []

    /// A driver over `store`, starting its clock at `start`.
    public init(
        store: any EventStore, settings: AdapterSettings, seed: UInt64, start: WorkTime,
        journal: AdapterJournal? = nil
    ) {
        let clock = VirtualClock(start: start)
        let simulated = SimulatedAdapter(
            settings: settings.simulation, seed: seed, clock: clock, journal: journal)
        let manual = ManualAdapter(journal: journal)
        var byDepartment: [String: any DepartmentAdapter] = [:]
        for (department, kind) in settings.kinds {
            byDepartment[department] = kind == .manual ? manual : simulated
        }
        let fallback: any DepartmentAdapter = settings.defaultKind == .manual ? manual : simulated
        self.engine = Engine(
            store: store, adapters: AdapterDirectory(byDepartment: byDepartment, fallback: fallback),
            clock: clock,
            seed: seed)
        self.store = store
        self.clock = clock
        self.simulated = simulated
        self.manual = manual
        self.settings = settings
        self.seed = seed
    }

    // MARK: Cases

    /// Starts a case of `plan` with id `id`; the applicant brings every material to
    /// bring, and the simulated applicant brings each deferred one (容缺) later
    /// (unless the settings leave that to a person).
    public func start(_ plan: Plan, id: CaseID) async throws {
        let blueprint = CaseBlueprint(plan: plan)
        simulated.register(id, blueprint: blueprint)
        cases[id] = blueprint
        try await engine.start(plan: plan, id: id)
        for material in blueprint.deferredDeadlines.keys.sorted() {
            scheduleArrival(of: material, for: id, blueprint: blueprint, acceptedAt: clock.now)
        }
        try await settle()
    }

    /// Recovers the open cases of the store after a restart, with the clock at the
    /// latest time any of them reached; returns their ids.
    @discardableResult
    public func resume() async throws -> [CaseID] {
        let open = try await store.cases(CaseQuery(open: true))
        var histories: [CaseID: [CaseEvent]] = [:]
        for summary in open {
            let events = try await store.events(of: summary.id)
            histories[summary.id] = events
            if let last = events.last { clock.advance(to: last.at) }
        }
        for summary in open {
            guard case .started(let start)? = histories[summary.id]?.first?.kind,
                let blueprint = try await store.blueprint(start.blueprint)
            else { continue }
            cases[summary.id] = blueprint
            simulated.register(summary.id, blueprint: blueprint)
        }
        try await engine.recover()
        for id in cases.keys.sorted() {
            guard let state = await engine.state(of: id), let blueprint = cases[id] else { continue }
            for (index, task) in state.tasks.enumerated()
            where (task.status == .inReview || task.status == .supplementRequested)
                && settings.kind(of: blueprint.tasks[index].department) == .simulated
            {
                simulated.adopt(request(state, index), status: task.status)
            }
            for material in blueprint.deferredDeadlines.keys.sorted() where !state.supplied.contains(material)
            {
                scheduleArrival(
                    of: material, for: id, blueprint: blueprint, acceptedAt: state.acceptedAt ?? clock.now)
            }
        }
        try await settle()
        return cases.keys.sorted()
    }

    /// An officer's decision on task `task` of case `id`, reported with the task's
    /// current idempotency key.
    public func decide(_ outcome: AdapterOutcome, case id: CaseID, task: Int) async throws {
        guard let key = await engine.state(of: id)?.tasks[task].key else { return }
        try await engine.report(outcome, for: key)
        try await settle()
    }

    /// The applicant brought deferred material `material` of case `id`.
    public func supply(_ material: String, case id: CaseID) async throws {
        try await engine.supply(material, to: id)
        arrivals.removeAll { $0.caseID == id && $0.material == material }
        try await settle()
    }

    /// The applicant supplied the supplement task `task` of case `id` waits for.
    public func supplement(case id: CaseID, task: Int) async throws {
        try await engine.supplementSupplied(id, task: task)
        try await settle()
    }

    // MARK: Driving

    /// Drives the cases until they are delivered or wait on officers; `step` runs
    /// after every step, once the engine and the adapters are quiet.
    public func drive(step: () async throws -> Void = {}) async throws -> Stop {
        var steps = 0
        while true {
            try await settle()
            try await step()
            await forgetClosed()
            if cases.isEmpty { return .finished }
            let happening = [simulated.nextDue, arrivals.first?.at].compactMap { $0 }.min()
            let timer = await engine.nextTimer
            let next: WorkTime
            if let happening {
                next = min(happening, timer ?? happening)
            } else if let timer, await retryPending() {
                next = timer
            } else {
                return .waiting
            }
            clock.advance(to: next)
            try await happen(dueBy: clock.now)
            try await engine.tick()
            steps += 1
            if steps >= stepLimit { throw Stuck(reason: "the cases did not settle after \(steps) steps") }
        }
    }

    /// Makes everything due by `time` happen, earliest first.
    func happen(dueBy time: WorkTime) async throws {
        while true {
            let arrival = arrivals.first.flatMap { $0.at <= time ? $0 : nil }
            let due = simulated.nextDue.flatMap { $0 <= time ? $0 : nil }
            if let arrival, due == nil || arrival.at < due! {
                arrivals.removeFirst()
                if let state = await engine.state(of: arrival.caseID), !state.isClosed,
                    !state.supplied.contains(arrival.material)
                {
                    try await engine.supply(arrival.material, to: arrival.caseID)
                }
            } else if let happening = simulated.takeDue(by: time) {
                if await isCurrent(happening) { try await simulated.deliver(happening, to: engine) }
            } else {
                return
            }
            try await settle()
        }
    }

    /// Whether a happening still concerns its task: a failure always does (the held
    /// call must end); an answer only while the task waits at the department under
    /// that key.
    func isCurrent(_ happening: SimulatedAdapter.Happening) async -> Bool {
        if case .failure = happening.kind { return true }
        let request = happening.request
        guard let state = await engine.state(of: request.caseID), !state.isClosed,
            state.tasks.indices.contains(request.task)
        else { return false }
        let task = state.tasks[request.task]
        guard task.key == request.key else { return false }
        switch happening.kind {
        case .supplementSupplied: return task.status == .supplementRequested
        default: return task.status == .dispatched || task.status == .inReview
        }
    }

    /// Waits until every submission the store has recorded has reached its adapter,
    /// and every failure delivered has been recorded.
    public func settle() async throws {
        var rounds = 0
        while !(await isQuiet()) {
            rounds += 1
            if rounds < 100 {
                await Task.yield()
            } else {
                try await Task.sleep(nanoseconds: 200_000)
            }
            if rounds > 200_000 { throw Stuck(reason: "the engine and the adapters did not become quiet") }
        }
    }

    func isQuiet() async -> Bool {
        for (id, blueprint) in cases {
            guard let state = await engine.state(of: id) else { continue }
            for (index, task) in state.tasks.enumerated() where task.status == .dispatched {
                guard let key = task.key else { continue }
                if settings.kind(of: blueprint.tasks[index].department) == .manual {
                    if !manual.hasReceived(key) { return false }
                } else if !simulated.hasReceived(key) || simulated.isFailing(key) {
                    return false
                }
            }
        }
        return true
    }

    /// Whether a task waits to be sent again after a failure.
    func retryPending() async -> Bool {
        for id in cases.keys {
            guard let state = await engine.state(of: id) else { continue }
            if state.tasks.contains(where: { $0.status == .ready && $0.attempts > 0 }) { return true }
        }
        return false
    }

    func forgetClosed() async {
        for id in cases.keys {
            let state = await engine.state(of: id)
            if state == nil || state!.isClosed {
                cases[id] = nil
                arrivals.removeAll { $0.caseID == id }
            }
        }
    }

    // MARK: The simulated applicant

    /// Schedules the applicant bringing `material` after a sampled share of its deadline.
    func scheduleArrival(of material: String, for id: CaseID, blueprint: CaseBlueprint, acceptedAt: WorkTime)
    {
        guard settings.deferredMaterials == .simulated, let deadline = blueprint.deferredDeadlines[material]
        else {
            return
        }
        var random = SplitMix64(seed: SimulatedAdapter.mix(seed, "\(id)#\(material)"))
        let u = Double(random.next() >> 11) / Double(1 << 53)
        let at = max(clock.now, acceptedAt + settings.simulation.deferredArrival.sample(u) * deadline)
        arrivals.append((at, id, material))
        arrivals.sort { ($0.at, $0.caseID, $0.material) < ($1.at, $1.caseID, $1.material) }
    }

    func request(_ state: CaseState, _ index: Int) -> TaskRequest {
        let spec = state.blueprint.tasks[index]
        var request = TaskRequest(
            caseID: state.id, task: index, item: spec.item, department: spec.department,
            attempt: state.tasks[index].attempts)
        if let key = state.tasks[index].key { request.key = key }
        return request
    }
}
