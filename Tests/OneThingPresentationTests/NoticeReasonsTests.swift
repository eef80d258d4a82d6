import OneThing
import OneThingPresentation
import Testing

@testable import OneThingPresentation

/// Yes-or-no questions of the form become statements about the applicant's case.
@Suite struct NoticeReasonsTests {
    @Test(arguments: [
        ("是否已经取得营业执照？", true, "您已经取得营业执照"),
        ("是否已经取得营业执照？", false, "您尚未取得营业执照"),
        ("是否已办理过户？", false, "您尚未办理过户"),
        ("是否仅销售预包装食品（不现场制作加工食品）？", false, "您不仅销售预包装食品"),
        ("是否在店外设置户外招牌？", false, "您不在店外设置户外招牌"),
        ("是否为非正常死亡（如交通事故、意外伤害、涉案死亡等）？", true, "属于非正常死亡"),
        ("是否为非正常死亡（如交通事故、意外伤害、涉案死亡等）？", false, "不属于非正常死亡"),
        ("遗体是否火化？", false, "遗体未火化"),
        ("逝者是否参加了基本养老保险？", false, "逝者未参加基本养老保险"),
        ("逝者是否参加了基本养老保险？", true, "逝者参加了基本养老保险"),
        ("逝者是否有住房公积金账户？", false, "逝者没有住房公积金账户"),
        ("申请人是否是业主？", false, "申请人不是业主"),
    ])
    func aYesOrNoQuestionBecomesAStatement(label: String, yes: Bool, statement: String) {
        #expect(NoticeReasons.statement(label, yes: yes) == statement)
    }

    @Test func otherQuestionsAreQuotedWithTheAnswer() {
        #expect(NoticeReasons.statement("逝者在哪里去世？", yes: true) == nil)
        let span = SourceSpan.wholeFile("form.yaml")
        let place = FormField(
            id: "death.place", span: span, type: .enum, label: "逝者在哪里去世？",
            values: [EnumValue(id: "home", label: "家中（含养老机构以外的住所）", span: span)])
        let reasons = NoticeReasons(language: .zh)
        #expect(reasons.phrase(field: place, value: .text("home")) == "您对“逝者在哪里去世？”的回答是“家中”")
        let area = FormField(id: "venue.area_m2", span: span, type: .number, label: "经营场所面积", unit: "平方米")
        #expect(reasons.phrase(field: area, value: .number(80)) == "经营场所面积为80平方米")
        #expect(reasons.phrase(field: area, value: nil) == "您未回答“经营场所面积”")
        #expect(
            NoticeReasons(language: .en).phrase(field: area, value: .number(80.5))
                == "you answered “经营场所面积” with “80.5 平方米”")
    }
}
