import OneThingRuntime

/// Runs virtual cases of one blueprint against simulated departments on a virtual
/// clock, one case after another, and measures them: completion times in working
/// days, the on-time rate against the bundle's promise (按时办结率), and the
/// department that most often lies on the critical path. The same seed gives the same
/// report, and its first case is the case `onething run` runs with that seed on a new
/// case database: the same ids, the same ``DepartmentSampler``, the same runtime.
public struct Simulation: Sendable {
    /// What the simulation found.
    public struct Report: Sendable, Hashable, Codable {
        /// The number of cases run.
        public var cases: Int
        /// Completion times in working days (office time from acceptance to delivery), median.
        public var p50: Double
        /// 90th percentile.
        public var p90: Double
        /// 99th percentile.
        public var p99: Double
        /// The share of cases delivered by their promised moment (completed or not).
        public var onTimeRate: Double
        /// The department that most often lies on the critical path: in each case, the
        /// department whose step added the most time to the critical path; the one that
        /// does so in most cases.
        public var bottleneck: String?
        /// In how many cases each department added the most time to the critical path.
        public var criticalCounts: [String: Int]
        /// How the cases ended.
        public var outcomes: [String: Int]
        /// Events produced.
        public var events: Int
    }

    /// One case's result.
    public struct CaseResult: Sendable, Hashable {
        /// The case's id.
        public var id: CaseID
        /// How it ended (`nil`: it did not end, which a simulation of simulated
        /// departments only reports for a case stuck by a bug).
        public var outcome: CaseOutcome?
        /// When it was delivered.
        public var deliveredAt: Timestamp?
        /// Working days from acceptance to delivery.
        public var workingDays: Double
        /// Whether it was delivered by its promised moment.
        public var onTime: Bool
    }

    /// The blueprint.
    public let blueprint: CaseBlueprint
    /// The calendar of the blueprint's region.
    public let calendar: WorkdayCalendar
    /// The day every case is accepted on (at 09:00 China Standard Time).
    public let start: CalendarDate
    /// The departments and the applicant.
    public let sampler: DepartmentSampler
    /// The applicant's answers, as cases record them.
    public let answers: [String: String]
    /// The materials the applicant brings at intake.
    public let provided: [String]

    /// A simulation of `blueprint` accepted on `start`, on `calendar`; `provided` defaults
    /// to the core materials (the secondary ones follow later).
    public init(
        blueprint: CaseBlueprint, calendar: WorkdayCalendar, start: CalendarDate,
        settings: SimulationSettings = SimulationSettings(), seed: UInt64, answers: [String: String] = [:],
        provided: [String]? = nil
    ) {
        self.blueprint = blueprint
        self.calendar = calendar
        self.start = start
        self.sampler = DepartmentSampler(settings: settings, seed: seed)
        self.answers = answers
        self.provided = provided ?? blueprint.core
    }

    /// The moment cases are accepted: 09:00 China Standard Time on ``start``.
    public var acceptedAt: Timestamp { Timestamp(china: start, hour: 9) }

