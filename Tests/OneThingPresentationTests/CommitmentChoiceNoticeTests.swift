import OneThingPresentation
import Testing

/// A commitment the applicant chooses (`bundles/company-setup.yaml`'s 住所申报承诺): who
/// signs it has the 住所使用证明 among the materials a commitment replaces; who does not
/// brings it, and the notice says that they chose to.
struct CommitmentChoiceNoticeTests {
    static let signs = "有职工，申领纸质发票，预约开户（最坏情况）"
    static let declines = "个人独资企业，暂无职工，不申领发票，预约开户，不签住所承诺"

    @Test func whoSignsHasTheMaterialReplacedByTheCommitment() throws {
        let fixture = try NoticeFixture.notice("bundles/company-setup.yaml", case: Self.signs)
        let entry = try #require(fixture.plan.materials.first { $0.id == "residence-proof" })
        #expect(entry.status == .commitment)
        #expect(entry.commitmentDeclined == false)
        let zh = NoticeMarkdownRenderer().render(fixture.notice)
        #expect(zh.contains("可以用告知承诺书代替的材料（共1份）"))
        #expect(!zh.contains("您在申请表中选择提交此材料"))
    }

    @Test func whoDeclinesBringsItAndIsToldWhyInBothLanguages() throws {
        let fixture = try NoticeFixture.notice("bundles/company-setup.yaml", case: Self.declines)
        let entry = try #require(fixture.plan.materials.first { $0.id == "residence-proof" })
        #expect(entry.status == .bring)
        #expect(entry.commitmentDeclined)
        let zh = NoticeMarkdownRenderer().render(fixture.notice)
        #expect(zh.contains("住所（经营场所）使用证明"))
        #expect(zh.contains("您在申请表中选择提交此材料，不以告知承诺书代替。"))
        #expect(!zh.contains("可以用告知承诺书代替的材料"))
        let en = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice("bundles/company-setup.yaml", case: Self.declines, language: .en).notice)
        #expect(en.contains("You chose on the form to bring it rather than sign a commitment."))
    }
}
