import OneThingRuntime
import OneThingTestSupport
import Synchronization
import Testing

/// The work queue on its own, on a virtual clock: activation order, long polls, leases,
/// idempotent decisions and every refusal, withdrawal, and many workers at once.
struct WorkQueueTests {
    static let start = RuntimeFixtures.at("2026-12-03 09:00")
    static let fire = "fire-rescue"

    /// A stand-in for the engine: records the decisions reported, answers with
    /// `failure` when set, and holds each report until `gate` opens when it is closed.
    final class Reporter: Sendable {
        let reports = Mutex<[(AdapterOutcome, String)]>([])
        let decisions = Mutex<[WorkQueue.Decision]>([])
        let failure = Mutex<EngineError?>(nil)
        let gate = Gate(open: true)

        var count: Int { reports.withLock { $0.count } }

        func report(_ decision: WorkQueue.Decision, _ submission: Submission) async throws(EngineError) {
            await gate.pass()
            if let failure = failure.withLock({ $0 }) { throw failure }
            reports.withLock { $0.append((decision.outcome, submission.key)) }
            decisions.withLock { $0.append(decision) }
        }
    }

    /// A gate reports wait at while it is closed.
    final class Gate: Sendable {
        let state: Mutex<(open: Bool, waiting: [CheckedContinuation<Void, Never>])>

        init(open: Bool) {
            self.state = Mutex((open, []))
        }

        func pass() async {
            await withCheckedContinuation { continuation in
                let now = state.withLock { state -> Bool in
                    if state.open { return true }
                    state.waiting.append(continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        }

        func close() { state.withLock { $0.open = false } }

        var waiting: Int { state.withLock { $0.waiting.count } }

        func open() {
            let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.open = true
                defer { state.waiting.removeAll() }
                return state.waiting
            }
            for continuation in waiting { continuation.resume() }
        }
    }

    let clock = VirtualClock(start: Self.start)
    let queue: WorkQueue
    let reporter = Reporter()
    let blueprint: CaseBlueprint

    init() throws {
        queue = WorkQueue(clock: clock)
        blueprint = try RuntimeFixtures.restaurantBlueprint()
        queue.connect {
            [reporter] (decision: WorkQueue.Decision, submission: Submission) async throws(EngineError) in
            try await reporter.report(decision, submission)
        }
    }

    /// Step `step` of case number `number`, sent to `department` `minutes` after the start.
    func submission(_ number: Int, step: Int = 0, department: String = Self.fire, minutes: Int64 = 0)
        -> Submission
    {
        var submission = Submission(
            caseID: "C20261203-\(number)", step: step, of: blueprint, attempt: 1,
            due: Self.start.adding(milliseconds: 10 * Timestamp.millisecondsPerDay))
        submission.department = department
        submission.sentAt = Self.start.adding(milliseconds: minutes * Timestamp.millisecondsPerMinute)
        return submission
    }

    /// Activates at once (no waiting) for `worker`.
    func activate(_ worker: String, max: Int = 10, lease: Duration = .seconds(60)) async -> [WorkQueue.Job] {
        await queue.activate(department: Self.fire, worker: worker, maxJobs: max, lease: lease, wait: .zero)
    }

    /// A long poll of `worker` for up to `max` jobs, waiting up to `wait`, started and
    /// seen waiting.
    func longPoll(_ worker: String, max: Int = 5, wait: Duration = .seconds(30)) async throws
        -> Task<[WorkQueue.Job], Never>
    {
        let waiting = queue.waitingWorkers
        let poll = Task { [queue] in
            await queue.activate(
                department: Self.fire, worker: worker, maxJobs: max, lease: .seconds(60), wait: wait)
        }
        try await eventually { queue.waitingWorkers == waiting + 1 }
        return poll
    }

    /// The reason `worker`'s decision on `key` is refused, or `nil` when it is taken.
    func refusal(
        _ key: String, by worker: String, _ outcome: AdapterOutcome = .approved,
        outputs: [String: String] = [:]
    ) async -> WorkQueue.Refusal? {
        do {
            try await queue.complete(key: key, worker: worker, outcome: outcome, outputs: outputs)
            return nil
        } catch {
            #expect(!error.text.en.isEmpty && !error.text.zh.isEmpty && error.text.en != error.text.zh)
            return error
        }
    }

    /// Waits (in real time, briefly) until `condition` holds.
    func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<5_000 {
            if condition() { break }
            try await Task.sleep(for: .milliseconds(1))
        }
        #expect(condition())
    }

