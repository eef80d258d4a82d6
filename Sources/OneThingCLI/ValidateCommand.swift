import ArgumentParser
import Foundation
import OneThing

/// `onething validate [PATH ...]`: checks bundle files and catalogues and prints what
/// it found.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check bundle files and catalogues, and report every problem found.")

    @Argument(help: "Files or folders to check; folders are searched for .yaml and .yml files.")
    var paths: [String] = ["bundles/"]

    @Option(help: "The output format.")
    var format: OutputFormat = .text

    @OptionGroup
    var languageOptions: LanguageOptions

    @Flag(help: "Count warnings as failures (exit status 1).")
    var strict = false

    @Flag(
        help: ArgumentHelp(
            "Warn where an item states no fee (OT508), as a review before a bundle goes live asks; "
                + "with --strict, such an item fails the run."))
    var requireFees = false

    @Option(
        help: ArgumentHelp(
            "A catalogue folder to use for every bundle, instead of the nearest 'catalogue' folder.",
            valueName: "dir"))
    var catalogue: String?

    @Flag(help: "Never colour the text output (colour is on when standard output is a terminal).")
    var noColor = false

    func run() throws {
        let language = languageOptions.language
        let validator = Validator(options: Validator.Options(catalogue: catalogue, requireFees: requireFees))
        let report: ValidationReport
        do {
            report = try validator.validate(paths: paths)
        } catch {
            StandardError.writeLine("onething: \(error.path): \(error.reason.text(in: language))")
            throw ExitStatus.usageOrInputError
        }
        let usesColor =
            format == .text && !noColor
            && TerminalColor.isWanted(environment: ProcessInfo.processInfo.environment)
        let renderer = format.renderer(language: language, usesColor: usesColor)
        let sources = Dictionary(
            report.files.compactMap { file in file.source.map { (file.path, $0) } },
            uniquingKeysWith: { first, _ in first })
        print(
            renderer.render(report.diagnostics, fileCount: report.files.count, sources: { sources[$0] }),
            terminator: "")
        let status = Self.exitStatus(for: report, strict: strict)
        if status != ExitStatus.clean { throw status }
    }

    /// The exit status of a run: 1 when the report has an error (or, with `strict`, a
    /// warning), 0 otherwise.
    static func exitStatus(for report: ValidationReport, strict: Bool) -> ExitCode {
        report.errorCount > 0 || (strict && report.warningCount > 0)
            ? ExitStatus.problemsFound : ExitStatus.clean
    }
}
