import OneThing
import OneThingRuntime
import Synchronization

/// Department systems simulated for live runs (`onething run`): every submission gets
/// a fate sampled the way ``Simulation`` samples it (an error or a timeout, else a
/// review of a sampled length, perhaps a supplement, then an approval or a rejection),
/// and the adapter reports it back to the ``Engine`` once the engine's clock has
/// reached the sampled time.
///
/// The adapter does not watch the clock itself: whoever moves the clock (a
/// ``VirtualClock`` driven by the command line, see `CaseDriver` in the `OneThing`
/// module) asks for the next due happening with ``nextDue`` and ``takeDue(by:)`` and
/// hands it back with ``deliver(_:to:)``.
///
/// Fates are drawn from the seed and the idempotency key alone, so a run does not
/// depend on the order in which the engine's concurrent submissions arrive, and the
/// same key sent twice is one submission with one fate. An error or a timeout holds
/// the submission (the call does not return) until it is delivered, and then throws
/// ``AdapterError``, as a real system's failed call would.
public final class SimulatedAdapter: DepartmentAdapter {
    /// Something the simulated department (or the applicant it talks to) will do.
    public struct Happening: Sendable, Hashable {
        /// What happens.
        public enum Kind: Sendable, Hashable {
            /// The department reports on the submission.
            case outcome(AdapterOutcome)
            /// The applicant supplies what the department asked for (补正).
            case supplementSupplied
            /// The submission fails; the call that made it throws.
            case failure(reason: String)
        }

        /// When.
        public var at: WorkTime
        /// The submission it belongs to.
        public var request: TaskRequest
        /// What.
        public var kind: Kind
        /// Its place among the happenings of the same submission.
        var step: Int
    }

    struct State {
        var submissions: [String] = []
        var received: Set<String> = []
        var fated: Set<String> = []
        var pending: [Happening] = []
        var failing: [String: String] = [:]
        var held: [String: CheckedContinuation<AdapterError?, Never>] = [:]
        var promised: [CaseID: [String: WorkTime]] = [:]
    }

    /// How the departments behave.
    public let settings: SimulationSettings
    /// The seed the fates are drawn from.
    public let seed: UInt64
    /// The clock submissions are timed on: the engine's.
    public let clock: any EngineClock
    /// Where received keys are journaled, if anywhere.
    public let journal: AdapterJournal?
    private let state = Mutex(State())

    /// Simulated departments behaving as `settings` say, timed on `clock`.
    public init(
        settings: SimulationSettings = SimulationSettings(), seed: UInt64, clock: any EngineClock,
        journal: AdapterJournal? = nil
    ) {
        self.settings = settings
        self.seed = seed
        self.clock = clock
        self.journal = journal
    }

    /// Tells the adapter the tasks of case `id`, whose promised limits scale the
    /// sampled review times (a task of an unregistered case counts as one working day).
    public func register(_ id: CaseID, blueprint: CaseBlueprint) {
        let limits = Dictionary(
            blueprint.tasks.map { ($0.item, $0.promised) }, uniquingKeysWith: { a, _ in a })
        state.withLock { $0.promised[id] = limits }
    }

    // MARK: DepartmentAdapter

    /// Receives a submission: journals its key, samples its fate once per key, and
    /// returns, or (for a sampled error or timeout) waits until the failure is
    /// delivered and throws it.
    public func submit(_ request: TaskRequest) async throws(AdapterError) {
        try journal?.record(request.key)
        let now = clock.now
        let fails = state.withLock { state -> Bool in
            state.submissions.append(request.key)
            state.received.insert(request.key)
            guard state.fated.insert(request.key).inserted else { return false }
            let limit = state.promised[request.caseID]?[request.item] ?? 1
            let happenings = fate(of: request, limit: limit, at: now)
            state.pending.append(contentsOf: happenings)
            return happenings.contains {
                if case .failure = $0.kind { return true }
                return false
            }
        }
        guard fails else { return }
        let error = await withCheckedContinuation { continuation in
            let reason = state.withLock { state -> String? in
                if let reason = state.failing[request.key] { return reason }
                state.held[request.key] = continuation
                return nil
            }
            if let reason { continuation.resume(returning: AdapterError(reason)) }
        }
        if let error { throw error }
    }

    /// Nothing to poll: the adapter reports every outcome itself.
    public func poll(_ request: TaskRequest) async throws(AdapterError) -> AdapterOutcome? { nil }

    /// Withdraws a submission: its happenings are dropped, and a held call fails.
    public func cancel(_ request: TaskRequest) async throws(AdapterError) {
        let held = state.withLock { state in
            state.pending.removeAll { $0.request.key == request.key }
            state.failing[request.key] = state.failing[request.key] ?? "cancelled"
            return state.held.removeValue(forKey: request.key)
        }
        held?.resume(returning: AdapterError("cancelled"))
    }

    // MARK: Driving

    /// Every key received, in order, repeats included.
    public var submissions: [String] { state.withLock { $0.submissions } }

