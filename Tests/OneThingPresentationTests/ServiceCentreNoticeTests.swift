import Foundation
import OneThingPresentation
import Testing

/// Where the applicant goes and whom they ask, as the catalogue records the service
/// centre (`service-centre.yaml`) — and, without a record, nothing the catalogue did not
/// say: no address, and no reply time of the 办不成事 window.
struct ServiceCentreNoticeTests {
    /// The real catalogue copied to a new folder, with `centre` as its `service-centre.yaml`.
    static func catalogue(centre: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-centre-\(UUID().uuidString)/catalogue")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let real = NoticeFixture.root.appendingPathComponent("bundles/catalogue")
        for name in try FileManager.default.contentsOfDirectory(atPath: real.path)
        where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(
                at: real.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try Data(centre.utf8).write(to: folder.appendingPathComponent("service-centre.yaml"))
        return folder.path
    }

    @Test func withoutARecordTheNoticeSaysSoAndInventsNoReplyTime() throws {
        let zh = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice("bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase)
                .notice)
        #expect(zh.contains("**地址、电话和办公时间**：本系统未登记，以当地政务服务中心公布的为准"))
        #expect(zh.contains("办理中遇到问题、事情办不成的，可以向牵头部门"))
        #expect(!zh.contains("3个工作日内答复"))
        #expect(!zh.contains("“办不成事”反映窗口"))
    }

    @Test func aRecordedCentreGivesItsAddressHoursAndWindowInItsOwnWords() throws {
        let catalogue = try Self.catalogue(
            centre: """
                service-centre:
                  name: 即墨区政务服务中心
                  address: 即墨区蓝鳌路 1 号
                  telephone: 0532-00000000
                  hours: 周一至周五 9:00—17:00（法定节假日除外）
                  cannot-get-it-done:
                    window: 二楼 3 号窗口
                    reply: 涉及多个部门的问题3个工作日内答复

                """)
        let zh = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice(
                "bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase, catalogue: catalogue
            ).notice)
        #expect(zh.contains("**办理地点**：即墨区政务服务中心综合窗口（牵头部门："))
        #expect(zh.contains("**地址**：即墨区蓝鳌路 1 号"))
        #expect(zh.contains("**咨询电话**：0532-00000000"))
        #expect(zh.contains("**办公时间**：周一至周五 9:00—17:00（法定节假日除外）"))
        #expect(zh.contains("可以到即墨区政务服务中心“办不成事”反映窗口（二楼 3 号窗口）反映"))
        #expect(zh.contains("涉及多个部门的问题3个工作日内答复。"))
        #expect(!zh.contains("本系统未登记"))
        let en = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice(
                "bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase, language: .en,
                catalogue: catalogue
            ).notice)
        #expect(en.contains("**Opening hours**: 周一至周五 9:00—17:00（法定节假日除外）"))
        #expect(en.contains("window of 即墨区政务服务中心 (二楼 3 号窗口)"))
    }
}
