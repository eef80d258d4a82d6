import ArgumentParser
import Foundation
import OneThing
import OneThingPlan
import OneThingPresentation

/// `onething metrics [PATH ...]`: the reform figures (改革成效) of bundles — materials,
/// time, visits and steps before and after the reform, their reductions, and the
/// averages over every bundle.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Print the reform figures of bundles: materials, time, visits and steps, before and after.",
        discussion: """
            For each bundle, one applicant's figures: without --answers or --case, the worst \
            case (the applicant whose critical path is longest); with --case, the bundle's \
            test case of that name (a bundle without it is an error); with --answers, the \
            answers in that file (typically for one bundle). Then the averages over every \
            bundle: the plain mean of the per-bundle percentages. Every figure says what each \
            side rests on: counted from the bundle, legal limits (with the share that is \
            legal; "mostly promised" under half), the bundle's promises, the counting \
            model's assumption, or a published baseline the bundle declares (baseline:, \
            with its place and source), which then replaces the computed "before". \
            Time the law does not count (not-counted: a 公示, a 检验) is on neither side \
            of the time figure. A material several parties bring (parties:, a need's \
            from:) counts once for each of them, before and after alike. \
            Problems with a bundle or \
            the answers are printed to standard error and the other bundles still printed. \
            Exit status: 0 when every bundle has its figures, 1 when a bundle is not valid \
            or the answers do not fit it, 2 for a usage error or a path that cannot be read.
            """)

    /// The output formats of `onething metrics`.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        /// A table for people.
        case text
        /// One JSON document.
        case json
        /// CSV with a header line, one line per figure.
        case csv
    }

    @Argument(help: "Bundle files or folders; folders are searched for .yaml and .yml files.")
    var paths: [String] = ["bundles/"]

    @OptionGroup
    var answers: AnswersOptions

    @Option(help: "The output format.")
    var format: Format = .text

    @OptionGroup
    var languageOptions: LanguageOptions

    @Option(
        help: ArgumentHelp(
            "A catalogue folder to use for every bundle, instead of the nearest 'catalogue' folder.",
            valueName: "dir"))
    var catalogue: String?

    func run() throws {
        let language = languageOptions.language
        if let file = answers.answers, !FileManager.default.isReadableFile(atPath: file) {
            StandardError.writeLine(
                "onething: \(file): "
                    + (language == .zh ? "无法读取答案文件" : "the answers file cannot be read"))
            throw ExitStatus.usageOrInputError
        }
        let table: FiguresTable
        do {
            table = try FiguresTable.collect(paths: paths, answers: answers.source, catalogue: catalogue)
        } catch {
            StandardError.writeLine("onething: \(error.path): \(error.reason.text(in: language))")
            throw ExitStatus.usageOrInputError
        }
        if !table.failures.isEmpty {
            PlanningInput.printDiagnostics(
                table.failures.flatMap(\.diagnostics), sources: table.failures.flatMap(\.sources),
                language: language)
        }
        switch format {
        case .text: print(table.text(language: language), terminator: "")
        case .json: print(try table.json(), terminator: "")
        case .csv: print(table.csv, terminator: "")
        }
        if !table.failures.isEmpty { throw ExitStatus.problemsFound }
    }
}
