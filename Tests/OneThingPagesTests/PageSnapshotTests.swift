import OneThingPages
import OneThingPresentation
import OneThingRuntime
import OneThingTestSupport
import Testing

/// The three pages from the fixtures, as a browser gets them: self-contained documents,
/// Chinese first with the English beside it (`applicant-earlier.html` is the first case's
/// page a day before). `scripts/render-pages.sh` drives the same pages as the real
/// server serves them, in headless Chromium.
struct PageSnapshotTests {
    /// The queue's claim: officer Wang holds the joint inspection of the first case.
    static let claims = [
        TaskClaim(
            key: "C20260302-0001/food-fire-joint-inspection/1", principal: "王科员 officer-wang",
            until: PageFixtures.at("2026-03-05 12:00"))
    ]

    /// The moment of the earlier applicant's page: Wednesday 2026-03-04 10:30.
    static let earlier = PageFixtures.at("2026-03-04 10:30")

    /// The pages by file name.
    static func pages() throws -> [(name: String, html: String)] {
        let cases = try PageFixtures.restaurant()
        let calendars = ["CN": try RuntimeFixtures.calendar()]
        let notice = try PageFixtures.notice()
        let applicant = ApplicantCasePageRenderer().render(
            ApplicantCasePage(
                state: try PageFixtures.state("C20260302-0001", in: cases), now: PageFixtures.now,
                notice: notice))
        let before = ApplicantCasePageRenderer().render(
            ApplicantCasePage(
                state: try PageFixtures.state(
                    "C20260302-0001", in: try PageFixtures.restaurant(until: earlier)),
                now: earlier, notice: notice))
        let delivered = ApplicantCasePageRenderer().render(
            ApplicantCasePage(
                state: try PageFixtures.state("C20260302-0004", in: cases), now: PageFixtures.now))
        let department = DepartmentQueuePageRenderer().render(
            DepartmentQueuePage(
                department: "market-regulation", cases: cases, claims: claims, now: PageFixtures.now,
                calendars: calendars, viewer: "王科员 officer-wang"))
        let month = try PageFixtures.month()
        let supervisor = SupervisorDashboardRenderer().render(
            SupervisorDashboard(
                cases: month.cases, calendars: calendars, now: month.now, period: month.period))
        return [
            ("applicant.html", applicant), ("applicant-earlier.html", before),
            ("applicant-delivered.html", delivered),
            ("department.html", department),
            ("supervisor.html", supervisor),
        ]
    }

    @Test func everyPageLoadsNothingFromElsewhere() throws {
        for (name, html) in try Self.pages() {
            PageFixtures.expectSelfContained(html)
            #expect(html.contains("<style>"), "\(name)")
        }
    }

    @Test func everyPageIsInChineseWithTheEnglishBesideIt() throws {
        // The page's own words in both languages: its title, and a heading of each section.
        let pairs = [
            "applicant.html": [("办件进度", "open-restaurant 1.0.0"), ("办理进度", "Where your case stands")],
            "applicant-earlier.html": [("需要您补交的材料", "What to bring, and by when")],
            "applicant-delivered.html": [("办理结果", "Outcome"), ("统一出件", "Delivered together")],
            "department.html": [("部门待办", "Work queue"), ("待认领的任务", "Waiting for the department")],
            "supervisor.html": [("督办看板", "Supervision dashboard"), ("临期与超期办件", "Cases at risk")],
        ]
        for (name, html) in try Self.pages() {
            #expect(html.contains("<html lang=\"zh-CN\""), "\(name)")
            #expect(html.contains("<span class=\"en"), "\(name)")
            for (zh, en) in pairs[name] ?? [] {
                #expect(html.contains(zh), "\(name): \(zh)")
                #expect(html.contains(en), "\(name): \(en)")
                // Chinese first: the English comes after it.
                if let zhAt = html.range(of: zh), let enAt = html.range(of: en) {
                    #expect(zhAt.lowerBound < enAt.lowerBound, "\(name): \(zh) before \(en)")
                }
            }
        }
    }
}
