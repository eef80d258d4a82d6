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
        #expect(table[1] == "  申报材料（份）          34       4  88.2%")
        #expect(table[2] == "  办理时限（工作日）    27.6       2  92.8%")
        // Every line of the table ends in the same terminal column.
        #expect(Set(table.map(Self.terminalColumns)).count == 1, "\(table)")
        #expect(run.standardOutput.contains("用例：\(Self.typicalCase)；适用 9 个事项。"))
        #expect(run.standardOutput.contains("即申报材料平均精简88.2%，办理时限平均压缩92.8%，跑动次数平均减少83.3%，办事环节平均减少66.7%。"))
    }

    @Test func csvHasAHeaderAndOneLinePerFigureAndAverage() throws {
        let run = try Self.run([
            "metrics", "bundles/after-death.yaml", "--case", Self.typicalCase, "--format", "csv",
        ])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        #expect(lines.first == "row,file,bundle,case_kind,case,figure,before,after,reduction")
        #expect(lines.first == FiguresTable.csvHeader)
        let prefix = "bundle,bundles/after-death.yaml,after-death,test-case,\(Self.typicalCase),"
        #expect(
            Array(lines.dropFirst()) == [
                prefix + "materials,34,4,88.2",
                prefix + "workdays,27.642857142857142,2,92.8",
                prefix + "visits,6,1,83.3",
                prefix + "steps,36,12,66.7",
                prefix + "departments,6,6,",
                "average,,,,,materials,,,88.2",
                "average,,,,,workdays,,,92.8",
                "average,,,,,visits,,,83.3",
                "average,,,,,steps,,,66.7",
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
        #expect(figures["materials"]?["before"] as? Double == 34)
        #expect(figures["materials"]?["after"] as? Double == 4)
        #expect(figures["materials"]?["reduction"] as? Double == 88.2)
        #expect(figures["workdays"]?["after"] as? Double == 2)
        #expect(figures["steps"]?["reduction"] as? Double == 66.7)
        let checklist = try #require(bundle["checklist"] as? [String: Int])
        #expect(checklist == ["bring": 3, "later": 1, "commitment": 0, "fetched": 2, "issued": 2])
        let averages = try #require(document["averages"] as? [String: Any])
        #expect(averages["bundles"] as? Int == 1)
        #expect((averages["visits"] as? [String: Any])?["reduction"] as? Double == 83.3)
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
        deceased.social_assistance: false
        deceased.disability_allowance: false
        deceased.veteran_benefits: false
        """.write(to: answers, atomically: true, encoding: .utf8)
        let run = try Self.run([
            "metrics", "bundles/after-death.yaml", "--answers", answers.path, "--lang", "en",
        ])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Answers: \(answers.path). 9 items apply."))
        #expect(run.standardOutput.contains("  Materials (pieces)       34      4      88.2%"))
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
