import OneThing
import OneThingRuntime

/// Runs virtual cases of one blueprint against simulated departments on a virtual
/// clock, one case after another, and measures them: completion times in working
/// days, the on-time rate against the bundle's promise (按时办结率), and the department
/// that most often lies on the critical path. The same seed gives the same report.
public struct Simulation: Sendable {
    /// What the simulation found.
    public struct Report: Sendable, Hashable, Codable {
        /// The number of cases run.
        public var cases: Int
        /// Completion times in working days, median.
        public var p50: Double
        /// 90th percentile.
        public var p90: Double
        /// 99th percentile.
        public var p99: Double
        /// The share of cases delivered within the promise (completed or not).
        public var onTimeRate: Double
        /// The department that most often lies on the critical path: in each case, the
        /// department whose task added the most time to the critical path; the one that
        /// does so in most cases.
        public var bottleneck: String?
        /// In how many cases each department added the most time to the critical path.
        public var criticalCounts: [String: Int]
        /// How the cases ended.
        public var outcomes: [String: Int]
        /// Events produced.
        public var events: Int
    }

    /// The blueprint.
    public let blueprint: CaseBlueprint
    /// The simulated departments.
    public let settings: SimulationSettings
    /// The seed.
    public let seed: UInt64

    /// Creates a simulation.
    public init(blueprint: CaseBlueprint, settings: SimulationSettings = SimulationSettings(), seed: UInt64) {
        self.blueprint = blueprint
        self.settings = settings
        self.seed = seed
    }

    /// A scheduled happening outside the runtime: a department's answer, an applicant's reply.
    enum Happening {
        case outcome(AdapterOutcome, key: String)
        case failure(key: String, reason: String)
        case supplement(task: Int)
        case material(String)
    }

    /// Runs `count` cases; `sink` receives every event (for a store), case by case.
    public func run(cases count: Int, sink: ((inout [CaseEvent]) -> Void)? = nil) -> Report {
        var runtime = CaseRuntime(seed: seed)
        var random = SplitMix64(seed: seed ^ 0x5EED_0F_51_0000)
        var durations: [Double] = []
        durations.reserveCapacity(count)
        var onTime = 0
        var critical: [String: Int] = [:]
        var outcomes: [String: Int] = [:]
        var events = 0
        let provided = blueprint.core
        let fingerprint = blueprint.fingerprint  // encodes the blueprint: once, not per case
        for index in 0..<count {
            let id = "sim-\(index)"
            var queue = HappeningQueue()
            runtime.start(
                id, blueprint: blueprint,
                start: CaseStart(
                    bundle: blueprint.bundle, version: blueprint.version, answers: [:], provided: provided,
                    lead: blueprint.lead, blueprint: fingerprint),
                at: 0)
            for material in blueprint.deferredDeadlines.keys.sorted() {
                let deadline = blueprint.deferredDeadlines[material]!
                queue.push(.material(material), at: settings.deferredArrival.sample(random.unit()) * deadline)
            }
            var now: WorkTime = 0
            while true {
                for effect in runtime.takeEffects() {
                    guard case .submit(let request) = effect else { continue }
                    schedule(request, at: now, queue: &queue, random: &random)
                }
                var batch = runtime.takeOutbox()
                events += batch.count
                sink?(&batch)
                if runtime.cases[id]?.isClosed ?? true { break }
                let nextHappening = queue.next
                let nextTimer = runtime.nextTimer
                guard let next = [nextHappening, nextTimer].compactMap({ $0 }).min() else { break }
                now = next
                if let happening = queue.pop(dueBy: now) {
                    switch happening {
                    case .outcome(let outcome, let key): runtime.report(outcome, for: key, at: now)
                    case .failure(let key, let reason): runtime.submissionFailed(key, reason: reason, at: now)
                    case .supplement(let task): runtime.supplementSupplied(id, task: task, at: now)
                    case .material(let material): runtime.supply(material, to: id, at: now)
                    }
                } else {
                    runtime.advance(to: now)
                }
            }
            let state = runtime.cases[id]!
            let duration = (state.deliveredAt ?? now) - (state.startedAt ?? 0)
            durations.append(duration)
            if duration <= blueprint.promise + 1e-9 { onTime += 1 }
            outcomes[state.outcome?.rawValue ?? "open", default: 0] += 1
            for department in Self.criticalDepartments(state) { critical[department, default: 0] += 1 }
            runtime.evict(id)
            runtime.clearTimers()
        }
        durations.sort()
        func percentile(_ p: Double) -> Double {
            guard !durations.isEmpty else { return 0 }
            let rank = Int((p * Double(durations.count)).rounded(.up)) - 1
            return durations[min(max(rank, 0), durations.count - 1)]
        }
        let bottleneck = critical.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?
            .key
        return Report(
            cases: count, p50: percentile(0.5), p90: percentile(0.9), p99: percentile(0.99),
            onTimeRate: count == 0 ? 0 : Double(onTime) / Double(count), bottleneck: bottleneck,
            criticalCounts: critical, outcomes: outcomes, events: events)
    }

