import ArgumentParser
import Foundation
import OneThing
import OneThingPlan

/// `onething test [PATH ...]`: runs the test cases that bundles carry.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the test cases of bundle files: given answers, the expected plan.",
        discussion: """
            Each bundle is validated first; a bundle with an error runs no case. Every \
            expectation that does not hold is reported where it is written. Exit status: 0 \
            when every case passes, 1 when a case fails or a bundle is not valid, 2 for a \
            usage error or a path that cannot be read.
            """)

    @Argument(help: "Bundle files or folders; folders are searched for .yaml and .yml files.")
    var paths: [String] = ["bundles/"]

    @Option(help: "The output format.")
    var format: OutputFormat = .text

    @OptionGroup
    var languageOptions: LanguageOptions

    @Option(
        help: ArgumentHelp(
            "A catalogue folder to use for every bundle, instead of the nearest 'catalogue' folder.",
            valueName: "dir"))
    var catalogue: String?

    @Flag(help: "Never colour the text output.")
    var noColor = false

    func run() throws {
        let language = languageOptions.language
        let suite: BundleTestSuite
        do {
            suite = try BundleTestSuite.run(paths: paths, catalogue: catalogue)
        } catch {
            StandardError.writeLine("onething: \(error.path): \(error.reason.text(in: language))")
            throw ExitStatus.usageOrInputError
        }
        let report = suite.report
        switch format {
        case .json:
            print(Self.json(suite, language: language))
        case .text:
            let usesColor =
                !noColor && TerminalColor.isWanted(environment: ProcessInfo.processInfo.environment)
            print(Self.text(suite, language: language, usesColor: usesColor), terminator: "")
        case .sarif, .github:
            let sources = Dictionary(
                report.files.compactMap { file in file.source.map { (file.path, $0) } },
                uniquingKeysWith: { a, _ in a })
            print(
                format.renderer(language: language, usesColor: false)
                    .render(report.diagnostics, fileCount: report.files.count, sources: { sources[$0] }),
                terminator: "")
        }
        let invalid = suite.bundles.contains { !$0.ran }
        if suite.failed > 0 || invalid { throw ExitStatus.problemsFound }
    }

    /// The text output: each bundle's cases, the findings, and a closing count.
    static func text(_ suite: BundleTestSuite, language: Language, usesColor: Bool) -> String {
        var out = ""
        let renderer = TextDiagnosticRenderer(language: language, usesColor: usesColor)
        for bundle in suite.bundles {
            let path = bundle.report.path
            if !bundle.ran {
                out += language == .zh ? "\(path)：文件有错误，未运行测试用例\n" : "\(path): not valid, no case was run\n"
            }
            for result in bundle.cases {
                let mark = result.passed ? "✔" : "✘"
                let verdict =
                    result.passed ? (language == .zh ? "通过" : "passed") : (language == .zh ? "未通过" : "failed")
                out += "\(mark) \(path): \(result.name) — \(verdict)\n"
            }
            let errors = bundle.report.diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty, let source = bundle.report.source {
                out +=
                    renderer.render(errors, fileCount: 0, sources: { $0 == source.path ? source : nil })
                    .components(separatedBy: "\n").dropLast(2).joined(separator: "\n") + "\n"
            } else if !errors.isEmpty {
                out += renderer.render(errors, fileCount: 0, sources: { _ in nil })
            }
        }
        let invalid = suite.bundles.count { !$0.ran }
        if invalid > 0 {
            out += language == .zh ? "\(invalid) 个文件有错误\n" : "\(invalid) bundle file(s) not valid\n"
        }
        out += "\(suite.passed) passed, \(suite.failed) failed\n"
        return out
    }

    /// The JSON output: `{"bundles": [{"file", "cases": [{"name", "passed"}], "diagnostics"}], "passed", "failed"}`.
    static func json(_ suite: BundleTestSuite, language: Language) -> String {
        struct Case: Encodable {
            var name: String
            var passed: Bool
        }
        struct BundleEntry: Encodable {
            var file: String
            var valid: Bool
            var cases: [Case]
            var diagnostics: [JSONFinding]
        }
        struct Document: Encodable {
            var bundles: [BundleEntry]
            var passed: Int
            var failed: Int
        }
        let document = Document(
            bundles: suite.bundles.map { bundle in
                BundleEntry(
                    file: bundle.report.path, valid: bundle.ran,
                    cases: bundle.cases.map { Case(name: $0.name, passed: $0.passed) },
                    diagnostics: bundle.report.diagnostics.map { JSONFinding($0, language: language) })
            },
            passed: suite.passed, failed: suite.failed)
        // Names, booleans and counts only: a document that always encodes.
        return String(JSONDocumentText.of(document).dropLast())
    }
}
