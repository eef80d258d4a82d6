import OneThingEvents
import OneThingPostgres
import OneThingRuntime
import OneThingTestSupport
import Testing

/// The work queue of departments that decide by hand, shared by two instances on one
/// PostgreSQL database (the store's ``DepartmentJobBoard``): a task one instance
/// dispatched is activated through the other, a long poll wakes on a notice, claims
/// never overlap, a lapsed lease passes the task on, and a decision through either
/// instance is recorded once.
@Suite(.enabled(if: TestServer.isGiven, TestServer.notGiven))
struct PostgresWorkQueueTests {
    static let start = RuntimeFixtures.at("2026-12-03 09:00")

    /// One instance: its store handle, its work queue on the store's board (every
    /// department is served by it) and its engine.
    struct Instance {
        let store: PostgresEventStore
        let queue: WorkQueue
        let engine: Engine
    }

    /// Instances `A` and `B` on a new schema; the engines share a virtual clock, the
    /// queues measure long polls on the wall clock and leases on the database's.
    static func withInstances(_ body: (Instance, Instance) async throws -> Void) async throws {
        try await TestServer.withSchema { address in
            let clock = VirtualClock(start: Self.start)
            var instances: [Instance] = []
            for name in ["A", "B"] {
                var options = PostgresEventStore.Options()
                options.instance = name
                let store = try await PostgresEventStore(address: address, options: options)
                let queue = WorkQueue(clock: LiveClock(), board: store.jobBoard)
                let engine = Engine(
                    store: store, adapters: AdapterDirectory(fallback: queue), clock: clock,
                    calendars: ["CN": try RuntimeFixtures.calendar()])
                queue.connect(to: engine)
                instances.append(Instance(store: store, queue: queue, engine: engine))
            }
            do {
                try await body(instances[0], instances[1])
            } catch {
                for instance in instances { await instance.store.close() }
                throw error
            }
            // What the decisions set going (the next steps' tasks) is posted before the stores close.
            for instance in instances { await instance.engine.waitForAdapters() }
            for instance in instances { await instance.store.close() }
        }
    }

    /// Starts a restaurant case (its worst case) on `instance`, which holds it, and
    /// waits until its first steps are posted; returns it with the keys posted, by department.
    static func begin(on instance: Instance) async throws -> (CaseID, [String: [String]]) {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        let id = try await instance.engine.start(blueprint: blueprint, answers: [:], provided: blueprint.core)
        await instance.engine.waitForAdapters()
        let state = try #require(await instance.engine.state(of: id))
        var keys: [String: [String]] = [:]
        for (index, step) in state.steps.enumerated() where step.status == .dispatched {
            if let key = step.key { keys[blueprint.steps[index].department, default: []].append(key) }
        }
        return (id, keys)
    }

