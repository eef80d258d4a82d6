import Foundation
import OneThingRuntime
import OneThingTestSupport
import Testing

/// Materials fetched when a case starts (电子证照, 数据共享): what the service answered is
/// recorded, and when it could not provide one the bundle's fallback decides: paper
/// (the applicant brings it, the steps that need it are held until then) or wait (the
/// steps wait for a late delivery, at most the bound).
struct FetchedMaterialTests {
    static let accepted = RuntimeFixtures.at("2026-12-03 09:00")
    /// The tax penalty case of credit repair: its confirmation needs the proof of payment,
    /// fetched from shared data with `fallback: {wait: 2 workdays}`.
    static let creditRepair = "税务行政处罚信息修复（最坏情况）"

    /// A service that answers every material the same way.
    struct FixedService: MaterialService {
        let outcome: MaterialFetchOutcome
        func fetch(_ request: MaterialRequest) async -> MaterialFetchOutcome { outcome }
    }

    static func creditBlueprint() throws -> CaseBlueprint {
        try RuntimeFixtures.blueprint("credit-repair.yaml", case: creditRepair)
    }

    static func kinds(_ runtime: inout CaseRuntime) -> [CaseEvent.Kind] { runtime.takeOutbox().map(\.kind) }

    static func submitted(_ runtime: inout CaseRuntime) -> [Submission] {
        runtime.takeEffects().compactMap {
            if case .submit(let submission) = $0 { return submission }
            return nil
        }
    }

    @Test func theBlueprintCarriesEachFetchedMaterialWithItsFallbackAndTheStepsThatNeedIt() throws {
        let restaurant = try RuntimeFixtures.restaurantBlueprint()
        let idCard = try #require(restaurant.fetched("id-card"))
        #expect(idCard.source == .eLicence)
        #expect(idCard.fallback == .paper)
        #expect(idCard.steps.map { restaurant.steps[$0].id }.contains("business-registration"))
        let credit = try Self.creditBlueprint()
        let proof = try #require(credit.fetched("obligation-proof"))
        #expect(proof.source == .sharedData)
        #expect(proof.fallback == .wait(TimeLimit(2, .workdays)))
        #expect(proof.steps.map { credit.steps[$0].id } == ["tax-confirmation"])
    }

    @Test func aBlueprintWithoutFetchedMaterialsIsWrittenAndFingerprintedAsBefore() throws {
        let restaurant = try RuntimeFixtures.restaurantBlueprint()
        let without = CaseBlueprint(
            bundle: restaurant.bundle, version: restaurant.version, title: restaurant.title,
            region: restaurant.region, lead: restaurant.lead, supervisor: restaurant.supervisor,
            stopAllOnRejection: restaurant.stopAllOnRejection, steps: restaurant.steps,
            deferredDeadlines: restaurant.deferredDeadlines, core: restaurant.core,
            promise: restaurant.promise,
            departments: restaurant.departments, materials: restaurant.materials, outputs: restaurant.outputs)
        #expect(without.fingerprint != restaurant.fingerprint)
        let json = String(decoding: try JSONEncoder().encode(without), as: UTF8.self)
        #expect(!json.contains("\"fetched\""))
        // A blueprint stored before fetched materials existed reads back with none, and
        // the same fingerprint.
        let read = try JSONDecoder().decode(CaseBlueprint.self, from: Data(json.utf8))
        #expect(read.fetched.isEmpty && read.fingerprint == without.fingerprint)
        let full = try JSONDecoder().decode(CaseBlueprint.self, from: JSONEncoder().encode(restaurant))
        #expect(full == restaurant && full.fingerprint == restaurant.fingerprint)
    }

