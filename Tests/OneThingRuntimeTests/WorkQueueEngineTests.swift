import OneThingRuntime
import OneThingTestSupport
import Testing

/// The work queue as the adapter of a real engine: department systems pull and decide
/// the restaurant's steps until the case is delivered, and a restart rebuilds the queue
/// from the store.
struct WorkQueueEngineTests {
    static let start = RuntimeFixtures.at("2026-12-03 09:00")

    /// An engine on `store` whose every department is served by `queue`.
    static func engine(_ store: any EventStore, _ queue: WorkQueue, clock: VirtualClock) throws -> Engine {
        let engine = Engine(
            store: store, adapters: AdapterDirectory(fallback: queue), clock: clock,
            calendars: ["CN": try RuntimeFixtures.calendar()])
        queue.connect(to: engine)
        return engine
    }

    /// A restaurant case (its worst case) started on an engine whose every department
    /// is served by a work queue, with its first submissions made.
    struct Running {
        let store = InMemoryEventStore()
        let clock = VirtualClock(start: WorkQueueEngineTests.start)
        let queue: WorkQueue
        let engine: Engine
        let blueprint: CaseBlueprint
        let id: CaseID

        init() async throws {
            queue = WorkQueue(clock: clock)
            engine = try WorkQueueEngineTests.engine(store, queue, clock: clock)
            blueprint = try RuntimeFixtures.restaurantBlueprint()
            id = try await engine.start(blueprint: blueprint, answers: [:], provided: blueprint.core)
            await engine.waitForAdapters()
        }

        /// The oldest job of step `step`'s department in `queue`, claimed by `worker`.
        func claim(step: Int, by worker: String, in queue: WorkQueue? = nil) async throws -> WorkQueue.Job {
            try #require(
                await (queue ?? self.queue).activate(
                    department: blueprint.steps[step].department, worker: worker, maxJobs: 1,
                    lease: .seconds(60), wait: .zero
                ).first)
        }

