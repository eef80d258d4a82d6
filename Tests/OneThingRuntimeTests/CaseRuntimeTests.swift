import Foundation
import OneThingRuntime
import OneThingTestSupport
import Testing

/// The runtime's decisions for one case, driven by hand on a virtual timeline. The
/// restaurant's worst case is accepted on Thursday 2026-12-03 at 09:00; its
/// registration (1 working day) is due at the end of Friday 12-04.
struct CaseRuntimeTests {
    static let accepted = RuntimeFixtures.at("2026-12-03 09:00")

    static func started(_ caseName: String = RuntimeFixtures.restaurantWorstCase, provided: [String]? = nil)
        throws -> (CaseRuntime, CaseBlueprint)
    {
        let blueprint = try RuntimeFixtures.restaurantBlueprint(caseName)
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()], seed: 1)
        try runtime.start(
            "c1", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint, provided: provided),
            at: accepted)
        return (runtime, blueprint)
    }

    static func submitted(_ runtime: inout CaseRuntime) -> [Submission] {
        runtime.takeEffects().compactMap {
            if case .submit(let submission) = $0 { return submission }
            return nil
        }
    }

    static func index(_ id: String, in blueprint: CaseBlueprint) throws -> Int {
        try #require(blueprint.stepIndex(id))
    }

    @Test func intakeAcceptsAndSendsOnlyStepsWithNothingBeforeThem() throws {
        var (runtime, blueprint) = try Self.started()
        let events = runtime.takeOutbox().map(\.kind)
        let promisedBy = RuntimeFixtures.at("2026-12-19 00:00")  // 11 working days: the end of 12-18
        let deadline = RuntimeFixtures.at("2026-12-11 00:00")  // 5 working days: the end of 12-10
        #expect(
            events.contains(
                .intake(
                    .accepted(
                        promisedBy: promisedBy,
                        deferred: [DeferredMaterial(material: "food-safety-rules", dueBy: deadline)]))))
        let sent = Self.submitted(&runtime)
        #expect(sent.map(\.stepID) == ["business-registration"])
        #expect(sent.first?.due == RuntimeFixtures.at("2026-12-05 00:00"))
        #expect(blueprint.steps.first?.id == "business-registration")
        #expect(runtime.cases["c1"]?.steps[0].status == .dispatched)
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
        #expect(Self.submitted(&runtime).isEmpty)
    }

    @Test func theJointInspectionIsOneStepBeforeTheFoodPermitAndTheFireCheck() throws {
        var (runtime, blueprint) = try Self.started()
        let inspection = try Self.index("food-fire-joint-inspection", in: blueprint)
        let food = try Self.index("food-permit", in: blueprint)
        let fire = try Self.index("fire-check-normal", in: blueprint)
        #expect(blueprint.steps[inspection].kind == .inspection)
        #expect(blueprint.steps[food].predecessors.contains(inspection))
        #expect(blueprint.steps[fire].predecessors.contains(inspection))
        // The participants' own limits, not folded with the inspection's.
        #expect(blueprint.steps[food].limit == TimeLimit(6, .workdays))
        runtime.report(
            .approved, for: Self.submitted(&runtime)[0].key, at: RuntimeFixtures.at("2026-12-03 10:00"))
        let sent = Self.submitted(&runtime).map(\.stepID)
        #expect(sent.contains("food-fire-joint-inspection"))
        #expect(!sent.contains("food-permit") && !sent.contains("fire-check-normal"))
        let key = try #require(runtime.cases["c1"]?.steps[inspection].key)
        runtime.report(.approved, for: key, at: RuntimeFixtures.at("2026-12-07 10:00"))
        #expect(Set(Self.submitted(&runtime).map(\.stepID)) == ["food-permit", "fire-check-normal"])
    }

    @Test func aFailedJointInspectionCancelsEachParticipant() throws {
        var (runtime, blueprint) = try Self.started()
        let inspection = try Self.index("food-fire-joint-inspection", in: blueprint)
        runtime.report(
            .approved, for: Self.submitted(&runtime)[0].key, at: RuntimeFixtures.at("2026-12-03 10:00"))
        let key = try #require(runtime.cases["c1"]?.steps[inspection].key)
        runtime.report(.rejected(reason: "厨房布局不符合要求"), for: key, at: RuntimeFixtures.at("2026-12-04 10:00"))
        let state = try #require(runtime.cases["c1"])
        for id in ["food-permit", "fire-check-normal"] {
            let step = try Self.index(id, in: blueprint)
            #expect(state.steps[step].status == .cancelled)
            #expect(state.steps[step].cancelledBy == inspection)
        }
    }

    @Test func approvingTheRegistrationReleasesTheParallelSteps() throws {
        var (runtime, _) = try Self.started()
        let registration = Self.submitted(&runtime)[0]
        runtime.report(.approved, for: registration.key, at: RuntimeFixtures.at("2026-12-03 10:00"))
        let sent = Self.submitted(&runtime).map(\.stepID)
        #expect(sent.count == 6)
        #expect(sent.contains("drainage-permit") && sent.contains("seal-engraving"))
    }

    @Test func anApprovalWaitsForItsDeferredMaterialAndFailsPastItsDeadline() throws {
        var (runtime, blueprint) = try Self.started()
        runtime.report(
            .approved, for: Self.submitted(&runtime)[0].key, at: RuntimeFixtures.at("2026-12-03 10:00"))
        let inspection = try Self.index("food-fire-joint-inspection", in: blueprint)
        let key = try #require(runtime.cases["c1"]?.steps[inspection].key)
        runtime.report(.approved, for: key, at: RuntimeFixtures.at("2026-12-03 11:00"))
        let food = try #require(Self.submitted(&runtime).first { $0.stepID == "food-permit" })
        runtime.report(.approved, for: food.key, at: RuntimeFixtures.at("2026-12-04 10:00"))
        #expect(runtime.cases["c1"]?.steps[food.step].status == .held)
        runtime.advance(to: RuntimeFixtures.at("2026-12-10 23:59"))
        #expect(runtime.cases["c1"]?.steps[food.step].status == .held)
        runtime.advance(to: RuntimeFixtures.at("2026-12-11 00:00"))
        #expect(runtime.cases["c1"]?.steps[food.step].status == .failed)
        #expect(runtime.cases["c1"]?.steps[food.step].missingMaterial == "food-safety-rules")
        runtime.supply("food-safety-rules", to: "c1", at: RuntimeFixtures.at("2026-12-11 09:00"))
        #expect(
            runtime.takeOutbox().last?.kind == .materialSupplied(material: "food-safety-rules", late: true))
    }

    @Test func aHeldApprovalIsIssuedWhenTheMaterialArrives() throws {
        var (runtime, blueprint) = try Self.started()
        runtime.report(
            .approved, for: Self.submitted(&runtime)[0].key, at: RuntimeFixtures.at("2026-12-03 10:00"))
        let inspection = try Self.index("food-fire-joint-inspection", in: blueprint)
        let key = try #require(runtime.cases["c1"]?.steps[inspection].key)
        runtime.report(.approved, for: key, at: RuntimeFixtures.at("2026-12-03 11:00"))
        let food = try #require(Self.submitted(&runtime).first { $0.stepID == "food-permit" })
        runtime.report(.approved, for: food.key, at: RuntimeFixtures.at("2026-12-04 10:00"))
        runtime.supply("food-safety-rules", to: "c1", at: RuntimeFixtures.at("2026-12-07 10:00"))
        #expect(runtime.cases["c1"]?.steps[food.step].status == .approved)
        #expect(
            runtime.takeOutbox().contains {
                $0.kind == .materialSupplied(material: "food-safety-rules", late: false)
            })
    }

    @Test func aRejectionCancelsWhatDependsOnItAndTheCaseIsDelivered() throws {
        var (runtime, _) = try Self.started()
        runtime.report(.rejected(reason: "名称不合规"), for: Self.submitted(&runtime)[0].key, at: Self.accepted)
        let state = try #require(runtime.cases["c1"])
        #expect(state.steps[0].status == .rejected)
        #expect(state.steps.dropFirst().allSatisfy { $0.status == .cancelled && $0.cancelledBy == 0 })
        #expect(state.outcome == .refused)
    }

    /// home-transfer stops everything on a refusal, except of a utility transfer, which
    /// says `on-rejection: continue`. Its case is run up to the utility transfers,
    /// which are all sent and open at once.
    static func homeTransferAtTheUtilities() throws -> (CaseRuntime, CaseBlueprint, [String: Submission]) {
        let blueprint = try RuntimeFixtures.blueprint(
            "home-transfer.yaml", case: "卖方有抵押、买方贷款，双方已婚，水电气网全部过户（最坏情况）")
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()], seed: 1)
        try runtime.start(
            "c1", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint), at: accepted)
        let utilities: Set<String> = ["water-transfer", "power-transfer", "gas-transfer", "network-transfer"]
        var open: [String: Submission] = [:]
        var sent = submitted(&runtime)
        while !sent.isEmpty {
            for submission in sent {
                if utilities.contains(submission.stepID) {
                    open[submission.stepID] = submission
                } else {
                    runtime.report(.approved, for: submission.key, at: accepted)
                }
            }
            sent = submitted(&runtime)
        }
        return (runtime, blueprint, open)
    }

    @Test func anItemThatContinuesOnRejectionStopsNothingInABundleThatStopsAll() throws {
        var (runtime, blueprint, open) = try Self.homeTransferAtTheUtilities()
        #expect(blueprint.stopAllOnRejection)
        let water = try Self.index("water-transfer", in: blueprint)
        #expect(!blueprint.stopsAllOnRejection(of: water))
        #expect(Set(open.keys) == ["water-transfer", "power-transfer", "gas-transfer", "network-transfer"])
        let key = try #require(open["water-transfer"]?.key)
        runtime.report(.rejected(reason: "水费未结清"), for: key, at: Self.accepted)
        let state = try #require(runtime.cases["c1"])
        #expect(state.steps[water].status == .rejected)
        for id in ["power-transfer", "gas-transfer", "network-transfer"] {
            #expect(state.steps[try Self.index(id, in: blueprint)].status == .dispatched, "\(id)")
        }
        #expect(state.outcome == nil)
    }

    @Test func anItemWithoutItsOwnPolicyFollowsTheBundleAndStopsAll() throws {
        let blueprint = try RuntimeFixtures.blueprint(
            "home-transfer.yaml", case: "卖方有抵押、买方贷款，双方已婚，水电气网全部过户（最坏情况）")
        let discharge = try Self.index("mortgage-discharge", in: blueprint)
        let filing = try Self.index("contract-filing", in: blueprint)
        #expect(blueprint.steps[discharge].stopsAllOnRejection == nil)
        #expect(blueprint.stopsAllOnRejection(of: discharge))
        // The contract filing does not wait for the mortgage's discharge: only the
        // bundle's stop-all cancels it.
        #expect(!blueprint.steps[discharge].successors.contains(filing))
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()], seed: 1)
        try runtime.start(
            "c1", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint), at: Self.accepted)
        let submission = try #require(Self.submitted(&runtime).first { $0.stepID == "mortgage-discharge" })
        runtime.report(.rejected(reason: "抵押权人未到场"), for: submission.key, at: Self.accepted)
        let state = try #require(runtime.cases["c1"])
        #expect(state.steps[filing].status == .cancelled)
        #expect(state.steps.indices.allSatisfy { $0 == discharge || state.steps[$0].status == .cancelled })
    }

    @Test func aStepsOwnPolicyIsPartOfTheBlueprintsFingerprintOnlyWhenOneIsWritten() throws {
        let blueprint = try RuntimeFixtures.blueprint(
            "home-transfer.yaml", case: "卖方有抵押、买方贷款，双方已婚，水电气网全部过户（最坏情况）")
        let followsTheBundle = blueprint.steps.map { step in
            CaseBlueprint.Step(
                kind: step.kind, id: step.id, name: step.name, department: step.department, limit: step.limit,
                predecessors: step.predecessors, successors: step.successors, deferred: step.deferred,
                outputs: step.outputs)
        }
        let without = CaseBlueprint(
            bundle: blueprint.bundle, version: blueprint.version, title: blueprint.title,
            lead: blueprint.lead,
            supervisor: blueprint.supervisor, stopAllOnRejection: true, steps: followsTheBundle,
            deferredDeadlines: blueprint.deferredDeadlines, core: blueprint.core, promise: blueprint.promise,
            departments: blueprint.departments, materials: blueprint.materials, outputs: blueprint.outputs,
            fetched: blueprint.fetched)
        #expect(without.fingerprint != blueprint.fingerprint)
        let decoded = try JSONDecoder().decode(CaseBlueprint.self, from: JSONEncoder().encode(blueprint))
        #expect(decoded == blueprint)
        #expect(decoded.steps.contains { $0.stopsAllOnRejection == false })
        let plain = String(decoding: try JSONEncoder().encode(without), as: UTF8.self)
        #expect(!plain.contains("stopsAllOnRejection\":false"))
    }

    @Test func aWithdrawnCaseCancelsItsOpenStepsKeepsWhatWasApprovedAndIsDelivered() throws {
        var (runtime, blueprint) = try Self.started()
        let registration = Self.submitted(&runtime)[0]
        runtime.report(.approved, for: registration.key, at: Self.accepted)
        let sent = Self.submitted(&runtime)
        #expect(!sent.isEmpty)
        _ = runtime.takeOutbox()
        let later = RuntimeFixtures.at("2026-12-04 10:00")
        let taken = runtime.withdraw("c1", reason: "不开了", at: later)
        #expect(taken)
        let events = runtime.takeOutbox().map(\.kind)
        #expect(events.dropLast().last == .withdrawn(reason: "不开了"))
        let outputs = blueprint.steps[0].outputs
        #expect(events.last == .delivered(outputs: outputs, outcome: .withdrawn))
        // What the departments had is withdrawn from them; nothing new is sent.
        let effects = runtime.takeEffects()
        let cancelled = effects.compactMap {
            if case .cancel(let submission) = $0 { submission.key } else { nil }
        }
        #expect(Set(cancelled) == Set(sent.map(\.key)))
        #expect(!effects.contains { if case .submit = $0 { true } else { false } })
        let state = try #require(runtime.cases["c1"])
        #expect(state.steps[0].status == .approved)
        #expect(state.steps.dropFirst().allSatisfy { $0.status == .cancelled })
        #expect(state.withdrawnAt == later)
        #expect(state.outcome == .withdrawn)
        // A closed case is not withdrawn again, nor an unknown one.
        let again = runtime.withdraw("c1", reason: "", at: later)
        let unknown = runtime.withdraw("c2", reason: "", at: later)
        #expect(!again && !unknown)
        #expect(runtime.takeOutbox().isEmpty)
    }

    @Test func aSupplementStopsTheStepsClockForTheWorkingDaysItTook() throws {
        var (runtime, _) = try Self.started()
        let registration = Self.submitted(&runtime)[0]
        runtime.report(.inReview, for: registration.key, at: Self.accepted)
        // Asked on Thursday 12-03, supplied on Tuesday 12-08: Fri, Mon, Tue stood still.
        runtime.report(
            .supplementRequested(note: "补正住所证明"), for: registration.key,
            at: RuntimeFixtures.at("2026-12-03 11:00"))
        runtime.supplementSupplied("c1", step: 0, at: RuntimeFixtures.at("2026-12-08 10:00"))
        #expect(runtime.cases["c1"]?.steps[0].due == RuntimeFixtures.at("2026-12-10 00:00"))
        #expect(
            runtime.takeOutbox().last?.kind
                == .supplementSupplied(step: 0, due: RuntimeFixtures.at("2026-12-10 00:00")))
    }

    @Test func anOverdueStepIsWarnedReportedAfterItsDueMomentAndEscalated() throws {
        var (runtime, blueprint) = try Self.started()
        _ = runtime.takeOutbox()
        let due = RuntimeFixtures.at("2026-12-05 00:00")
        runtime.advance(to: RuntimeFixtures.at("2026-12-04 23:59"))
        #expect(runtime.takeOutbox().map(\.kind) == [.dueSoon(step: 0, due: due)])
        runtime.advance(to: RuntimeFixtures.at("2026-12-05 00:00"))
        let overdue = runtime.takeOutbox()
        #expect(overdue.map(\.kind) == [.overdue(step: 0, due: due)])
        #expect(overdue.first?.at == due)  // reported after the due date (12-04), not on it
        runtime.advance(to: RuntimeFixtures.at("2026-12-20 00:00"))
        // The registration is the lead's own step: escalated to the supervising office,
        // at the end of the first working day after the due date (Monday 12-07).
        let escalation = runtime.takeOutbox().filter { if case .escalated = $0.kind { true } else { false } }
        #expect(blueprint.steps[0].department == blueprint.lead)
        #expect(escalation.map(\.kind) == [.escalated(step: 0, to: "government-services")])
        #expect(escalation.first?.at == RuntimeFixtures.at("2026-12-08 00:00"))
    }

    @Test func anotherDepartmentsLateStepIsEscalatedToTheLead() throws {
        var (runtime, _) = try Self.started()
        runtime.report(
            .approved, for: Self.submitted(&runtime)[0].key, at: RuntimeFixtures.at("2026-12-03 10:00"))
        _ = runtime.takeOutbox()
        runtime.advance(to: RuntimeFixtures.at("2027-06-01 00:00"))
        let escalations = runtime.takeOutbox().compactMap { event -> String? in
            if case .escalated(_, let to) = event.kind { return to }
            return nil
        }
        #expect(escalations.contains("market-regulation"))
        #expect(escalations.contains("government-services"))  // the lead's own joint inspection
    }

    @Test func aFailedSubmissionIsSentAgainAsANewAttemptUnderTheSameKeyAfterABackoff() throws {
        var (runtime, _) = try Self.started()
        let first = Self.submitted(&runtime)[0]
        runtime.submissionFailed(first.key, reason: "timeout", at: Self.accepted)
        #expect(Self.submitted(&runtime).isEmpty)
        guard case .dispatchFailed(_, _, _, let retryAt) = runtime.takeOutbox().last?.kind else {
            Issue.record("no failure recorded")
            return
        }
        // A minute ±50 %, in wall time.
        let delay = retryAt.milliseconds - Self.accepted.milliseconds
        #expect((30_000...90_000).contains(delay))
        runtime.advance(to: retryAt)
        let again = Self.submitted(&runtime)
        #expect(again.map(\.attempt) == [2])
        // The department may have taken the first push (its answer lost, or late): the
        // second is the same task to it, under the first key.
        #expect(again.first?.key == "c1/business-registration/1")
        #expect(again.first?.due == first.due)  // a retry keeps the step's due date
        // The history still records each attempt, with the key it went under.
        #expect(
            runtime.takeOutbox().last?.kind
                == .dispatched(step: 0, attempt: 2, key: "c1/business-registration/1", due: first.due))
    }

    @Test func anAnswerOnTheKeyWhileTheStepWaitsForItsRetryIsTaken() throws {
        var (runtime, _) = try Self.started()
        let first = Self.submitted(&runtime)[0]
        runtime.submissionFailed(first.key, reason: "no answer within 10000 ms", at: Self.accepted)
        guard case .dispatchFailed(_, _, _, let retryAt) = runtime.takeOutbox().last?.kind else {
            Issue.record("no failure recorded")
            return
        }
        // The department took the push that timed out, and answers before the retry.
        runtime.report(.approved, for: first.key, at: Self.accepted.adding(milliseconds: 1_000))
        #expect(runtime.cases["c1"]?.steps[0].status == .approved)
        runtime.advance(to: retryAt)
        #expect(!Self.submitted(&runtime).contains { $0.stepID == "business-registration" })
    }

    @Test func aRestoredCaseRetriesUnderTheKeyItWasFirstSentWith() throws {
        var (runtime, blueprint) = try Self.started()
        let first = Self.submitted(&runtime)[0]
        runtime.submissionFailed(first.key, reason: "escalated: HTTP 503", at: Self.accepted)
        let events = runtime.takeOutbox()
        guard case .dispatchFailed(_, _, _, let retryAt) = events.last?.kind else {
            Issue.record("no failure recorded")
            return
        }
        var restored = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()], seed: 1)
        try restored.restore(events, blueprint: blueprint, at: Self.accepted.adding(milliseconds: 1_000))
        #expect(Self.submitted(&restored).isEmpty, "a step waiting for its retry is not sent at once")
        restored.advance(to: retryAt)
        let again = Self.submitted(&restored)
        #expect(again.map(\.key) == [first.key] && again.map(\.attempt) == [2])
    }

    @Test func anAnswerWithAStaleKeyIsRecordedAndIgnored() throws {
        var (runtime, _) = try Self.started()
        _ = Self.submitted(&runtime)
        runtime.report(.approved, for: "c1/business-registration/7", at: Self.accepted)
        #expect(runtime.cases["c1"]?.steps[0].status == .dispatched)
        #expect(
            runtime.takeOutbox().last?.kind
                == .outcomeIgnored(
                    step: 0, key: "c1/business-registration/7", outcome: "approved", status: .dispatched))
    }

    @Test func restoringFromTheEventsGivesTheSameStateAndResendsWithTheSameKey() throws {
        var (runtime, blueprint) = try Self.started()
        runtime.report(
            .approved, for: Self.submitted(&runtime)[0].key, at: RuntimeFixtures.at("2026-12-03 10:00"))
        let sentBefore = Self.submitted(&runtime)
        let events = runtime.takeOutbox()
        var restored = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()], seed: 9)
        try restored.restore(events, blueprint: blueprint, at: RuntimeFixtures.at("2026-12-03 11:00"))
        #expect(restored.cases["c1"] == runtime.cases["c1"])
        let resent = Self.submitted(&restored)
        #expect(Set(resent.map(\.key)) == Set(sentBefore.map(\.key)))
        #expect(resent.allSatisfy { $0.sentAt == RuntimeFixtures.at("2026-12-03 10:00") })
        #expect(restored.takeOutbox().isEmpty)
    }

    @Test func aStartThatCannotBeDatedIsRefusedAndEmitsNothing() throws {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        var runtime = CaseRuntime(calendars: ["HK": try RuntimeFixtures.calendar()])
        #expect(throws: RuntimeError.self) {
            try runtime.start(
                "c1", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint), at: Self.accepted)
        }
        #expect(runtime.outbox.isEmpty && runtime.cases.count == 0)
    }
}
