extension WorkQueue {
    /// Claims up to `maxJobs` waiting jobs of `department` for `worker`, oldest first,
    /// each until `lease` from now; they are returned with their claim.
    ///
    /// With none waiting, it waits (long polling) up to `wait` for one to arrive, and
    /// returns as soon as one does (or a lease lapses and returns one to the queue);
    /// with none by then it returns an empty list. A caller whose task is cancelled
    /// while waiting gets an empty list: it claims nothing, and its waiter is gone.
    ///
    /// A lease shorter than a millisecond is taken as one millisecond.
    public func activate(department: String, worker: String, maxJobs: Int, lease: Duration, wait: Duration)
        async -> [Job]
    {
        guard maxJobs > 0 else { return [] }
        let leaseLength = max(1, lease.wholeMilliseconds)
        let deadline = clock.now.adding(milliseconds: max(0, wait.wholeMilliseconds))
        if let board {
            return await activate(
                on: board, department: department, worker: worker, maxJobs: maxJobs, leaseLength: leaseLength,
                deadline: deadline)
        }
        while !Task.isCancelled {
            let now = clock.now
            let (jobs, generation, wake, woken) = state.withLock { state in
                let woken = state.expireLeases(at: now)
                let jobs = state.claim(
                    department, worker: worker, count: maxJobs, until: now.adding(milliseconds: leaseLength))
                let lapse = state.earliestLease(of: department)
                return (
                    jobs, state.generations[department, default: 0], min(deadline, lapse ?? deadline), woken
                )
            }
            for waiter in woken { waiter.resume() }
            if !jobs.isEmpty || now >= deadline { return jobs }
            await waitForWork(of: department, after: generation, until: wake)
        }
        return []
    }

    /// Claims the job with `key` of `department` for `worker`, for `lease` from now: a
    /// worker picks a task from the list rather than taking the oldest (``activate(department:worker:maxJobs:lease:wait:)``).
    /// A job the worker holds already is theirs again with the new lease; a lease that
    /// lapsed by now no longer counts.
    ///
    /// - Throws: ``Refusal`` ``Refusal/Reason/unknownKey`` when `department` has no job
    ///   with `key`, ``Refusal/Reason/claimedByAnother(worker:)`` when another worker
    ///   holds it, ``Refusal/Reason/awaitingSupplement`` while it waits for the applicant,
    ///   ``Refusal/Reason/unavailable(_:)`` when the board's store fails.
    public func claim(key: String, department: String, worker: String, lease: Duration) async throws(Refusal)
        -> Job
    {
        if let board {
            return try await claim(on: board, key: key, department: department, worker: worker, lease: lease)
        }
        let now = clock.now
        let until = now.adding(milliseconds: max(1, lease.wholeMilliseconds))
        let (claimed, woken) = state.withLock { state in
            let woken = state.expireLeases(at: now)
            return (state.claim(key, of: department, worker: worker, until: until), woken)
        }
        for waiter in woken { waiter.resume() }
        return try claimed.get()
    }

    /// Returns when a job of `department` becomes waiting after `generation`, when the
    /// clock reaches `deadline`, or when the task is cancelled.
    func waitForWork(of department: String, after generation: UInt64, until deadline: Timestamp) async {
        let clock = self.clock
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await clock.sleep(until: deadline)
                } catch {}  // cancelled: work arrived, or the caller went away
            }
            group.addTask { await self.signal(of: department, after: generation) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Returns when a job of `department` becomes waiting after `generation` (at once
    /// if one did already), or when the task is cancelled; a cancelled wait leaves no
    /// waiter behind.
    func signal(of department: String, after generation: UInt64) async {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if Task.isCancelled || state.generations[department, default: 0] != generation {
                        return true
                    }
                    state.waiters[id] = Waiter(department: department, continuation: continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume()
        }
    }
}
