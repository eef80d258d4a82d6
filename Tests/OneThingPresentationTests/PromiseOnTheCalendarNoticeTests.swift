import OneThing
import OneThingPlan
import OneThingPresentation
import Testing

/// The notice never tells an applicant that a bundle breaks its own promise when its
/// steps fit it: hours that follow hours add up within a working day, and a case accepted
/// on a rest day counts from the next working day, as its promise does.
struct PromiseOnTheCalendarNoticeTests {
    /// Every day of an ordinary week, Monday 2026-12-07 to Sunday 12-13.
    static let week = (7...13).map { "2026-12-\($0 < 10 ? "0" : "")\($0)" }

    static let broken = "预计出件日期晚于承诺办结日期"

    /// company-setup: 登记 4 hours → 印章 2 hours → 发票 2 hours, promised within 1
    /// working day (河南省优化营商环境条例 §39). Counted a day per step, every notice
    /// predicted delivery on the third working day, past the promise.
    @Test(arguments: week)
    func hoursThatFollowHoursKeepCompanySetupsPromiseOfOneWorkingDay(start: String) throws {
        let bundle = try Self.bundle("bundles/company-setup.yaml")
        var compared = 0
        for test in bundle.tests where test.expect.error == nil && test.expect.eligible?.value != false {
            compared += 1
            let fixture = try NoticeFixture.notice(
                "bundles/company-setup.yaml", case: test.name.value, start: start)
            #expect(fixture.schedule.keepsPromise, "\(test.name.value), accepted \(start)")
            #expect(
                fixture.schedule.delivery == fixture.schedule.promisedBy,
                "\(test.name.value), accepted \(start)")
            let markdown = NoticeMarkdownRenderer().render(fixture.notice)
            #expect(!markdown.contains(Self.broken), "\(test.name.value), accepted \(start)")
        }
        #expect(compared >= 4)
        // The schedule shows the hours: the seal is engraved from 13:00 to 15:00.
        let worst = try NoticeFixture.notice(
            "bundles/company-setup.yaml", case: "有职工，申领纸质发票，预约开户（最坏情况）", start: "2026-12-07")
        let markdown = NoticeMarkdownRenderer().render(worst.notice)
        #expect(markdown.contains("| 印章刻制（备案，含发票专用章） | 2小时 | 1个工作日 | 12月8日 13:00 | 12月8日 15:00 |"))
        #expect(markdown.contains("以小时计的时限按工作日9:00至17:00的办公时间计算"))
    }

    /// Bundles whose first step is immediate (即办): accepted on Saturday 2026-12-05, the
    /// immediate step ends on Monday; counted from Saturday, the promise ended a day
    /// before the steps after it did.
    @Test(arguments: [
        "bundles/home-transfer.yaml", "bundles/car-trade-in.yaml", "bundles/credit-report.yaml",
        "bundles/flexible-employment-insurance.yaml", "bundles/social-security-card.yaml",
        "bundles/veteran-discharge.yaml",
    ])
    func aCaseAcceptedOnASaturdayKeepsThePromiseItKeepsOnTheMonday(path: String) throws {
        let bundle = try Self.bundle(path)
        var compared = 0
        for test in bundle.tests where test.expect.error == nil && test.expect.eligible?.value != false {
            let saturday = try NoticeFixture.notice(path, case: test.name.value, start: "2026-12-05")
            let monday = try NoticeFixture.notice(path, case: test.name.value, start: "2026-12-07")
            #expect(saturday.schedule.countsFrom == monday.schedule.accepted)
            #expect(saturday.schedule.promisedBy == monday.schedule.promisedBy, "\(path) \(test.name.value)")
            #expect(saturday.schedule.delivery == monday.schedule.delivery, "\(path) \(test.name.value)")
            #expect(
                saturday.schedule.keepsPromise == monday.schedule.keepsPromise, "\(path) \(test.name.value)")
            #expect(saturday.schedule.keepsPromise, "\(path) \(test.name.value)")
            let markdown = NoticeMarkdownRenderer().render(saturday.notice)
            #expect(markdown.contains("12月5日为休息日，受理日期顺延至其后的第一个工作日（12月7日），该日同样不计入。"))
            compared += 1
        }
        #expect(compared > 0)
    }

    static func bundle(_ path: String) throws -> ServiceBundle {
        let file = NoticeFixture.root.appendingPathComponent(path).path
        guard case .loaded(let loaded) = try BundleLoader.load(path: file, catalogue: nil) else {
            throw NoticeFixture.Failure(message: "\(path) does not load")
        }
        return loaded.bundle
    }
}
