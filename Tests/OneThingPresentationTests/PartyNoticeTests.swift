import OneThing
import OneThingPlan
import OneThingPresentation
import Testing

/// `bundles/home-transfer.yaml`'s parties in the notice: the buyer, the seller, a spouse
/// whose common property is sold or mortgaged (民法典 §§301, 395, 1062) and, with a loan,
/// the lending bank (不动产登记暂行条例 §14) each told what they bring.
struct PartyNoticeTests {
    static let withLoan = "卖方有抵押、买方贷款，双方已婚，水电气网全部过户（最坏情况）"
    static let withoutLoan = "无抵押、全款购房，卖方已婚、买方未婚，办理供水和供电过户"

    @Test func theNoticeNamesThePartiesAndSaysWhoBringsWhat() throws {
        let fixture = try NoticeFixture.notice("bundles/home-transfer.yaml", case: Self.withLoan)
        let zh = NoticeMarkdownRenderer().render(fixture.notice)
        #expect(zh.contains("本次申请的当事人：买方、卖方、卖方配偶、买方配偶和贷款银行（抵押权人）。"))
        #expect(zh.contains("| 序号 | 材料名称 | 提交人 | 用于办理 | 说明 |"))
        #expect(zh.contains("| 1 | 存量房买卖合同 | 共同提交 |"))
        #expect(zh.contains("| 2 | 抵押权人（银行）同意注销抵押的证明 | 卖方 |"))
        #expect(zh.contains("各当事人需提交的材料"))
        #expect(zh.contains("- 买方：无需提交材料"))
        #expect(zh.contains("- 卖方：抵押权人（银行）同意注销抵押的证明；水电气网费用结清凭证"))
        // Each spouse consents in writing: one line, brought by both spouses.
        #expect(zh.contains("| 4 | 配偶同意处分夫妻共有房屋的书面意见 | 卖方配偶、买方配偶 |"))
        #expect(zh.contains("- 卖方配偶：配偶同意处分夫妻共有房屋的书面意见"))
        #expect(zh.contains("- 买方配偶：配偶同意处分夫妻共有房屋的书面意见"))
        // The four 居民身份证 and two 结婚证 are fetched: a line each, whose parties are named.
        #expect(zh.contains("### 无需提交的材料（共10份）"))
        #expect(zh.contains("| 1 | 居民身份证 | 买方、卖方、卖方配偶、买方配偶 | 通过电子证照获取"))
        #expect(zh.contains("- 贷款银行（抵押权人）：抵押权人（贷款银行）共同申请材料（营业执照、授权委托书及经办人身份证明）"))
        #expect(zh.contains("- 共同提交（一份）：存量房买卖合同；不动产登记申请书（买卖双方共同申请）；借款合同和抵押合同"))
        let en = NoticeMarkdownRenderer().render(
            try NoticeFixture.notice("bundles/home-transfer.yaml", case: Self.withLoan, language: .en).notice)
        #expect(
            en.contains(
                "This application is made by: buyer, seller, seller's spouse, buyer's spouse and lending bank (mortgagee)."
            ))
        #expect(en.contains("- seller: 抵押权人（银行）同意注销抵押的证明; 水电气网费用结清凭证"))
    }

    @Test func withoutALoanTheBankTakesNoPart() throws {
        let fixture = try NoticeFixture.notice("bundles/home-transfer.yaml", case: Self.withoutLoan)
        #expect(fixture.plan.partiesTakingPart.map(\.id.value) == ["buyer", "seller"])
        let zh = NoticeMarkdownRenderer().render(fixture.notice)
        #expect(zh.contains("本次申请的当事人：买方和卖方。"))
        #expect(!zh.contains("贷款银行（抵押权人）"))
        // The married seller sells their own home (民法典 §1063): no spouse takes part,
        // and no consent is asked for.
        #expect(!zh.contains("- 卖方配偶："))
        #expect(!zh.contains("配偶同意处分夫妻共有房屋的书面意见"))
        #expect(zh.contains("- 卖方：水电气网费用结清凭证"))
        // The unmarried buyer may sign a commitment instead of the proof.
        #expect(zh.contains("- 买方：婚姻状况证明（未婚、离异或丧偶的一方）（或签署告知承诺书）"))
    }

    @Test func aMaterialTwoPartiesBringCountsTwice() throws {
        // Without a loan: the two 居民身份证 are fetched, the buyer's 婚姻状况证明 is a
        // commitment; brought: the contract and the application once, the seller's bills.
        let fixture = try NoticeFixture.notice("bundles/home-transfer.yaml", case: Self.withoutLoan)
        let idCard = try #require(fixture.plan.materials.first { $0.id == "id-card" })
        #expect(idCard.parties == ["buyer", "seller"])
        #expect(idCard.copies == 2)
        #expect(ReformFigures.materialsAfter(fixture.plan) == 3)
    }

    @Test func aBundleWithoutPartiesHasNoPartyColumn() throws {
        let fixture = try NoticeFixture.notice(
            "bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase)
        let zh = NoticeMarkdownRenderer().render(fixture.notice)
        #expect(!zh.contains("提交人"))
        #expect(!zh.contains("各当事人需提交的材料"))
    }
}
