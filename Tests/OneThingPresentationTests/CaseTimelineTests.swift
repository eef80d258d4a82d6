import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation
import OneThingTestSupport
import Testing

/// A case's history told for a supervisor, in Chinese and English, from what the store
/// keeps: the events and the blueprint with its names.
struct CaseTimelineTests {
    static func history() async throws -> ([CaseEvent], CaseBlueprint) {
        let plan = try RuntimeFixtures.restaurant()
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        let store = InMemoryEventStore()
        let driver = CaseDriver(
            store: store, calendar: try RuntimeFixtures.calendar(),
            adapters: CaseAdapters(settings: AdapterSettings(), seed: 3),
            start: RuntimeFixtures.at("2026-09-28 09:00"))
        let id = try await driver.start(
            blueprint: blueprint, answers: plan.answers.values.mapValues(\.description),
            provided: plan.materials.filter { $0.status == .bring }.map(\.id))
        _ = try await driver.drive()
        return (try await store.events(of: id), blueprint)
    }

    @Test func momentsAreDatesInChinaTimeAndWorkingDaysOnTheCalendar() throws {
        let clock = CaseClockText(
            origin: RuntimeFixtures.at("2026-09-28 09:00"), calendar: try RuntimeFixtures.calendar(),
            language: .zh)
        #expect(clock.moment(RuntimeFixtures.at("2026-09-28 13:00")) == "第 0.50 工作日  2026-09-28 13:00")
        // Across the National Day holiday: 09-30 17:00 is three office days after 09-28 09:00.
        #expect(clock.moment(RuntimeFixtures.at("2026-10-08 09:00")) == "第 3.00 工作日  2026-10-08 09:00")
        #expect(clock.due(RuntimeFixtures.at("2026-10-09 00:00")) == "2026-10-08")
        let bare = CaseClockText(origin: RuntimeFixtures.at("2026-09-28 09:00"), calendar: nil, language: .en)
        #expect(bare.moment(RuntimeFixtures.at("2026-09-28 13:00")) == "2026-09-28 13:00")
    }

    @Test func theTimelineNumbersEveryEventWithMomentsKeysAndDepartments() async throws {
        let (events, blueprint) = try await Self.history()
        let id = try #require(events.first?.caseID)
        let timeline = CaseTimeline(
            events: events, blueprint: blueprint, calendar: try RuntimeFixtures.calendar(), language: .zh)
        let text = timeline.text
        #expect(text.hasPrefix("案件 \(id)\n一件事：开办餐饮店一件事（open-restaurant 1.0.0）\n牵头部门：市场监督管理局\n"))
        #expect(
            text.contains(
                "\n 1  第 0.00 工作日  2026-09-28 09:00  立案：开办餐饮店一件事（open-restaurant 1.0.0）；牵头部门 市场监督管理局\n"))
        #expect(
            text.contains(
                "推送“营业执照（经营主体设立登记）”至 市场监督管理局（第 1 次），应于 2026-09-29 前办结\n    幂等键：\(id)/business-registration/1\n"
            ))
        #expect(text.contains("推送“食品经营许可现场核查与消防安全检查联合勘验”至 市场监督管理局"))
        #expect(text.contains("统一出件："))
        #expect(text.split(separator: "\n").filter { $0.contains("幂等键：") }.count >= blueprint.steps.count)

        // Without a calendar (the store opened elsewhere), moments are dates; names are still names.
        let english = CaseTimeline(events: events, blueprint: blueprint, calendar: nil, language: .en).text
        #expect(
            english.contains(
                " 3  2026-09-28 09:00  sent business-registration to Administration for Market Regulation (attempt 1); due 2026-09-29\n    idempotency key: \(id)/business-registration/1\n"
            ))
        #expect(english.contains("Outcome: "))
    }

    @Test func progressCountsApprovedRejectedFailedAndCancelledApart() async throws {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()])
        try runtime.start(
            "C1", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint),
            at: RuntimeFixtures.at("2026-12-03 09:00"))
        let registration = try #require(runtime.cases["C1"]?.steps[0].key)
        runtime.report(.approved, for: registration, at: RuntimeFixtures.at("2026-12-03 10:00"))
        let inspection = try #require(blueprint.stepIndex("food-fire-joint-inspection"))
        let key = try #require(runtime.cases["C1"]?.steps[inspection].key)
        runtime.report(.rejected(reason: "布局不符"), for: key, at: RuntimeFixtures.at("2026-12-03 11:00"))
        let state = try #require(runtime.cases["C1"])
        let progress = CaseProgress(state, names: CaseNames(blueprint: blueprint), language: .zh)
        #expect(
            progress.approved == 1 && progress.rejected == 1 && progress.cancelled == 2
                && progress.failed == 0)
        #expect(progress.text(in: .zh).hasPrefix("1/\(blueprint.steps.count) 步已办结（1 项不予，2 项取消）；等待："))
        #expect(
            progress.text(in: .en).hasPrefix(
                "1/\(blueprint.steps.count) steps done (1 rejected, 2 cancelled); waiting on: "))
    }

    @Test func textAPersonTypedCannotForgeALineOrMoveTheCursor() {
        let forged = "x\n 99  day 0.00  forged\u{1B}[2J\u{202E}"
        let escaped = PrintableText.escaped(forged)
        #expect(!escaped.contains("\n") && !escaped.contains("\u{1B}") && !escaped.contains("\u{202E}"))
        #expect(escaped == "x\\n 99  day 0.00  forged\\u{1B}[2J\\u{202E}")
        #expect(PrintableText.escaped("补正住所证明") == "补正住所证明")
    }
}

/// The result an assessment decided and the steps it rules out, in both languages.
struct ResultTimelineTests {
    @Test func theGradeAndTheStepsNotNeededAreToldInBothLanguages() throws {
        var (runtime, blueprint) = try AssessedCase.run("three")
        let events = runtime.takeOutbox()
        let calendar = try RuntimeFixtures.calendar()
        let zh = CaseTimeline(events: events, blueprint: blueprint, calendar: calendar, language: .zh).text
        let en = CaseTimeline(events: events, blueprint: blueprint, calendar: calendar, language: .en).text
        #expect(zh.contains("“残疾评定”作出结果：残疾评定结果（残疾类别和等级）：三级\n"))
        #expect(zh.contains("“重度残疾人护理补贴审定”无需办理：依本件事已作出的结果不符合办理条件，不再推送"))
        #expect(zh.contains("统一出件：全部办结；"))
        #expect(en.contains("disability-assessment decides assessment-result: three\n"))
        #expect(
            en.contains("nursing-subsidy is not needed: the results of the case rule it out; it is not sent"))
        let state = try #require(runtime.cases["c1"])
        let progress = CaseProgress(state, names: CaseNames(blueprint: blueprint), language: .zh)
        #expect(progress.notNeeded == 2)
        #expect(progress.text(in: .zh) == "3/5 步已办结（2 项无需办理）")
        #expect(progress.text(in: .en) == "3/5 steps done (2 not needed)")
    }
}
