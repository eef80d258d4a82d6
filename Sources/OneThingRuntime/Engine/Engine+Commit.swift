/// Writing what the runtime decided, then acting on it.
extension Engine {
    /// Stores the events decided so far (together with those of every caller waiting
    /// meanwhile: group commit), then tells subscribers and performs the effects.
    /// Returns once the events of the cases in `touched` are stored.
    ///
    /// The caller that finds no write under way writes one batch itself; when others
    /// have decided more meanwhile, a task of its own goes on writing, so no caller is
    /// held for longer than its own batch however busy the engine stays (a caller that
    /// wrote until the engine fell idle once waited two seconds for a commit of one
    /// millisecond).
    ///
    /// When the store refuses a batch, none of its events is kept: the batch's cases are
    /// forgotten with everything decided for them since, and reloaded from the store;
    /// the callers whose cases were in it get the store's error.
    func commit(_ touched: Set<CaseID>) async throws(EngineError) {
        if writing {
            // The writer in progress takes these events in its next batch.
            do {
                try await withCheckedThrowingContinuation {
                    (continuation: CheckedContinuation<Void, any Error>) in
                    waiters.append(Waiter(cases: touched, continuation: continuation))
                }
            } catch let error as EngineError {
                throw error
            } catch {
                throw .store(StoreError(.unavailable, "\(error)"))
            }
            return
        }
        writing = true
        let failure = await writeBatch(failingFor: touched)
        if hasWorkToWrite {
            // The store's writer is the engine's bottleneck: once a batch is stored, the
            // writing task goes back onto the actor before the department answers queued
            // there meanwhile (an actor runs its jobs by priority), so the next batch
            // starts without waiting for them (6 % more cases a second on SQLite).
            Task(priority: .high) { await self.writeUntilIdle() }
        } else {
            writing = false
        }
        if let failure { throw failure }
    }

    /// Whether events, effects or waiting callers are left for the next batch.
    var hasWorkToWrite: Bool {
        !waiters.isEmpty || !runtime.outbox.isEmpty || !runtime.effects.isEmpty
    }

    /// Writes batches while there is work, then gives up the writer's role.
    func writeUntilIdle() async {
        while hasWorkToWrite { _ = await writeBatch(failingFor: []) }
        writing = false
    }

    /// Writes one batch: the events decided so far, then tells the subscribers,
    /// performs the effects and releases the callers who were waiting for it. Returns
    /// the store's refusal when it refused a batch holding one of the cases in `touched`.
    func writeBatch(failingFor touched: Set<CaseID>) async -> EngineError? {
        let batch = runtime.takeOutbox()
        let effects = runtime.takeEffects()
        let released = waiters
        waiters.removeAll()
        var refused: StoreError?
        if !batch.isEmpty {
            do {
                try await store.append(batch)
            } catch {
                refused = error
            }
        }
        guard let refused else {
            if !batch.isEmpty { publish(batch) }
            if configuration.evictsClosedCases {
                for event in batch {
                    if case .delivered = event.kind { runtime.evict(event.caseID) }
                }
            }
            perform(effects)
            for waiter in released { waiter.continuation.resume() }
            return nil
        }
        let failed = Set(batch.map(\.caseID))
        logger.error(
            "the store refused \(batch.count) events; their cases are reloaded from the store",
            metadata: ["cases": "\(failed.sorted().joined(separator: ","))", "error": "\(refused)"])
        runtime.forget(failed)
        perform(effects.filter { !failed.contains($0.submission.caseID) })
        // Callers who decided about these cases while the batch was being written wait for
        // the next one; but their events went with the forgotten cases, so they fail too,
        // never released by a batch that no longer holds what they decided.
        let stranded = waiters.filter { !$0.cases.isDisjoint(with: failed) }
        waiters.removeAll { !$0.cases.isDisjoint(with: failed) }
        for waiter in released + stranded {
            if waiter.cases.isDisjoint(with: failed) {
                waiter.continuation.resume()
            } else {
                waiter.continuation.resume(throwing: EngineError.store(refused))
            }
        }
        await reload(failed)
        return touched.isDisjoint(with: failed) ? nil : .store(refused)
    }

