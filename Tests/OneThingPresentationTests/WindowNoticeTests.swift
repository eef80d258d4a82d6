import Foundation
import OneThing
import OneThingPresentation
import Testing

/// The notice's section on when the application can be made (`windows:`): the real
/// example of `bundles/school-enrolment.yaml` (淮北市相山区, 2016 only), which in 2026 is
/// "以当地当年公告为准", and the same bundle with a window of every year, inside and outside it.
struct WindowNoticeTests {
    static let bundle = "bundles/school-enrolment.yaml"
    static let primary = "本区户籍、自有住房，报名小学"

    static func render(_ path: String, start: String, language: Language = .zh) throws -> String {
        let catalogue = NoticeFixture.root.appendingPathComponent("bundles/catalogue").path
        return NoticeMarkdownRenderer().render(
            try NoticeFixture.notice(
                path, case: Self.primary, start: start, language: language, catalogue: catalogue
            ).notice)
    }

    /// school-enrolment with a window of every year, 07-01 to 07-10, instead of its example.
    static func everyYear() throws -> String {
        let path = NoticeFixture.root.appendingPathComponent(Self.bundle).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "windows:\n"))
        let end = try #require(text.range(of: "description: ", range: start.upperBound..<text.endIndex))
        let window = """
            windows:
              - {name: 小学一年级入学报名, from: 07-01, to: 07-10, basis: {assumed: 测试用的每年报名时间}}

            """
        return try NoticeFixture.temporaryBundle(
            text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: window))
    }

    @Test func aYearWithoutPublishedDatesIsAsTheLocalNoticeSays() throws {
        let zh = try Self.render(Self.bundle, start: "2026-03-02")
        #expect(zh.contains("报名时间"))
        #expect(
            zh.contains(
                "| 小学一年级入学报名 | 整件事 | 2016年7月6日（星期三）至2016年7月10日（星期日）（仅2016年） | 安徽省淮北市相山区："
            ), "\(zh)")
        #expect(zh.contains("整件事：2026年的报名时间以当地当年公告为准，受理日期（2026年3月2日（星期一））是否在报名时间内无法确认。"))
        #expect(!zh.contains("不在整件事的报名时间内"))
        let en = try Self.render(Self.bundle, start: "2026-03-02", language: .en)
        #expect(en.contains("When you can apply"))
        #expect(en.contains("no dates for 2026 are recorded: as the local notice of 2026 says (以当地当年公告为准)"))
    }

    @Test func aCaseAcceptedOutsideTheWindowIsWarnedWithTheNextOpening() throws {
        let path = try Self.everyYear()
        let zh = try Self.render(path, start: "2026-07-13")
        #expect(zh.contains("| 小学一年级入学报名 | 整件事 | 每年7月1日至7月10日 | 假定：测试用的每年报名时间 |"), "\(zh)")
        #expect(
            zh.contains(
                "受理日期（2026年7月13日（星期一））不在整件事的报名时间内；下一次“小学一年级入学报名”自2027年7月1日（星期四）起（至2027年7月10日（星期六））。"
            ), "\(zh)")
        let en = try Self.render(path, start: "2026-07-13", language: .en)
        #expect(
            en.contains(
                "Accepted on Mon 13 Jul 2026, outside the windows in which the whole application can be applied for; the next window, “小学一年级入学报名”, opens on Thu 1 Jul 2027"
            ), "\(en)")
    }

    @Test func aCaseAcceptedInsideTheWindowIsNotWarned() throws {
        let zh = try Self.render(try Self.everyYear(), start: "2026-07-06")
        #expect(zh.contains("受理日期（2026年7月6日（星期一））在“小学一年级入学报名”的时间内（至2026年7月10日（星期五）），适用于整件事。"), "\(zh)")
        #expect(!zh.contains("不在整件事的报名时间内"))
    }

    /// A bundle without windows has no such section.
    @Test func noWindowsNoSection() throws {
        let zh = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice("bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase)
                .notice)
        #expect(!zh.contains("报名时间"))
    }
}
