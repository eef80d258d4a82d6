import Foundation
import OneThing
import Testing

@testable import OneThingCLI

@Suite(.serialized)
struct CommandLineTests {
    @Test func binaryIsBuiltBesideTheTests() {
        #expect(FileManager.default.isExecutableFile(atPath: OneThingExecutable.url.path))
    }

    @Test func requireFeesWarnsOfEachItemWithoutAFeeAndStrictFailsOnIt() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let plain = try OneThingExecutable.run(["validate", "bundles/home-transfer.yaml"], in: root)
        #expect(plain.status == 0)
        #expect(!plain.standardOutput.contains("OT508"))
        let fees = try OneThingExecutable.run(
            ["validate", "--require-fees", "bundles/home-transfer.yaml"], in: root)
        #expect(fees.status == 0)
        // The two registrations state their fee by law; the seven other items do not.
        #expect(fees.standardOutput.components(separatedBy: "warning[OT508]").count == 8)
        #expect(fees.standardOutput.contains("item 'contract-filing' (存量房买卖合同网签备案（成交价申报）) states no fee"))
        #expect(!fees.standardOutput.contains("item 'transfer-registration'"))
        let strict = try OneThingExecutable.run(
            ["validate", "--require-fees", "--strict", "bundles/home-transfer.yaml"], in: root)
        #expect(strict.status == 1)
    }

    @Test func validatingAPathThatDoesNotExistExitsWith2() throws {
        let run = try OneThingExecutable.run(["validate", "nonexistent"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("nonexistent"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func anUnknownFormatIsAUsageErrorWithExit2() throws {
        let run = try OneThingExecutable.run(["validate", "--format", "bogus"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("bogus"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func anUnknownOptionIsAUsageErrorWithExit2() throws {
        let run = try OneThingExecutable.run(["validate", "--frobnicate"])
        #expect(run.status == 2)
        #expect(!run.standardError.isEmpty)
    }

    /// A CI job pointed at the wrong or an empty folder fails instead of passing.
    @Test func validatingAnEmptyFolderIsAnErrorThatNamesIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["validate", "test", "metrics"] {
            let run = try OneThingExecutable.run([command, folder.path, "--lang", "en"])
            #expect(run.status == 2, "\(command)")
            #expect(
                run.standardError.contains("\(folder.path): the folder holds no .yaml or .yml files to check")
            )
        }
        let zh = try OneThingExecutable.run(["validate", folder.path, "--lang", "zh"])
        #expect(zh.standardError.contains("该文件夹中没有可检查的 .yaml 或 .yml 文件"))
    }

    @Test func aCatalogueOptionNamingAFileSaysToGiveTheFolder() throws {
        let root = PlanningCommandTests.root.path
        let run = try OneThingExecutable.run([
            "validate", root + "/bundles/open-restaurant.yaml", "--catalogue",
            root + "/bundles/catalogue/departments.yaml",
            "--lang", "en",
        ])
        #expect(run.status == 2)
        #expect(run.standardError.contains("this is a file; give the catalogue folder"))
    }

    /// An unreadable departments file is the one finding: the bundles are not told
    /// that every department they name is unknown.
    @Test func anUnreadableDepartmentsFileIsNamedAloneWithoutAFloodOfUnknownDepartments() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-\(UUID().uuidString)")
        let catalogue = folder.appendingPathComponent("catalogue")
        try FileManager.default.createDirectory(at: catalogue, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundles = PlanningCommandTests.root.appendingPathComponent("bundles")
        for name in ["materials.yaml", "calendar-2025.yaml", "calendar-2026.yaml"] {
            try FileManager.default.copyItem(
                at: bundles.appendingPathComponent("catalogue/\(name)"),
                to: catalogue.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(
            at: bundles.appendingPathComponent("open-restaurant.yaml"),
            to: folder.appendingPathComponent("open-restaurant.yaml"))
        try FileManager.default.createSymbolicLink(
            atPath: catalogue.appendingPathComponent("departments.yaml").path,
            withDestinationPath: "nowhere.yaml")
        let run = try OneThingExecutable.run(["validate", folder.path, "--lang", "en"])
        #expect(run.status == 1)
        #expect(
            run.standardOutput.contains(
                "departments.yaml:1:1: error[OT106]: a symbolic link that leads nowhere"))
        #expect(!run.standardOutput.contains("OT301"))
        #expect(run.standardOutput.contains("1 error in"))
    }

    @Test func explainPrintsAKnownCodeInBothLanguages() throws {
        let run = try OneThingExecutable.run(["explain", "OT102"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("OT102"))
        #expect(run.standardOutput.contains("a mapping has the same key twice"))
        #expect(run.standardOutput.contains("同一映射中键重复"))
        #expect(run.standardError.isEmpty)
    }

    @Test func explainSaysWhatTheRuleProtectsWithExamplesAndTheFix() throws {
        let english = try OneThingExecutable.run(["explain", "OT501", "--lang", "en"])
        #expect(english.status == 0)
        for heading in ["What the rule protects:", "Wrong:", "Right:", "How to fix it:"] {
            #expect(english.standardOutput.contains(heading))
        }
        #expect(english.standardOutput.contains("    legal: 5日"))
        let chinese = try OneThingExecutable.run(["explain", "OT501", "--lang", "zh"])
        for heading in ["这条规则保护什么：", "错误示例：", "正确示例：", "如何修改："] {
            #expect(chinese.standardOutput.contains(heading))
        }
        #expect(chinese.standardOutput.contains("法律中的“日”指自然日"))
    }

    @Test func explainAcceptsACodeWithoutItsPrefix() throws {
        let run = try OneThingExecutable.run(["explain", "102"])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("OT102"))
    }

    @Test func explainingAnUnknownCodeExitsWith2() throws {
        let run = try OneThingExecutable.run(["explain", "OT999"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("OT999"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func explainSuggestsTheClosestCode() throws {
        let run = try OneThingExecutable.run(["explain", "OT1022"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("did you mean OT102?"))
    }

    @Test func codesListsEveryCode() throws {
        let run = try OneThingExecutable.run(["codes", "--lang", "zh"])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count == DiagnosticCode.catalogue.count)
        #expect(lines.first == "OT101  错误  文件不是有效的 YAML")
    }

    @Test func takesTheLanguageFromTheEnvironmentsLocale() throws {
        let chinese = try OneThingExecutable.run(["codes"], environment: ["LC_ALL": "zh_CN.UTF-8"])
        #expect(chinese.standardOutput.hasPrefix("OT101  错误  文件不是有效的 YAML\n"))
        let english = try OneThingExecutable.run(["codes"], environment: ["LC_ALL": "en_US.UTF-8"])
        #expect(english.standardOutput.hasPrefix("OT101  error    the file is not valid YAML\n"))
    }

    @Test func helpExitsWith0OnStandardOutput() throws {
        let run = try OneThingExecutable.run(["--help"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("validate"))
    }

    @Test func errorsFailARunAndWarningsOnlyUnderStrict() {
        let withError = SampleReport.report
        let withWarning = ValidationReport(files: [
            FileReport(path: SampleReport.bundlePath, source: nil, diagnostics: [SampleReport.unusedField])
        ])
        let clean = ValidationReport(files: [FileReport(path: "a.yaml", source: nil, diagnostics: [])])
        #expect(ValidateCommand.exitStatus(for: withError, strict: false) == ExitStatus.problemsFound)
        #expect(ValidateCommand.exitStatus(for: withWarning, strict: false) == ExitStatus.clean)
        #expect(ValidateCommand.exitStatus(for: withWarning, strict: true) == ExitStatus.problemsFound)
        #expect(ValidateCommand.exitStatus(for: clean, strict: true) == ExitStatus.clean)
    }
}