    /// Hands stored events to the subscribers; one that has fallen too far behind is dropped.
    func publish(_ batch: [CaseEvent]) {
        guard !subscribers.isEmpty else { return }
        let acknowledgements = batch.map(Acknowledgement.init(event:))
        for (key, subscriber) in subscribers {
            if case .dropped = subscriber.continuation.yield(acknowledgements) {
                subscriber.continuation.finish(
                    throwing: EngineError.subscriberTooSlow(buffered: subscriber.limit))
                subscribers[key] = nil
                logger.warning(
                    "a slow subscriber was dropped", metadata: ["buffered commits": "\(subscriber.limit)"])
            }
        }
    }

    /// Starts the adapter calls of one commit's effects, off the engine's actor: the
    /// submissions to a department whose adapter takes batches in one call
    /// (``DepartmentAdapter/submit(batch:)``), every other call on its own. Outcomes
    /// and failures come back to the engine.
    func perform(_ effects: [CaseRuntime.Effect]) {
        var positions: [String: Int] = [:]
        var batches: [(adapter: any DepartmentAdapter, submissions: [Submission])] = []
        for effect in effects {
            let adapter = adapters.adapter(for: effect.submission.department)
            guard case .submit(let submission) = effect, adapter.submitsInBatches else {
                perform(single: effect, on: adapter)
                continue
            }
            if let position = positions[submission.department] {
                batches[position].submissions.append(submission)
            } else {
                positions[submission.department] = batches.count
                batches.append((adapter, [submission]))
            }
        }
        for (adapter, batch) in batches {
            calls.start { [weak self] in
                let failures = await adapter.submit(batch: batch)
                if !failures.isEmpty { await self?.submissionsFailed(failures) }
            }
        }
    }

    /// Starts one adapter call as a task of its own.
    func perform(single effect: CaseRuntime.Effect, on adapter: any DepartmentAdapter) {
        let submission = effect.submission
        calls.start { [weak self] in
            switch effect {
            case .submit:
                do throws(AdapterError) {
                    try await adapter.submit(submission)
                } catch {
                    await self?.submissionsFailed([submission.key: error])
                }
            case .cancel:
                do {
                    try await adapter.cancel(submission)
                } catch {
                    await self?.log(error, doing: "withdrawing", submission)
                }
            case .poll:
                do {
                    if let outcome = try await adapter.poll(submission) {
                        try await self?.report(outcome, for: submission.key)
                    }
                } catch {
                    await self?.log(error, doing: "polling", submission)
                }
            }
        }
    }

    /// Records the submissions that failed (by key, with why), each to be tried again.
    ///
    /// A failure must reach the store, or its step would wait for an answer that never
    /// comes: a case the engine does not hold now (let go to another instance, or being
    /// reloaded) is loaded first, and a commit that meets another writer, or a store
    /// that is unavailable, is tried again (``failureAttempts`` times in all) on the
    /// case as reloaded. A step whose failure is recorded meanwhile is left as it is.
    func submissionsFailed(_ failures: [String: AdapterError]) async {
        let ordered = failures.sorted { $0.key < $1.key }
        var attempt = 1
        while true {
            var touched = Set<CaseID>()
            for (key, error) in ordered {
                guard let caseID = Submission.parse(key: key)?.caseID else { continue }
                do {
                    try await load(caseID)
                } catch {
                    log(error, doing: "loading the case to record the failure of", key: key)
                    continue
                }
                runtime.submissionFailed(key, reason: error.reason, at: clock.now)
                touched.insert(caseID)
            }
            do {
                try await commit(touched)
                break
            } catch {
                guard error.isTransient, attempt < Self.failureAttempts else {
                    log(
                        error, doing: "recording failed submissions of",
                        key: touched.sorted().joined(separator: ","))
                    break
                }
                attempt += 1
            }
        }
        doorbell.ring()
    }

    /// How many times the failures of submissions are written at most.
    static let failureAttempts = 5

    func log(_ error: any Error, doing what: String, _ submission: Submission) {
        log(error, doing: what, key: submission.key)
    }

    func log(_ error: any Error, doing what: String, key: String) {
        logger.warning("\(what) a submission failed", metadata: ["key": "\(key)", "error": "\(error)"])
    }

    /// Waits until every adapter call started so far has returned.
    public func waitForAdapters() async { await calls.waitForAll() }
}
