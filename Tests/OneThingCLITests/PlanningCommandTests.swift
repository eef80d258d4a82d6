import Foundation
import Testing

/// `onething test`, `plan` and `graph` run on the real bundles as a user runs them.
struct PlanningCommandTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let restaurant = "bundles/open-restaurant.yaml"
    static let worstCase = "新办餐饮店，一般程序消防，设招牌并售烟（最坏情况）"

    @Test func testingTheRealBundlesPassesAndEndsWithTheCount() throws {
        let run = try OneThingExecutable.run(["test", "bundles/"], in: Self.root)
        #expect(run.status == 0, "\(run.standardOutput)")
        let last = run.standardOutput.split(separator: "\n").last.map(String.init)
        #expect(last?.hasSuffix(" passed, 0 failed") == true)
    }

    @Test func testJSONListsEveryBundleWithItsCases() throws {
        let run = try OneThingExecutable.run(["test", "bundles/", "--format", "json"], in: Self.root)
        #expect(run.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let bundles = try #require(object["bundles"] as? [[String: Any]])
        #expect(bundles.count >= 3)
        #expect(object["failed"] as? Int == 0)
        #expect((object["passed"] as? Int ?? 0) >= 9)
        let cases = try #require(bundles.first?["cases"] as? [[String: Any]])
        #expect(cases.allSatisfy { $0["name"] is String && $0["passed"] as? Bool == true })
        #expect(bundles.first?["file"] as? String == "bundles/after-death.yaml")
    }

    @Test func thePlanSaysWhatHappensWhenAFetchedMaterialCannotBeFetched() throws {
        let credit = ["plan", "bundles/credit-repair.yaml", "--case", "税务行政处罚信息修复（最坏情况）"]
        let zh = try OneThingExecutable.run(credit + ["--lang", "zh"], in: Self.root)
        #expect(zh.status == 0)
        #expect(zh.standardOutput.contains("法定责任义务履行完毕的证明（罚款缴纳凭证等）——无法获取时相关事项最多等待2个工作日"))
        let en = try OneThingExecutable.run(credit + ["--lang", "en"], in: Self.root)
        #expect(
            en.standardOutput.contains(
                "— if it cannot be fetched: the items that need it wait up to 2 workdays"))
        let restaurant = try OneThingExecutable.run(
            ["plan", "bundles/open-restaurant.yaml", "--case", "新办餐饮店，一般程序消防，设招牌并售烟（最坏情况）", "--lang", "zh"],
            in: Self.root)
        #expect(
            restaurant.standardOutput.contains("居民身份证（主要材料）——无法获取时提交纸质材料"), "\(restaurant.standardOutput)")
    }

    /// home-transfer's parties: the bank takes part only with a loan, and the plan says
    /// who brings each material and, at its end, what each party brings.
    @Test func thePlanSaysWhoTakesPartAndWhoBringsWhat() throws {
        let cash = ["plan", "bundles/home-transfer.yaml", "--case", "无抵押、全款购房，卖方已婚、买方未婚，办理供水和供电过户"]
        let zh = try OneThingExecutable.run(cash + ["--lang", "zh"], in: Self.root)
        #expect(zh.status == 0)
        let out = zh.standardOutput
        #expect(out.contains("当事人（5 个中 2 个参与）："), "\(out)")
        #expect(out.contains("  ✘ bank  贷款银行（抵押权人）  [银行]\n      条件 buyer.loan 不成立：buyer.loan = false"))
        #expect(out.contains("存量房买卖合同（主要材料）——共同提交一份"))
        #expect(out.contains("居民身份证（主要材料）——无法获取时提交纸质材料——买方、卖方各一份"))
        #expect(out.contains("  买方：婚姻状况证明（未婚、离异或丧偶的一方）（或签署告知承诺书）"))
        #expect(out.contains("  卖方：水电气网费用结清凭证"))
        let loan = ["plan", "bundles/home-transfer.yaml", "--case", "卖方有抵押、买方贷款，双方已婚，水电气网全部过户（最坏情况）"]
        let en = try OneThingExecutable.run(loan + ["--lang", "en"], in: Self.root)
        #expect(en.standardOutput.contains("  ✔ bank  贷款银行（抵押权人） (lending bank (mortgagee))  [bank]"))
        #expect(en.standardOutput.contains("  买方 / buyer: nothing to bring"))
        #expect(
            en.standardOutput.contains(
                "  贷款银行（抵押权人） / lending bank (mortgagee): 抵押权人（贷款银行）共同申请材料（营业执照、授权委托书及经办人身份证明）"))
        // A bundle without parties says nothing of them.
        let restaurant = try OneThingExecutable.run(
            ["plan", Self.restaurant, "--case", Self.worstCase], in: Self.root)
        #expect(!restaurant.standardOutput.contains("Who brings what"))
    }

    /// business-deregistration's 20-day 公示 is not counted: the promise of 11 working days
    /// is kept, and the dates say that they include it.
    @Test func thePlanSaysItsDatesIncludeTheTimeNotCounted() throws {
        let plan = [
            "plan", "bundles/business-deregistration.yaml", "--case", "企业简易注销，有社保、公积金和海关备案（最坏情况）",
            "--start", "2026-01-26",
        ]
        let zh = try OneThingExecutable.run(plan + ["--lang", "zh"], in: Self.root)
        #expect(zh.status == 0)
        #expect(
            zh.standardOutput.contains("承诺11个工作日内办结，即 2026-02-25 前；预计出件 2026-02-25"), "\(zh.standardOutput)")
        #expect(zh.standardOutput.contains("（以上两个日期已含不计入办理时限的简易注销公示20日）"))
        // Two chains: the 公示's decides the dates, the 清税's (what the limits count) the promise.
        #expect(zh.standardOutput.contains("关键路径（1 个工作日，另有不计入办理时限的简易注销公示20日）"))
        #expect(
            zh.standardOutput.contains(
                "计入办理时限最长的办理链（11 个工作日，承诺时限据此核定）：综合收件 → 税务注销（清税）（10个工作日） → 简易注销登记（1个工作日） → 统一出件"))
        #expect(!zh.standardOutput.contains("预计出件晚于承诺期限"))
        let en = try OneThingExecutable.run(plan + ["--lang", "en"], in: Self.root)
        #expect(
            en.standardOutput.contains(
                "(both dates: including 简易注销公示 (20 days), which the time limits do not count)"))
    }

    @Test func anApplicantWhoIsNotEligibleIsToldWhyInsteadOfGivenAPlan() throws {
        let small = ["plan", "bundles/sports-event.yaml", "--case", "预计每场 600 人"]
        let en = try OneThingExecutable.run(small + ["--lang", "en"], in: Self.root)
        #expect(en.status == 1)
        #expect(
            en.standardOutput
                == """
                Not eligible for 举办体育赛事活动一件事 (sports-event 1.0.0), because:
                  - a sports event expecting fewer than 1000 people per session is not a large public event and \
                needs no safety permit (大型群众性活动安全管理条例 §2).

                """)
        #expect(en.standardError.isEmpty, "\(en.standardError)")
        let zh = try OneThingExecutable.run(small + ["--lang", "zh"], in: Self.root)
        #expect(
            zh.standardOutput.hasPrefix("不符合举办体育赛事活动一件事（sports-event 1.0.0）的申请条件，原因：\n  - 每场次预计参加人数不足 1000 人")
        )
        #expect(!zh.standardOutput.contains("到期"))
    }

    @Test func aFailingCaseExitsWith1() throws {
        let run = try OneThingExecutable.run(
            ["test", "Tests/OneThingTests/Fixtures/diagnostics/OT701-test-failed.yaml"], in: Self.root)
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("error[OT701]"))
        #expect(run.standardOutput.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test func planExplainsWhyItemsApplyAndTheirDueDates() throws {
        let run = try OneThingExecutable.run(
            ["plan", Self.restaurant, "--case", Self.worstCase, "--start", "2026-09-25", "--lang", "en"],
            in: Self.root)
        #expect(run.status == 0, "\(run.standardError)")
        let text = run.standardOutput
        // Accepted on Friday 2026-09-25, 中秋, a rest day: the count starts from Monday
        // 09-28, which is not counted, so registration is due on 09-29; the drainage
        // permit's 10 working days cross the National Day week (10-01 to 10-07 off,
        // Saturday 10-10 worked), so delivery is due on 2026-10-19.
        #expect(
            text.contains("Accepted 2026-09-25 (a rest day: counted from the next working day, 2026-09-28"))
        #expect(text.contains("business-registration"))
        #expect(text.contains("2026-09-28 → 2026-09-29"))
        #expect(text.contains("predicted delivery 2026-10-19"))
        #expect(text.contains("condition not business.has_licence holds: business.has_licence = false"))
        #expect(text.contains("✘ prepackaged-food-filing"))
        #expect(text.contains("Critical path (11 working days)"))
    }

    @Test func planWithoutAnswersIsAUsageError() throws {
        let run = try OneThingExecutable.run(["plan", Self.restaurant], in: Self.root)
        #expect(run.status == 2)
        #expect(run.standardError.contains("--answers"))
    }

    @Test func planWithAWrongAnswerReportsItOnStandardErrorAndExits1() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-answers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("answers.yaml")
        try Data("business:\n  has_licence: yes\n".utf8).write(to: answers)
        let run = try OneThingExecutable.run(
            ["plan", Self.restaurant, "--answers", answers.path], in: Self.root)
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("error[OT802]"))
        #expect(run.standardError.contains("error[OT801]"))  // the other required questions
    }

    @Test func planWithAnswersInAJSONFileMatchesTheSameTestCase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-answers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("answers.json")
        try Data(
            """
            {"business": {"has_licence": false, "prepackaged_only": false},
             "fire.route": "normal", "sign.outdoor": true, "tobacco.retail": true}
            """.utf8
        ).write(to: answers)
        let fromJSON = try OneThingExecutable.run(
            ["plan", Self.restaurant, "--answers", answers.path, "--start", "2026-09-25", "--lang", "en"],
            in: Self.root)
        let fromCase = try OneThingExecutable.run(
            ["plan", Self.restaurant, "--case", Self.worstCase, "--start", "2026-09-25", "--lang", "en"],
            in: Self.root)
        #expect(fromJSON.status == 0, "\(fromJSON.standardError)")
        #expect(fromJSON.standardOutput.contains("predicted delivery 2026-10-19"))
        #expect(fromJSON.standardOutput == fromCase.standardOutput)
    }

    @Test func aJSONAnswersFileThatIsNotJSONIsFoundAtItsLineAndColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-answers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("answers.json")
        try Data("{\n  \"business.has_licence\": yes\n}\n".utf8).write(to: answers)
        for language in ["en", "zh"] {
            let run = try OneThingExecutable.run(
                ["plan", Self.restaurant, "--answers", answers.path, "--lang", language], in: Self.root)
            #expect(run.status == 1)
            #expect(run.standardError.contains("answers.json:2:27:"))
            #expect(run.standardError.contains("[OT111]"))
            #expect(
                run.standardError.contains(language == "en" ? "‘yes’ is not a JSON value" : "“yes”不是 JSON 值"))
        }
        let help = try OneThingExecutable.run(["plan", "--help"], in: Self.root)
        #expect(help.standardOutput.contains(".json"))
    }

    @Test func anUnknownCaseIsNamedWithTheCasesThatExist() throws {
        let run = try OneThingExecutable.run(["plan", Self.restaurant, "--case", "没有这个用例"], in: Self.root)
        #expect(run.status == 1)
        #expect(run.standardError.contains("OT703"))
    }

    @Test func aStartOutsideTheCalendarIsAnInputError() throws {
        let run = try OneThingExecutable.run(
            ["plan", Self.restaurant, "--case", Self.worstCase, "--start", "2100-12-20"], in: Self.root)
        #expect(run.status == 2)
        #expect(run.standardError.contains("2101-01-01"))
        #expect(run.standardError.contains("(2025–2100)"))
    }

    @Test func aPlanInAYearWithoutANoticeMarksItsDatesProvisional() throws {
        // 2027-03-01 is a Monday; 11 working days end on Tuesday 03-16 (no holiday between).
        let run = try OneThingExecutable.run(
            ["plan", Self.restaurant, "--case", Self.worstCase, "--start", "2027-03-01", "--lang", "en"],
            in: Self.root)
        #expect(run.status == 0)
        #expect(
            run.standardOutput.contains(
                "by 2027-03-16 (provisional, 暂定); predicted delivery 2027-03-16 (provisional, 暂定)"))
        #expect(
            run.standardOutput.contains(
                "⚠ these dates are provisional (暂定): the catalogue has no State Council holiday notice for 2027"
            ))
    }

    @Test func aPlanWithinTheNoticeYearsIsNotMarked() throws {
        let run = try OneThingExecutable.run(
            ["plan", Self.restaurant, "--case", Self.worstCase, "--start", "2026-03-02", "--lang", "zh"],
            in: Self.root)
        #expect(run.status == 0)
        #expect(!run.standardOutput.contains("暂定"))
    }

    @Test func graphMarksTheCriticalPathInDOT() throws {
        let run = try OneThingExecutable.run(
            ["graph", Self.restaurant, "--case", Self.worstCase, "--format", "dot"], in: Self.root)
        #expect(run.status == 0)
        let dot = run.standardOutput
        #expect(dot.hasPrefix("digraph plan {"))
        #expect(
            dot.contains("item_business_registration -> item_drainage_permit [color=red3, penwidth=2.5];"))
        #expect(dot.contains("item_prepackaged_food_filing [label="))
        #expect(dot.contains("style=\"rounded,dashed\""))
    }

    @Test func graphInMermaidDrawsTheCriticalPathThick() throws {
        let run = try OneThingExecutable.run(
            ["graph", Self.restaurant, "--format", "mermaid"], in: Self.root)
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("flowchart LR\n"))
        #expect(run.standardOutput.contains("item_business_registration ==> item_drainage_permit"))
        #expect(run.standardOutput.contains("class intake,"))
    }

    /// school-enrolment's example window (淮北市相山区, 2016 only): a case of 2026 is told
    /// that the year's dates are as the local notice says; with a window of every year, a
    /// case accepted after it is warned with the next opening, in the next year.
    @Test func thePlanSaysWhetherTheCaseIsAcceptedInsideAWindow() throws {
        let enrolment = [
            "plan", "bundles/school-enrolment.yaml", "--case", "本区户籍、自有住房，报名小学", "--start", "2026-07-07",
        ]
        let zh = try OneThingExecutable.run(enrolment + ["--lang", "zh"], in: Self.root)
        #expect(zh.status == 0)
        #expect(
            zh.standardOutput.contains("整件事的报名时间：\n  小学一年级入学报名：2016-07-06至2016-07-10（仅2016年）（安徽省淮北市相山区："),
            "\(zh.standardOutput)")
        #expect(zh.standardOutput.contains("  整件事：2026年的报名时间以当地当年公告为准，受理日期（2026-07-07）是否在报名时间内无法确认。"))
        #expect(!zh.standardOutput.contains("⚠"))
        let text = try String(
            contentsOf: Self.root.appendingPathComponent("bundles/school-enrolment.yaml"), encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-windows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("school-enrolment.yaml")
        try Data(
            text.replacingOccurrences(
                of: "    from: 2016-07-06\n    to: 2016-07-10\n", with: "    from: 07-01\n    to: 07-10\n"
            ).utf8
        ).write(to: file)
        let catalogue = Self.root.appendingPathComponent("bundles/catalogue").path
        let late = try OneThingExecutable.run(
            [
                "plan", file.path, "--catalogue", catalogue, "--case", "本区户籍、自有住房，报名小学", "--start",
                "2026-07-13", "--lang", "en",
            ],
            in: Self.root)
        #expect(late.status == 0, "\(late.standardError)")
        #expect(
            late.standardOutput.contains("  小学一年级入学报名: every year, 1 Jul to 10 Jul (安徽省淮北市相山区: "),
            "\(late.standardOutput)")
        #expect(
            late.standardOutput.contains(
                "  ⚠ Accepted on 2026-07-13, outside the windows in which the whole application can be applied for; the next window, “小学一年级入学报名”, opens on 2027-07-01 (until 2027-07-10)."
            ), "\(late.standardOutput)")
    }
}
