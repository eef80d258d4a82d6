import OneThingRuntime
import OneThingTestSupport
import Testing

/// The runtime's decisions for one case, driven by hand on a virtual timeline.
struct CaseRuntimeTests {
    static func started(_ caseName: String = RuntimeFixtures.restaurantWorstCase, provided: [String]? = nil)
        throws
        -> (CaseRuntime, CaseBlueprint)
    {
        let blueprint = CaseBlueprint(plan: try RuntimeFixtures.restaurant(caseName))
        var runtime = CaseRuntime(seed: 1)
        runtime.start(
            "c1", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint, provided: provided),
            at: 0)
        return (runtime, blueprint)
    }

    static func submitted(_ runtime: inout CaseRuntime) -> [TaskRequest] {
        runtime.takeEffects().compactMap {
            if case .submit(let request) = $0 { return request }
            return nil
        }
    }

    @Test func intakeAcceptsAndSendsOnlyTasksWithNothingBeforeThem() throws {
        var (runtime, blueprint) = try Self.started()
        let events = runtime.takeOutbox().map(\.kind)
        #expect(events.contains(.intake(.acceptedWithGaps(missing: ["food-safety-rules"]))))
        let sent = Self.submitted(&runtime).map(\.item)
        #expect(sent == ["business-registration"])
        #expect(blueprint.tasks.first?.item == "business-registration")
        #expect(runtime.cases["c1"]?.tasks[0].status == .dispatched)
    }

    @Test func aMissingCoreMaterialIsNotAccepted() throws {
        var (runtime, _) = try Self.started(provided: [])
        let events = runtime.takeOutbox().map(\.kind)
        guard case .intake(.rejectedIncomplete(let missing)) = events[1] else {
            Issue.record("expected a rejection at intake, got \(events)")
            return
        }
        #expect(missing.contains("application"))
        #expect(events.last == .delivered(outputs: [], outcome: .notAccepted))
    }

    @Test func approvingTheRegistrationReleasesTheParallelApprovals() throws {
        var (runtime, _) = try Self.started()
        let registration = Self.submitted(&runtime)[0]
        runtime.report(.approved, for: registration.key, at: 1)
        let sent = Self.submitted(&runtime).map(\.item)
        #expect(sent.count == 7)
        #expect(
            sent.contains("drainage-permit") && sent.contains("food-permit")
                && sent.contains("seal-engraving"))
    }

    @Test func anApprovalWaitsForItsDeferredMaterialAndFailsPastItsDeadline() throws {
        var (runtime, blueprint) = try Self.started()
        let registration = Self.submitted(&runtime)[0]
        runtime.report(.approved, for: registration.key, at: 1)
        let food = Self.submitted(&runtime).first { $0.item == "food-permit" }!
        runtime.report(.approved, for: food.key, at: 2)
        #expect(runtime.cases["c1"]?.tasks[food.task].status == .held)
        // The deadline of the deferred material is 5 working days after acceptance.
        #expect(blueprint.deferredDeadlines["food-safety-rules"] == 5)
        runtime.advance(to: 5)
        #expect(runtime.cases["c1"]?.tasks[food.task].status == .failed)
    }

    @Test func aHeldApprovalIsIssuedWhenTheMaterialArrives() throws {
        var (runtime, _) = try Self.started()
        runtime.report(.approved, for: Self.submitted(&runtime)[0].key, at: 1)
        let food = Self.submitted(&runtime).first { $0.item == "food-permit" }!
        runtime.report(.approved, for: food.key, at: 2)
        runtime.supply("food-safety-rules", to: "c1", at: 3)
        #expect(runtime.cases["c1"]?.tasks[food.task].status == .approved)
    }

    @Test func aRejectionCancelsWhatDependsOnItAndTheCaseIsDelivered() throws {
        var (runtime, _) = try Self.started()
        runtime.report(.rejected(reason: "名称不合规"), for: Self.submitted(&runtime)[0].key, at: 1)
        let state = try #require(runtime.cases["c1"])
        #expect(state.tasks[0].status == .rejected)
        #expect(state.tasks.dropFirst().allSatisfy { $0.status == .cancelled })
        #expect(state.outcome == .refused)
    }

    @Test func aSupplementStopsTheTasksClock() throws {
        var (runtime, blueprint) = try Self.started()
        let registration = Self.submitted(&runtime)[0]
        runtime.report(.inReview, for: registration.key, at: 0)
        runtime.report(.supplementRequested(note: "补正住所证明"), for: registration.key, at: 0.5)
        runtime.supplementSupplied("c1", task: 0, at: 2.5)
        let due = try #require(runtime.cases["c1"]?.due(0))
        #expect(due == blueprint.tasks[0].promised + 2)
    }

    @Test func anOverdueTaskIsWarnedReportedAndEscalatedToTheLead() throws {
        var (runtime, _) = try Self.started()
        _ = runtime.takeOutbox()
        runtime.advance(to: 10)
        let kinds = runtime.takeOutbox().map(\.kind)
        #expect(kinds.contains(.dueSoon(task: 0, due: 1)))
        #expect(kinds.contains(.overdue(task: 0, due: 1)))
        #expect(kinds.contains(.escalated(task: 0, to: "market-regulation")))
    }

    @Test func aFailedSubmissionIsSentAgainWithANewAttemptAfterABackoff() throws {
        var (runtime, _) = try Self.started()
        let first = Self.submitted(&runtime)[0]
        runtime.submissionFailed(first.key, reason: "timeout", at: 0)
        #expect(Self.submitted(&runtime).isEmpty)
        runtime.advance(to: 1)
        let again = Self.submitted(&runtime)
        #expect(again.map(\.attempt) == [2])
        #expect(again.first?.key == "c1/business-registration/2")
    }

    @Test func anAnswerWithAStaleKeyIsRecordedAndIgnored() throws {
        var (runtime, _) = try Self.started()
        _ = Self.submitted(&runtime)
        runtime.report(.approved, for: "c1/business-registration/7", at: 1)
        #expect(runtime.cases["c1"]?.tasks[0].status == .dispatched)
        #expect(
            runtime.takeOutbox().last?.kind
                == .outcomeIgnored(task: 0, reason: "stale idempotency key c1/business-registration/7"))
    }

    @Test func restoringFromTheEventsGivesTheSameStateAndResendsWithTheSameKey() throws {
        var (runtime, blueprint) = try Self.started()
        runtime.report(.approved, for: Self.submitted(&runtime)[0].key, at: 1)
        let sentBefore = Self.submitted(&runtime)
        let events = runtime.takeOutbox()
        var restored = CaseRuntime(seed: 9)
        restored.restore(events, blueprint: blueprint, at: 1.5)
        #expect(restored.cases["c1"]?.tasks == runtime.cases["c1"]?.tasks)
        let resent = Self.submitted(&restored)
        #expect(Set(resent.map(\.key)) == Set(sentBefore.map(\.key)))
        #expect(restored.takeOutbox().isEmpty)
    }
}