    /// Runs `count` cases; `sink` receives every event (for a store), case by case, and
    /// `each` every case's result.
    ///
    /// - Throws: ``OneThingRuntime/RuntimeError`` when a case cannot start (a promise
    ///   beyond the calendar's years).
    public func run(
        cases count: Int, sink: ((inout [CaseEvent]) -> Void)? = nil, each: ((CaseResult) -> Void)? = nil
    ) throws(RuntimeError) -> Report {
        var runtime = CaseRuntime(calendars: [blueprint.region: calendar], seed: sampler.seed)
        var durations: [Double] = []
        durations.reserveCapacity(count)
        var onTime = 0
        var critical: [String: Int] = [:]
        var outcomes: [String: Int] = [:]
        var events = 0
        let fingerprint = blueprint.fingerprint  // encodes the blueprint: once, not per case
        for index in 0..<max(0, count) {
            let id = CaseIDFormat.make(acceptedOn: start, number: index + 1)
            let start = CaseStart(
                bundle: blueprint.bundle, version: blueprint.version, answers: answers, provided: provided,
                lead: blueprint.lead, blueprint: fingerprint)
            try runtime.start(id, blueprint: blueprint, start: start, at: acceptedAt)
            var queue = HappeningQueue()
            if let state = runtime.cases[id], let acceptedAt = state.acceptedAt {
                for material in state.deferredDue.keys.sorted() {
                    guard let limit = state.limitToBring(material),
                        let arrival = sampler.arrival(
                            of: material, caseID: id, acceptedAt: acceptedAt, limit: limit, on: calendar)
                    else { continue }
                    queue.push(arrival)
                }
            }
            while true {
                for effect in runtime.takeEffects() {
                    switch effect {
                    case .submit(let submission), .poll(let submission):
                        for happening in sampler.fate(of: submission, limit: submission.limit, on: calendar) {
                            queue.push(happening)
                        }
                    case .cancel(let submission):
                        queue.remove(key: submission.key)
                    }
                }
                var batch = runtime.takeOutbox()
                events += batch.count
                sink?(&batch)
                guard runtime.isClosed(id) == false else { break }
                let timer = runtime.nextTimer
                if let happening = queue.first, timer.map({ happening.at <= $0 }) ?? true {
                    queue.pop()
                    Self.apply(happening, to: &runtime)
                } else if let timer {
                    runtime.advance(to: timer)
                } else {
                    break  // nothing will happen: the case is stuck (a bug, reported as open)
                }
            }
            let result = try self.result(of: id, in: runtime)
            each?(result)
            durations.append(result.workingDays)
            if result.onTime { onTime += 1 }
            outcomes[result.outcome?.rawValue ?? "open", default: 0] += 1
            if let state = runtime.cases[id] {
                for department in try criticalDepartments(state) { critical[department, default: 0] += 1 }
            }
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
            cases: max(0, count), p50: percentile(0.5), p90: percentile(0.9), p99: percentile(0.99),
            onTimeRate: count <= 0 ? 0 : Double(onTime) / Double(count), bottleneck: bottleneck,
            criticalCounts: critical, outcomes: outcomes, events: events)
    }

    /// Makes a happening happen in `runtime`, if it still concerns its case.
    static func apply(_ happening: Happening, to runtime: inout CaseRuntime) {
        // What ``Happening/isCurrent(in:)`` says of a case's state, asked of the runtime
        // in place (the engine's driver asks it of the state the engine hands out).
        switch happening.kind {
        case .outcome(let outcome):
            let status = runtime.status(ofCurrent: happening.key, step: happening.step, of: happening.caseID)
            guard status == .dispatched || status == .inReview else { return }
            if !happening.results.isEmpty {
                runtime.record(
                    results: happening.results, decidedBy: happening.step, in: happening.caseID,
                    at: happening.at)
            }
            runtime.report(
                outcome, for: happening.key, step: happening.step, of: happening.caseID, at: happening.at)
        case .supplementSupplied:
            guard
                runtime.status(ofCurrent: happening.key, step: happening.step, of: happening.caseID)
                    == .supplementRequested
            else { return }
            runtime.supplementSupplied(happening.caseID, step: happening.step, at: happening.at)
        case .failure(let reason):
            runtime.submissionFailed(happening.key, reason: reason, at: happening.at)
        case .material(let material):
            guard runtime.awaits(material, in: happening.caseID) else { return }
            runtime.supply(material, to: happening.caseID, at: happening.at)
        case .lateDelivery(let material):
            runtime.receive(
                material, reference: "SIM-" + StableHash.hex(StableHash.fnv1a(happening.key)),
                for: happening.caseID,
                at: happening.at)
        }
    }

