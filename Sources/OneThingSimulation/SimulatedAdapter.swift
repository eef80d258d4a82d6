import OneThingRuntime
import Synchronization

/// Department systems simulated for live runs (`onething run`): every submission gets a
/// fate from the ``DepartmentSampler`` (an error or a timeout, else a review of a
/// sampled length, perhaps a supplement, then an approval or a rejection), and the
/// adapter reports it to the ``Engine`` once the engine's clock reaches it.
///
/// The adapter does not watch the clock itself: whoever moves the clock (the
/// ``CaseDriver`` of the command line) asks for the next happening with ``nextDue`` and
/// ``takeDue(by:)`` and hands it back with ``deliver(_:to:)``. An error or a timeout
/// holds the submission's call until it is delivered, and then throws
/// ``OneThingRuntime/AdapterError``, as a real system's failed call would.
public final class SimulatedAdapter: DepartmentAdapter {
    struct State {
        var submissions: [String] = []
        var received: Set<String> = []
        var fated: Set<String> = []
        var pending: [Happening] = []
        var failing: [String: String] = [:]
        var held: [String: CheckedContinuation<AdapterError?, Never>] = [:]
    }

    /// What the departments do.
    public let sampler: DepartmentSampler
    /// The calendar their working time is counted on.
    public let calendar: WorkdayCalendar
    /// Where received keys are journaled, if anywhere.
    public let journal: AdapterJournal?
    private let state = Mutex(State())

    /// Simulated departments drawing from `sampler`, in working time on `calendar`.
    public init(sampler: DepartmentSampler, calendar: WorkdayCalendar, journal: AdapterJournal? = nil) {
        self.sampler = sampler
        self.calendar = calendar
        self.journal = journal
    }

    // MARK: DepartmentAdapter

    /// Receives a submission: journals its key and samples its fate once per attempt; for a
    /// sampled error or timeout, waits until the failure is delivered and throws it.
    public func submit(_ submission: Submission) async throws(AdapterError) {
        try journal?.record(submission.key)
        guard receive(submission) else { return }
        let error = await withCheckedContinuation {
            (continuation: CheckedContinuation<AdapterError?, Never>) in
            let reason = state.withLock { state -> String? in
                if let reason = state.failing[submission.key] { return reason }
                state.held[submission.key] = continuation
                return nil
            }
            if let reason { continuation.resume(returning: AdapterError(reason)) }
        }
        if let error { throw error }
    }

    /// Takes over a submission the department had before a restart: its fate is drawn
    /// again from its key (the same fate), and its happenings still to come follow.
    public func poll(_ submission: Submission) async throws(AdapterError) -> AdapterOutcome? {
        _ = receive(submission)
        return nil
    }

    /// Withdraws a submission: its happenings are dropped, and a held call fails.
    public func cancel(_ submission: Submission) async throws(AdapterError) {
        let held = state.withLock { state in
            state.pending.removeAll { $0.key == submission.key }
            state.failing[submission.key] = state.failing[submission.key] ?? "withdrawn"
            return state.held.removeValue(forKey: submission.key)
        }
        held?.resume(returning: AdapterError("withdrawn"))
    }

    /// Records `submission` and samples its fate the first time its attempt is seen (a
    /// new attempt under the step's key is met afresh, and the failure of the one before
    /// no longer stands); returns whether the call must fail.
    func receive(_ submission: Submission) -> Bool {
        state.withLock { state -> Bool in
            state.submissions.append(submission.key)
            state.received.insert(submission.key)
            let attempt = DepartmentSampler.fateName(of: submission)
            guard state.fated.insert(attempt).inserted else { return false }
            state.failing[submission.key] = nil
            let happenings = sampler.fate(of: submission, limit: submission.limit, on: calendar)
            state.pending.append(contentsOf: happenings)
            return happenings.contains {
                if case .failure = $0.kind { return true }
                return false
            }
        }
    }

    // MARK: Driving

    /// Every key received, in order, repeats included.
    public var submissions: [String] { state.withLock { $0.submissions } }

    /// Whether a submission with `key` has been received.
    public func hasReceived(_ key: String) -> Bool { state.withLock { $0.received.contains(key) } }

    /// Whether the submission with `key` was made to fail (its failure delivered): until
    /// the engine records the failure, the step still looks sent.
    public func isFailing(_ key: String) -> Bool { state.withLock { $0.failing[key] != nil } }

    /// The moment of the earliest pending happening.
    public var nextDue: Timestamp? { state.withLock { $0.pending.min(by: Happening.earlier)?.at } }

    /// Removes and returns the earliest happening due at or before `moment`.
    public func takeDue(by moment: Timestamp) -> Happening? {
        state.withLock { state in
            guard
                let index = state.pending.indices.min(by: {
                    Happening.earlier(state.pending[$0], state.pending[$1])
                }),
                state.pending[index].at <= moment
            else { return nil }
            return state.pending.remove(at: index)
        }
    }

    /// Removes and returns every happening due at or before `moment` (at most `limit`),
    /// earliest first: one pass over the pending ones, for a caller that delivers many at
    /// once.
    public func takeAllDue(by moment: Timestamp, limit: Int) -> [Happening] {
        state.withLock { state in
            var due: [Happening] = []
            var later: [Happening] = []
            later.reserveCapacity(state.pending.count)
            for happening in state.pending {
                if happening.at <= moment { due.append(happening) } else { later.append(happening) }
            }
            due.sort(by: Happening.earlier)
            if due.count > limit {
                later.append(contentsOf: due[limit...])
                due.removeSubrange(limit...)
            }
            state.pending = later
            return due
        }
    }

    /// Makes `happening` happen: reports the outcome to `engine`, tells it the applicant
    /// supplied the supplement, or fails the held submission (whose call then throws,
    /// and the engine records the failure).
    public func deliver(_ happening: Happening, to engine: Engine) async throws(EngineError) {
        switch happening.kind {
        case .outcome(let outcome):
            try await engine.report(outcome, for: happening.key, results: happening.results)
        case .supplementSupplied:
            try await engine.supplementSupplied(happening.caseID, step: happening.stepID)
        case .failure(let reason):
            let held = state.withLock { state in
                state.failing[happening.key] = reason
                return state.held.removeValue(forKey: happening.key)
            }
            held?.resume(returning: AdapterError(reason))
        case .material(let material):
            try await engine.supply(material, to: happening.caseID)
        case .lateDelivery(let material):
            try await engine.receive(
                material, reference: "SIM-" + StableHash.hex(StableHash.fnv1a(happening.key)),
                for: happening.caseID)
        }
    }
}
