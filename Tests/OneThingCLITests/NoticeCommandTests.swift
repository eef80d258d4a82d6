import Foundation
import OneThing
import Testing

@testable import OneThingCLI

/// `onething notice`, run as a user runs it: the letter on standard output or in a
/// file, problems on standard error, and the exit statuses.
@Suite(.serialized)
struct NoticeCommandTests {
    /// The package root, where `bundles/` is.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let worstCase = "新办餐饮店，一般程序消防，设招牌并售烟（最坏情况）"

    /// Runs `onething` in the package root.
    static func run(_ arguments: [String]) throws -> OneThingExecutable.Run {
        try OneThingExecutable.run(arguments, in: packageRoot)
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-notice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func noticeIsASubcommandOfOnething() {
        let subcommands = OneThingCommand.configuration.subcommands.map { ObjectIdentifier($0) }
        #expect(subcommands.contains(ObjectIdentifier(NoticeCommand.self)))
    }

    @Test func writesTheMarkdownNoticeInChineseByDefault() throws {
        let run = try Self.run([
            "notice", "bundles/open-restaurant.yaml", "--case", Self.worstCase, "--format", "md", "--start",
            "2026-03-02",
        ])
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        #expect(run.standardOutput.hasPrefix("# 开办餐饮店一件事一次性告知书\n"))
        #expect(run.standardOutput.contains("```mermaid\nflowchart LR\n"))
    }

    @Test func writesTheHTMLNoticeToAFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notice.html")
        let run = try Self.run([
            "notice", "bundles/open-restaurant.yaml", "--case", Self.worstCase, "--format", "html", "--start",
            "2026-09-25", "--output", file.path,
        ])
        #expect(run.status == 0)
        #expect(run.standardOutput.isEmpty)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains("2026年10月19日（星期一）"))
    }

    @Test func theEnglishNoticeIsForReviewers() throws {
        let run = try Self.run([
            "notice", "bundles/open-restaurant.yaml", "--case", Self.worstCase, "--format", "html", "--lang",
            "en",
            "--start", "2026-03-02",
        ])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("<html lang=\"en\">"))
        #expect(run.standardOutput.contains("What you are applying for"))
    }

    @Test func missingAnswersAreAUsageErrorWithExit2() throws {
        let run = try Self.run(["notice", "bundles/open-restaurant.yaml", "--format", "md"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("--answers"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func aMissingFormatIsAUsageErrorWithExit2() throws {
        let run = try Self.run(["notice", "bundles/open-restaurant.yaml", "--case", Self.worstCase])
        #expect(run.status == 2)
        #expect(run.standardError.contains("--format"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func aBadAnswerExitsWith1AndTheDiagnosticOnStandardError() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = folder.appendingPathComponent("answers.yaml")
        try Data(
            """
            business.has_licence: yes
            business.prepackaged_only: false
            fire.route: normal
            sign.outdoor: true
            tobacco.retail: true

            """.utf8
        ).write(to: answers)
        let run = try Self.run([
            "notice", "bundles/open-restaurant.yaml", "--answers", answers.path, "--format", "md", "--lang",
            "en",
        ])
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("answers.yaml:1:"))
        #expect(run.standardError.contains("error[OT8"))
        #expect(run.standardError.contains("yes"))
    }

    @Test func anUnknownCaseExitsWith1() throws {
        let run = try Self.run([
            "notice", "bundles/open-restaurant.yaml", "--case", "没有这个用例", "--format", "md", "--lang", "en",
        ])
        #expect(run.status == 1)
        #expect(run.standardError.contains("没有这个用例"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func aBundleThatDoesNotExistExitsWith2() throws {
        let run = try Self.run(["notice", "bundles/nonexistent.yaml", "--case", "x", "--format", "md"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("nonexistent.yaml"))
    }

    @Test func anOutputFileThatCannotBeWrittenExitsWith2() throws {
        let run = try Self.run([
            "notice", "bundles/open-restaurant.yaml", "--case", Self.worstCase, "--format", "md", "--start",
            "2026-03-02", "--output", "/nonexistent-folder/notice.md",
        ])
        #expect(run.status == 2)
        #expect(run.standardError.contains("/nonexistent-folder/notice.md"))
    }

    @Test func aStartOutsideTheCalendarExitsWith2() throws {
        let run = try Self.run([
            "notice", "bundles/open-restaurant.yaml", "--case", Self.worstCase, "--format", "md", "--start",
            "2024-12-02",
        ])
        #expect(run.status == 2)
        #expect(run.standardError.contains("2024-12-02"))
    }

    @Test func aNoticeInAYearWithoutANoticeOfTheStateCouncilMarksItsDatesProvisional() throws {
        // Accepted Monday 2026-12-21: 11 working days end on Wednesday 2027-01-06, across 元旦 2027
        // (a Friday), which the calendar computes from the law: no 2027 notice in bundles/catalogue.
        let run = try Self.run([
            "notice", "bundles/open-restaurant.yaml", "--case", Self.worstCase, "--format", "md", "--start",
            "2026-12-21",
        ])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("- **承诺办结日期**：2027年1月6日（星期三）（暂定）\n"))
        #expect(run.standardOutput.contains("> **注意**：本告知书中2027年的日期均为暂定："))
        #expect(run.standardOutput.contains("本次办理期间的节假日：元旦（2027年1月1日，暂定）。"))
    }
}
