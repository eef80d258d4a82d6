import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation
import OneThingTestSupport
import Testing

/// What the applicant and the officers read about fetched materials (电子证照, 数据共享):
/// the notice says what happens if one cannot be fetched, the case's history says what
/// the service answered and what follows, and a case whose service fails goes on by
/// the bundle's fallback.
struct FetchedMaterialWordsTests {
    static let creditRepair = "税务行政处罚信息修复（最坏情况）"

    /// The notice's text in `language` for a test case of `bundle`.
    static func notice(_ bundle: String, case name: String, language: Language) throws -> String {
        let c = try NoticeFixture.notice(bundle, case: name, language: language)
        return NoticeMarkdownRenderer().render(c.notice)
    }

    @Test func theNoticeSaysTheFallbackOfEachFetchedMaterialInBothLanguages() throws {
        let zh = try Self.notice("bundles/credit-repair.yaml", case: Self.creditRepair, language: .zh)
        #expect(zh.contains("通过政务数据共享获取；暂时无法获取时，需要它的事项在受理后最多等待2个工作日"), "\(zh)")
        let en = try Self.notice("bundles/credit-repair.yaml", case: Self.creditRepair, language: .en)
        #expect(
            en.contains(
                "fetched from shared government data; if it cannot be fetched at once, the items that need it "
                    + "wait for it up to 2 workdays after acceptance"), "\(en)")
        let restaurant = try Self.notice(
            "bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase, language: .en)
        #expect(
            restaurant.contains(
                "fetched from the electronic licence; if it cannot be fetched, you will be asked"))
    }

    @Test func theHistoryTellsWhatTheServiceAnsweredAndWhatFollows() throws {
        let blueprint = try RuntimeFixtures.blueprint("credit-repair.yaml", case: Self.creditRepair)
        let origin = RuntimeFixtures.at("2026-12-03 09:00")
        let until = RuntimeFixtures.at("2026-12-08 00:00")
        let names = CaseNames(blueprint: blueprint)
        func words(_ kind: CaseEvent.Kind, _ language: Language) throws -> CaseEventText {
            CaseEventText(
                CaseEvent(caseID: "c1", sequence: 3, at: origin, kind: kind), names: names,
                clock: CaseClockText(
                    origin: origin, calendar: try RuntimeFixtures.calendar(), language: language))
        }
        let waiting = CaseEvent.Kind.materialUnavailable(
            material: "obligation-proof", reason: "HTTP 503", fallback: .wait(until: until))
        let zh = try words(waiting, .zh)
        #expect(zh.summary.contains("暂未能通过政务数据共享获取：需要它的事项等待至 2026-12-07"), "\(zh.summary)")
        #expect(zh.reason == "HTTP 503")
        let en = try words(waiting, .en)
        #expect(
            en.summary.contains(
                "could not be fetched (from shared government data): the steps that need it wait"),
            "\(en.summary)")
        let fetched = try words(.materialFetched(material: "obligation-proof", reference: "FK-1"), .zh)
        #expect(fetched.summary.contains("已通过政务数据共享获取，无需提交") && fetched.reason == "FK-1")
        let failed = try words(.failed(step: 1, material: "obligation-proof"), .en)
        #expect(
            failed.summary.contains("could not be fetched and did not arrive in time"), "\(failed.summary)")
    }

    @Test func aCaseWhoseServiceFailsAsksForPaperAndStillCompletes() async throws {
        let plan = try RuntimeFixtures.restaurant()
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        let store = InMemoryEventStore()
        var settings = AdapterSettings()
        settings.simulation.defaults.rejection = 0
        settings.materialService = .simulated(unavailable: 1)
        let driver = CaseDriver(
            store: store, calendar: try RuntimeFixtures.calendar(),
            adapters: CaseAdapters(settings: settings, seed: 5),
            start: RuntimeFixtures.at("2026-12-03 09:00"))
        let id = try await driver.start(
            blueprint: blueprint, answers: plan.answers.values.mapValues(\.description),
            provided: plan.materials.filter { $0.status == .bring }.map(\.id))
        _ = try await driver.drive()
        let events = try await store.events(of: id)
        #expect(
            events.contains {
                if case .materialUnavailable("id-card", SimulatedMaterialService.unavailableReason, .paper) =
                    $0.kind
                {
                    return true
                }
                return false
            })
        // The simulated applicant brings it as a deferred material, and the case goes on.
        #expect(events.contains { $0.kind == .materialSupplied(material: "id-card", late: false) })
        let state = try CaseState(id: id, blueprint: blueprint, events: events)
        #expect(state.isClosed)
        #expect(state.steps.allSatisfy { $0.missingMaterial != "id-card" })
    }

    @Test func aCaseWhoseServiceFailsWaitsAndTheServiceDeliversLate() async throws {
        let plan = try RuntimeFixtures.plan("credit-repair.yaml", case: Self.creditRepair)
        let blueprint = try RuntimeFixtures.blueprint("credit-repair.yaml", case: Self.creditRepair)
        var settings = AdapterSettings()
        settings.simulation.defaults.rejection = 0
        // Arrivals well inside their bound: the service delivers before the steps fail.
        settings.simulation.deferredArrival = Triangular(min: 0.1, mode: 0.3, max: 0.5)
        settings.materialService = .simulated(unavailable: 1)
        let store = InMemoryEventStore()
        let driver = CaseDriver(
            store: store, calendar: try RuntimeFixtures.calendar(),
            adapters: CaseAdapters(settings: settings, seed: 5),
            start: RuntimeFixtures.at("2026-12-03 09:00"))
        let id = try await driver.start(
            blueprint: blueprint, answers: plan.answers.values.mapValues(\.description),
            provided: plan.materials.filter { $0.status == .bring }.map(\.id))
        _ = try await driver.drive()
        let events = try await store.events(of: id)
        let unavailable = try #require(
            events.firstIndex {
                if case .materialUnavailable("obligation-proof", _, .wait) = $0.kind { return true }
                return false
            })
        let delivered = try #require(
            events.firstIndex {
                if case .materialFetched("obligation-proof", let reference) = $0.kind {
                    return reference.hasPrefix("SIM-")
                }
                return false
            })
        #expect(unavailable < delivered)
        let state = try CaseState(id: id, blueprint: blueprint, events: events)
        #expect(state.outcome == .completed)
    }
}