    /// The result of case `id` as `runtime` holds it.
    func result(of id: CaseID, in runtime: CaseRuntime) throws(RuntimeError) -> CaseResult {
        guard let state = runtime.cases[id] else {
            return CaseResult(id: id, outcome: nil, deliveredAt: nil, workingDays: 0, onTime: false)
        }
        let started = state.startedAt ?? acceptedAt
        let end = state.deliveredAt ?? state.lastEventAt ?? started
        let days = try workingDays(from: started, to: end)
        // A case intake did not accept has no promise to keep: delivered at once, on time.
        let onTime = state.deliveredAt != nil && (state.deliveredOnTime ?? true)
        return CaseResult(
            id: id, outcome: state.outcome, deliveredAt: state.deliveredAt, workingDays: days, onTime: onTime)
    }

    /// Working days of office time between two moments of a case.
    func workingDays(from start: Timestamp, to end: Timestamp) throws(RuntimeError) -> Double {
        do {
            return try calendar.workingDays(from: start, to: end)
        } catch {
            throw .outsideCalendar(error)
        }
    }

    /// The department that held a finished case up longest: along the critical path
    /// (from the step that finished last, back through the predecessor that finished
    /// last), the one whose step added the most working time.
    func criticalDepartments(_ state: CaseState) throws(RuntimeError) -> [String] {
        let steps = state.steps
        func latest(_ candidates: [Int]) -> Int? {
            var best: (index: Int, at: Timestamp)?
            for index in candidates {
                guard let at = steps[index].finishedAt else { continue }
                if let current = best, at < current.at || (at == current.at && index > current.index) {
                    continue
                }
                best = (index, at)
            }
            return best?.index
        }
        var cursor = latest(Array(steps.indices))
        var added: [String: Double] = [:]
        while let step = cursor, let finished = steps[step].finishedAt {
            let previous = latest(state.blueprint.steps[step].predecessors)
            let from = previous.flatMap { steps[$0].finishedAt } ?? state.startedAt ?? finished
            let days = try workingDays(from: from, to: finished)
            added[state.blueprint.steps[step].department, default: 0] += days
            cursor = previous
        }
        let top = added.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }
        return top.map { [$0.key] } ?? []
    }
}

/// Happenings in the order they happen (``Happening/earlier(_:_:)``): a binary heap.
struct HappeningQueue {
    private var heap: [Happening] = []

    var first: Happening? { heap.first }

    mutating func push(_ happening: Happening) {
        heap.append(happening)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Happening.earlier(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func pop() -> Happening? {
        guard !heap.isEmpty else { return nil }
        let first = heap[0]
        let last = heap.removeLast()
        guard !heap.isEmpty else { return first }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, Happening.earlier(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count, Happening.earlier(heap[right], heap[smallest]) { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }

    mutating func remove(key: String) {
        let kept = heap.filter { $0.key != key }
        guard kept.count != heap.count else { return }
        heap = kept.sorted(by: Happening.earlier)
    }
}

extension Happening {
    /// Whether the happening still concerns its case as it stands: a failure always
    /// does (the held call must end); an answer only while the step waits at the
    /// department under its key; a supplement only while the step waits for it; a
    /// material only while the case waits for it.
    public func isCurrent(in state: borrowing CaseState) -> Bool {
        guard !state.isClosed else {
            if case .failure = kind { return true }
            return false
        }
        if case .material(let material) = kind {
            return state.deferredDue[material] != nil && !state.supplied.contains(material)
        }
        if case .lateDelivery(let material) = kind {
            guard let failure = state.fetchFailures[material], !failure.fallback.isPaper else { return false }
            return !state.supplied.contains(material) && at < failure.fallback.dueBy
        }
        if case .failure = kind { return true }
        guard state.steps.indices.contains(step) else { return false }
        let current = state.steps[step]
        guard current.key == key else { return false }
        // A department taken over after a restart draws the step's fate again, from its
        // start: what the case already shows (the review begun, the one supplement asked
        // for) is not news and must not happen twice.
        switch kind {
        case .supplementSupplied:
            return current.status == .supplementRequested
        case .outcome(.inReview):
            return current.status == .dispatched
        case .outcome(.supplementRequested):
            return (current.status == .dispatched || current.status == .inReview) && current.pauses.isEmpty
        default:
            return current.status == .dispatched || current.status == .inReview
        }
    }
}
