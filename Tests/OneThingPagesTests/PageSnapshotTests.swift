import Foundation
import OneThingPages
import OneThingPresentation
import OneThingRuntime
import OneThingTestSupport
import Testing

/// The three pages from the fixtures, as a browser gets them: self-contained documents.
/// With `ONETHING_PAGES_OUT` set to a folder, they are written there too
/// (`applicant.html`, `applicant-delivered.html`, `department.html`, `supervisor.html`)
/// for `scripts/render-pages.sh` to screenshot.
struct PageSnapshotTests {
    /// The pages by file name.
    static func pages() throws -> [(String, String)] {
        let cases = try PageFixtures.restaurant()
        let calendars = ["CN": try RuntimeFixtures.calendar()]
        let applicant = ApplicantCasePageRenderer().render(
            ApplicantCasePage(state: try PageFixtures.state("C20260302-0001", in: cases), now: PageFixtures.now))
        let delivered = ApplicantCasePageRenderer().render(
            ApplicantCasePage(state: try PageFixtures.state("C20260302-0004", in: cases), now: PageFixtures.now))
        let claims = [
            TaskClaim(
                key: "C20260302-0001/food-fire-joint-inspection/1", principal: "王科员 officer-wang",
                until: PageFixtures.at("2026-03-05 12:00"))
        ]
        let department = DepartmentQueuePageRenderer().render(
            DepartmentQueuePage(
                department: "market-regulation", cases: cases, claims: claims, now: PageFixtures.now,
                calendars: calendars, mask: PageFixtures.mask, viewer: "王科员 officer-wang"))
        let month = try PageFixtures.month()
        let supervisor = SupervisorDashboardRenderer().render(
            SupervisorDashboard(cases: month.cases, calendars: calendars, now: month.now, period: month.period))
        return [
            ("applicant.html", applicant), ("applicant-delivered.html", delivered), ("department.html", department),
            ("supervisor.html", supervisor),
        ]
    }

    @Test func everyPageIsASelfContainedDocument() throws {
        let pages = try Self.pages()
        for (name, html) in pages {
            PageFixtures.expectSelfContained(html)
            #expect(html.contains("<style>"), "\(name)")
        }
        guard let folder = ProcessInfo.processInfo.environment["ONETHING_PAGES_OUT"], !folder.isEmpty else { return }
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, html) in pages {
            try Data(html.utf8).write(to: url.appendingPathComponent(name))
        }
    }
}
