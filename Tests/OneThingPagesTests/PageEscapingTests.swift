import OneThingPages
import OneThingPresentation
import OneThingRuntime
import OneThingTestSupport
import Testing

/// Text from a bundle or typed by a person never becomes markup: a material named
/// `<script>…`, a shop name, a supplement note and a rejection's reason with markup in
/// them are shown as text on every page.
struct PageEscapingTests {
    static func pages() throws -> [(name: String, html: String)] {
        let cases = try PageFixtures.restaurant(hostile: true)
        let calendars = ["CN": try RuntimeFixtures.calendar()]
        let first = try PageFixtures.state("C20260302-0001", in: cases)
        let period = SupervisionPeriod(
            from: try #require(CalendarDate("2026-03-01")), through: try #require(CalendarDate("2026-03-31")))
        return [
            (
                "applicant",
                ApplicantCasePageRenderer().render(ApplicantCasePage(state: first, now: PageFixtures.now))
            ),
            (
                "department",
                DepartmentQueuePageRenderer().render(
                    DepartmentQueuePage(
                        department: "market-regulation", cases: cases, claims: PageSnapshotTests.claims,
                        now: PageFixtures.now, calendars: calendars))
            ),
            (
                "supervisor",
                SupervisorDashboardRenderer().render(
                    SupervisorDashboard(
                        cases: cases, calendars: calendars, now: PageFixtures.now, period: period))
            ),
        ]
    }

    @Test func hostileTextIsShownAsText() throws {
        let escaped = PageFixtures.escaped(PageFixtures.hostile)
        #expect(escaped.hasPrefix("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img"))
        for (name, html) in try Self.pages() {
            #expect(!html.contains(PageFixtures.hostile), "\(name)")
            #expect(!html.contains("<script>alert"), "\(name)")
            #expect(!html.contains("<img"), "\(name)")
            #expect(html.contains(escaped), "\(name)")
            PageFixtures.expectSelfContained(html)
        }
    }

    @Test func theOnlyScriptIsTheApplicantPagesOwn() throws {
        for (name, html) in try Self.pages() {
            #expect(PageFixtures.count("<script", in: html) == (name == "applicant" ? 1 : 0), "\(name)")
        }
    }
}