    /// Whether a submission with `key` has been received.
    public func hasReceived(_ key: String) -> Bool { state.withLock { $0.received.contains(key) } }

    /// Whether the submission with `key` was made to fail (its failure delivered).
    public func isFailing(_ key: String) -> Bool { state.withLock { $0.failing[key] != nil } }

    /// The time of the earliest pending happening.
    public var nextDue: WorkTime? { state.withLock { $0.pending.min(by: Self.earlier)?.at } }

    /// Removes and returns the earliest happening due at or before `time` (ties in
    /// the order of their keys, so runs repeat exactly).
    public func takeDue(by time: WorkTime) -> Happening? {
        state.withLock { state in
            guard
                let index = state.pending.indices.min(by: {
                    Self.earlier(state.pending[$0], state.pending[$1])
                }),
                state.pending[index].at <= time
            else { return nil }
            return state.pending.remove(at: index)
        }
    }

    /// Makes `happening` happen: reports the outcome to `engine`, tells it the
    /// applicant supplied the supplement, or fails the held submission (whose call
    /// then throws, and the engine records the failure).
    public func deliver(_ happening: Happening, to engine: Engine) async throws {
        let request = happening.request
        switch happening.kind {
        case .outcome(let outcome):
            try await engine.report(outcome, for: request.key)
        case .supplementSupplied:
            try await engine.supplementSupplied(request.caseID, task: request.task)
        case .failure(let reason):
            let held = state.withLock { state in
                state.failing[request.key] = reason
                return state.held.removeValue(forKey: request.key)
            }
            held?.resume(returning: AdapterError(reason))
        }
    }

    /// Takes over a task that a department was already handling before a restart
    /// (in review, or waiting for a supplement): its remaining happenings are sampled
    /// from now, without a new submission.
    public func adopt(_ request: TaskRequest, status: TaskStatus) {
        let now = clock.now
        state.withLock { state in
            state.received.insert(request.key)
            guard state.fated.insert(request.key).inserted else { return }
            let department = settings.department(request.department)
            let limit = state.promised[request.caseID]?[request.item] ?? 1
            var random = SplitMix64(seed: Self.mix(seed, request.key + "#adopted"))
            let remaining = latency(department, limit: limit, random: &random) / 2
            var at = now
            var step = 0
            if status == .supplementRequested {
                at += department.supplementResponse.sample(random.unit())
                state.pending.append(
                    Happening(at: at, request: request, kind: .supplementSupplied, step: step))
                step += 1
            }
            let outcome = verdict(department, random: &random)
            state.pending.append(
                Happening(at: at + remaining, request: request, kind: .outcome(outcome), step: step))
        }
    }

    // MARK: Sampling

    /// What the department will do with `request`, and when.
    func fate(of request: TaskRequest, limit: WorkTime, at now: WorkTime) -> [Happening] {
        let department = settings.department(request.department)
        var random = SplitMix64(seed: Self.mix(seed, request.key))
        let roll = random.unit()
        if roll < department.errors {
            return [Happening(at: now, request: request, kind: .failure(reason: "simulated error"), step: 0)]
        }
        if roll < department.errors + department.timeouts {
            return [
                Happening(
                    at: now + 1.0 / 8, request: request, kind: .failure(reason: "simulated timeout"), step: 0)
            ]
        }
        let latency = latency(department, limit: limit, random: &random)
        var happenings = [Happening(at: now, request: request, kind: .outcome(.inReview), step: 0)]
        var at = now
        if random.unit() < department.supplement {
            at += latency / 2
            happenings.append(
                Happening(
                    at: at, request: request,
                    kind: .outcome(.supplementRequested(note: "simulated supplement")),
                    step: 1))
            at += department.supplementResponse.sample(random.unit())
            happenings.append(Happening(at: at, request: request, kind: .supplementSupplied, step: 2))
            at += latency / 2
        } else {
            at += latency
        }
        let outcome = verdict(department, random: &random)
        happenings.append(Happening(at: at, request: request, kind: .outcome(outcome), step: 3))
        return happenings
    }

    func latency(_ department: SimulatedDepartment, limit: WorkTime, random: inout SplitMix64) -> WorkTime {
        if let days = department.latencyDays { return days.sample(random.unit()) }
        return department.latency.sample(random.unit()) * limit
    }

    func verdict(_ department: SimulatedDepartment, random: inout SplitMix64) -> AdapterOutcome {
        random.unit() < department.rejection ? .rejected(reason: "simulated rejection") : .approved
    }

    static func earlier(_ a: Happening, _ b: Happening) -> Bool {
        (a.at, a.request.key, a.step) < (b.at, b.request.key, b.step)
    }

    /// A seed for one key: the run's seed mixed with the key's FNV-1a hash, so that
    /// what is drawn for a key does not depend on what was drawn before it.
    public static func mix(_ seed: UInt64, _ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return seed ^ hash
    }
}