    // MARK: Activation

    @Test func jobsAreActivatedOldestFirstAndEachOnce() async throws {
        for (number, minutes) in [(1, 30), (2, 10), (3, 20), (4, 40)] {
            try await queue.submit(submission(number, minutes: Int64(minutes)))
        }
        try await queue.submit(submission(5, department: "tobacco"))
        try await queue.submit(submission(2, minutes: 10))  // the same key again: one job
        let first = await activate("fire-system", max: 2)
        #expect(first.map(\.submission.caseID) == ["C20261203-2", "C20261203-3"])
        #expect(
            first.allSatisfy {
                $0.status == .claimed(worker: "fire-system", until: Self.start.adding(milliseconds: 60_000))
            })
        let rest = await activate("fire-officer")
        #expect(rest.map(\.submission.caseID) == ["C20261203-1", "C20261203-4"])
        #expect(await activate("fire-officer").isEmpty)
        #expect(try await queue.jobs(department: "tobacco").map(\.status) == [.waiting])
        #expect(
            try await queue.jobs(department: Self.fire).map(\.submission.caseID) == [
                "C20261203-2", "C20261203-3", "C20261203-1", "C20261203-4",
            ])
        #expect(
            await queue.activate(
                department: Self.fire, worker: "x", maxJobs: 0, lease: .seconds(1), wait: .zero
            ).isEmpty)
    }

    /// The reason claiming `key` for `worker` is refused, or `nil` when it is claimed.
    func claimRefusal(_ key: String, by worker: String, department: String = Self.fire) async -> String? {
        do {
            _ = try await queue.claim(key: key, department: department, worker: worker, lease: .seconds(60))
            return nil
        } catch {
            return "\(error.reason)"
        }
    }

    @Test func aChosenJobIsClaimedOutOfTurnAndTheRestKeepTheirOrder() async throws {
        for number in 1...3 { try await queue.submit(submission(number, minutes: Int64(number))) }
        let chosen = submission(3).key
        let job = try await queue.claim(
            key: chosen, department: Self.fire, worker: "fire-officer", lease: .seconds(60))
        #expect(
            job.status == .claimed(worker: "fire-officer", until: Self.start.adding(milliseconds: 60_000)))
        // The oldest are still given out first, without the chosen one.
        #expect(await activate("fire-system").map(\.submission.caseID) == ["C20261203-1", "C20261203-2"])
        // Another worker cannot take it; its holder claims it again with a new lease.
        #expect(await claimRefusal(chosen, by: "fire-system") == "claimedByAnother(worker: \"fire-officer\")")
        clock.advance(to: Self.start.adding(milliseconds: 30_000))
        #expect(await claimRefusal(chosen, by: "fire-officer") == nil)
        #expect(
            try await queue.job(key: chosen)?.status
                == .claimed(worker: "fire-officer", until: clock.now.adding(milliseconds: 60_000)))
        // The holder decides it as any claimed job.
        #expect(await refusal(chosen, by: "fire-officer") == nil)
    }

    @Test func claimingAChosenJobIsRefusedWithTheReason() async throws {
        try await queue.submit(submission(1))
        let key = submission(1).key
        // Unknown keys, and another department's job, are the same: no such task here.
        #expect(await claimRefusal("C1/x/1", by: "w") == "unknownKey")
        #expect(await claimRefusal(key, by: "w", department: "tobacco") == "unknownKey")
        #expect(try await queue.job(key: key)?.status == .waiting)
        // A job waiting for the applicant's supplement cannot be claimed.
        _ = try await queue.claim(key: key, department: Self.fire, worker: "worker-a", lease: .seconds(60))
        _ = try await queue.complete(
            key: key, worker: "worker-a", outcome: .supplementRequested(note: "请补充场所平面图"))
        #expect(await claimRefusal(key, by: "worker-b") == "awaitingSupplement")
    }

    @Test func aLapsedLeaseNoLongerHoldsAChosenJob() async throws {
        try await queue.submit(submission(1))
        let key = submission(1).key
        _ = try await queue.claim(key: key, department: Self.fire, worker: "worker-a", lease: .seconds(60))
        #expect(await claimRefusal(key, by: "worker-b") != nil)
        clock.advance(to: Self.start.adding(milliseconds: 60_000))
        #expect(await claimRefusal(key, by: "worker-b") == nil)
        #expect(
            await refusal(key, by: "worker-a").map { "\($0.reason)" }
                == "leaseExpired")
    }

    @Test func aLongPollIsWokenByASubmissionWithoutTheClockMoving() async throws {
        let poll = try await longPoll("fire-system")
        try await queue.submit(submission(1, department: "tobacco"))  // another department's: no wake
        try await queue.submit(submission(2))
        let jobs = await poll.value
        #expect(jobs.map(\.submission.caseID) == ["C20261203-2"])
        #expect(clock.now == Self.start)
        #expect(queue.waitingWorkers == 0)
    }

    @Test func aLongPollWithNothingArrivingEndsEmptyAtItsWait() async throws {
        let poll = try await longPoll("fire-system")
        clock.advance(to: Self.start.adding(milliseconds: 29_999))
        try await eventually { queue.waitingWorkers == 1 }
        clock.advance(to: Self.start.adding(milliseconds: 30_000))
        #expect(await poll.value.isEmpty)
        #expect(queue.waitingWorkers == 0)
    }

    @Test func aLongPollWhoseCallerGoesAwayClaimsNothingAndLeavesNoWaiter() async throws {
        let poll = try await longPoll("gone")
        poll.cancel()
        #expect(await poll.value.isEmpty)
        #expect(queue.waitingWorkers == 0)
        try await queue.submit(submission(1))
        #expect(try await queue.jobs(department: Self.fire).map(\.status) == [.waiting])
        #expect(await activate("fire-system").count == 1)
    }

    // MARK: Leases

    @Test func anExpiredLeaseReturnsTheJobAndTheOldWorkersDecisionIsRefused() async throws {
        try await queue.submit(submission(1))
        let claimed = await activate("worker-a", lease: .seconds(60))
        let key = try #require(claimed.first?.key)
        #expect(await activate("worker-b").isEmpty)
        clock.advance(to: Self.start.adding(milliseconds: 59_999))
        #expect(
            try await queue.job(key: key)?.status
                == .claimed(worker: "worker-a", until: Self.start.adding(milliseconds: 60_000)))
        clock.advance(to: Self.start.adding(milliseconds: 60_000))
        #expect(try await queue.jobs(department: Self.fire).map(\.status) == [.waiting])
        #expect(await refusal(key, by: "worker-a").map { "\($0.reason)" } == "leaseExpired")
        let again = await activate("worker-b", lease: .seconds(120))
        #expect(again.map(\.key) == [key])
        #expect(
            try await queue.jobs(department: Self.fire).map(\.status) == [
                .claimed(worker: "worker-b", until: Self.start.adding(milliseconds: 180_000))
            ])
        #expect(await refusal(key, by: "worker-a").map { "\($0.reason)" } == "leaseExpired")
        #expect(await refusal(key, by: "worker-b") == nil)
        #expect(reporter.count == 1)
    }

    @Test func aLeaseThatLapsesWakesALongPollOfAnotherWorker() async throws {
        try await queue.submit(submission(1))
        #expect(await activate("worker-a", lease: .seconds(60)).count == 1)
        let poll = try await longPoll("worker-b", max: 1, wait: .seconds(300))
        clock.advance(to: Self.start.adding(milliseconds: 60_000))
        let jobs = await poll.value
        #expect(
            jobs.map(\.status) == [
                .claimed(worker: "worker-b", until: Self.start.adding(milliseconds: 120_000))
            ])
    }

    // MARK: Decisions

    @Test func theSameDecisionTwiceGetsTheFirstAnswerAndReportsOnce() async throws {
        try await queue.submit(submission(1))
        let key = try #require(await activate("worker-a").first?.key)
        let first = try await queue.complete(key: key, worker: "worker-a", outcome: .approved)
        clock.advance(to: Self.start.adding(milliseconds: 5_000))
        let second = try await queue.complete(key: key, worker: "worker-a", outcome: .approved)
        #expect(first == second)
        #expect(first.decidedAt == Self.start)
        #expect(reporter.count == 1)
        #expect(try await queue.jobs(department: Self.fire).isEmpty)
        guard
            case .decidedOtherwise(.approved)? = await refusal(
                key, by: "worker-a", .rejected(reason: "不符合条件"))?.reason
        else { return #expect(Bool(false), "another outcome of a decided key was taken") }
        guard case .decidedOtherwise(.approved)? = await refusal(key, by: "worker-b")?.reason else {
            return #expect(Bool(false), "another worker's decision of a decided key was taken")
        }
    }

    @Test func anApprovalCarriesItsOutputsAndWhoDecidedToTheReporter() async throws {
        try await queue.submit(submission(1))
        try await queue.submit(submission(2))
        let keys = await activate("officer-li").map(\.key)
        try #require(keys.count == 2)
        let licence = ["food-business-license": "JY14401050001234"]
        #expect(
            await refusal(keys[0], by: "officer-li", .rejected(reason: "不符合条件"), outputs: licence)
                .map { "\($0.reason)" } == "outputsWithoutApproval")
        let first = try await queue.complete(
            key: keys[0], worker: "officer-li", outcome: .approved, outputs: licence)
        #expect(first.worker == "officer-li" && first.outputs == licence)
        #expect(reporter.decisions.withLock { $0 } == [first])
        #expect(queue.decision(key: keys[0]) == first)
        // The same outputs again: the first answer; other outputs: decided otherwise.
        #expect(
            try await queue.complete(key: keys[0], worker: "officer-li", outcome: .approved, outputs: licence)
                == first)
        guard
            case .decidedOtherwise(.approved)? = await refusal(
                keys[0], by: "officer-li", outputs: ["food-business-license": "JY0"])?.reason
        else { return #expect(Bool(false), "an approval with other outputs was taken as a repeat") }
        // A rejection is recorded with who made it and why.
        let rejection = try await queue.complete(
            key: keys[1], worker: "officer-li", outcome: .rejected(reason: "场所面积不足"))
        #expect(queue.decision(key: keys[1])?.worker == "officer-li")
        #expect(rejection.outcome == .rejected(reason: "场所面积不足") && rejection.outputs.isEmpty)
        #expect(reporter.count == 2)
    }

    @Test func aRepeatWhileTheFirstDecisionIsOnItsWayWaitsForTheSameAnswer() async throws {
        try await queue.submit(submission(1))
        let key = try #require(await activate("worker-a").first?.key)
        reporter.gate.close()
        let first = Task { try await queue.complete(key: key, worker: "worker-a", outcome: .approved) }
        try await eventually { reporter.gate.waiting == 1 }
        let repeated = Task { try await queue.complete(key: key, worker: "worker-a", outcome: .approved) }
        guard case .decidedOtherwise(.approved)? = await refusal(key, by: "worker-a", .inReview)?.reason
        else {
            return #expect(Bool(false), "a second outcome was taken while the first was on its way")
        }
        reporter.gate.open()
        #expect(try await first.value == repeated.value)
        #expect(reporter.count == 1)
    }

    @Test func everyRefusalHasItsReason() async throws {
        #expect(await refusal("C1/x/1", by: "w").map { "\($0.reason)" } == "unknownKey")
        try await queue.submit(submission(1))
        let key = submission(1).key
        #expect(await refusal(key, by: "worker-a").map { "\($0.reason)" } == "notClaimed")
        _ = await activate("worker-a")
        guard case .claimedByAnother(worker: "worker-a")? = await refusal(key, by: "worker-b")?.reason else {
            return #expect(Bool(false), "another worker decided a claimed job")
        }
        // Refusals the engine gives: the job stays the worker's.
        reporter.failure.withLock { $0 = .reasonRequired }
        let noReason = await refusal(key, by: "worker-a", .rejected(reason: " "))
        #expect(noReason.map { "\($0.reason)" } == "reasonRequired")
        #expect(noReason?.httpStatus == 422)
        reporter.failure.withLock { $0 = .store(StoreError(.unavailable, "the database is locked (test)")) }
        let unavailable = await refusal(key, by: "worker-a")
        guard case .unavailable(.store)? = unavailable?.reason else {
            return #expect(Bool(false), "a store failure was not refused as unavailable")
        }
        #expect(unavailable?.httpStatus == 503)
        reporter.failure.withLock { $0 = nil }
        #expect(await refusal(key, by: "worker-a") == nil)
        // Not connected to an engine.
        let unconnected = WorkQueue(clock: clock)
        try await unconnected.submit(submission(2))
        let other = try #require(
            await unconnected.activate(
                department: Self.fire, worker: "w", maxJobs: 1, lease: .seconds(9), wait: .zero
            ).first)
        do {
            try await unconnected.complete(key: other.key, worker: "w", outcome: .approved)
            Issue.record("an unconnected queue took a decision")
        } catch {
            #expect("\(error.reason)" == "notConnected")
        }
    }

    @Test func refusalsMapToHTTPStatuses() {
        let statuses: [(WorkQueue.Refusal.Reason, Int)] = [
            (.unknownKey, 404), (.notClaimed, 409), (.claimedByAnother(worker: "w"), 409),
            (.leaseExpired, 409),
            (.withdrawn, 409), (.decidedOtherwise(.approved), 409), (.awaitingSupplement, 409),
            (.reasonRequired, 422), (.outputsWithoutApproval, 422), (.notConnected, 503),
            (.unavailable(.shuttingDown), 503),
        ]
        for (reason, status) in statuses {
            #expect(WorkQueue.Refusal(key: "k", reason: reason).httpStatus == status, "\(reason)")
        }
    }

    // MARK: Withdrawal and supplements

    @Test func aClaimedJobThatIsWithdrawnIsRefusedAsWithdrawn() async throws {
        try await queue.submit(submission(1))
        try await queue.submit(submission(2))
        let jobs = await activate("worker-a")
        try await queue.cancel(jobs[0].submission)
        try await queue.cancel(jobs[1].submission)
        #expect(await refusal(jobs[0].key, by: "worker-a").map { "\($0.reason)" } == "withdrawn")
        #expect(try await queue.jobs(department: Self.fire).isEmpty)
        // A waiting job that is withdrawn leaves the queue; a submission that arrives
        // after its withdrawal (the two calls raced) is not queued.
        try await queue.submit(submission(3))
        try await queue.cancel(submission(3))
        try await queue.cancel(submission(4))
        try await queue.submit(submission(4))
        #expect(await activate("worker-a").isEmpty)
        #expect(reporter.count == 0)
    }

    @Test func theEnginesWordThatAStepEndedIsAWithdrawal() async throws {
        try await queue.submit(submission(1))
        let key = try #require(await activate("worker-a").first?.key)
        reporter.failure.withLock { $0 = .stepNotWaiting("C20261203-1", step: "x", status: .cancelled) }
        #expect(await refusal(key, by: "worker-a").map { "\($0.reason)" } == "withdrawn")
        #expect(try await queue.job(key: key) == nil)
        #expect(await refusal(key, by: "worker-a").map { "\($0.reason)" } == "withdrawn")
    }

    @Test func aSupplementRequestParksTheJobUntilTheSupplementArrives() async throws {
        try await queue.submit(submission(1))
        let key = try #require(await activate("worker-a").first?.key)
        let request = AdapterOutcome.supplementRequested(note: "请补充场所平面图")
        let asked = try await queue.complete(key: key, worker: "worker-a", outcome: request)
        #expect(try await queue.job(key: key)?.status == .awaitingSupplement)
        #expect(try await queue.complete(key: key, worker: "worker-a", outcome: request) == asked)
        #expect(await refusal(key, by: "worker-b").map { "\($0.reason)" } == "awaitingSupplement")
        #expect(await activate("worker-b").isEmpty)
        try await queue.supplementSupplied(case: "C20261203-1", step: submission(1).step)
        let again = await activate("worker-b")
        #expect(again.map(\.key) == [key])
        #expect(await refusal(key, by: "worker-b") == nil)
        #expect(reporter.reports.withLock { $0.map(\.0) } == [request, .approved])
    }

    @Test func inReviewIsReportedAndTheJobStaysWithItsWorker() async throws {
        try await queue.submit(submission(1))
        let key = try #require(await activate("worker-a").first?.key)
        #expect(await refusal(key, by: "worker-a", .inReview) == nil)
        #expect(await refusal(key, by: "worker-a", .inReview) == nil)
        #expect(reporter.count == 1)
        #expect(
            try await queue.job(key: key)?.status
                == .claimed(worker: "worker-a", until: Self.start.adding(milliseconds: 60_000)))
        #expect(await refusal(key, by: "worker-a") == nil)
    }

    @Test func aNewerAttemptOfAStepReplacesTheOlderAndAPollDoesNotDuplicate() async throws {
        var first = submission(1)
        try await queue.submit(first)
        var second = Submission(
            caseID: first.caseID, step: first.step, of: blueprint, attempt: 2, due: first.due)
        second.department = Self.fire
        try await queue.submit(second)
        #expect(try await queue.poll(second) == nil)
        #expect(try await queue.jobs(department: Self.fire).map(\.key) == [second.key])
        first.sentAt = nil
        try await queue.submit(first)  // the older attempt, late: ignored
        #expect(try await queue.jobs(department: Self.fire).map(\.key) == [second.key])
    }

    // MARK: Many workers

    @Test func manyWorkersActivatingAtOnceNeverGetTheSameJob() async throws {
        for number in 1...300 { try await queue.submit(submission(number, minutes: Int64(number % 17))) }
        let claimed = await withTaskGroup(of: [String].self) { group in
            for worker in 0..<16 {
                group.addTask {
                    var keys: [String] = []
                    // Bounded: a queue that gave a job out twice would never run dry.
                    for _ in 0..<300 {
                        let jobs = await queue.activate(
                            department: Self.fire, worker: "worker-\(worker)", maxJobs: 7,
                            lease: .seconds(60),
                            wait: .zero)
                        if jobs.isEmpty { break }
                        keys += jobs.map(\.key)
                    }
                    return keys
                }
            }
            return await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(claimed.count == 300)
        #expect(Set(claimed).count == 300)
        #expect(
            try await queue.jobs(department: Self.fire).allSatisfy {
                if case .claimed = $0.status { true } else { false }
            })
    }

    @Test func manyLongPollsShareTheArrivingJobsAndTheRestEndEmpty() async throws {
        let polls = Task {
            await withTaskGroup(of: [String].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        await queue.activate(
                            department: Self.fire, worker: "worker-\(worker)", maxJobs: 1,
                            lease: .seconds(60),
                            wait: .seconds(10)
                        ).map(\.key)
                    }
                }
                return await group.reduce(into: [String]()) { $0 += $1 }
            }
        }
        try await eventually { queue.waitingWorkers == 8 }
        for number in 1...3 { try await queue.submit(submission(number)) }
        try await eventually { queue.waitingWorkers == 5 }
        clock.advance(to: Self.start.adding(milliseconds: 10_000))
        let keys = await polls.value
        #expect(keys.count == 3 && Set(keys).count == 3)
        #expect(queue.waitingWorkers == 0)
    }
}
