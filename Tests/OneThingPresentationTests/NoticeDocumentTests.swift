import Foundation
import OneThing
import OneThingPlan
import OneThingPresentation
import Testing

/// What the one-time notice says: every item and why, every material, the window,
/// the dates on the working-day calendar and the fees.
@Suite struct NoticeDocumentTests {
    static let worst = Result {
        try NoticeFixture.notice("bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase)
    }

    static func markdown(_ c: NoticeFixture.Case) -> String { NoticeMarkdownRenderer().render(c.notice) }

    @Test func theLetterNamesEveryApplicableItemInBothFormats() throws {
        let c = try Self.worst.get()
        let markdown = Self.markdown(c)
        let html = NoticeHTMLRenderer().render(c.notice)
        #expect(c.plan.applicableItems.count == 8)
        for item in c.plan.applicableItems {
            #expect(markdown.contains(item.name), "\(item.name) is missing from the Markdown")
            #expect(html.contains(item.name), "\(item.name) is missing from the HTML")
        }
    }

    @Test func theLetterNamesEveryMaterialToBringAndEveryOneNotToBring() throws {
        let c = try Self.worst.get()
        let markdown = Self.markdown(c)
        #expect(!c.plan.materialsToBring.isEmpty)
        for entry in c.plan.materials {
            #expect(markdown.contains(entry.name), "\(entry.name) is missing")
        }
        let materials = try #require(c.notice.sections.first { $0.anchor == "materials" })
        let headings = materials.blocks.compactMap { block -> String? in
            if case .subheading(let text) = block { return text }
            return nil
        }
        #expect(
            headings == ["需要提交的材料（共9份）", "可以容缺后补的材料（共1份）", "可以用告知承诺书代替的材料（共2份）", "无需提交的材料（共2份）"])
    }

    @Test func theLetterGivesTheDatesOnTheCalendar() throws {
        let c = try Self.worst.get()
        let markdown = Self.markdown(c)
        // 11 working days from Monday 2026-03-02.
        #expect(c.schedule.promisedBy == CalendarDate("2026-03-17"))
        #expect(markdown.contains("- **承诺办结日期**：2026年3月17日（星期二）"))
        #expect(markdown.contains("- **受理日期**：2026年3月2日（星期一）"))
        #expect(markdown.contains("- **预计出件日期**：2026年3月17日（星期二）"))
        // The deferred 食品安全管理制度目录 is due 5 working days after acceptance.
        #expect(markdown.contains("受理后5个工作日内，即2026年3月9日（星期一）前"))
    }

