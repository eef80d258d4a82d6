import OneThingPresentation
import Testing

/// The notice's section on the applicant's own deadlines: `bundles/newborn.yaml`'s month
/// from the birth (户口登记条例 §7), for a child born on 2026-02-20 (last day 2026-03-20).
struct DeadlineNoticeTests {
    static let newborn = "已婚父母，本省落户，已接种，报销生育医疗费用，登记育儿指导"

    @Test func theNoticeListsTheDeadlineWithItsDayAndBasis() throws {
        let zh = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice("bundles/newborn.yaml", case: Self.newborn, start: "2026-03-02").notice)
        #expect(zh.contains("申请人的期限"))
        #expect(zh.contains("| 申报出生登记（户口登记） | 1个月 | 2026年2月20日（星期五） | 2026年3月20日（星期五） | 户口登记条例 第七条"))
        #expect(!zh.contains("已超过"))
        let en = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice(
                "bundles/newborn.yaml", case: Self.newborn, start: "2026-03-02", language: .en
            ).notice)
        #expect(en.contains("Your deadlines"))
        #expect(!en.contains("after the last day"))
    }

    @Test func aCaseAcceptedAfterTheLastDayIsWarnedInBothLanguages() throws {
        let zh = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice("bundles/newborn.yaml", case: Self.newborn, start: "2026-03-23").notice)
        #expect(zh.contains("已超过“申报出生登记（户口登记）”的期限（最后一日为2026年3月20日"))
        let en = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice(
                "bundles/newborn.yaml", case: Self.newborn, start: "2026-03-23", language: .en
            ).notice)
        #expect(en.contains("after the last day for “申报出生登记（户口登记）”"))
    }

    /// A bundle without deadlines has no such section.
    @Test func noDeadlinesNoSection() throws {
        let zh = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice("bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase)
                .notice)
        #expect(!zh.contains("申请人的期限"))
    }
}