        /// Each department's system claims what waits for it and approves it, once round.
        /// Returns the keys decided.
        func approveWaiting() async throws -> [String] {
            var decided: [String] = []
            for department in Set(blueprint.steps.map(\.department)).sorted() {
                let worker = "\(department)-system"
                let jobs = await queue.activate(
                    department: department, worker: worker, maxJobs: 10, lease: .seconds(300), wait: .zero)
                for job in jobs {
                    #expect(job.department == department)
                    let decision = try await queue.complete(key: job.key, worker: worker, outcome: .approved)
                    #expect(decision.worker == worker)
                    decided.append(job.key)
                }
            }
            return decided
        }
    }

    @Test func departmentSystemsClaimAndApproveUntilTheCaseIsDelivered() async throws {
        let running = try await Running()
        // Deferred materials (容缺) arrive first, so that no approval is held for one.
        let deferred = await running.engine.state(of: running.id)?.deferredDue.keys.sorted() ?? []
        for material in deferred { try await running.engine.supply(material, to: running.id) }
        var decided: [String] = []
        for _ in running.blueprint.steps.indices {
            await running.engine.waitForAdapters()
            let round = try await running.approveWaiting()
            if round.isEmpty { break }
            decided += round
        }
        let events = try await running.store.events(of: running.id)
        guard case .delivered(_, let outcome)? = events.last?.kind else {
            Issue.record("the case was not delivered: \(events.last.map { "\($0.kind)" } ?? "no events")")
            return
        }
        #expect(outcome == .completed)
        #expect(decided.count == running.blueprint.steps.count)
        #expect(Set(decided).count == decided.count)
        for step in running.blueprint.steps.indices {
            #expect(events.contains { $0.kind == .approved(step: step) })
        }
        for step in running.blueprint.steps {
            #expect(try await running.queue.jobs(department: step.department).isEmpty)
        }
    }

    @Test func aRestartPutsTheUnansweredStepsBackInANewQueue() async throws {
        let running = try await Running()
        let job = try await running.claim(step: 0, by: "officer-1")
        try await running.queue.complete(key: job.key, worker: "officer-1", outcome: .inReview)
        #expect(
            try await running.store.events(of: running.id).contains {
                $0.kind == .inReview(step: job.submission.step)
            })

        // The process stops; a new one recovers from the store with an empty queue.
        let second = WorkQueue(clock: running.clock)
        let restarted = try Self.engine(running.store, second, clock: running.clock)
        #expect(try await restarted.recover() == [running.id])
        await restarted.waitForAdapters()
        #expect(try await second.jobs(department: job.department).map(\.key) == [job.key])
        #expect(try await second.jobs(department: job.department).map(\.status) == [.waiting])
        let again = try await running.claim(step: 0, by: "officer-2", in: second)
        #expect(again.key == job.key)
        #expect(again.submission.sentAt == job.submission.sentAt)
        try await second.complete(key: again.key, worker: "officer-2", outcome: .approved)
        #expect(
            try await running.store.events(of: running.id).contains {
                $0.kind == .approved(step: job.submission.step)
            })
        // The stopped process's queue knows nothing of the new decision; its worker's lease has run.
        running.clock.advance(to: Self.start.adding(milliseconds: 61_000))
        do {
            try await running.queue.complete(key: job.key, worker: "officer-1", outcome: .approved)
            Issue.record("a decision through the stopped process's queue was taken")
        } catch {
            #expect("\(error.reason)" == "leaseExpired")
        }
    }

    @Test func aStepDecidedElsewhereIsRefusedAsWithdrawnAndARejectionEndsWhatFollows() async throws {
        let running = try await Running()
        let job = try await running.claim(step: 0, by: "system")
        // An officer decides the step by hand (`onething case approve`) while the system holds it.
        try await running.engine.decide(.approved, case: running.id, step: job.submission.stepID)
        do {
            try await running.queue.complete(key: job.key, worker: "system", outcome: .approved)
            Issue.record("a step decided elsewhere was decided again")
        } catch {
            #expect("\(error.reason)" == "withdrawn")
        }
        #expect(try await running.queue.job(key: job.key) == nil)
        // A rejection of the next step is recorded; deciding it again otherwise is refused.
        await running.engine.waitForAdapters()
        let next = try await running.claim(step: 1, by: "system")
        try await running.queue.complete(key: next.key, worker: "system", outcome: .rejected(reason: "材料不齐全"))
        #expect(
            try await running.store.events(of: running.id).contains {
                $0.kind == .rejected(step: next.submission.step, reason: "材料不齐全")
            })
        do {
            try await running.queue.complete(key: next.key, worker: "system", outcome: .approved)
            Issue.record("a second decision of a rejected step was taken")
        } catch {
            guard case .decidedOtherwise(.rejected) = error.reason else {
                Issue.record("unexpected \(error)")
                return
            }
        }
    }

    /// The keys of the jobs of every department of the restaurant's steps.
    static func allJobs(in queue: WorkQueue, of blueprint: CaseBlueprint) async throws -> [WorkQueue.Job] {
        var jobs: [WorkQueue.Job] = []
        for department in Set(blueprint.steps.map(\.department)).sorted() {
            jobs += try await queue.jobs(department: department)
        }
        return jobs
    }

    @Test func loadingACaseAfterARestartPutsEveryUnansweredStepBackOnce() async throws {
        let running = try await Running()
        let other = try await running.engine.start(
            blueprint: running.blueprint, answers: [:], provided: running.blueprint.core)
        await running.engine.waitForAdapters()
        let before = try await Self.allJobs(in: running.queue, of: running.blueprint)
        try #require(before.count >= 2)
        // One case's step under review, the other's claimed but undecided.
        let reviewed = try await running.claim(step: before[0].submission.step, by: "officer-1")
        try await running.queue.complete(key: reviewed.key, worker: "officer-1", outcome: .inReview)
        _ = await running.queue.activate(
            department: before[1].department, worker: "officer-2", maxJobs: 1, lease: .seconds(60),
            wait: .zero)

        let second = WorkQueue(clock: running.clock)
        let restarted = try Self.engine(running.store, second, clock: running.clock)
        try await restarted.load(running.id)
        try await restarted.load(other)
        try await restarted.load(running.id)  // asked again: the engine holds it, nothing is sent twice
        #expect(try await restarted.recover() == [running.id, other].sorted())
        await restarted.waitForAdapters()
        let after = try await Self.allJobs(in: second, of: running.blueprint)
        #expect(after.map(\.key).sorted() == before.map(\.key).sorted())
        #expect(Set(after.map(\.key)).count == after.count)
        #expect(after.allSatisfy { $0.status == .waiting })
        // The step under review is decided through the new queue, once.
        let again = try await running.claim(step: reviewed.submission.step, by: "officer-3", in: second)
        #expect(again.key == reviewed.key)
        let decision = try await second.complete(key: again.key, worker: "officer-3", outcome: .approved)
        #expect(decision.worker == "officer-3")
        let approvals = try await running.store.events(of: running.id).filter {
            $0.kind == .approved(step: reviewed.submission.step)
        }
        #expect(approvals.count == 1)
    }

    @Test func aSupplementRequestIsRecordedAndTheJobReturnsWhenTheApplicantSupplies() async throws {
        let running = try await Running()
        let events = await running.engine.events()
        let following = Task { [queue = running.queue] in try await queue.follow(events) }
        defer { following.cancel() }
        let job = try await running.claim(step: 0, by: "officer-1")
        let missing = AdapterOutcome.supplementRequested(note: "缺少经营场所平面图")
        let asked = try await running.queue.complete(key: job.key, worker: "officer-1", outcome: missing)
        #expect(asked.worker == "officer-1")
        #expect(try await running.queue.job(key: job.key)?.status == .awaitingSupplement)
        #expect(
            try await running.store.events(of: running.id).contains {
                $0.kind == .supplementRequested(step: job.submission.step, note: "缺少经营场所平面图")
            })
        try await running.engine.supplementSupplied(running.id, step: job.submission.stepID)
        for _ in 0..<5_000 {
            if try await running.queue.job(key: job.key)?.status == .waiting { break }
            try await Task.sleep(for: .milliseconds(1))
        }
        #expect(try await running.queue.job(key: job.key)?.status == .waiting)
        let again = try await running.claim(step: 0, by: "officer-2")
        #expect(again.key == job.key)
        try await running.queue.complete(
            key: again.key, worker: "officer-2", outcome: .approved,
            outputs: ["business-licence": "92140105MA0L000001"])
        #expect(running.queue.decision(key: job.key)?.worker == "officer-2")
        // Approved, or held for a deferred material (容缺) the applicant still owes.
        let decided = try await running.store.events(of: running.id).contains { event in
            switch event.kind {
            case .approved(let step), .approvalHeld(let step, _): step == job.submission.step
            default: false
            }
        }
        #expect(decided)
    }
}
