import Foundation
import Logging

/// A work queue whose jobs are on a board that several instances share
/// (``WorkQueue/board``, a ``OneThingEvents/DepartmentJobBoard``): what each operation
/// does there. The long polls of this instance still wait here, woken by the board's
/// notices (``listen()``); a decision is still reported to this instance's engine, whose
/// compare-and-set on the case records it once whichever instance holds the case.
extension WorkQueue {
    /// How long a claim is kept, past its lease if need be, while its worker's decision
    /// is on its way to the engine.
    static let decisionHold: Duration = .seconds(60)

    /// Posts `submission` on `board`.
    func post(_ submission: Submission, on board: any DepartmentJobBoard) async throws(AdapterError) {
        let encoded: Data
        do {
            encoded = try JSONEncoder().encode(submission)
        } catch {
            throw AdapterError(
                "task \(submission.key) could not be encoded for the shared work queue: \(error)")
        }
        let job = PostedJob(
            key: submission.key, caseID: submission.caseID, step: submission.step,
            attempt: submission.attempt,
            department: submission.department, queuedAt: submission.sentAt ?? clock.now,
            submission: String(decoding: encoded, as: UTF8.self))
        do {
            try await board.post(job)
        } catch {
            throw AdapterError("task \(submission.key) could not be queued: \(error)")
        }
    }

    /// The job on the board as the queue gives it out; `nil` (logged) for one whose
    /// submission cannot be read (posted by a version that encodes it otherwise).
    func job(from posted: PostedJob) -> Job? {
        let submission: Submission
        do {
            submission = try JSONDecoder().decode(Submission.self, from: Data(posted.submission.utf8))
        } catch {
            logger.error(
                "a task of the shared work queue cannot be read; it is left out",
                metadata: ["task": "\(posted.key)", "error": "\(error)"])
            return nil
        }
        return Job(submission: submission, queuedAt: posted.queuedAt, status: posted.status)
    }

    /// Starts following the board's notices, unless it does already: a job that
    /// becomes waiting on any instance wakes this instance's long polls of its
    /// department, and every long poll looks again when the notices (re)start, since
    /// what was announced meanwhile was missed. Does nothing for a queue without a board.
    public func listen() {
        guard let board else { return }
        state.withLock { state in
            guard state.listener == nil else { return }
            let notices = board.notices()
            state.listener = Task { [weak self] in
                for await notice in notices {
                    guard let self else { return }
                    let woken = self.state.withLock { state in
                        switch notice {
                        case .listening:
                            state.listening = true
                            return state.wakeAll()
                        case .jobWaiting(let department):
                            return state.wake(department)
                        }
                    }
                    for waiter in woken { waiter.resume() }
                }
            }
        }
    }

    /// Whether the queue follows its board's notices (``listen()``) and they listen.
    public var isListening: Bool { state.withLock { $0.listening } }

    /// ``activate(department:worker:maxJobs:lease:wait:)`` on `board`: claims there, and
    /// waits here for a notice of the department, the earliest lapse of a claim, or the
    /// deadline. A store that fails is asked again after a second (within the wait).
    func activate(
        on board: any DepartmentJobBoard, department: String, worker: String, maxJobs: Int,
        leaseLength: Int64,
        deadline: Timestamp
    ) async -> [Job] {
        listen()
        while !Task.isCancelled {
            let generation = state.withLock { state in
                // Known, so that the notices' restart (``State/wakeAll()``) counts it too.
                state.generations[department] = state.generations[department] ?? 0
                return state.generations[department, default: 0]
            }
            let now = clock.now
            var wake = deadline
            do {
                let claim = try await board.claim(
                    department: department, worker: worker, count: maxJobs, lease: .milliseconds(leaseLength))
                let jobs = claim.jobs.compactMap(job(from:))
                if !jobs.isEmpty || clock.now >= deadline { return jobs }
                if let lapse = claim.nextLapse {
                    wake = min(deadline, now.adding(milliseconds: lapse.wholeMilliseconds))
                }
            } catch {
                if clock.now >= deadline { return [] }
                wake = min(deadline, now.adding(milliseconds: 1000))
            }
            await waitForWork(of: department, after: generation, until: wake)
        }
        return []
    }

    /// ``claim(key:department:worker:lease:)`` on `board`.
    func claim(
        on board: any DepartmentJobBoard, key: String, department: String, worker: String, lease: Duration
    ) async throws(Refusal) -> Job {
        let posted: PostedJob?
        do {
            posted = try await board.claim(key: key, department: department, worker: worker, lease: lease)
        } catch {
            throw Refusal(key: key, reason: .unavailable(.store(error)))
        }
        guard let posted, let job = job(from: posted) else { throw Refusal(key: key, reason: .unknownKey) }
        switch job.status {
        case .claimed(let holder, _) where holder == worker: return job
        case .claimed(let holder, _): throw Refusal(key: key, reason: .claimedByAnother(worker: holder))
        case .awaitingSupplement: throw Refusal(key: key, reason: .awaitingSupplement)
        case .waiting: throw Refusal(key: key, reason: .unknownKey)
        }
    }

