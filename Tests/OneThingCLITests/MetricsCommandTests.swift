import Foundation
import OneThing
import OneThingPresentation
import Testing

@testable import OneThingCLI

/// `onething metrics`, run as a user runs it, on the real bundles: the three formats,
/// the CSV header, and the exit statuses.
@Suite(.serialized)
struct MetricsCommandTests {
    /// The package root, where `bundles/` is the default path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The after-death bundle's typical case, compared with 宣恩 in `PublishedFiguresTests`.
    static let typicalCase = "医院内正常死亡，火化，职工医保、养老保险和公积金（典型情况）"

    /// Runs `onething` in the package root.
    static func run(_ arguments: [String]) throws -> OneThingExecutable.Run {
        try OneThingExecutable.run(arguments, in: packageRoot)
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The first three real bundles, whose figures these tests pin.
    static let firstThree = [
        "bundles/after-death.yaml", "bundles/elevator-retrofit.yaml", "bundles/open-restaurant.yaml",
    ]

    @Test func metricsIsASubcommandOfOnething() {
        let subcommands = OneThingCommand.configuration.subcommands.map { ObjectIdentifier($0) }
        #expect(subcommands.contains(ObjectIdentifier(MetricsCommand.self)))
    }

    @Test func withoutAnswersEveryBundleIsItsWorstCaseAndSaysSo() throws {
        let run = try Self.run(["metrics"] + Self.firstThree + ["--lang", "en"])
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        let text = run.standardOutput
        #expect(text.components(separatedBy: "Worst case: no answers given").count == 4)
        #expect(text.contains("after-death — 个人身后一件事 (bundles/after-death.yaml)"))
        #expect(text.contains("open-restaurant — 开办餐饮店一件事"))
        #expect(text.contains("elevator-retrofit — 既有住宅加装电梯一件事"))
        #expect(text.contains("Averages over 3 bundles (the plain mean of each bundle's reduction):"))
    }

    @Test func theChineseTableIsAlignedForWideCharacters() throws {
        let run = try Self.run([
            "metrics", "bundles/after-death.yaml", "--case", Self.typicalCase, "--lang", "zh",
        ])
        #expect(run.status == 0)
        let lines = run.standardOutput.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("  指标") })
        let table = Array(lines[header...(header + 5)])
        // 宣恩's published figures stand before the reform, and each row says its basis.
        #expect(table[1] == "  申报材料（份）          32       4  87.5%  公布数字（湖北省宣恩县） / 按文件清点")
        #expect(table[2] == "  办理时限（工作日）      20       2  90.0%  公布数字（湖北省宣恩县） / 承诺（假定兑现）")
        #expect(table[3] == "  跑动次数（次）           6       1  83.3%  口径假定 / 口径假定")
        #expect(table[5] == "  涉及部门（个）          10       6      —  公布数字（湖北省宣恩县） / 按文件清点")
        // The numbers of every line end in the same terminal column, where the bases begin.
        let numbersEnd = table.map { line in
            Self.terminalColumns(
                String(line[..<(line.range(of: "  ", options: .backwards)?.upperBound ?? line.endIndex)]))
        }
        #expect(Set(numbersEnd).count == 1, "\(table)")
        #expect(run.standardOutput.contains("用例：\(Self.typicalCase)；适用 9 个事项。"))
        #expect(run.standardOutput.contains("改革前数字来源：宣恩县政务服务“小切口”惠及“大民生”（湖北文明网，恩施晚报 杨长镁）, 2021-04-28"))
        #expect(run.standardOutput.contains("按本文件事项计算的改革前数字：申报材料（份） 34，办理时限（工作日） 27.6。"))
        #expect(run.standardOutput.contains("即申报材料平均精简87.5%，办理时限平均压缩90.0%，跑动次数平均减少83.3%，办事环节平均减少66.7%。"))
    }

    @Test func csvHasAHeaderAndOneLinePerFigureAndAverage() throws {
        let run = try Self.run([
            "metrics", "bundles/after-death.yaml", "--case", Self.typicalCase, "--format", "csv",
        ])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        #expect(
            lines.first
                == "row,file,bundle,case_kind,case,figure,before,after,reduction,before_basis,after_basis")
        #expect(lines.first == FiguresTable.csvHeader)
        let prefix = "bundle,bundles/after-death.yaml,after-death,test-case,\(Self.typicalCase),"
        #expect(
            Array(lines.dropFirst()) == [
                prefix + "materials,32,4,87.5,declared,counted",
                prefix + "workdays,20,2,90,declared,promised",
                prefix + "visits,6,1,83.3,assumed,assumed",
                prefix + "steps,36,12,66.7,assumed,assumed",
                prefix + "departments,10,6,,declared,counted",
                "average,,,,,materials,,,87.5,,",
                "average,,,,,workdays,,,90,,",
                "average,,,,,visits,,,83.3,,",
                "average,,,,,steps,,,66.7,,",
                "",
            ])
    }

    @Test func csvOfEveryBundleHasFiveLinesPerBundle() throws {
        let run = try Self.run(["metrics"] + Self.firstThree + ["--format", "csv"])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 3 * 5 + 4)
        #expect(
            lines.dropFirst().prefix(15).allSatisfy {
                $0.hasPrefix("bundle,bundles/") && $0.contains(",worst-case,,")
            })
    }

    @Test func jsonHasTheFiguresTheCaseAndTheAverages() throws {
        let run = try Self.run([
            "metrics", "bundles/after-death.yaml", "--case", Self.typicalCase, "--format", "json",
        ])
        #expect(run.status == 0)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let bundles = try #require(document["bundles"] as? [[String: Any]])
        #expect(bundles.count == 1)
        let bundle = bundles[0]
        #expect(bundle["bundle"] as? String == "after-death")
        #expect(bundle["items"] as? Int == 9)
        #expect(bundle["departments"] as? Int == 6)
        let planCase = try #require(bundle["case"] as? [String: Any])
        #expect(planCase["kind"] as? String == "test-case")
        #expect(planCase["name"] as? String == Self.typicalCase)
        let figures = try #require(bundle["figures"] as? [String: [String: Any]])
        #expect(figures["materials"]?["before"] as? Double == 32)
        #expect(figures["materials"]?["computed-before"] as? Double == 34)
        #expect(figures["materials"]?["after"] as? Double == 4)
        #expect(figures["materials"]?["reduction"] as? Double == 87.5)
        #expect(figures["workdays"]?["after"] as? Double == 2)
        #expect(figures["steps"]?["reduction"] as? Double == 66.7)
        #expect(figures["departments"]?["before"] as? Double == 10)
        #expect(figures["departments"]?["after"] as? Double == 6)
        #expect(figures["departments"]?["reduction"] is NSNull)
        // Every figure says what each side rests on.
        #expect(Set(figures.keys) == ["materials", "workdays", "visits", "steps", "departments"])
        for (name, figure) in figures {
            let basis = try #require(figure["basis"] as? [String: [String: Any]], "\(name) has no basis")
            #expect(basis["before"]?["kind"] is String && basis["after"]?["kind"] is String, "\(name)")
        }
        let time = try #require(figures["workdays"]?["basis"] as? [String: [String: Any]])
        #expect(time["before"]?["kind"] as? String == "declared")
        #expect(time["before"]?["place"] as? String == "湖北省宣恩县")
        let source = try #require(time["before"]?["source"] as? [String: Any])
        #expect(source["published"] as? String == "2021-04-28")
        #expect(time["after"]?["kind"] as? String == "promised")
        #expect(time["after"]?["mostly-assumed"] as? Bool == true)
        let visits = try #require(figures["visits"]?["basis"] as? [String: [String: Any]])
        #expect(visits["before"]?["kind"] as? String == "assumed")
        let checklist = try #require(bundle["checklist"] as? [String: Int])
        #expect(checklist == ["bring": 3, "later": 1, "commitment": 0, "fetched": 2, "issued": 2])
        let averages = try #require(document["averages"] as? [String: Any])
        #expect(averages["bundles"] as? Int == 1)
        #expect((averages["visits"] as? [String: Any])?["reduction"] as? Double == 83.3)
    }

    @Test func aTimeFigureMostlyOfPromisesIsMarkedAndALegalOneIsNot() throws {
        let run = try Self.run([
            "metrics", "bundles/school-enrolment.yaml", "bundles/company-setup.yaml", "--format", "json",
        ])
        #expect(run.status == 0)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let bundles = try #require(document["bundles"] as? [[String: Any]])
        let before = bundles.map { bundle in
            ((bundle["figures"] as? [String: Any])?["workdays"] as? [String: Any]).flatMap {
                ($0["basis"] as? [String: Any])?["before"] as? [String: Any]
            }
        }
        // school-enrolment (in the order given): only 25.7% is legal, the rest its own promises.
        #expect(before[0]?["kind"] as? String == "legal")
        #expect(before[0]?["legal-share"] as? Double == 25.7)
        #expect(before[0]?["mostly-assumed"] as? Bool == true)
        // company-setup: 98.1% of its time before is legal.
        #expect(before[1]?["kind"] as? String == "legal")
        #expect(before[1]?["legal-share"] as? Double == 98.1)
        #expect(before[1]?["mostly-assumed"] as? Bool == false)
        let text = try Self.run(["metrics", "bundles/school-enrolment.yaml", "--lang", "en"])
        #expect(text.standardOutput.contains("only 25.7% legal, the rest promised / promised (assumed kept)"))
    }

    @Test func theCataloguePageStatesTheBasisOfEveryTimeFigure() throws {
        let run = try Self.run(["catalogue", "bundles/"])
        #expect(run.status == 0)
        let page = run.standardOutput
        let rows = page.split(separator: "\n").filter { $0.hasPrefix("| [") }
        #expect(rows.count >= 20)
        // No column calls the serial sum legal; each row names what its time before rests on.
        #expect(!page.contains("其中法定"))
        #expect(
            rows.allSatisfy { row in
                ["法定 ", "法定仅 ", "法定占0%", "公布（"].contains { row.contains($0) }
            })
        let afterDeath = try #require(rows.first { $0.contains("after-death.yaml)") })
        #expect(afterDeath.contains("| 32（公布）→4 | 20（公布）→5 | 公布（湖北省宣恩县）/ published |"))
        // The departments are the worst case's, the figures' scope; the others in brackets.
        #expect(afterDeath.contains("、退役军人事务局（其他情况另有 / others: 卫生健康委员会） | 13 / 14 |"))
        let school = try #require(rows.first { $0.contains("school-enrolment.yaml)") })
        #expect(school.contains("法定仅 25.7%，主要为承诺 / mostly promised"))
        let credit = try #require(rows.first { $0.contains("credit-repair.yaml)") })
        #expect(credit.contains("| 法定占0%，全为承诺 / 0% legal: all promised |"))
        // Every item 即办 and none with a legal limit stated: 0 % legal, not "法定 100%" of 0 days.
        let taxCredit = try #require(rows.first { $0.contains("tax-credit-query.yaml)") })
        #expect(taxCredit.contains("| 0→0 | 法定占0%，全为承诺 / 0% legal: all promised |"))
        // The worst case is the applicant who waits longest: a 2-month evaluation report,
        // the dispute and mediation (60 × 5/7 + 60 + 10 WD), not the 70 WD of another.
        let ip = try #require(rows.first { $0.contains("ip-protection.yaml)") })
        #expect(ip.contains("| 142.86→112.86 | 法定 51% / legal |"))
        #expect(
            page.contains(
                "after-death.yaml)：湖北省宣恩县，宣恩县政务服务“小切口”惠及“大民生”（湖北文明网，恩施晚报 杨长镁）, 2021-04-28, http://www.hbwmw.gov.cn/zbhb/202104/t20210428_174328.shtml。"
            ))
    }

    @Test func jsonOfTheWorstCaseNamesItsKind() throws {
        let run = try Self.run(["metrics"] + Self.firstThree + ["--format", "json"])
        #expect(run.status == 0)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let bundles = try #require(document["bundles"] as? [[String: Any]])
        #expect(bundles.count == 3)
        #expect(bundles.allSatisfy { ($0["case"] as? [String: Any])?["kind"] as? String == "worst-case" })
    }

    @Test func anAnswersFileGivesThatApplicantsFigures() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("answers.yaml")
        try """
        death.abnormal: false
        death.work_injury: false
        death.place: medical-institution
        funeral.cremation: true
        deceased.medical_insurance: employee
        deceased.pension_scheme: employee
        deceased.driving_licence: false
        deceased.housing_fund: true
        deceased.benefits: []
        """.write(to: answers, atomically: true, encoding: .utf8)
        let run = try Self.run([
            "metrics", "bundles/after-death.yaml", "--answers", answers.path, "--lang", "en",
        ])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Answers: \(answers.path). 9 items apply."))
        #expect(
            run.standardOutput.contains(
                "  Materials (pieces)       32      4      87.5%  published (湖北省宣恩县) / counted"))
    }

    @Test func aBundleWithoutTheNamedCaseIsAnErrorNamingIt() throws {
        let run = try Self.run(["metrics", "--case", Self.typicalCase, "--lang", "en"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("bundle 'open-restaurant' has no test case"))
        #expect(run.standardError.contains("bundle 'elevator-retrofit' has no test case"))
        #expect(!run.standardError.contains("bundle 'after-death'"))
        // The bundle that has the case is still printed.
        #expect(run.standardOutput.contains("after-death — 个人身后一件事"))
        #expect(run.standardOutput.contains("Averages over 1 bundle "))
    }

    @Test func answersThatDoNotFitTheFormExitWith1() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("answers.yaml")
        try "death.abnormal: maybe\n".write(to: answers, atomically: true, encoding: .utf8)
        let run = try Self.run(["metrics", "bundles/after-death.yaml", "--answers", answers.path])
        #expect(run.status == 1)
        #expect(run.standardError.contains("error[OT"))
    }

    @Test func aBundleThatIsNotValidExitsWith1() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id: broken\ntitle: 坏的一件事\n".write(
            to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let catalogue = Self.packageRoot.appendingPathComponent("bundles/catalogue").path
        let run = try Self.run(["metrics", folder.path, "--catalogue", catalogue])
        #expect(run.status == 1)
        #expect(run.standardError.contains("broken.yaml"))
    }

    @Test func aPathThatDoesNotExistExitsWith2() throws {
        let run = try Self.run(["metrics", "nonexistent"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("nonexistent"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func anAnswersFileThatCannotBeReadExitsWith2() throws {
        let run = try Self.run(["metrics", "bundles/after-death.yaml", "--answers", "no-such-answers.yaml"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("no-such-answers.yaml"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func usageErrorsExitWith2() throws {
        let format = try Self.run(["metrics", "--format", "sarif"])
        #expect(format.status == 2)
        #expect(format.standardError.contains("sarif"))
        let both = try Self.run(["metrics", "--answers", "a.yaml", "--case", "x"])
        #expect(both.status == 2)
        #expect(both.standardError.contains("either --answers or --case"))
    }

    /// The terminal columns a line takes: CJK characters and full-width punctuation two.
    static func terminalColumns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            let wide = (0x3000...0x9FFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
            return total + (wide ? 2 : 1)
        }
    }
}
