import OneThingPages
import OneThingPresentation
import OneThingRuntime
import OneThingTestSupport
import Testing

/// The applicant's own case page, for the restaurant case `C20260302-0001` on
/// Thursday 2026-03-05 10:00 (see ``PageFixtures/restaurant(hostile:)``).
struct ApplicantCasePageTests {
    static func page(_ id: CaseID = "C20260302-0001", routes: PageRoutes = PageRoutes()) throws -> String {
        let cases = try PageFixtures.restaurant()
        return ApplicantCasePageRenderer().render(
            ApplicantCasePage(
                state: try PageFixtures.state(id, in: cases), now: PageFixtures.now, routes: routes,
                notice: try PageFixtures.notice()))
    }

    @Test func showsEveryStepWithItsDepartmentStatusAndDueDate() throws {
        let cases = try PageFixtures.restaurant()
        let page = ApplicantCasePage(
            state: try PageFixtures.state("C20260302-0001", in: cases), now: PageFixtures.now)
        #expect(page.total == page.steps.count)
        #expect(page.approved == 2)  // registration, fire check
        #expect(page.ended == 1)  // the invoice, rejected
        let html = ApplicantCasePageRenderer().render(page)
        for step in page.steps {
            #expect(html.contains(PageFixtures.escaped(step.name.zh)), "\(step.id)")
            #expect(html.contains(PageFixtures.escaped(step.department.zh)), "\(step.id)")
        }
        let seal = try #require(page.steps.first { $0.id == "seal-engraving" })
        #expect(seal.overdue)
        #expect(html.contains("已超期"))
        #expect(html.contains("办税人身份证号"))  // the invoice's reason, as the department wrote it
        #expect(html.contains("<time class=\"date\" datetime=\"2026-03-03\">2026-03-03</time>"))
    }

    @Test func saysWhatToBringAndByWhen() throws {
        let cases = try PageFixtures.restaurant()
        let page = ApplicantCasePage(
            state: try PageFixtures.state("C20260302-0001", in: cases), now: PageFixtures.now)
        let rules = try #require(page.toBring.first)
        #expect(rules.id == "food-safety-rules")
        #expect(!rules.supplied && !rules.late)
        #expect(page.supplements.map(\.missing) == ["请补充招牌尺寸图纸，联系电话 13912345678"])
        let html = ApplicantCasePageRenderer().render(page)
        #expect(html.contains("需要您补交的材料"))
        #expect(html.contains("食品安全管理制度目录"))
        #expect(html.contains("datetime=\"\(WorkdayCalendar.date(endingAt: rules.dueBy))\""))
        #expect(html.contains("请补充招牌尺寸图纸"))
    }

    @Test func showsTheApplicantsOwnNumbersWhole() throws {
        let html = try Self.page()
        #expect(html.contains("110101199003071234"))
        #expect(html.contains("13800138000"))
        #expect(html.contains("13912345678"))  // in the supplement asked of the applicant
    }

    @Test func holdsTheOneTimeNoticeFolded() throws {
        let html = try Self.page(routes: PageRoutes(applicantQuery: "code=K7Q2"))
        #expect(html.contains("<details class=\"letter\">"))
        #expect(html.contains("开办餐饮店一件事一次性告知书"))
        #expect(html.contains("尊敬的申请人"))
        // The notice's sections keep their own ids, apart from the page's.
        #expect(html.contains("<section id=\"notice-"))
        #expect(PageFixtures.count("<section id=\"steps\"", in: html) == 1)
    }

    @Test func followsTheEventStreamWithOneInlineScriptAndWorksWithoutIt() throws {
        let html = try Self.page(routes: PageRoutes(applicantQuery: "code=K7Q2"))
        #expect(html.contains("data-events=\"/v1/cases/C20260302-0001/events?code=K7Q2\""))
        #expect(html.contains("data-sequence=\""))
        #expect(PageFixtures.count("<script", in: html) == 1)
        #expect(html.contains("<script>\n(function () {"))
        #expect(html.contains("new EventSource(url)"))
        // Without scripts, the browser reloads the page now and then.
        #expect(html.contains("<noscript><meta http-equiv=\"refresh\" content=\"60\"></noscript>"))
        // The sections the script replaces are marked.
        #expect(PageFixtures.count(" data-live", in: html) == 3)
    }

    @Test func aDeliveredCaseShowsItsOutcomeAndNeedsNoLiveUpdate() throws {
        let html = try Self.page("C20260302-0004")
        #expect(html.contains("办理结果"))
        #expect(html.contains("食品经营许可证"))
        // With the number the department gave it at the approval.
        #expect(html.contains("<code>JY11101050001234</code>"), "the licence's number")
        #expect(!html.contains("<script"))
        #expect(!html.contains("data-events"))
        #expect(!html.contains("http-equiv=\"refresh\""))
    }
}

/// A material the platform could not fetch (电子证照, 数据共享) is among what the applicant
/// brings, with why, escaped as everything a system wrote.
struct ApplicantCasePageFetchTests {
    @Test func aMaterialThatCouldNotBeFetchedIsToBringWithWhy() throws {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()])
        try runtime.start(
            "C20260302-0009", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint),
            at: PageFixtures.at("2026-03-02 09:00"),
            fetches: ["id-card": .unavailable(reason: "电子证照库无记录 <b>")])
        let state = try #require(runtime.cases["C20260302-0009"])
        let page = ApplicantCasePage(state: state, now: PageFixtures.at("2026-03-02 10:00"))
        let card = try #require(page.toBring.first { $0.id == "id-card" })
        #expect(card.notFetched == "电子证照库无记录 <b>")
        #expect(!card.supplied && !card.neededBy.isEmpty)
        let html = ApplicantCasePageRenderer().render(page)
        #expect(html.contains("未能通过电子证照或数据共享获取（电子证照库无记录 &lt;b&gt;），请您提交。"), "\(html)")
        #expect(html.contains("Could not be fetched electronically (电子证照库无记录 &lt;b&gt;): please bring it."))
        #expect(!html.contains("<b>"))
    }
}

/// The applicant's page of a disability case whose assessed grade (三级) rules the
/// allowances out: the grade with the assessment's result, and the steps not needed
/// counted apart from those that did not succeed.
struct ResultApplicantPageTests {
    @Test func showsTheGradeAndTheStepsNotNeeded() throws {
        var (runtime, _) = try AssessedCase.run("three")
        _ = runtime.takeOutbox()
        let state = try #require(runtime.cases["c1"])
        let page = ApplicantCasePage(state: state, now: RuntimeFixtures.at("2026-03-04 09:00"))
        #expect(page.notNeeded == 2 && page.ended == 0 && page.approved == 3)
        let grade = try #require(page.outputs.first { $0.result != nil }?.result)
        #expect(grade.zh == "三级" && grade.en == "three")
        let html = ApplicantCasePageRenderer().render(page)
        #expect(html.contains("另有 2 项依办理结果无需办理"))
        #expect(html.contains("依评定结果无需办理"))
        #expect(html.contains("三级"))
    }
}
