import OneThingEvents
import OneThingTestSupport
import Testing

@testable import OneThingRuntime

/// A running case records the result an approval decided, and the steps waiting for it
/// are sent or found not needed: `bundles/disability-services.yaml` before the
/// assessment, whose grade decides the two allowance steps (一级 or 二级: done; 三级 or
/// 四级: not needed), driven by hand from acceptance on Monday 2026-03-02.
struct ResultRuntimeTests {
    static let accepted = AssessedCase.accepted
    static let allowances = ["subsidy-review", "nursing-subsidy"]

    static func blueprint() throws -> CaseBlueprint { try AssessedCase.blueprint() }

    static func assessed(_ grade: String) throws -> (CaseRuntime, CaseBlueprint) {
        try AssessedCase.run(grade)
    }

    static func status(_ stepID: String, in runtime: CaseRuntime, of blueprint: CaseBlueprint) -> StepStatus?
    {
        blueprint.stepIndex(stepID).flatMap { runtime.cases["c1"]?.steps[$0].status }
    }

    @Test(arguments: ["three", "four"])
    func aGradeThatRulesTheAllowancesOutFindsThemNotNeededAndCompletesTheCase(grade: String) throws {
        var (runtime, blueprint) = try Self.assessed(grade)
        let state = try #require(runtime.cases["c1"])
        #expect(state.results == ["assessment-result": grade])
        for id in Self.allowances { #expect(Self.status(id, in: runtime, of: blueprint) == .notNeeded) }
        let kinds = runtime.takeOutbox().map(\.kind)
        let review = try #require(blueprint.stepIndex("subsidy-review"))
        let nursing = try #require(blueprint.stepIndex("nursing-subsidy"))
        #expect(kinds.contains(.notNeeded(step: review)) && kinds.contains(.notNeeded(step: nursing)))
        #expect(!kinds.contains { EventCodec.step(of: $0) == nursing && $0.name == .dispatched })
        #expect(
            kinds.last
                == .delivered(
                    outputs: ["assessment-referral", "assessment-result", "disability-certificate"],
                    outcome: .completed))
    }

    @Test(arguments: ["one", "two"])
    func aGradeForWhichTheAllowancesApplySendsThem(grade: String) throws {
        var (runtime, blueprint) = try Self.assessed(grade)
        #expect(Self.status("subsidy-review", in: runtime, of: blueprint) == .dispatched)
        let review = try #require(blueprint.stepIndex("subsidy-review"))
        let key = try #require(runtime.cases["c1"]?.steps[review].key)
        runtime.report(.approved, for: key, at: RuntimeFixtures.at("2026-03-04 10:00"))
        #expect(Self.status("nursing-subsidy", in: runtime, of: blueprint) == .dispatched)
        #expect(!runtime.takeOutbox().contains { $0.kind.name == .notNeeded })
    }

