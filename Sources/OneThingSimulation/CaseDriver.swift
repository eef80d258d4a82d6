import OneThing
import OneThingRuntime

/// Runs cases through an ``OneThingRuntime/Engine`` against simulated and manual
/// departments on a ``OneThingRuntime/VirtualClock``, so that a case that takes weeks of
/// working days finishes in seconds: what `onething run` and `onething case …` do.
///
/// The driver moves time itself. After every step it waits until the engine and the
/// adapters are quiet (every stored submission has reached its adapter), then moves the
/// clock straight to the next thing that will happen — a simulated department's answer,
/// the simulated applicant's reply or deferred material, or one of the engine's timers
/// — makes it happen, and lets the engine fire its due timers.
///
/// **People stop the clock.** Before it moves the clock, the driver looks for a person
/// the cases wait for: an officer of a manual department who must decide, an applicant
/// who must answer a manual department's supplement request or bring a deferred
/// material by hand. If there is one, it stops there and says who must do what by when;
/// only the live clock of a server lets real time pass while people think.
///
/// The driver holds only the cases it started or loaded: a command about one case
/// touches that case alone.
public final class CaseDriver {
    /// Why driving stopped.
    public enum Stop: Sendable, Hashable {
        /// Every case is delivered.
        case finished
        /// Cases wait for people.
        case waiting([PersonWait])
    }

    /// Something a person must do before a case can go on.
    public struct PersonWait: Sendable, Hashable {
        /// What the person must do.
        public enum Action: Sendable, Hashable {
            /// The officer of `department` decides on the step (approve, reject, or ask
            /// for a supplement).
            case decide(department: String)
            /// The applicant answers the supplement request of the step's department.
            case supplement(department: String)
            /// The applicant brings the deferred material.
            case supply(material: String)
        }

        /// The case.
        public var caseID: CaseID
        /// The step concerned (`nil` for a material).
        public var stepID: String?
        /// What the person must do.
        public var action: Action
        /// By when: the step's due moment, or the material's deadline (`nil` when the
        /// step's clock stands still).
        public var by: Timestamp?
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
    /// Which department is which, how the simulated ones behave, and the seed.
    public let adapters: CaseAdapters
    /// The calendar of the cases' region.
    public let calendar: WorkdayCalendar
    /// The most steps one drive takes before it gives up (a safeguard against a loop).
    public var stepLimit = 1_000_000

    /// The cases being driven.
    public private(set) var cases: Set<CaseID> = []
    var arrivals = HappeningQueue()

    /// A driver over `store` on `calendar` (region CN), its clock starting at `start`.
    public init(
        store: any EventStore, calendar: WorkdayCalendar, adapters: CaseAdapters, start: Timestamp,
        journal: AdapterJournal? = nil
    ) {
        let clock = VirtualClock(start: start)
        let sampler = DepartmentSampler(settings: adapters.settings.simulation, seed: adapters.seed)
        let simulated = SimulatedAdapter(sampler: sampler, calendar: calendar, journal: journal)
        let manual = ManualAdapter(journal: journal)
        var byDepartment: [String: any DepartmentAdapter] = [:]
        for (department, kind) in adapters.settings.kinds {
            byDepartment[department] = kind == .manual ? manual : simulated
        }
        let fallback: any DepartmentAdapter = adapters.settings.defaultKind == .manual ? manual : simulated
        self.engine = Engine(
            store: store,
            adapters: AdapterDirectory(
                byDepartment: byDepartment, fallback: fallback,
                materials: adapters.settings.simulatedMaterialService(seed: adapters.seed)),
            clock: clock,
            calendars: [calendar.region: calendar], configuration: Engine.Configuration(seed: adapters.seed))
        self.store = store
        self.clock = clock
        self.simulated = simulated
        self.manual = manual
        self.adapters = adapters
        self.calendar = calendar
    }

    // MARK: Cases

