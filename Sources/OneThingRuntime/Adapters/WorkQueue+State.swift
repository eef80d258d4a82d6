extension WorkQueue {
    /// A job with what the queue knows about it besides.
    struct Entry {
        var job: Job
        /// The order it entered the queue in, for jobs sent at the same moment.
        var order: UInt64
        /// Workers whose lease on it ran out.
        var expired: Set<String> = []
        /// The last outcome reported while the job stays (in review, a supplement
        /// requested), for answering a repeat.
        var report: Decision?
        /// A decision on its way to the engine.
        var deciding: Deciding?
    }

    /// A decision on its way to the engine; a repeat of it waits for the same answer.
    struct Deciding {
        var decision: Decision
        var task: Task<Result<Decision, Refusal>, Never>
    }

    /// What became of a key that left the queue.
    enum Finished {
        case decided(Decision)
        case withdrawn
    }

    /// A place in a department's queue of waiting jobs.
    struct Slot: Comparable {
        var queuedAt: Timestamp
        var order: UInt64
        var key: String

        static func < (lhs: Slot, rhs: Slot) -> Bool { (lhs.queuedAt, lhs.order) < (rhs.queuedAt, rhs.order) }
    }

    /// The last outcome reported through this instance on a job of a board that stays
    /// there (in review, a supplement requested), for answering a repeat.
    struct BoardReport {
        var decision: Decision
        /// The job's step, by ``WorkQueue/stepKey(_:_:)``: a supplement forgets the report.
        var stepKey: String
    }

    /// A long poll waiting for work of a department.
    struct Waiter {
        var department: String
        var continuation: CheckedContinuation<Void, Never>
    }

    /// Everything the queue holds, behind its lock. Operations return the long polls to
    /// wake, which the caller resumes once the lock is released.
    struct State {
        /// The jobs by key.
        var entries: [String: Entry] = [:]
        /// The keys of each department's jobs.
        var byDepartment: [String: Set<String>] = [:]
        /// The key of each step's job, by ``WorkQueue/stepKey(_:_:)``.
        var steps: [String: String] = [:]
        /// Each department's waiting jobs, oldest first.
        var waiting: [String: [Slot]] = [:]
        /// The lease end of each claimed job.
        var leases: [String: Timestamp] = [:]
        /// The earliest lease end, when any job is claimed.
        var earliestLease: Timestamp?
        /// Keys that left the queue, with when.
        var finished: [String: (what: Finished, at: Timestamp)] = [:]
        /// The keys of ``finished`` in the order they left, for forgetting them.
        var finishedLog: [(key: String, at: Timestamp)] = []
        var finishedHead = 0
        /// Each department's count of jobs that became waiting, so a long poll knows
        /// whether it missed one.
        var generations: [String: UInt64] = [:]
        var waiters: [UInt64: Waiter] = [:]
        var nextOrder: UInt64 = 0
        var nextWaiter: UInt64 = 0
        var reporter: Reporter?
        /// What the cases record of decisions taken elsewhere (``WorkQueue/Recall``).
        var recall: Recall?
        /// On a board: the decisions on their way to the engine through this instance.
        var boardDeciding: [String: Deciding] = [:]
        /// On a board: the reports kept for repeats, by key.
        var boardReports: [String: BoardReport] = [:]
        /// On a board: the task that follows its notices (``WorkQueue/listen()``).
        var listener: Task<Void, Never>?
        /// On a board: whether its notices are listened to.
        var listening = false

        /// Queues `submission` unless the queue holds its key or it left already; a
        /// newer attempt of the same step replaces an older one.
        mutating func add(_ submission: Submission, at now: Timestamp, memory: Duration)
            -> [CheckedContinuation<Void, Never>]
        {
            forget(before: now.adding(milliseconds: -memory.wholeMilliseconds))
            let key = submission.key
            guard entries[key] == nil, finished[key] == nil else { return [] }
            let stepKey = WorkQueue.stepKey(submission.caseID, submission.step)
            if let older = steps[stepKey], let held = entries[older] {
                guard held.job.submission.attempt < submission.attempt else { return [] }
                remove(older)
                remember(older, .withdrawn, at: now, for: memory)
            }
            nextOrder += 1
            let entry = Entry(
                job: Job(submission: submission, queuedAt: submission.sentAt ?? now, status: .waiting),
                order: nextOrder)
            entries[key] = entry
            byDepartment[submission.department, default: []].insert(key)
            steps[stepKey] = key
            return makeWaiting(entry)
        }

        /// Puts `entry`'s job among its department's waiting jobs, in its place, and
        /// wakes the department's long polls.
        mutating func makeWaiting(_ entry: Entry) -> [CheckedContinuation<Void, Never>] {
            let department = entry.job.department
            let slot = Slot(queuedAt: entry.job.queuedAt, order: entry.order, key: entry.job.key)
            var queue = waiting[department] ?? []
            queue.insert(slot, at: queue.partitionIndex { $0 < slot })
            waiting[department] = queue
            return wake(department)
        }

        /// Counts a job of `department` that became waiting and wakes the department's
        /// long polls.
        mutating func wake(_ department: String) -> [CheckedContinuation<Void, Never>] {
            generations[department, default: 0] += 1
            let woken = waiters.filter { $0.value.department == department }
            for id in woken.keys { waiters[id] = nil }
            return woken.values.map(\.continuation)
        }

        /// Wakes every long poll, to look for work again (a board's notices may have
        /// been missed).
        mutating func wakeAll() -> [CheckedContinuation<Void, Never>] {
            Set(waiters.values.map(\.department)).union(generations.keys).flatMap { wake($0) }
        }

        /// Removes the job with `key`, wherever it stands.
        mutating func remove(_ key: String) {
            guard let entry = entries.removeValue(forKey: key) else { return }
            let department = entry.job.department
            byDepartment[department]?.remove(key)
            let stepKey = WorkQueue.stepKey(entry.job.submission.caseID, entry.job.submission.step)
            if steps[stepKey] == key { steps[stepKey] = nil }
            leases[key] = nil
            if entry.job.status == .waiting { unqueue(entry, key: key) }
        }

        /// Takes `entry` (waiting) out of its department's queue of waiting jobs.
        mutating func unqueue(_ entry: Entry, key: String) {
            let department = entry.job.department
            guard var queue = waiting[department] else { return }
            let slot = Slot(queuedAt: entry.job.queuedAt, order: entry.order, key: key)
            let index = queue.partitionIndex { $0 < slot }
            if index < queue.count, queue[index] == slot { queue.remove(at: index) }
            waiting[department] = queue
        }

        /// Claims up to `count` of `department`'s waiting jobs, oldest first, for
        /// `worker` until `until`.
        mutating func claim(_ department: String, worker: String, count: Int, until: Timestamp) -> [Job] {
            guard var queue = waiting[department], !queue.isEmpty else { return [] }
            let taken = queue.prefix(count)
            queue.removeFirst(taken.count)
            waiting[department] = queue
            return taken.compactMap { hold($0.key, for: worker, until: until) }
        }

        /// Claims the job with `key` of `department` for `worker` until `until`, whatever
        /// its place in the queue: a job the worker holds already is theirs again, with
        /// the new lease.
        mutating func claim(_ key: String, of department: String, worker: String, until: Timestamp)
            -> Swift.Result<Job, Refusal>
        {
            func refuse(_ reason: Refusal.Reason) -> Swift.Result<Job, Refusal> {
                .failure(Refusal(key: key, reason: reason))
            }
            guard let entry = entries[key], entry.job.department == department else {
                return refuse(.unknownKey)
            }
            switch entry.job.status {
            case .waiting:
                unqueue(entry, key: key)
            case .claimed(let holder, _) where holder != worker:
                return refuse(.claimedByAnother(worker: holder))
            case .claimed:
                break
            case .awaitingSupplement:
                return refuse(.awaitingSupplement)
            }
            guard let job = hold(key, for: worker, until: until) else { return refuse(.unknownKey) }
            return .success(job)
        }

        /// Marks the job with `key` claimed by `worker` until `until` (it is out of the
        /// waiting queue already), with its lease.
        mutating func hold(_ key: String, for worker: String, until: Timestamp) -> Job? {
            guard var entry = entries[key] else { return nil }
            entry.job.status = .claimed(worker: worker, until: until)
            entry.expired.remove(worker)
            entries[key] = entry
            leases[key] = until
            earliestLease = min(earliestLease ?? until, until)
            return entry.job
        }

        /// Returns to the queue every claimed job whose lease ended by `now` (not one
        /// whose decision is on its way to the engine).
        mutating func expireLeases(at now: Timestamp) -> [CheckedContinuation<Void, Never>] {
            guard let earliest = earliestLease, earliest <= now else { return [] }
            var woken: [CheckedContinuation<Void, Never>] = []
            for (key, until) in leases where until <= now {
                guard var entry = entries[key], entry.deciding == nil,
                    case .claimed(let worker, _) = entry.job.status
                else { continue }
                leases[key] = nil
                entry.job.status = .waiting
                entry.expired.insert(worker)
                entries[key] = entry
                woken += makeWaiting(entry)
            }
            earliestLease = leases.values.min()
            return woken
        }

        /// The earliest lease end among `department`'s claimed jobs.
        func earliestLease(of department: String) -> Timestamp? {
            leases.filter { entries[$0.key]?.job.department == department }.values.min()
        }

        /// Remembers what became of `key` for `memory`.
        mutating func remember(_ key: String, _ what: Finished, at now: Timestamp, for memory: Duration) {
            forget(before: now.adding(milliseconds: -memory.wholeMilliseconds))
            finished[key] = (what, now)
            finishedLog.append((key, now))
        }

        /// Forgets the keys that left the queue before `moment`.
        mutating func forget(before moment: Timestamp) {
            while finishedHead < finishedLog.count, finishedLog[finishedHead].at < moment {
                let (key, at) = finishedLog[finishedHead]
                // A key remembered again later stays until its later entry is forgotten.
                if finished[key]?.at == at { finished[key] = nil }
                finishedHead += 1
            }
            if finishedHead > 1024, finishedHead * 2 > finishedLog.count {
                finishedLog.removeFirst(finishedHead)
                finishedHead = 0
            }
        }
    }
}

extension Array {
    /// The index of the first element for which `belongs` is false, in an array where
    /// every element for which it is true comes first.
    func partitionIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