    @Test func aFetchedMaterialIsRecordedWithItsReferenceAfterIntake() throws {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()])
        try runtime.start(
            "c1", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint), at: Self.accepted,
            fetches: ["id-card": .fetched(reference: "DZZZ-0001")])
        let kinds = Self.kinds(&runtime)
        #expect(kinds.count >= 3)
        if case .intake(.accepted) = kinds[1] {} else { Issue.record("intake is not second: \(kinds)") }
        #expect(kinds[2] == .materialFetched(material: "id-card", reference: "DZZZ-0001"))
        let state = try #require(runtime.cases["c1"])
        #expect(state.fetchedReferences == ["id-card": "DZZZ-0001"])
        #expect(state.awaitedMaterials(of: 0).isEmpty)
    }

    @Test func aMaterialTheApplicantBroughtIsNotFetched() throws {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()])
        try runtime.start(
            "c1", blueprint: blueprint,
            start: RuntimeFixtures.start(for: blueprint, provided: blueprint.core + ["id-card"]),
            at: Self.accepted, fetches: ["id-card": .unavailable(reason: "down")])
        #expect(
            !Self.kinds(&runtime).contains { $0.name == .materialUnavailable || $0.name == .materialFetched })
    }

    @Test func paperHoldsTheStepsThatNeedItUntilTheApplicantBringsIt() throws {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()])
        try runtime.start(
            "c1", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint), at: Self.accepted,
            fetches: ["id-card": .unavailable(reason: "电子证照库无记录")])
        let kinds = Self.kinds(&runtime)
        let promisedBy = try #require(runtime.cases["c1"]?.promisedBy)
        #expect(
            kinds.contains(
                .materialUnavailable(
                    material: "id-card", reason: "电子证照库无记录", fallback: .paper(dueBy: promisedBy))))
        #expect(runtime.cases["c1"]?.deferredDue["id-card"] == promisedBy)
        let registration = try #require(
            Self.submitted(&runtime).first { $0.stepID == "business-registration" })
        runtime.report(.approved, for: registration.key, at: RuntimeFixtures.at("2026-12-03 10:00"))
        #expect(runtime.cases["c1"]?.steps[registration.step].status == .held)
        #expect(Self.kinds(&runtime) == [.approvalHeld(step: registration.step, materials: ["id-card"])])
        runtime.supply("id-card", to: "c1", at: RuntimeFixtures.at("2026-12-03 11:00"))
        #expect(runtime.cases["c1"]?.steps[registration.step].status == .approved)
        #expect(Self.kinds(&runtime).first == .materialSupplied(material: "id-card", late: false))
    }

    @Test func waitHoldsTheStepsUntilTheServiceDeliversWithinTheBound() throws {
        let blueprint = try Self.creditBlueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()])
        try runtime.start(
            "c1", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint), at: Self.accepted,
            fetches: ["obligation-proof": .unavailable(reason: "HTTP 503 (after 4 tries)")])
        // Two working days from Thursday 09:00: the end of Monday 12-07.
        let until = RuntimeFixtures.at("2026-12-08 00:00")
        #expect(
            Self.kinds(&runtime).contains(
                .materialUnavailable(
                    material: "obligation-proof", reason: "HTTP 503 (after 4 tries)",
                    fallback: .wait(until: until))))
        // Not the applicant's to bring: it is no deferred material.
        #expect(runtime.cases["c1"]?.deferredDue["obligation-proof"] == nil)
        let confirmation = try #require(blueprint.stepIndex("tax-confirmation"))
        #expect(runtime.cases["c1"]?.awaitedMaterials(of: confirmation).contains("obligation-proof") == true)
        runtime.supply("obligation-proof", to: "c1", at: RuntimeFixtures.at("2026-12-03 10:00"))
        #expect(Self.kinds(&runtime).isEmpty)
        let received = runtime.receive(
            "obligation-proof", reference: "FK-2026-77", for: "c1", at: RuntimeFixtures.at("2026-12-04 10:00")
        )
        #expect(received)
        #expect(
            Self.kinds(&runtime).last
                == .materialFetched(material: "obligation-proof", reference: "FK-2026-77"))
        #expect(runtime.cases["c1"]?.supplied.contains("obligation-proof") == true)
        let again = runtime.receive(
            "obligation-proof", reference: "again", for: "c1", at: RuntimeFixtures.at("2026-12-04 11:00"))
        #expect(!again)
    }

    @Test func aLateDeliveryApprovesTheStepHeldForIt() throws {
        let blueprint = try Self.creditBlueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()])
        try runtime.start(
            "c1", blueprint: blueprint,
            start: RuntimeFixtures.start(for: blueprint, provided: blueprint.core + ["rectification-report"]),
            at: Self.accepted, fetches: ["obligation-proof": .unavailable(reason: "timeout")])
        let application = try #require(Self.submitted(&runtime).first)
        runtime.report(.approved, for: application.key, at: RuntimeFixtures.at("2026-12-03 10:00"))
        let confirmation = try #require(Self.submitted(&runtime).first { $0.stepID == "tax-confirmation" })
        runtime.report(.approved, for: confirmation.key, at: RuntimeFixtures.at("2026-12-04 10:00"))
        #expect(runtime.cases["c1"]?.steps[confirmation.step].status == .held)
        _ = runtime.receive(
            "obligation-proof", reference: "FK-9", for: "c1", at: RuntimeFixtures.at("2026-12-07 15:00"))
        #expect(runtime.cases["c1"]?.steps[confirmation.step].status == .approved)
    }

    @Test func aStepStillWaitingAtTheBoundFailsWithTheMaterial() throws {
        let blueprint = try Self.creditBlueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()])
        try runtime.start(
            "c1", blueprint: blueprint,
            start: RuntimeFixtures.start(for: blueprint, provided: blueprint.core + ["rectification-report"]),
            at: Self.accepted, fetches: ["obligation-proof": .unavailable(reason: "timeout")])
        let application = try #require(Self.submitted(&runtime).first)
        runtime.report(.approved, for: application.key, at: RuntimeFixtures.at("2026-12-03 10:00"))
        let confirmation = try #require(Self.submitted(&runtime).first { $0.stepID == "tax-confirmation" })
        runtime.report(.approved, for: confirmation.key, at: RuntimeFixtures.at("2026-12-04 10:00"))
        #expect(runtime.cases["c1"]?.steps[confirmation.step].status == .held)
        runtime.advance(to: RuntimeFixtures.at("2026-12-07 23:59"))
        #expect(runtime.cases["c1"]?.steps[confirmation.step].status == .held)
        runtime.advance(to: RuntimeFixtures.at("2026-12-08 00:00"))
        #expect(runtime.cases["c1"]?.steps[confirmation.step].status == .failed)
        #expect(runtime.cases["c1"]?.steps[confirmation.step].missingMaterial == "obligation-proof")
        let late = runtime.receive(
            "obligation-proof", reference: "late", for: "c1", at: RuntimeFixtures.at("2026-12-08 09:00"))
        #expect(!late)
    }

    @Test func theEngineFetchesThroughItsServiceAndTheStoredCaseFoldsTheSame() async throws {
        let store = InMemoryEventStore()
        let clock = VirtualClock(start: Self.accepted)
        let engine = Engine(
            store: store,
            adapters: AdapterDirectory(
                fallback: EngineTests.QuietDepartment(),
                materials: FixedService(outcome: .unavailable(reason: "数据共享平台维护中"))),
            clock: clock, calendars: ["CN": try RuntimeFixtures.calendar()])
        let blueprint = try Self.creditBlueprint()
        let id = try await engine.start(blueprint: blueprint, answers: [:], provided: blueprint.core)
        let running = try #require(await engine.state(of: id))
        #expect(running.fetchFailures["obligation-proof"]?.reason == "数据共享平台维护中")
        try await engine.receive("obligation-proof", reference: "FK-1", for: id)
        await #expect(throws: EngineError.self) {
            try await engine.receive("obligation-proof", reference: "FK-2", for: id)
        }
        let stored = try await store.events(of: id)
        let folded = try CaseState(id: id, blueprint: blueprint, events: stored)
        #expect(folded.fetchedReferences == ["obligation-proof": "FK-1"])
        #expect(folded.fetchFailures == (await engine.state(of: id))?.fetchFailures)
        #expect(folded.supplied.contains("obligation-proof"))
    }

    @Test func anEngineWithoutAServiceFetchesNothing() async throws {
        let engine = try EngineTests.engine(InMemoryEventStore(), clock: VirtualClock(start: Self.accepted))
        let blueprint = try Self.creditBlueprint()
        let id = try await engine.start(blueprint: blueprint, answers: [:], provided: blueprint.core)
        let state = try #require(await engine.state(of: id))
        #expect(state.fetchedReferences.isEmpty && state.fetchFailures.isEmpty)
    }
}