    /// Starts a case on `instance` (``begin(on:)``); returns it with the first task
    /// posted (by department, then key) and its department.
    static func firstTask(on instance: Instance) async throws -> (id: CaseID, department: String, key: String)
    {
        let (id, posted) = try await begin(on: instance)
        let (department, keys) = try #require(posted.min { $0.key < $1.key })
        return (id, department, try #require(keys.first))
    }

    @Test func aTaskDispatchedOnAIsActivatedByAWorkerOnB() async throws {
        try await Self.withInstances { a, b in
            let (_, posted) = try await Self.begin(on: a)
            let (department, keys) = try #require(posted.min { $0.key < $1.key })
            // Both instances list it; B gives it out.
            #expect(try await b.queue.jobs(department: department).map(\.key) == keys)
            #expect(try await a.queue.jobs(department: department).map(\.key) == keys)
            let jobs = await b.queue.activate(
                department: department, worker: "officer-b", maxJobs: 10, lease: .seconds(60), wait: .zero)
            #expect(jobs.map(\.key) == keys)
            #expect(jobs.allSatisfy { $0.department == department && $0.status.claimant == "officer-b" })
            // A sees B's claim: nothing is left to activate through A.
            #expect(
                await a.queue.activate(
                    department: department, worker: "officer-a", maxJobs: 10, lease: .seconds(60), wait: .zero
                ).isEmpty)
            #expect(
                try await a.queue.jobs(department: department).allSatisfy {
                    $0.status.claimant == "officer-b"
                })
        }
    }

    @Test func aLongPollOnBWakesWhenADispatchesWithoutWaitingForItsEnd() async throws {
        try await Self.withInstances { a, b in
            let (_, first) = try await Self.begin(on: a)
            let department = try #require(first.keys.min())
            // What waits now is claimed, so the next long poll finds nothing at first.
            _ = await b.queue.activate(
                department: department, worker: "officer-b", maxJobs: 100, lease: .seconds(60), wait: .zero)
            b.queue.listen()
            #expect(try await EngineOnPostgresTests.eventually { b.queue.isListening })
            let clock = ContinuousClock()
            let began = clock.now
            let poll = Task {
                await b.queue.activate(
                    department: department, worker: "officer-b", maxJobs: 10, lease: .seconds(60),
                    wait: .seconds(30))
            }
            #expect(try await EngineOnPostgresTests.eventually { b.queue.waitingWorkers == 1 })
            let (_, second) = try await Self.begin(on: a)
            let woken = await poll.value
            let waited = clock.now - began
            #expect(woken.map(\.key) == second[department])
            // Woken by A's notice, well before the poll's 30 seconds (nor by polling: no
            // lease of the department lapses within them).
            #expect(waited < .seconds(10), "the long poll waited \(waited)")
        }
    }

    @Test func workersRacingForTheSameTasksOnBothInstancesNeverGetOneTwice() async throws {
        try await Self.withInstances { a, b in
            var posted: [String: [String]] = [:]
            for _ in 0..<3 {
                for (department, keys) in try await Self.begin(on: a).1 {
                    posted[department, default: []] += keys
                }
            }
            let (department, keys) = try #require(posted.max { $0.value.count < $1.value.count })
            let claimed = await withTaskGroup(of: [String].self) { group in
                for worker in 0..<16 {
                    let queue = worker.isMultiple(of: 2) ? a.queue : b.queue
                    group.addTask {
                        await queue.activate(
                            department: department, worker: "worker-\(worker)", maxJobs: 1,
                            lease: .seconds(60),
                            wait: .zero
                        ).map(\.key)
                    }
                }
                return await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(claimed.count == min(16, keys.count))
            #expect(Set(claimed).count == claimed.count)
            #expect(Set(claimed).isSubset(of: Set(keys)))
        }
    }

    @Test func twoWorkersChoosingTheSameTaskOnTwoInstancesOnlyOneGetsIt() async throws {
        try await Self.withInstances { a, b in
            let (_, department, key) = try await Self.firstTask(on: a)
            async let onA = a.queue.claimResult(key: key, department: department, worker: "officer-a")
            async let onB = b.queue.claimResult(key: key, department: department, worker: "officer-b")
            let results = await [onA, onB]
            let winners = results.compactMap { try? $0.get() }
            #expect(winners.count == 1)
            let loser = try #require(results.first { (try? $0.get()) == nil })
            guard case .failure(let refusal) = loser, case .claimedByAnother(let holder) = refusal.reason
            else {
                Issue.record("the second claim was not refused as claimed by another: \(loser)")
                return
            }
            #expect(holder == winners.first?.status.claimant)
        }
    }

    @Test func aLapsedLeaseLetsAWorkerOnBTakeTheTaskAndRefusesTheOldHoldersDecision() async throws {
        try await Self.withInstances { a, b in
            let (id, department, key) = try await Self.firstTask(on: a)
            let first = try await a.queue.claim(
                key: key, department: department, worker: "officer-a", lease: .seconds(2))
            #expect(first.status.claimant == "officer-a")
            // While the lease runs, B's worker cannot have it.
            #expect(
                await b.queue.claimResult(key: key, department: department, worker: "officer-b").failureReason
                    == "claimedByAnother(worker: \"officer-a\")")
            try await Task.sleep(for: .milliseconds(2_500))
            let taken = await b.queue.activate(
                department: department, worker: "officer-b", maxJobs: 10, lease: .seconds(60), wait: .zero)
            #expect(taken.map(\.key).contains(key))
            // The old holder's decision is refused, through either instance; the new holder's is taken.
            for queue in [a.queue, b.queue] {
                #expect(
                    await queue.decisionRefusal(key: key, worker: "officer-a", outcome: .approved)
                        == "leaseExpired")
            }
            try await b.queue.complete(key: key, worker: "officer-b", outcome: .approved)
            let step = try #require(Submission.parse(key: key)).stepID
            let blueprint = try RuntimeFixtures.restaurantBlueprint()
            let index = try #require(blueprint.stepIndex(step))
            #expect(try await b.store.events(of: id).filter { $0.kind == .approved(step: index) }.count == 1)
        }
    }

    @Test func aDecisionOnBIsRecordedOnceForTheCaseAHoldsAndTheTaskLeavesTheQueue() async throws {
        try await Self.withInstances { a, b in
            let (id, department, key) = try await Self.firstTask(on: a)
            #expect(try await a.store.heldCases() == [id])
            _ = try await b.queue.claim(
                key: key, department: department, worker: "officer", lease: .seconds(60))
            let decision = try await b.queue.complete(key: key, worker: "officer", outcome: .approved)
            // B wrote the case: it holds it now.
            #expect(try await b.store.heldCases() == [id])
            #expect(try await a.queue.job(key: key) == nil)
            #expect(try await b.queue.jobs(department: department).allSatisfy { $0.key != key })
            // A repeat through B gets the first answer from B's memory; through A (which
            // never saw the decision) the first answer as the case records it; another
            // decision, or another worker's, is refused there; nothing more is recorded.
            #expect(try await b.queue.complete(key: key, worker: "officer", outcome: .approved) == decision)
            let recalled = try await a.queue.complete(key: key, worker: "officer", outcome: .approved)
            #expect(
                [recalled.key, recalled.worker] == [key, "officer"] && recalled.outcome == .approved
                    && recalled.outputs.isEmpty)
            #expect(
                await a.queue.decisionRefusal(key: key, worker: "officer", outcome: .rejected(reason: "no"))
                    == "decidedOtherwise(OneThingRuntime.AdapterOutcome.approved)")
            #expect(
                await a.queue.decisionRefusal(key: key, worker: "another", outcome: .approved)
                    == "decidedOtherwise(OneThingRuntime.AdapterOutcome.approved)")
            #expect(
                await a.queue.decisionRefusal(
                    key: "\(id)/no-such-step/1", worker: "officer", outcome: .approved)
                    == "unknownKey")
            // Another decision of the step, straight to A's engine, is refused by the store's compare-and-set.
            let stepID = try #require(Submission.parse(key: key)).stepID
            await #expect(throws: EngineError.self) {
                try await a.engine.decide(.approved, case: id, step: stepID)
            }
            let blueprint = try RuntimeFixtures.restaurantBlueprint()
            let index = try #require(blueprint.stepIndex(stepID))
            #expect(try await a.store.events(of: id).filter { $0.kind == .approved(step: index) }.count == 1)
        }
    }

    @Test func aTaskPostedAgainAfterItsDecisionLeavesTheBoardAtItsNextDecision() async throws {
        try await Self.withInstances { a, b in
            let (_, department, key) = try await Self.firstTask(on: a)
            let submission = try #require(try await b.queue.job(key: key)).submission
            _ = try await b.queue.claim(
                key: key, department: department, worker: "officer", lease: .seconds(60))
            let decision = try await b.queue.complete(key: key, worker: "officer", outcome: .approved)
            #expect(try await b.queue.job(key: key) == nil)
            // The submission comes again (sent again from an older copy of the case): the
            // board has the task again, and another worker gets it.
            try await a.queue.submit(submission)
            _ = try await b.queue.claim(
                key: key, department: department, worker: "another", lease: .seconds(60))
            // B took the decision: it refuses another worker's, and takes the left-over task off.
            #expect(
                await b.queue.decisionRefusal(key: key, worker: "another", outcome: .approved)
                    == "decidedOtherwise(OneThingRuntime.AdapterOutcome.approved)")
            #expect(try await b.queue.job(key: key) == nil, "the left-over task is off the board")
            #expect(try await b.queue.complete(key: key, worker: "officer", outcome: .approved) == decision)
        }
    }

    @Test func aSupplementParksTheTaskOnTheBoardUntilTheApplicantSuppliesIt() async throws {
        try await Self.withInstances { a, b in
            let (id, department, key) = try await Self.firstTask(on: a)
            _ = try await b.queue.claim(
                key: key, department: department, worker: "officer", lease: .seconds(60))
            try await b.queue.complete(
                key: key, worker: "officer", outcome: .supplementRequested(note: "缺少经营场所平面图"))
            #expect(try await a.queue.job(key: key)?.status == .awaitingSupplement)
            #expect(
                await a.queue.claimResult(key: key, department: department, worker: "officer").failureReason
                    == "awaitingSupplement")
            // The applicant supplies it through B, which holds the case since the decision;
            // B's queue follows B's engine, and the task waits again for every instance.
            let following = Task { try await b.queue.follow(await b.engine.events(buffer: 100)) }
            let stepID = try #require(Submission.parse(key: key)).stepID
            try await Task.sleep(for: .milliseconds(100))  // until the queue follows
            try await b.engine.supplementSupplied(id, step: stepID)
            #expect(
                try await EngineOnPostgresTests.eventually {
                    try await a.queue.job(key: key)?.status == .waiting
                })
            following.cancel()
            let again = await a.queue.activate(
                department: department, worker: "officer", maxJobs: 10, lease: .seconds(60), wait: .zero)
            #expect(again.map(\.key).contains(key))
        }
    }

    @Test func aWithdrawnCaseLeavesTheSharedQueue() async throws {
        try await Self.withInstances { a, b in
            let (id, posted) = try await Self.begin(on: a)
            let keys = posted.values.flatMap { $0 }
            #expect(!keys.isEmpty)
            // The applicant withdraws through B, which takes the case over and withdraws its tasks.
            try await b.engine.withdraw(id, reason: "申请人撤回")
            await b.engine.waitForAdapters()
            for (department, keys) in posted {
                #expect(try await a.queue.jobs(department: department).allSatisfy { !keys.contains($0.key) })
            }
        }
    }

    @Test func aTaskPostedAgainKeepsItsClaimAndANewerAttemptReplacesTheOlder() async throws {
        try await TestServer.withStore { store in
            func job(attempt: Int) -> PostedJob {
                PostedJob(
                    key: "c1/fire-check/\(attempt)", caseID: "c1", step: 2, attempt: attempt,
                    department: "fire-rescue",
                    queuedAt: Self.start, submission: "{}")
            }
            #expect(try await store.post(job(attempt: 1)))
            let claimed = try await store.claim(
                department: "fire-rescue", worker: "officer", count: 5, lease: .seconds(60))
            #expect(claimed.jobs.map(\.key) == ["c1/fire-check/1"])
            #expect(claimed.nextLapse.map { $0 > .seconds(50) && $0 <= .seconds(60) } == true)
            // A recovery sends the same attempt again: nothing changes, the claim stands.
            #expect(try await !store.post(job(attempt: 1)))
            #expect(try await store.job(key: "c1/fire-check/1")?.status.claimant == "officer")
            // A new attempt of the step (the department failed the first) replaces it, unclaimed;
            // the older attempt posted late changes nothing.
            #expect(try await store.post(job(attempt: 2)))
            #expect(try await !store.post(job(attempt: 1)))
            #expect(try await store.jobs(department: "fire-rescue").map(\.key) == ["c1/fire-check/2"])
            #expect(try await store.jobs(department: "fire-rescue").map(\.status) == [.waiting])
            #expect(try await store.job(key: "c1/fire-check/1") == nil)
            #expect(try await store.remove(key: "c1/fire-check/2"))
            #expect(try await store.jobs(department: "fire-rescue").isEmpty)
        }
    }

    @Test func aSchema2DatabaseMigratesAndItsOpenTasksReachTheBoardWhenItsInstanceStartsAgain() async throws {
        try await TestServer.withSchema { address in
            var options = PostgresEventStore.Options()
            options.instance = "county-1"
            let calendars = ["CN": try RuntimeFixtures.calendar()]
            let clock = VirtualClock(start: Self.start)
            // Schema 2 as the version before left it: the tasks in the memory of the instance.
            let old = try await PostgresEventStore(address: address, options: options)
            let memory = WorkQueue(clock: LiveClock())
            let before = Engine(
                store: old, adapters: AdapterDirectory(fallback: memory), clock: clock, calendars: calendars)
            memory.connect(to: before)
            let blueprint = try RuntimeFixtures.restaurantBlueprint()
            let id = try await before.start(blueprint: blueprint, answers: [:], provided: blueprint.core)
            await before.waitForAdapters()
            var open: [String] = []
            for department in Set(blueprint.steps.map(\.department)).sorted() {
                open += try await memory.jobs(department: department).map(\.key)
            }
            #expect(!open.isEmpty)
            await old.close()
            for statement in [
                "DROP TABLE department_jobs", "DELETE FROM schema_migrations WHERE version = 3",
                "UPDATE store_format SET value = 2 WHERE name = 'schema'",
            ] {
                _ = try await TestServer.query(statement, at: address)
            }
            // `onething migrate` brings it to schema 3, with an empty board.
            let report = try await PostgresEventStore.migrate(address: address, options: options)
            #expect(report.fromVersion == 2 && report.toVersion == 3 && report.cases == 1)
            #expect(
                try await TestServer.query("SELECT count(*)::text FROM department_jobs", at: address) == ["0"]
            )
            // The instance starts again: its recovery posts the open tasks, under the same keys.
            let store = try await PostgresEventStore(address: address, options: options)
            let queue = WorkQueue(clock: LiveClock(), board: store.jobBoard)
            let after = Engine(
                store: store, adapters: AdapterDirectory(fallback: queue), clock: clock, calendars: calendars)
            queue.connect(to: after)
            #expect(try await after.recover() == [id])
            await after.waitForAdapters()
            var posted: [String] = []
            for department in Set(blueprint.steps.map(\.department)).sorted() {
                posted += try await queue.jobs(department: department).map(\.key)
            }
            #expect(posted.sorted() == open.sorted())
            await store.close()
        }
    }
}

extension WorkQueue {
    /// The claim of `key` for a minute, or its refusal.
    func claimResult(key: String, department: String, worker: String) async -> Result<Job, Refusal> {
        do throws(Refusal) {
            return .success(
                try await claim(key: key, department: department, worker: worker, lease: .seconds(60)))
        } catch {
            return .failure(error)
        }
    }

    /// The reason `worker`'s decision of `key` is refused, `nil` when it is taken.
    func decisionRefusal(key: String, worker: String, outcome: AdapterOutcome) async -> String? {
        do throws(Refusal) {
            try await complete(key: key, worker: worker, outcome: outcome)
            return nil
        } catch {
            return "\(error.reason)"
        }
    }
}

extension Result where Failure == WorkQueue.Refusal {
    /// The refusal's reason, `nil` for a success.
    var failureReason: String? {
        guard case .failure(let refusal) = self else { return nil }
        return "\(refusal.reason)"
    }
}

extension WorkQueue.Job.Status {
    /// The worker holding the claim, `nil` when unclaimed.
    var claimant: String? {
        guard case .claimed(let worker, _) = self else { return nil }
        return worker
    }
}
