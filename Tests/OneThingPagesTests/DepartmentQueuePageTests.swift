import OneThingPages
import OneThingPresentation
import OneThingRuntime
import OneThingTestSupport
import Testing

/// The market regulator's work queue among the restaurant cases on Thursday 2026-03-05
/// 10:00, officer Wang holding the first case's joint inspection.
struct DepartmentQueuePageTests {
    static func page(viewer: String? = "王科员 officer-wang", formToken: String? = nil) throws
        -> DepartmentQueuePage
    {
        DepartmentQueuePage(
            department: "market-regulation", cases: try PageFixtures.restaurant(),
            claims: PageSnapshotTests.claims,
            now: PageFixtures.now, calendars: ["CN": try RuntimeFixtures.calendar()], viewer: viewer,
            formToken: formToken)
    }

    @Test func listsOnlyTheDepartmentsOpenTasksWaitingClaimedAndWithTheApplicant() throws {
        let page = try Self.page()
        #expect(page.name.zh == "市场监督管理局")
        #expect(page.waiting.map(\.key) == ["C20260302-0002/business-registration/1"])
        #expect(page.claimed.map(\.key) == ["C20260302-0001/food-fire-joint-inspection/1"])
        #expect(page.withApplicant.map(\.key) == ["C20260302-0003/food-permit/1"])
        // Another department's step (the drainage permit) and a delivered case are not here.
        #expect(!page.items.contains { $0.step == "drainage-permit" || $0.caseID == "C20260302-0004" })
        let html = DepartmentQueuePageRenderer().render(page)
        #expect(html.contains("待认领的任务") && html.contains("Waiting for the department"))
        #expect(!html.contains("城镇污水排入排水管网许可"))
    }

    @Test func showsTheCasesMaterialsAndAnswersWithEachTask() throws {
        let page = try Self.page()
        let inspection = try #require(page.claimed.first)
        let rules = try #require(inspection.materials.first { $0.id == "food-safety-rules" })
        #expect(!rules.inHand && rules.dueBy != nil)
        #expect(inspection.materials.contains { $0.id == "venue-floor-plan" && $0.inHand })
        #expect(inspection.answers.map(\.field).contains("fire.route"))
        let held = try #require(page.withApplicant.first)
        #expect(held.materials.first { $0.id == "food-safety-rules" }?.neededHere == true)
        let html = DepartmentQueuePageRenderer().render(page)
        #expect(html.contains("场所平面布置图"))
        #expect(html.contains("<code>fire.route</code>"))
        #expect(html.contains("容缺待补"))
    }

    @Test func masksIdentityAndPhoneNumbers() throws {
        let html = DepartmentQueuePageRenderer().render(try Self.page())
        #expect(!html.contains("110101199003071234"))
        #expect(!html.contains("13800138000"))
        #expect(html.contains("1101**************"))
        #expect(html.contains("138****8000"))
    }

