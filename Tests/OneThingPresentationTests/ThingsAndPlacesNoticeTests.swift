import OneThing
import OneThingPlan
import OneThingPresentation
import Testing

/// `bundles/car-trade-in.yaml`'s scrap route: the old car is a thing handed over at the
/// recycler the owner chooses (报废机动车回收管理办法 §8, §15), so the notice lists it apart
/// from the materials and counts the recycler as a second visit, as the figures do.
struct ThingsAndPlacesNoticeTests {
    static let scrap = "旧车报废，购买新车（最坏情况）"
    static let replace = "旧车转让置换新车"

    @Test func theOldCarIsAThingBroughtToTheRecyclerNotAMaterial() throws {
        let fixture = try NoticeFixture.notice("bundles/car-trade-in.yaml", case: Self.scrap)
        let car = try #require(fixture.plan.materials.first { $0.id == "old-vehicle" })
        #expect(car.isObject)
        #expect(car.status == .bring)
        // The checklist brings five documents and one thing; the figures count the documents.
        #expect(fixture.plan.materialsToBring.count == 6)
        #expect(ReformFigures.materialsAfter(fixture.plan) == 5)
        let zh = NoticeMarkdownRenderer().render(fixture.notice)
        #expect(zh.contains("需要带来或交付的实物（共1件）"))
        #expect(zh.contains("| 1 | 待报废的旧车（整车） | 旧车报废交售（出具报废机动车回收证明） | 车主自选的报废机动车回收企业 |"))
        #expect(zh.contains("需要提交的材料（共5份）"))
    }

    @Test func theRecyclerIsASecondVisitInTheNoticeAndTheFigures() throws {
        let fixture = try NoticeFixture.notice("bundles/car-trade-in.yaml", case: Self.scrap)
        #expect(ReformFigures.visitsAfter(fixture.plan) == 2)
        #expect(ReformFigures.otherPlaces(fixture.plan) == ["车主自选的报废机动车回收企业"])
        let zh = NoticeMarkdownRenderer().render(fixture.notice)
        #expect(zh.contains("**跑动次数**：2次：综合窗口1次，另需前往1处（见下）"))
        #expect(zh.contains("**另需前往**：车主自选的报废机动车回收企业，办理“旧车报废交售（出具报废机动车回收证明）”"))
        let en = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice("bundles/car-trade-in.yaml", case: Self.scrap, language: .en).notice)
        #expect(en.contains("2: the window once, and one other place (below)"))
        #expect(en.contains("Things to bring, not documents (1)"))
    }

    /// Sold on instead of scrapped: no car to hand over, one visit.
    @Test func withoutTheScrapRouteOneVisitAndNoThing() throws {
        let fixture = try NoticeFixture.notice("bundles/car-trade-in.yaml", case: Self.replace)
        #expect(ReformFigures.visitsAfter(fixture.plan) == 1)
        #expect(!fixture.plan.materials.contains { $0.isObject })
        let zh = NoticeMarkdownRenderer().render(fixture.notice)
        #expect(zh.contains("1次（在综合窗口一次提交，无需分别到各部门）"))
        #expect(!zh.contains("实物"))
    }
}