    @Test func theDatesCrossTheNationalDayHolidays() throws {
        let c = try NoticeFixture.notice(
            "bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase, start: "2026-09-25")
        let markdown = Self.markdown(c)
        // 中秋 09-25 is a rest day: the count starts from Monday 09-28, not counted itself.
        #expect(c.schedule.promisedBy == CalendarDate("2026-10-19"))
        #expect(markdown.contains("2026年10月19日（星期一）"))
        #expect(markdown.contains("国庆节（10月1日至10月7日）"))
        #expect(markdown.contains("调休上班日：10月10日（星期六）"))
        #expect(markdown.contains("9月25日为休息日，受理日期顺延至其后的第一个工作日（9月28日），该日同样不计入。"))
    }

    @Test func reasonsAreInPlainWordsWithoutConditionSyntax() throws {
        let c = try Self.worst.get()
        let markdown = Self.markdown(c)
        #expect(markdown.contains("因您尚未取得营业执照，需要办理。"))
        #expect(markdown.contains("因您销售卷烟、雪茄烟等烟草制品，需要办理。"))
        #expect(markdown.contains("因您不仅销售预包装食品，无需办理。"))
        #expect(markdown.contains("因您对“公众聚集场所营业前消防安全检查选择哪种方式办理？”的回答是“一般程序”，无需办理。"))
        for field in c.plan.bundle.form.fields {
            #expect(!markdown.contains(field.id), "the field id \(field.id) is shown to the applicant")
        }
        for item in c.plan.bundle.items {
            if let condition = item.when { #expect(!markdown.contains(condition.text)) }
        }
    }

    @Test func theWindowIsTheLeadDepartmentsComprehensiveWindow() throws {
        let markdown = Self.markdown(try Self.worst.get())
        #expect(markdown.contains("政务服务中心综合窗口（牵头部门：市场监督管理局）"))
        // Without a recorded centre, whom to ask is the lead department; the 办不成事
        // window and its reply times come from the catalogue only (ServiceCentreNoticeTests).
        #expect(markdown.contains("可以向牵头部门市场监督管理局咨询"))
        #expect(markdown.contains("中华人民共和国消防法 第十五条（2021年4月29日起施行）"))
    }

    @Test func theLeadDepartmentFollowsTheBundlesRules() throws {
        let c = try NoticeFixture.notice(
            "bundles/after-death.yaml", case: NoticeFixture.afterDeathTypical, start: "2026-09-25")
        let markdown = Self.markdown(c)
        #expect(markdown.contains("政务服务中心综合窗口（牵头部门：卫生健康委员会）"))
        #expect(markdown.contains("因逝者没有住房公积金账户") == false)
        #expect(markdown.contains("因逝者有住房公积金账户，需要办理。"))
        #expect(markdown.contains("因您在“逝者生前享受哪些待遇”中一项也没有选，无需办理。"))
        #expect(markdown.contains("因不属于非正常死亡，需要办理。"))
        #expect(markdown.contains("“出具居民死亡医学证明（正常死亡）”出具"))
        #expect(!markdown.contains("注意"))
    }

    @Test func aCaseAcceptedBeforeTheBundleTakesEffectIsWarned() throws {
        let c = try NoticeFixture.notice("bundles/after-death.yaml", case: NoticeFixture.afterDeathTypical)
        #expect(Self.markdown(c).contains("晚于受理日期，请向窗口确认适用的规定"))
    }

    @Test func feesAreFreeStatedOrToldAtTheWindow() throws {
        let path = try NoticeFixture.temporaryBundle(NoticeEscapingTests.hostileBundle)
        let c = try NoticeFixture.notice(path, case: "大型门店", catalogue: NoticeFixture.catalogue)
        let fees = try #require(c.notice.sections.first { $0.anchor == "fees" })
        guard case .table(let table) = fees.blocks.first else {
            Issue.record("the fees section starts with a table")
            return
        }
        #expect(table.rows.map(\.last) == ["免费", "120元"])
        let english = try NoticeFixture.notice(
            path, case: "大型门店", language: .en, catalogue: NoticeFixture.catalogue)
        let markdown = Self.markdown(english)
        #expect(markdown.contains("| free |"))
        #expect(markdown.contains("| ¥120 |"))
    }

    @Test func aFeeByLawShowsItsBasisAndAnUnstatedFeeSaysSo() throws {
        let name = "卖方有抵押、买方贷款，双方已婚，水电气网全部过户（最坏情况）"
        let c = try NoticeFixture.notice("bundles/home-transfer.yaml", case: name)
        let fees = try #require(c.notice.sections.first { $0.anchor == "fees" })
        guard case .table(let table) = fees.blocks.first else {
            Issue.record("the fees section starts with a table")
            return
        }
        #expect(table.header.last == "收费依据")
        let notice = "国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知（发改价格规〔2016〕2559号）"
        let registration = try #require(table.rows.first { $0[1] == "不动产转移登记" })
        #expect(Array(registration.suffix(2)) == ["按规定收费", notice])
        let filing = try #require(table.rows.first { $0[1] == "存量房买卖合同网签备案（成交价申报）" })
        #expect(Array(filing.suffix(2)) == ["未写明，以窗口告知为准", "—"])
        #expect(Self.markdown(c).contains("收费“未写明”的，本告知书所依据的文件没有写明收费"))
        let english = try NoticeFixture.notice("bundles/home-transfer.yaml", case: name, language: .en)
        #expect(
            Self.markdown(english).contains(
                "| 不动产转移登记 | Natural Resources and Planning Bureau | as the basis sets it | \(notice) |"))
    }

    @Test func anItemWhoseRefusalStopsLessThanTheBundlesSaysSo() throws {
        let name = "卖方有抵押、买方贷款，双方已婚，水电气网全部过户（最坏情况）"
        let c = try NoticeFixture.notice("bundles/home-transfer.yaml", case: name)
        let markdown = Self.markdown(c)
        let water = try #require(markdown.split(separator: "\n").first { $0.contains("| 供水过户 |") })
        #expect(water.contains("本事项不予办理的，其他事项继续办理（需要其办理结果的事项除外）。"))
        let tax = try #require(markdown.split(separator: "\n").first { $0.contains("| 存量房交易税费申报缴纳（契税等） |") })
        #expect(!tax.contains("不予办理"))
        let english = Self.markdown(
            try NoticeFixture.notice("bundles/home-transfer.yaml", case: name, language: .en))
        #expect(
            english.contains(
                "If this item is refused, the other items go on (those that need what it issues stop)."))
    }

    @Test func theEnglishLetterIsForReviewers() throws {
        let c = try NoticeFixture.notice(
            "bundles/open-restaurant.yaml", case: NoticeFixture.restaurantWorstCase, language: .en)
        let markdown = Self.markdown(c)
        #expect(markdown.hasPrefix("# One-time notice: 开办餐饮店一件事\n"))
        #expect(markdown.contains("Applies because you answered “是否已经取得营业执照？” with “no”."))
        #expect(markdown.contains("- **Promised completion by**: Tue 17 Mar 2026"))
        #expect(markdown.contains("Administration for Market Regulation"))
    }
}