    @Test func waitingTasksHaveTheFormThatClaimsTheNextOne() throws {
        let html = DepartmentQueuePageRenderer().render(try Self.page(formToken: "t0k\"en"))
        #expect(
            html.contains(
                "<form class=\"claim\" method=\"post\" action=\"/departments/market-regulation/queue/claim\">"
            ))
        // And each waiting task, the form that claims it out of turn.
        #expect(
            html.contains(
                "<form class=\"claim\" method=\"post\" action=\"/departments/market-regulation/queue/C20260302-0002%2Fbusiness-registration%2F1/claim\">"
            ))
        #expect(PageFixtures.count("<form class=\"claim\"", in: html) == 2)
        // Nobody else claims a claimed task, nor one that waits for the applicant.
        #expect(!html.contains("C20260302-0001%2Ffood-fire-joint-inspection%2F1/claim"))
        #expect(!html.contains("C20260302-0003%2Ffood-permit%2F1/claim"))
        // The server's form token travels with every form, escaped.
        #expect(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"t0k&quot;en\">"))
    }

    @Test func theViewersClaimedTaskHasFormsToApproveRejectWithAReasonOrAskForASupplement() throws {
        let html = DepartmentQueuePageRenderer().render(try Self.page())
        let action =
            "action=\"/departments/market-regulation/queue/C20260302-0001%2Ffood-fire-joint-inspection%2F1/decision\""
        #expect(PageFixtures.count(action, in: html) == 3)
        #expect(html.contains("name=\"outcome\" value=\"approved\""))
        #expect(html.contains("name=\"outcome\" value=\"rejected\""))
        #expect(html.contains("name=\"outcome\" value=\"supplement\""))
        #expect(html.contains("<textarea name=\"reason\" required>"))
        #expect(html.contains("<textarea name=\"missing\" required>"))
        // A joint inspection passes or does not, in the buttons' words.
        #expect(html.contains("勘验通过") && html.contains("勘验未通过"))
        // Plain forms: no script on the page.
        #expect(!html.contains("<script"))
    }

    @Test func anItemsApprovalFormAsksForTheNumberOfEachOutputItIssues() throws {
        let claim = TaskClaim(
            key: "C20260302-0002/business-registration/1", principal: "王科员 officer-wang",
            until: PageFixtures.at("2026-03-05 12:00"))
        let page = DepartmentQueuePage(
            department: "market-regulation", cases: try PageFixtures.restaurant(), claims: [claim],
            now: PageFixtures.now, calendars: ["CN": try RuntimeFixtures.calendar()],
            viewer: "王科员 officer-wang")
        let html = DepartmentQueuePageRenderer().render(page)
        #expect(html.contains("<input name=\"output.business-licence\" autocomplete=\"off\">"))
        #expect(html.contains("营业执照"))
        #expect(html.contains("准予许可") && html.contains("不予许可的理由（必填）"))
    }

    @Test func someoneElsesClaimShowsWhoHoldsItAndNoDecisionForms() throws {
        let html = DepartmentQueuePageRenderer().render(try Self.page(viewer: "李科员 officer-li"))
        #expect(html.contains("王科员 officer-wang"))
        #expect(!html.contains("/decision\""))
    }
}

/// The assessment hospital's queue: the approval form asks for the grade, which the
/// allowance steps wait for.
struct ResultQueuePageTests {
    @Test func theApprovalFormOffersTheGradesAndRequiresOne() throws {
        let blueprint = try AssessedCase.blueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()], seed: 1)
        try runtime.start(
            "C20260302-0001", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint),
            at: AssessedCase.accepted)
        let application = try #require(blueprint.stepIndex("certificate-application"))
        let sent = try #require(runtime.cases["C20260302-0001"]?.steps[application].key)
        runtime.report(.approved, for: sent, at: RuntimeFixtures.at("2026-03-02 10:00"))
        let state = try #require(runtime.cases["C20260302-0001"])
        let key = "C20260302-0001/disability-assessment/1"
        let page = DepartmentQueuePage(
            department: "disability-assessment-hospital", cases: [state],
            claims: [
                TaskClaim(key: key, principal: "doctor-li", until: RuntimeFixtures.at("2026-03-02 12:00"))
            ],
            now: RuntimeFixtures.at("2026-03-02 11:00"), calendars: ["CN": try RuntimeFixtures.calendar()],
            viewer: "doctor-li")
        let task = try #require(page.claimed.first)
        let result = try #require(task.outputs.first { $0.id == "assessment-result" })
        #expect(result.awaited && result.values.map(\.id) == ["one", "two", "three", "four"])
        let html = DepartmentQueuePageRenderer().render(page)
        #expect(html.contains(#"<select name="result.assessment-result" required>"#))
        #expect(html.contains(#"<option value="three">"#) && html.contains("三级"))
        #expect(html.contains("（必选，后续事项依此确定）"))
    }
}
