import OneThing
import OneThingPages
import Testing

/// What the server puts around its pages, and the pages it adds: sign-in and refusal.
struct PageFrameTests {
    @Test func aSignedInPageNamesWhoAndSignsOutWithTheFormToken() throws {
        let frame = PageFrame(
            signedInAs: LocalizedText(en: "officer amr-wang", zh: "王科员（部门审批人员）"), formToken: "t<k",
            flash: LocalizedText(en: "claimed", zh: "已认领"))
        let html = DepartmentQueuePageRenderer().render(try DepartmentQueuePageTests.page(), frame: frame)
        #expect(html.contains("王科员（部门审批人员）<span class=\"en\" lang=\"en\">officer amr-wang</span>"))
        #expect(
            html.contains(
                "<form method=\"post\" action=\"/sign-out\"><input type=\"hidden\" name=\"csrf\" value=\"t&lt;k\">"
            ))
        #expect(
            html.contains(
                "<p class=\"flash done\" role=\"status\">已认领<span class=\"en\" lang=\"en\">claimed</span></p>"
            ))
        // Without a frame (a page written without a server), none of it.
        #expect(
            !DepartmentQueuePageRenderer().render(try DepartmentQueuePageTests.page()).contains("/sign-out"))
    }

    @Test func theSignInPageCarriesItsFormTokenAndTheApplicantsLookUp() {
        let html = SignInPageRenderer().render(
            SignInPage(
                formToken: "abc", refusal: LocalizedText(en: "the token is not valid", zh: "令牌无效"),
                next: "/supervision"))
        #expect(html.contains("<form class=\"sign-in\" method=\"post\" action=\"/sign-in\">"))
        #expect(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"abc\">"))
        #expect(html.contains("<input type=\"hidden\" name=\"next\" value=\"/supervision\">"))
        #expect(html.contains("type=\"password\""))
        #expect(html.contains("<form class=\"look-up\" method=\"get\" action=\"/cases\">"))
        #expect(html.contains("令牌无效<span class=\"en\" lang=\"en\">the token is not valid</span>"))
        #expect(!html.contains("<script"))
    }

    @Test func aRefusalPageSaysWhyInBothLanguages() {
        let html = RefusalPage(
            status: 403, title: LocalizedText(en: "Forbidden", zh: "无权操作"),
            reason: LocalizedText(en: "works for fire-rescue", zh: "属于部门“fire-rescue”"), backPath: "/"
        ).render()
        #expect(html.contains("无权操作"))
        #expect(html.contains("属于部门“fire-rescue”<span class=\"en\" lang=\"en\">works for fire-rescue</span>"))
        #expect(html.contains("HTTP 状态<span class=\"en\" lang=\"en\">HTTP status</span> 403"))
        #expect(html.contains("<a href=\"/\">"))
    }
}