    /// Starts a case of `blueprint` for `answers`, the applicant bringing `provided`;
    /// its id comes from the store, and its adapters are recorded beside it.
    @discardableResult
    public func start(
        blueprint: CaseBlueprint, answers: [String: String], provided: [String], id: CaseID? = nil
    )
        async throws -> CaseID
    {
        let caseID = try await engine.start(
            blueprint: blueprint, answers: answers, provided: provided, id: id)
        try await store.setMetadata(try adapters.json(), for: CaseAdapters.metadataKey(for: caseID))
        cases.insert(caseID)
        if let state = await engine.state(of: caseID) { scheduleArrivals(state) }
        try await settle()
        return caseID
    }

    /// Takes over case `id` from the store, the clock at the moment the case stopped;
    /// returns its state.
    @discardableResult
    public func load(_ id: CaseID) async throws -> CaseState {
        let events = try await store.events(of: id)
        if let last = events.last { clock.advance(to: last.at) }
        let state = try await engine.load(id)
        if !state.isClosed {
            cases.insert(id)
            scheduleArrivals(state)
        }
        try await settle()
        return state
    }

    /// An officer's decision on step `stepID` of case `id`, recorded as made by
    /// `principal` (the case's history keeps who decided) when given, with the `documents`
    /// an approval issued (output id → number) and the `results` it decided (output id →
    /// value id).
    public func decide(
        _ outcome: AdapterOutcome, case id: CaseID, step stepID: String, by principal: String? = nil,
        documents: [String: String] = [:], results: [String: String] = [:]
    )
        async throws
    {
        try await engine.decide(
            outcome, case: id, step: stepID, by: principal, documents: documents, results: results)
        try await settle()
    }

    /// The applicant brought deferred material `material` of case `id`.
    public func supply(_ material: String, case id: CaseID) async throws {
        try await engine.supply(material, to: id)
        try await settle()
    }

    /// The applicant supplied what step `stepID` of case `id` waits for (补正).
    public func supplement(case id: CaseID, step stepID: String) async throws {
        try await engine.supplementSupplied(id, step: stepID)
        try await settle()
    }

    // MARK: Driving

    /// Drives the cases until they are delivered or wait for people; `step` runs after
    /// every step, once the engine and the adapters are quiet.
    public func drive(step: () async throws -> Void = {}) async throws -> Stop {
        var steps = 0
        while true {
            try await settle()
            try await step()
            await forgetClosed()
            if cases.isEmpty { return .finished }
            let waits = await personWaits()
            if !waits.isEmpty { return .waiting(waits) }
            let candidates = [simulated.nextDue, arrivals.first?.at, await engine.nextTimer].compactMap { $0 }
            guard let next = candidates.min() else {
                throw Stuck(
                    reason:
                        "cases \(cases.sorted().joined(separator: ", ")) wait for nothing that will happen")
            }
            clock.advance(to: next)
            try await happen(dueBy: clock.now)
            try await engine.tick()
            steps += 1
            if steps >= stepLimit { throw Stuck(reason: "the cases did not settle after \(steps) steps") }
        }
    }

    /// What people must do before the cases can go on.
    public func personWaits() async -> [PersonWait] {
        var waits: [PersonWait] = []
        let settings = adapters.settings
        for id in cases.sorted() {
            guard let state = await engine.state(of: id), !state.isClosed else { continue }
            for (index, step) in state.steps.enumerated() {
                let spec = state.blueprint.steps[index]
                guard settings.kind(of: spec.department) == .manual else { continue }
                switch step.status {
                case .dispatched, .inReview:
                    waits.append(
                        PersonWait(
                            caseID: id, stepID: spec.id, action: .decide(department: spec.department),
                            by: step.due))
                case .supplementRequested:
                    waits.append(
                        PersonWait(
                            caseID: id, stepID: spec.id, action: .supplement(department: spec.department),
                            by: nil))
                default:
                    break
                }
            }
            if settings.deferredMaterials == .manual {
                for (material, due) in state.deferredDue.sorted(by: { $0.key < $1.key })
                where !state.supplied.contains(material) {
                    waits.append(
                        PersonWait(caseID: id, stepID: nil, action: .supply(material: material), by: due))
                }
            }
        }
        return waits
    }

