import OneThingPresentation
import Testing

/// What the notice says of time the law does not count: `bundles/business-deregistration.yaml`'s
/// 20-day 公示 (市场主体登记管理条例 §33), accepted on Monday 2026-01-26, when the 公示 runs
/// into the Spring Festival holiday.
struct UncountedTimeNoticeTests {
    static let bundle = "bundles/business-deregistration.yaml"
    static let worstCase = "企业简易注销，有社保、公积金和海关备案（最坏情况）"

    @Test func theDatesIncludeThePublicNoticeAndSaySo() throws {
        let zh = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice(Self.bundle, case: Self.worstCase, start: "2026-01-26").notice)
        #expect(zh.contains("- **承诺时限**：11个工作日"))
        #expect(zh.contains("- **承诺办结日期**：2026年2月25日（星期三）（已含不计入办理时限的简易注销公示20日）"))
        #expect(zh.contains("- **预计出件日期**：2026年2月25日（星期三）（已含不计入办理时限的简易注销公示20日）"))
        #expect(zh.contains("- **不计入办理时限**：简易注销公示20日（市场主体登记管理条例 第三十三条"))
        #expect(zh.contains("| 当场办结；不计入：简易注销公示20日 |"))
        #expect(zh.contains("决定办结时间的是这条办理链（共1个工作日，另有不计入办理时限的简易注销公示20日）"))
        #expect(
            zh.contains(
                "计入办理时限最长的办理链共11个工作日，承诺时限据此核定：综合收件 → 税务注销（清税）（10个工作日） → 简易注销登记（1个工作日） → 统一出件。"
            ))
        #expect(!zh.contains("预计出件日期晚于承诺办结日期"))
        let en = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice(Self.bundle, case: Self.worstCase, start: "2026-01-26", language: .en)
                .notice)
        #expect(en.contains("(including 简易注销公示 (20 days), which the time limits do not count)"))
        #expect(en.contains("- **Not counted in the time limits**: 简易注销公示 (20 days)"))
        #expect(en.contains("the promised time does not count it, but the dates in this letter do"))
        #expect(
            en.contains(
                "The completion date is decided by this chain (1 working day counted; besides, not counted: 简易注销公示 (20 days))"
            ))
        #expect(
            en.contains(
                "The longest chain the time limits count, which the promise is checked against, is 11 working days"
            ))
    }

    /// The graph draws the chain that decides the delivery (the 公示, then the
    /// registration), not the one the promise is checked on (清税 10 → 登记 1), and shows
    /// the 公示 on its step.
    @Test func theGraphDrawsThePublicNoticeOnTheChainThatDecidesTheDelivery() throws {
        let fixture = try NoticeFixture.notice(Self.bundle, case: Self.worstCase, start: "2026-01-26")
        let graph = PlanGraph(plan: fixture.plan, catalogue: fixture.catalogue, language: .zh)
        let critical = Set(graph.nodes.filter(\.critical).map(\.label))
        #expect(critical.contains("简易注销公示（国家企业信用信息公示系统，20 日）"))
        #expect(critical.contains("简易注销登记"))
        #expect(!critical.contains("税务注销（清税）"))
        let notice = try #require(graph.nodes.first { $0.label.hasPrefix("简易注销公示") })
        #expect(notice.detail == "市场监督管理局 · 当场办结；不计入：简易注销公示20日")
    }

    /// The normal route has no 公示: nothing is said of time not counted.
    @Test func aCaseWithoutTimeNotCountedSaysNothingOfIt() throws {
        let zh = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice(Self.bundle, case: "企业普通注销，有海关备案和公积金", start: "2026-01-26").notice)
        #expect(!zh.contains("不计入办理时限"))
    }
}
