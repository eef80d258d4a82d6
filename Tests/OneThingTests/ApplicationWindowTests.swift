import Foundation
import OneThing
import OneThingPlan
import Testing

/// The windows in which an application can be made (`windows:`): the real example of
/// `bundles/school-enrolment.yaml` (淮北市相山区's 2016 dates), and the same bundle with
/// windows of every year, of one year, on an item, and each form of basis; which of them
/// a plan keeps (the notice: `WindowNoticeTests`; the days: `WindowOpeningTests`).
struct ApplicationWindowTests {
    static let path = PublishedFiguresTests.root.appendingPathComponent("bundles/school-enrolment.yaml").path

    static func loaded(_ text: String? = nil) throws -> BundleLoader.Loaded {
        try RealBundles.loaded("school-enrolment.yaml", text: text)
    }

    /// school-enrolment with its example window replaced by `windows`, and a window of
    /// September on the boarders' living allowance (`student-aid`).
    static func withWindows(_ windows: String) throws -> String {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "windows:\n"))
        let end = try #require(text.range(of: "description: ", range: start.upperBound..<text.endIndex))
        let aid = "    kind: benefit\n    when: family.hardship and pupil.boarding\n"
        #expect(text.contains(aid))
        return text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: windows)
            .replacingOccurrences(
                of: aid,
                with: aid
                    + "    windows:\n      - {name: 生活费补助申请, from: 09-01, to: 09-30, basis: {assumed: 测试}}\n")
    }

    static let threeWindows = """
        windows:
          - name: 小学一年级入学报名
            from: 07-01
            to: 07-10
            when: school.level == "primary"
            basis: {law: 中华人民共和国义务教育法, article: 第十三条}
          - name: 小学一年级入学报名
            from: 2026-07-06
            to: 2026-07-12
            when: school.level == "primary"
            basis:
              source: {title: 某区2026年义务教育招生公告, url: https://example.org/2026, published: 2026-05-20}
              place: 某区
            note: 以公告为准
          - name: 初中一年级入学报名
            from: 07-15
            to: 07-20
            when: school.level == "junior-secondary"
            basis: {assumed: 测试}

        """

    /// The plan of the bundle's test case `name`.
    static func plan(_ loaded: BundleLoader.Loaded, case name: String) throws -> Plan {
        let test = try #require(loaded.bundle.tests.first { $0.name.value == name })
        return try loaded.builder.plan(for: test.answers, missingAt: test.name.span)
    }

    @Test func theRealBundleHasAOneYearWindowFromALocalNotice() throws {
        let window = try #require(try Self.loaded().bundle.windows.first)
        #expect(window.name == "小学一年级入学报名")
        #expect(
            window.dates.value
                == .year(
                    from: try #require(CalendarDate("2016-07-06")),
                    to: try #require(CalendarDate("2016-07-10"))))
        #expect(window.when?.text == #"school.level == "primary""#)
        guard case .document(let source, let place) = window.basis else {
            Issue.record("the window's basis is not a local notice: \(window.basis)")
            return
        }
        #expect(place == "安徽省淮北市相山区")
        #expect(source.url == "http://78911.com.cn/XiaoShengChuZiXun/649658.html")
    }

    @Test func everyFormOfBasisAndWindowsOnAnItemDecode() throws {
        let bundle = try Self.loaded(try Self.withWindows(Self.threeWindows)).bundle
        #expect(bundle.windows.count == 3)
        guard case .law(let laws) = bundle.windows[0].basis else {
            Issue.record("the first window's basis is not a law: \(bundle.windows[0].basis)")
            return
        }
        #expect(laws.map(\.cited) == ["中华人民共和国义务教育法 第十三条"])
        #expect(bundle.windows[1].dates.value.year == 2026)
        #expect(bundle.windows[1].note == "以公告为准")
        #expect(
            bundle.windows[1].basis.cited.zh == "某区：某区2026年义务教育招生公告, 2026-05-20, https://example.org/2026")
        #expect(bundle.windows[2].basis == .assumed("测试"))
        let aid = try #require(bundle.items.first { $0.id.value == "student-aid" })
        #expect(aid.windows.map(\.name) == ["生活费补助申请"])
        #expect(
            aid.windows.first?.dates.value
                == .everyYear(from: try #require(MonthDay("09-01")), to: try #require(MonthDay("09-30"))))
    }

    /// A plan keeps the windows whose condition holds, and an item's only when the item applies.
    @Test func aPlanKeepsTheWindowsThatApply() throws {
        let loaded = try Self.loaded(try Self.withWindows(Self.threeWindows))
        let boarder = try Self.plan(loaded, case: "随迁子女未持居住证、租房、未达本地条件、家庭困难，报名小学（最坏情况）")
        #expect(boarder.windows.map { $0.item?.id.value } == [nil, "student-aid"])
        #expect(boarder.windows[0].windows.map(\.dates.value.year) == [nil, 2026])
        let junior = try Self.plan(loaded, case: "本区小学应届毕业生小升初，本区户籍、借住")
        #expect(junior.windows.count == 1)
        #expect(junior.windows.first?.windows.map(\.name) == ["初中一年级入学报名"])
        // The real bundle has no window of 初中: a 小升初 applicant is told of none.
        #expect(try Self.plan(try Self.loaded(), case: "本区小学应届毕业生小升初，本区户籍、借住").windows.isEmpty)
    }
}
