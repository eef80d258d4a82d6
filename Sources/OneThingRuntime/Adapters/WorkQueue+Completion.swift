extension WorkQueue {
    /// What a decision call does once the lock is released.
    enum Step {
        /// Answer at once.
        case answer(Result<Decision, Refusal>)
        /// Wait for the decision on its way to the engine.
        case await(Task<Result<Decision, Refusal>, Never>)
    }

    /// `worker` decides the job with `key`: the outcome is reported to the engine, and
    /// the job leaves the queue when the engine took an approval or a rejection (a job
    /// in review stays claimed; one whose department asked for a supplement waits for it).
    ///
    /// An approval may name the `outputs` it issued (output id → the document's number)
    /// and must say the `results` it decided (output id → value id) that a later step
    /// waits for; the decision, with who made it, goes to the reporter (``connect(_:)``).
    ///
    /// Idempotent: the same worker deciding the same key with the same outcome and
    /// outputs again (also while the first call is on its way) gets the first answer. A
    /// decision that reached the engine is not undone when the caller goes away meanwhile.
    ///
    /// - Throws: ``Refusal`` with the reason: unknown key, not claimed, claimed by another
    ///   worker, lease expired, withdrawn, decided otherwise, awaiting a supplement, a
    ///   reason required, outputs without an approval, not connected, or the engine
    ///   unavailable.
    @discardableResult
    public func complete(
        key: String, worker: String, outcome: AdapterOutcome, outputs: [String: String] = [:],
        results: [String: String] = [:]
    ) async throws(Refusal) -> Decision {
        let now = clock.now
        let decision = Decision(
            key: key, worker: worker, outcome: outcome, outputs: outputs, decidedAt: now, results: results)
        let (step, woken) = state.withLock { state -> (Step, [CheckedContinuation<Void, Never>]) in
            if let board { return (begin(decision, on: board, in: &state), []) }
            let woken = state.expireLeases(at: now)
            return (begin(decision, in: &state), woken)
        }
        for waiter in woken { waiter.resume() }
        let result: Result<Decision, Refusal>
        switch step {
        case .answer(let answer): result = answer
        case .await(let task): result = await task.value
        }
        return try result.get()
    }

    /// Checks `decision` against its job and, when it may go ahead, starts reporting it.
    func begin(_ decision: Decision, in held: inout State) -> Step {
        let key = decision.key
        let worker = decision.worker
        let outcome = decision.outcome
        func refuse(_ reason: Refusal.Reason) -> Step { .answer(.failure(Refusal(key: key, reason: reason))) }
        if let answer = held.remembered(decision) { return answer }
        guard var entry = held.entries[key] else { return refuse(.unknownKey) }
        if let answer = Self.early(decision, report: entry.report, deciding: entry.deciding) { return answer }
        if let reason = Self.refusal(of: worker, on: entry.job.status, lapsed: entry.expired.contains(worker))
        {
            return refuse(reason)
        }
        guard let reporter = held.reporter else { return refuse(.notConnected) }
        let submission = entry.job.submission
        let task = Task { [self] () -> Result<Decision, Refusal> in
            let result: Result<Decision, Refusal>
            do throws(EngineError) {
                try await reporter(decision, submission)
                result = .success(decision)
            } catch {
                result = .failure(Refusal(key: key, reason: Self.reason(for: error)))
            }
            let at = clock.now
            let woken = self.state.withLock {
                $0.settle(key, outcome: outcome, result, at: at, memory: configuration.memory)
            }
            for waiter in woken { waiter.resume() }
            return result
        }
        entry.deciding = Deciding(decision: decision, task: task)
        held.entries[key] = entry
        return .await(task)
    }

    /// The answer to `decision` before its job is looked at, when there is one: the
    /// first answer to a repeat of the `report` kept on a job that stays (in review, a
    /// supplement requested) or of the decision on its way (`deciding`, waited for), a
    /// refusal of another decision while one is on its way or of outputs without an
    /// approval; `nil` when it may go ahead.
    static func early(_ decision: Decision, report: Decision?, deciding: Deciding?) -> Step? {
        let (outcome, outputs) = (decision.outcome, decision.outputs)
        if let report, report.repeats(decision) {
            return .answer(.success(report))
        }
        if let deciding {
            return deciding.decision.repeats(decision)
                ? .await(deciding.task)
                : .answer(
                    .failure(Refusal(key: decision.key, reason: .decidedOtherwise(deciding.decision.outcome)))
                )
        }
        if !outputs.isEmpty, outcome != .approved {
            return .answer(.failure(Refusal(key: decision.key, reason: .outputsWithoutApproval)))
        }
        return nil
    }

    /// Why `worker` may not decide a job that stands as `status` (`lapsed`: their lease
    /// on it ran out), `nil` when they hold it.
    static func refusal(of worker: String, on status: Job.Status, lapsed: Bool) -> Refusal.Reason? {
        switch status {
        case .waiting: lapsed ? .leaseExpired : .notClaimed
        case .awaitingSupplement: .awaitingSupplement
        case .claimed(let holder, _) where holder != worker:
            lapsed ? .leaseExpired : .claimedByAnother(worker: holder)
        case .claimed: nil
        }
    }

    /// The reason to refuse a decision the engine did not take.
    static func reason(for error: EngineError) -> Refusal.Reason {
        switch error {
        case .reasonRequired: .reasonRequired
        case .results(_, _, let problems): .results(problems)
        case .caseClosed: .withdrawn
        case .stepNotWaiting(_, _, .supplementRequested): .awaitingSupplement
        case .stepNotWaiting(_, _, let status) where status.isFinal || status == .held: .withdrawn
        default: .unavailable(error)
        }
    }
}

