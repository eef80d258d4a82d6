import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation
import OneThingTestSupport
import Testing

/// A case's history told for a supervisor, in Chinese and English.
struct CaseTimelineTests {
    static func history() async throws -> ([CaseEvent], CaseBlueprint, BundleLoader.Loaded) {
        let loaded = try RuntimeFixtures.loaded("open-restaurant.yaml")
        let plan = try RuntimeFixtures.restaurant()
        let dates = WorkTimeCalendar(calendar: loaded.catalogue.calendar(region: "CN"))
        let start = try dates.time(atStartOf: CalendarDate("2026-09-28")!)
        let store = InMemoryEventStore()
        let driver = CaseDriver(store: store, settings: AdapterSettings(), seed: 3, start: start)
        try await driver.start(plan, id: "C1")
        _ = try await driver.drive()
        return (try await store.events(of: "C1"), CaseBlueprint(plan: plan), loaded)
    }

    @Test func workTimeIsDatedOnTheWorkingDayCalendar() throws {
        let loaded = try RuntimeFixtures.loaded("open-restaurant.yaml")
        let dates = WorkTimeCalendar(calendar: loaded.catalogue.calendar(region: "CN"))
        // 2026-09-25 is the Mid-Autumn Festival: the clock starts on Monday 09-28.
        let start = try dates.time(atStartOf: CalendarDate("2026-09-25")!)
        #expect(dates.text(at: start) == "2026-09-28 09:00")
        #expect(dates.text(at: start + 0.5) == "2026-09-28 13:00")
        // 1 working day later, across the weekend: 09:00 of the next working day, which
        // as a deadline is the end of 09-28.
        #expect(dates.text(at: start + 1) == "2026-09-29 09:00")
        #expect(dates.deadline(at: start + 1) == CalendarDate("2026-09-28"))
        #expect(try dates.time(atEndOf: CalendarDate("2026-09-28")!) == start + 1)
        #expect(dates.text(at: 1e6) == nil)
    }

    @Test func theTimelineNumbersEveryEventWithTimeKeysAndDepartments() async throws {
        let (events, blueprint, loaded) = try await Self.history()
        let timeline = CaseTimeline(
            events: events, blueprint: blueprint,
            names: CaseNames(catalogue: loaded.catalogue, bundle: loaded.bundle),
            dates: WorkTimeCalendar(calendar: loaded.catalogue.calendar(region: "CN")), language: .zh)
        let text = timeline.text
        #expect(text.hasPrefix("案件 C1\n一件事：开办餐饮店一件事（open-restaurant 1.0.0）\n牵头部门：市场监督管理局\n"))
        #expect(
            text.contains(
                "\n 1  第 0.00 工作日  2026-09-28 09:00  立案：开办餐饮店一件事（open-restaurant 1.0.0）；牵头部门 市场监督管理局\n"))
        #expect(text.contains("推送“营业执照（经营主体设立登记）”至 市场监督管理局（第 1 次）\n    幂等键：C1/business-registration/1\n"))
        #expect(text.contains("统一出件："))
        #expect(text.split(separator: "\n").filter { $0.contains("幂等键：") }.count == blueprint.tasks.count)

        let english = CaseTimeline(
            events: events, blueprint: blueprint, names: CaseNames(catalogue: loaded.catalogue), dates: nil,
            language: .en
        ).text
        #expect(
            english.contains(
                " 3  day 0.00  sent business-registration to Administration for Market Regulation (attempt 1)\n    idempotency key: C1/business-registration/1\n"
            ))
        #expect(english.contains("Outcome: "))
    }

    @Test func progressSaysWhatWaitsOnWhom() async throws {
        let (events, blueprint, loaded) = try await Self.history()
        var state = CaseState(id: "C1", blueprint: blueprint)
        for event in events.prefix(7) { state.apply(event) }
        let names = CaseNames(catalogue: loaded.catalogue, bundle: loaded.bundle)
        let progress = CaseProgress(state, names: names, language: .zh)
        #expect(progress.done == 1)
        #expect(progress.total == blueprint.tasks.count)
        #expect(progress.text(in: .zh).hasPrefix("1/\(blueprint.tasks.count) 步完成；等待："))
        #expect(progress.text(in: .zh).contains("市场监督管理局（食品经营许可（新办））"))
    }
}