    /// Checks `decision` against what this instance remembers and, when it may go
    /// ahead, starts deciding it on `board` (``decide(_:on:)``).
    func begin(_ decision: Decision, on board: any DepartmentJobBoard, in held: inout State) -> Step {
        let key = decision.key
        if case .answer(let result)? = held.remembered(decision) {
            // The key was decided or withdrawn through this instance: a job of it still on
            // the board was posted again (a submission sent again from an older copy of
            // the case) and is left over; it would go from worker to worker, each refused.
            return .await(
                Task { [self] in
                    await discard(key, on: board)
                    return result
                })
        }
        if let answer = Self.early(
            decision, report: held.boardReports[key]?.decision, deciding: held.boardDeciding[key])
        {
            return answer
        }
        guard let reporter = held.reporter else {
            return .answer(.failure(Refusal(key: key, reason: .notConnected)))
        }
        let task = Task { [self] () -> Result<Decision, Refusal> in
            let (result, stepKey) = await decide(decision, on: board, reporter: reporter)
            state.withLock { state in
                state.boardDeciding[key] = nil
                switch (result, decision.outcome) {
                case (.success, .approved), (.success, .rejected):
                    state.boardReports[key] = nil
                    state.remember(key, .decided(decision), at: clock.now, for: configuration.memory)
                case (.success, .inReview), (.success, .supplementRequested):
                    state.boardReports[key] = stepKey.map { BoardReport(decision: decision, stepKey: $0) }
                case (.failure(let refusal), _):
                    if case .withdrawn = refusal.reason {
                        state.boardReports[key] = nil
                        state.remember(key, .withdrawn, at: clock.now, for: configuration.memory)
                    }
                }
            }
            return result
        }
        held.boardDeciding[key] = Deciding(decision: decision, task: task)
        return .await(task)
    }

    /// Decides on `board`: the worker must hold the job (its claim is kept while the
    /// decision is on its way), the engine takes the decision (`reporter`), and the job
    /// leaves the board (approved, rejected, withdrawn) or waits for the applicant.
    /// Returns the engine's answer (or the refusal), with the job's step
    /// (``WorkQueue/stepKey(_:_:)``) when the job was found.
    func decide(_ decision: Decision, on board: any DepartmentJobBoard, reporter: Reporter) async -> (
        Result<Decision, Refusal>, String?
    ) {
        let key = decision.key
        let posted: PostedJob?
        do {
            posted = try await board.hold(key: key, worker: decision.worker, for: Self.decisionHold)
        } catch {
            return (.failure(Refusal(key: key, reason: .unavailable(.store(error)))), nil)
        }
        guard let posted, let job = job(from: posted) else {
            return (await recalled(decision), nil)
        }
        let stepKey = WorkQueue.stepKey(job.submission.caseID, job.submission.step)
        if let reason = Self.refusal(
            of: decision.worker, on: job.status, lapsed: posted.lapsed.contains(decision.worker))
        {
            return (.failure(Refusal(key: key, reason: reason)), stepKey)
        }
        let result: Result<Decision, Refusal>
        do throws(EngineError) {
            try await reporter(decision, job.submission)
            result = .success(decision)
        } catch {
            result = .failure(Refusal(key: key, reason: Self.reason(for: error)))
        }
        await settle(key, outcome: decision.outcome, result, on: board)
        return (result, stepKey)
    }

    /// The answer to `decision` on a job that is not on the board: the first answer
    /// when it repeats the decision the case records (taken on another instance, which
    /// remembers it; or before this instance restarted), a refusal when the case records
    /// another; unknown when it records none; unavailable when the case cannot be read.
    func recalled(_ decision: Decision) async -> Result<Decision, Refusal> {
        let key = decision.key
        let recorded: Decision?
        do throws(EngineError) {
            recorded = try await state.withLock({ $0.recall })?(key)
        } catch {
            return .failure(Refusal(key: key, reason: .unavailable(error)))
        }
        guard let first = recorded else { return .failure(Refusal(key: key, reason: .unknownKey)) }
        guard first.repeats(decision) else {
            return .failure(Refusal(key: key, reason: .decidedOtherwise(first.outcome)))
        }
        return .success(first)
    }

    /// Takes the left-over job with `key` off `board`; a store that fails leaves it there
    /// (logged), to be taken off at its next decision.
    func discard(_ key: String, on board: any DepartmentJobBoard) async {
        do {
            try await board.remove(key: key)
        } catch {
            logger.warning(
                "a left-over task could not be taken off the shared work queue",
                metadata: ["task": "\(key)", "error": "\(error)"])
        }
    }

    /// Takes the job off `board` or parks it for the supplement, after the engine's
    /// answer. A store that fails here leaves the row as it was: the engine has the
    /// decision, and the next decision of the job is refused as withdrawn, which takes
    /// the row off.
    func settle(
        _ key: String, outcome: AdapterOutcome, _ result: Result<Decision, Refusal>,
        on board: any DepartmentJobBoard
    )
        async
    {
        do {
            switch (result, outcome) {
            case (.success, .approved), (.success, .rejected):
                try await board.remove(key: key)
            case (.success, .supplementRequested):
                try await board.awaitSupplement(key: key)
            case (.success, .inReview):
                break
            case (.failure(let refusal), _):
                switch refusal.reason {
                case .withdrawn: try await board.remove(key: key)
                case .awaitingSupplement: try await board.awaitSupplement(key: key)
                default: break  // still the worker's: they may try again
                }
            }
        } catch {
            logger.warning(
                "a decided task could not be settled in the shared work queue; its next decision is refused as withdrawn and takes it off",
                metadata: ["task": "\(key)", "error": "\(error)"])
        }
    }
}