extension WorkQueue.State {
    /// The answer to `decision` when its key left the queue and is remembered: the
    /// first decision to a repeat of it, else a refusal; `nil` when the key is not remembered.
    func remembered(_ decision: WorkQueue.Decision) -> WorkQueue.Step? {
        guard let finished = finished[decision.key]?.what else { return nil }
        switch finished {
        case .decided(let first):
            return first.repeats(decision)
                ? .answer(.success(first))
                : .answer(
                    .failure(WorkQueue.Refusal(key: decision.key, reason: .decidedOtherwise(first.outcome))))
        case .withdrawn:
            return .answer(.failure(WorkQueue.Refusal(key: decision.key, reason: .withdrawn)))
        }
    }

    /// Records what the engine said about a decision on the job with `key`.
    mutating func settle(
        _ key: String, outcome: AdapterOutcome, _ result: Result<WorkQueue.Decision, WorkQueue.Refusal>,
        at now: Timestamp, memory: Duration
    ) -> [CheckedContinuation<Void, Never>] {
        guard var entry = entries[key] else {
            // Withdrawn while the decision was on its way; the engine's answer stands.
            if case .success(let decision) = result {
                remember(key, .decided(decision), at: now, for: memory)
            }
            return []
        }
        entry.deciding = nil
        switch result {
        case .success(let decision):
            switch outcome {
            case .inReview:
                entry.report = decision
            case .supplementRequested:
                entry.report = decision
                entry.job.status = .awaitingSupplement
                leases[key] = nil
            case .approved, .rejected:
                remove(key)
                remember(key, .decided(decision), at: now, for: memory)
                return []
            }
        case .failure(let refusal):
            switch refusal.reason {
            case .withdrawn:
                remove(key)
                remember(key, .withdrawn, at: now, for: memory)
                return []
            case .awaitingSupplement:
                entry.job.status = .awaitingSupplement
                leases[key] = nil
            default:
                break  // still the worker's: it may try again
            }
        }
        entries[key] = entry
        // A lease that ran out while the decision was on its way ends now.
        return expireLeases(at: now)
    }
}
