import ArgumentParser
import Foundation
import OneThing
import OneThingPresentation

/// `onething catalogue [PATH ...] [--output FILE] [--check]`: the catalogue page of the bundles.
struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Write the catalogue page of the bundles (bundles/README.md), or check that it is current.",
        discussion: """
            One row per bundle with its lead department, departments, items, and materials, \
            time, visits and steps before and after the reform for its worst case, and the \
            averages in the words of the published reports. With --check, exit 1 when the \
            file named by --output differs from what would be written (for CI).
            """)

    @Argument(help: "Bundle files or folders.")
    var paths: [String] = ["bundles/"]

    @Option(help: ArgumentHelp("Write the page to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Do not write: exit 1 when the --output file is not what would be written.")
    var check = false

    @Option(
        help: ArgumentHelp(
            "The catalogue folder (default: the nearest 'catalogue' folder).", valueName: "dir"))
    var catalogue: String?

    func validate() throws {
        if check, output == nil { throw ValidationError("--check needs --output FILE: the page to check") }
    }

    func run() throws {
        let folder = output.map { ($0 as NSString).deletingLastPathComponent } ?? "."
        let page: CataloguePage
        do {
            page = try CataloguePage.collect(
                paths: paths, relativeTo: folder.isEmpty ? "." : folder, catalogue: catalogue)
        } catch {
            StandardError.writeLine("onething: \(error.path): \(error.reason.en)")
            throw ExitStatus.usageOrInputError
        }
        if !page.failures.isEmpty {
            for report in page.failures {
                PlanningInput.printDiagnostics(
                    report.diagnostics, sources: [report.source].compactMap { $0 }, language: .en)
            }
            throw ExitStatus.problemsFound
        }
        let text = page.markdown
        guard let output else {
            print(text, terminator: "")
            return
        }
        if check {
            let current: String
            do {
                current = try String(contentsOfFile: output, encoding: .utf8)
            } catch {
                StandardError.writeLine(
                    "onething: \(output) cannot be read (\(error.localizedDescription)); run 'onething catalogue \(paths.joined(separator: " ")) --output \(output)' and commit it"
                )
                throw ExitStatus.problemsFound
            }
            guard current == text else {
                StandardError.writeLine(
                    "onething: \(output) is out of date; run 'onething catalogue \(paths.joined(separator: " ")) --output \(output)' and commit it"
                )
                throw ExitStatus.problemsFound
            }
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            StandardError.writeLine("onething: cannot write \(output): \(error.localizedDescription)")
            throw ExitStatus.usageOrInputError
        }
    }
}
