import OneThingPages
import OneThingPresentation
import OneThingRuntime
import OneThingTestSupport
import Testing

/// The supervisor's dashboard of a simulated March of three bundles, and of the
/// restaurant cases.
struct SupervisorDashboardTests {
    static func month() throws -> SupervisorDashboard {
        let month = try PageFixtures.month()
        return SupervisorDashboard(
            cases: month.cases, calendars: ["CN": try RuntimeFixtures.calendar()], now: month.now,
            period: month.period)
    }

    @Test func showsOpenAndOverdueByDepartmentMostOverdueFirst() throws {
        let dashboard = try Self.month()
        let overdue = dashboard.departments.map(\.figures.overdue)
        #expect(overdue == overdue.sorted(by: >))
        #expect(dashboard.figures.totals.overdue > 0)
        let html = SupervisorDashboardRenderer().render(dashboard)
        for department in dashboard.departments {
            #expect(
                html.contains(PageFixtures.escaped(department.name.zh)), "\(department.figures.department)")
        }
        #expect(html.contains("各部门在办与超期任务"))
    }

    @Test func showsOnTimeRatesByDepartmentAndByBundle() throws {
        let dashboard = try Self.month()
        #expect(
            dashboard.bundles.map(\.figures.bundle) == [
                "company-setup", "elevator-retrofit", "open-restaurant",
            ])
        let html = SupervisorDashboardRenderer().render(dashboard)
        for bundle in dashboard.bundles {
            let rate = bundle.figures.steps
            #expect(rate.finished > 0)
            #expect(html.contains("(\(rate.onTime)/\(rate.finished))"), "\(bundle.figures.bundle)")
        }
        #expect(html.contains("各部门按时办结率") && html.contains("各一件事按时办结率"))
    }

    @Test func everyChartIsAnImageWithATextAlternativeAndATableOfItsFigures() throws {
        let html = SupervisorDashboardRenderer().render(try Self.month())
        let charts = html.components(separatedBy: "<svg ").dropFirst()
        #expect(charts.count == 3)
        for chart in charts {
            // An image named in both languages, its title its first child.
            let opening = chart.prefix { $0 != ">" }
            #expect(opening.contains("role=\"img\" aria-label=\""))
            #expect(chart.dropFirst(opening.count).hasPrefix(">\n<title>"))
            #expect(chart.contains("</svg>"))
        }
        // Every bar says what it counts.
        #expect(html.contains("<title>超期 overdue "))
        // The numbers of the charts are in tables too.
        #expect(html.contains("<th scope=\"col\" class=\"num\">按时办结率"))
    }

    @Test func listsCasesAtRiskAndEscalations() throws {
        let dashboard = try Self.month()
        #expect(!dashboard.atRisk.isEmpty)
        #expect(!dashboard.escalations.isEmpty)
        let html = SupervisorDashboardRenderer().render(dashboard)
        for risk in dashboard.atRisk { #expect(html.contains(risk.figures.caseID)) }
        #expect(html.contains("督办记录"))
    }

    @Test func masksTheNumbersInWhatDepartmentsWroteOnACaseAtRisk() throws {
        let cases = try PageFixtures.restaurant()
        let dashboard = SupervisorDashboard(
            cases: cases, calendars: ["CN": try RuntimeFixtures.calendar()], now: PageFixtures.now,
            period: SupervisionPeriod(
                from: try #require(CalendarDate("2026-03-01")),
                through: try #require(CalendarDate("2026-03-31"))))
        let first = try #require(dashboard.atRisk.first { $0.figures.caseID == "C20260302-0001" })
        #expect(first.notes.map(\.kind) == [.supplement, .rejection])
        let html = SupervisorDashboardRenderer().render(dashboard)
        #expect(html.contains("联系电话 139****5678"))
        #expect(html.contains("办税人身份证号 1101**************"))
        #expect(!html.contains("13912345678"))
        #expect(!html.contains("110101199003071234"))
    }
}
