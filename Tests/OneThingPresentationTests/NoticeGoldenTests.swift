import OneThing
import OneThingPlan
import OneThingPresentation
import Testing

/// The notice of the restaurant's worst case, accepted on Monday 2026-03-02, in
/// Markdown and HTML, compared exactly with `Golden/notice/`.
@Suite struct NoticeGoldenTests {
    @Test func markdownInChinese() throws {
        let c = try NoticeFixture.notice(
            "bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase)
        try NoticeGolden.expect(NoticeMarkdownRenderer().render(c.notice), matches: "open-restaurant.zh.md")
    }

    @Test func htmlInChinese() throws {
        let c = try NoticeFixture.notice(
            "bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase)
        try NoticeGolden.expect(NoticeHTMLRenderer().render(c.notice), matches: "open-restaurant.zh.html")
    }

    @Test func markdownInEnglish() throws {
        let c = try NoticeFixture.notice(
            "bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase, language: .en)
        try NoticeGolden.expect(NoticeMarkdownRenderer().render(c.notice), matches: "open-restaurant.en.md")
    }
}
