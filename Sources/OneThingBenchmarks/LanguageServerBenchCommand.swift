import ArgumentParser
import Foundation
import OneThing

/// `onething-bench lsp`: the language server's latency from an edit to its findings.
struct LanguageServerBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Measure the language server: time from a didChange of a bundle to its publishDiagnostics.",
        discussion: """
            Opens the bundle in the server in-process, then sends --edits full-text \
            didChange notifications, every other one with a misspelt key, and times each \
            until its publishDiagnostics is encoded and framed. Prints the median, 95th \
            percentile and maximum beside the goal (50 ms). Build with -c release for \
            figures worth comparing.
            """)

    @Option(help: ArgumentHelp("The bundle file to edit (about 500 lines).", valueName: "file"))
    var bundle = "bundles/school-enrolment.yaml"

    @Option(help: "How many edits to time.")
    var edits = 50

    func validate() throws {
        guard edits > 0 else { throw ValidationError("--edits must be at least 1") }
    }

    func run() throws {
        let figures = try LanguageServerBenchmark(path: bundle, edits: edits).run()
        func ms(_ seconds: Double) -> String { String(format: "%7.2f ms", seconds * 1000) }
        let goal = LanguageServerBenchmark.goal
        print("didChange → publishDiagnostics, \(figures.path) (\(figures.lines) lines), \(edits) edits")
        print(
            "  median  \(ms(figures.median))   goal < \(ms(goal))   \(figures.median < goal ? "met" : "NOT met")"
        )
        print("  p95     \(ms(figures.p95))")
        print("  maximum \(ms(figures.maximum))")
    }
}