    /// Makes everything due by `moment` happen, earliest first.
    func happen(dueBy moment: Timestamp) async throws {
        while true {
            let arrival = arrivals.first.flatMap { $0.at <= moment ? $0 : nil }
            let department = simulated.nextDue.flatMap { $0 <= moment ? $0 : nil }
            if let arrival, department.map({ arrival.at < $0 }) ?? true {
                arrivals.pop()
                if let state = await engine.state(of: arrival.caseID), arrival.isCurrent(in: state) {
                    try await simulated.deliver(arrival, to: engine)
                }
            } else if let happening = simulated.takeDue(by: moment) {
                if let state = await engine.state(of: happening.caseID), happening.isCurrent(in: state) {
                    try await simulated.deliver(happening, to: engine)
                } else if case .failure = happening.kind {
                    try await simulated.deliver(happening, to: engine)  // the held call must end
                }
            } else {
                return
            }
            try await settle()
        }
    }

    /// Waits until every submission the store has recorded has reached its adapter (sent,
    /// or polled after a restart), and every failure delivered has been recorded.
    public func settle() async throws {
        var rounds = 0
        while !(await isQuiet()) {
            rounds += 1
            if rounds < 100 {
                await Task.yield()
            } else {
                try await Task.sleep(for: .microseconds(200))
            }
            if rounds > 200_000 { throw Stuck(reason: "the engine and the adapters did not become quiet") }
        }
    }

    func isQuiet() async -> Bool {
        for id in cases {
            guard let state = await engine.state(of: id) else { continue }
            for (index, step) in state.steps.enumerated() {
                guard
                    step.status == .dispatched || step.status == .inReview
                        || step.status == .supplementRequested,
                    let key = step.key
                else { continue }
                if adapters.settings.kind(of: state.blueprint.steps[index].department) == .manual {
                    if !manual.hasReceived(key) { return false }
                } else if !simulated.hasReceived(key) {
                    return false
                } else if step.status == .dispatched, simulated.isFailing(key) {
                    return false
                }
            }
        }
        return true
    }

    func forgetClosed() async {
        for id in cases {
            guard let state = await engine.state(of: id), !state.isClosed else {
                cases.remove(id)
                continue
            }
        }
    }

    // MARK: The simulated applicant

    /// Schedules the simulated applicant bringing the deferred materials of `state` (and
    /// the fetched ones they were asked to bring), and the simulated service delivering,
    /// late, the fetched materials the case waits for.
    func scheduleArrivals(_ state: CaseState) {
        guard let acceptedAt = state.acceptedAt else { return }
        let sampler = simulated.sampler
        // The simulated service delivers, late, what the steps wait for (`fallback: wait`).
        for (material, failure) in state.fetchFailures.sorted(by: { $0.key < $1.key })
        where !failure.fallback.isPaper && !state.supplied.contains(material) {
            guard case .wait(let limit) = state.blueprint.fetched(material)?.fallback,
                let delivery = sampler.lateDelivery(
                    of: material, caseID: state.id, acceptedAt: acceptedAt, limit: limit, on: calendar)
            else { continue }
            arrivals.push(delivery)
        }
        guard adapters.settings.deferredMaterials == .simulated else { return }
        for material in state.deferredDue.keys.sorted() where !state.supplied.contains(material) {
            guard let limit = state.limitToBring(material),
                let arrival = sampler.arrival(
                    of: material, caseID: state.id, acceptedAt: acceptedAt, limit: limit, on: calendar)
            else { continue }
            arrivals.push(arrival)
        }
    }
}