    @Test func aResultIsRecordedJustBeforeTheApprovalAndFoldsIntoTheCase() throws {
        var (runtime, blueprint) = try Self.assessed("two")
        let assessment = try #require(blueprint.stepIndex("disability-assessment"))
        let kinds = runtime.takeOutbox().map(\.kind)
        let approval = try #require(kinds.firstIndex(of: .approved(step: assessment)))
        #expect(
            kinds[approval - 1] == .resultRecorded(step: assessment, results: ["assessment-result": "two"]))
    }

    @Test func theFoldRefusesAResultTheStepDoesNotProduceOrAValueNotDeclared() throws {
        let blueprint = try Self.blueprint()
        let state = CaseState(id: "c1", blueprint: blueprint)
        let assessment = try #require(blueprint.stepIndex("disability-assessment"))
        let issue = try #require(blueprint.stepIndex("certificate-issue"))
        func event(_ kind: CaseEvent.Kind) -> CaseEvent {
            CaseEvent(caseID: "c1", sequence: 1, at: Self.accepted, kind: kind)
        }
        for kind in [
            CaseEvent.Kind.resultRecorded(step: issue, results: ["assessment-result": "two"]),
            .resultRecorded(step: assessment, results: ["assessment-result": "five"]),
            .notNeeded(step: assessment),
        ] {
            let refusal = #expect(throws: CaseState.Refusal.self) { try state.check(event(kind)) }
            #expect(refusal?.reason.contains("event 1") == true)
        }
        #expect(
            blueprint.undeclaredResults(["assessment-result": "five"], of: assessment)
                == [
                    .undeclaredValue(
                        output: "assessment-result", value: "five", declared: ["one", "two", "three", "four"])
                ])
        #expect(
            blueprint.resultProblems([:], of: assessment, approving: true)
                == [.missing(output: "assessment-result", declared: ["one", "two", "three", "four"])])
        #expect(blueprint.resultProblems([:], of: issue, approving: true).isEmpty)
    }

    @Test func theBlueprintCarriesTheDeclaredValuesAndTheSubmissionOffersThem() throws {
        let blueprint = try Self.blueprint()
        #expect(blueprint.resultValues["assessment-result"]?.map(\.name) == ["一级", "二级", "三级", "四级"])
        let json = try blueprint.storedJSON()
        #expect(try CaseBlueprint(storedJSON: json, fingerprint: blueprint.fingerprint) == blueprint)
        let assessment = try #require(blueprint.stepIndex("disability-assessment"))
        let submission = Submission(
            caseID: "c1", step: assessment, of: blueprint, attempt: 1, due: Self.accepted)
        #expect(submission.resultValues == ["assessment-result": ["one", "two", "three", "four"]])
        let issue = try #require(blueprint.stepIndex("certificate-issue"))
        #expect(
            Submission(caseID: "c1", step: issue, of: blueprint, attempt: 1, due: Self.accepted).resultValues
                == nil)
        // A blueprint without results keeps the JSON it had.
        #expect(!(try RuntimeFixtures.restaurantBlueprint().storedJSON()).contains("resultValues"))
    }

    @Test func theEngineRefusesAnApprovalWithoutTheAwaitedResultOrWithAnUndeclaredOne() async throws {
        let store = InMemoryEventStore()
        let engine = try EngineTests.engine(store, clock: VirtualClock(start: Self.accepted))
        let blueprint = try Self.blueprint()
        let id = try await engine.start(blueprint: blueprint, answers: [:], provided: blueprint.core)
        try await engine.decide(.approved, case: id, step: "certificate-application")
        let before = try await store.events(of: id).count
        for (outcome, results) in [
            (AdapterOutcome.approved, [:]),
            (.approved, ["assessment-result": "five"]),
            (.rejected(reason: "材料不全"), ["assessment-result": "one"]),
        ] as [(AdapterOutcome, [String: String])] {
            let error = await #expect(throws: EngineError.self) {
                try await engine.decide(outcome, case: id, step: "disability-assessment", results: results)
            }
            guard case .results(_, let step, let problems) = error else {
                Issue.record("expected a refusal of the results, got \(String(describing: error))")
                continue
            }
            #expect(step == "disability-assessment" && problems.count == 1)
        }
        #expect(try await store.events(of: id).count == before)
        // A department's report without it is refused too, and changes nothing.
        let key = try #require(await engine.state(of: id)?.steps[1].key)
        await #expect(throws: EngineError.self) { try await engine.report(.approved, for: key) }
        #expect(try await store.events(of: id).count == before)
        try await engine.report(.approved, for: key, results: ["assessment-result": "three"])
        #expect(await engine.state(of: id)?.results == ["assessment-result": "three"])
    }
}

/// An officer of the assessment hospital decides through a work queue: the job offers
/// the grades, an approval without one is refused (422) and the job stays theirs, an
/// approval with one is recorded, and the case then skips or sends the allowances.
struct ResultWorkQueueTests {
    @Test func anApprovalThroughTheQueueMustSayTheGradeAndIsRememberedWithIt() async throws {
        let store = InMemoryEventStore()
        let clock = VirtualClock(start: AssessedCase.accepted)
        let queue = WorkQueue(clock: clock)
        let engine = try WorkQueueEngineTests.engine(store, queue, clock: clock)
        let blueprint = try AssessedCase.blueprint()
        let id = try await engine.start(blueprint: blueprint, answers: [:], provided: blueprint.core)
        await engine.waitForAdapters()
        func claimAndApprove(_ stepID: String, results: [String: String] = [:]) async throws -> WorkQueue.Job
        {
            let step = try #require(blueprint.stepIndex(stepID))
            let job = try #require(
                await queue.activate(
                    department: blueprint.steps[step].department, worker: "officer", maxJobs: 1,
                    lease: .seconds(600), wait: .zero
                ).first)
            #expect(job.submission.stepID == stepID)
            if stepID != "disability-assessment" {
                try await queue.complete(key: job.key, worker: "officer", outcome: .approved)
                await engine.waitForAdapters()
            }
            return job
        }
        _ = try await claimAndApprove("certificate-application")
        let job = try await claimAndApprove("disability-assessment")
        #expect(job.submission.resultValues == ["assessment-result": ["one", "two", "three", "four"]])
        let refusal = await #expect(throws: WorkQueue.Refusal.self) {
            try await queue.complete(key: job.key, worker: "officer", outcome: .approved)
        }
        #expect(refusal?.httpStatus == 422)
        #expect(refusal?.text.zh.contains("准予时须给出“assessment-result”的结果") == true)
        let decision = try await queue.complete(
            key: job.key, worker: "officer", outcome: .approved, results: ["assessment-result": "four"])
        #expect(decision.results == ["assessment-result": "four"])
        // The same decision again gets the first answer; the case remembers the grade.
        let again = try await queue.complete(
            key: job.key, worker: "officer", outcome: .approved, results: ["assessment-result": "four"])
        #expect(again == decision)
        #expect(await engine.state(of: id)?.results == ["assessment-result": "four"])
        let stored = try await engine.readStored(id)
        #expect(
            WorkQueue.recorded(job.key, in: stored, step: "disability-assessment")?.results == [
                "assessment-result": "four"
            ])
    }
}