    /// Decides what the department of `request` will answer, and when.
    func schedule(
        _ request: TaskRequest, at now: WorkTime, queue: inout HappeningQueue, random: inout SplitMix64
    ) {
        let department = settings.department(request.department)
        let task = blueprint.tasks[request.task]
        let roll = random.unit()
        if roll < department.errors {
            queue.push(.failure(key: request.key, reason: "simulated error"), at: now)
            return
        }
        if roll < department.errors + department.timeouts {
            queue.push(.failure(key: request.key, reason: "simulated timeout"), at: now + 1.0 / 8)
            return
        }
        let latency =
            department.latencyDays.map { $0.sample(random.unit()) } ?? department.latency.sample(
                random.unit())
            * task.promised
        var at = now
        queue.push(.outcome(.inReview, key: request.key), at: at)
        if random.unit() < department.supplement {
            at += latency / 2
            queue.push(.outcome(.supplementRequested(note: "simulated supplement"), key: request.key), at: at)
            at += department.supplementResponse.sample(random.unit())
            queue.push(.supplement(task: request.task), at: at)
            at += latency / 2
        } else {
            at += latency
        }
        let outcome: AdapterOutcome =
            random.unit() < department.rejection ? .rejected(reason: "simulated rejection") : .approved
        queue.push(.outcome(outcome, key: request.key), at: at)
    }

    /// The department that held a finished case up longest: along the critical path
    /// (from the task that finished last, back through the predecessor that finished
    /// last), the one whose task added the most time.
    static func criticalDepartments(_ state: CaseState) -> [String] {
        let tasks = state.tasks
        func latest(_ candidates: [Int]) -> Int? {
            candidates.filter { tasks[$0].finishedAt != nil }.max {
                (tasks[$0].finishedAt!, -$0) < (tasks[$1].finishedAt!, -$1)
            }
        }
        var cursor = latest(Array(tasks.indices))
        var added: [String: Double] = [:]
        while let task = cursor {
            let previous = latest(state.blueprint.tasks[task].predecessors)
            let from = previous.flatMap { tasks[$0].finishedAt } ?? state.startedAt ?? 0
            added[state.blueprint.tasks[task].department, default: 0] += tasks[task].finishedAt! - from
            cursor = previous
        }
        let top = added.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }
        return top.map { [$0.key] } ?? []
    }
}

/// Happenings in time order, ties in the order they were scheduled.
struct HappeningQueue {
    private var items: [(at: WorkTime, order: Int, happening: Simulation.Happening)] = []
    private var counter = 0

    var next: WorkTime? { items.min { ($0.at, $0.order) < ($1.at, $1.order) }?.at }

    mutating func push(_ happening: Simulation.Happening, at: WorkTime) {
        counter += 1
        items.append((at, counter, happening))
    }

    mutating func pop(dueBy now: WorkTime) -> Simulation.Happening? {
        guard
            let index = items.indices.min(by: {
                (items[$0].at, items[$0].order) < (items[$1].at, items[$1].order)
            }),
            items[index].at <= now
        else { return nil }
        return items.remove(at: index).happening
    }
}

extension SplitMix64 {
    /// A uniform random number in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
