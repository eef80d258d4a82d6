import OneThingConditions
import OneThingModel
import OneThingPlan
import OneThingSource
import Testing

/// Scheduling a plan on a working-day calendar.
struct ScheduleTests {
    /// Item `a` stands alone; `b` waits for `a` and for `c`, which waits for `b`.
    static let circle = """
        id: circle
        title: 环
        version: 1.0.0
        effective: 2025-01-01
        category: business
        lead: market
        promise: 10 workdays
        form:
          note: {type: text, label: 备注, required: false}
        outputs:
          a-out: {name: 甲}
          b-out: {name: 乙}
          c-out: {name: 丙}
        items:
          a: {name: 甲, department: market, kind: permit, promised: 2 workdays, produces: [a-out]}
          b:
            name: 乙
            department: market
            kind: permit
            promised: 1 workday
            needs: [a-out, c-out]
            produces: [b-out]
          c: {name: 丙, department: market, kind: permit, promised: 1 workday, needs: [b-out], produces: [c-out]}
        """

    static let calendar = WorkdayCalendar(
        region: "CN", arrangements: [.init(year: 2025, holidays: [], makeUpWorkdays: [])])

    @Test func itemsWaitingInACircleAreLeftOutOfTheSchedule() throws {
        let file = SourceFile(path: "circle.yaml", text: Self.circle)
        let root = try #require(YAMLComposer.compose(file).root)
        let bundle = try #require(BundleDecoder.decode(root).bundle)
        let span = SourceSpan.wholeFile("catalogue")
        let catalogue = Catalogue(departments: [
            "market": Department(id: Located("market", at: span), name: "市场监管")
        ])
        let plan = try PlanBuilder(bundle: bundle, source: file, catalogue: catalogue)
            .plan(for: [], missingAt: .wholeFile("answers.yaml"))
        #expect(plan.graph.order == [0])
        let schedule = try Schedule(
            plan: plan, calendar: Self.calendar, accepted: #require(CalendarDate("2025-03-03")))
        #expect(schedule.delivery == CalendarDate("2025-03-05"))
        #expect(schedule.slack == [0: 0])
    }
}
