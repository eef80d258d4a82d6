import OneThing
import OneThingPresentation
import Testing

/// Items that apply only once a result of the case is known (the grade the assessment of
/// `bundles/disability-services.yaml` decides): the notice lists them among the items to
/// be handled, says when they apply, and has a section of its own in both languages.
struct ResultNoticeTests {
    static let beforeTheAssessment = "未持证、需长期照护、非低保家庭，评定结果未出"
    static let gradeThree = "未持证、需长期照护、非低保家庭，评定为三级"

    static func notice(_ name: String, language: Language) throws -> String {
        let c = try NoticeFixture.notice("bundles/disability-services.yaml", case: name, language: language)
        return NoticeMarkdownRenderer().render(c.notice)
    }

    @Test func theChineseNoticeSaysWhichItemsWaitForTheGrade() throws {
        let zh = try Self.notice(Self.beforeTheAssessment, language: .zh)
        #expect(zh.contains("视办理结果确定的事项（共2项）"), "\(zh)")
        #expect(zh.contains("以下事项视评定结果办理：须待“残疾评定结果（残疾类别和等级）”在办理中作出后，才能确定是否办理。"))
        #expect(
            zh.contains("| 2 | 重度残疾人护理补贴审定 | 民政局 | 待“残疾评定结果（残疾类别和等级）”作出后确定：为一级或二级时办理。 |"))
    }

    @Test func theEnglishNoticeSaysTheSame() throws {
        let en = try Self.notice(Self.beforeTheAssessment, language: .en)
        #expect(en.contains("Items that depend on a result of the case (2)"), "\(en)")
        #expect(en.contains("It applies once 残疾评定结果（残疾类别和等级） is known: if 一级 or 二级."))
    }

    @Test func aKnownGradeLeavesNoSuchSection() throws {
        let zh = try Self.notice(Self.gradeThree, language: .zh)
        #expect(!zh.contains("视办理结果确定的事项"))
        #expect(!zh.contains("重度残疾人护理补贴审定 | 民政局 | 待"))
    }
}
