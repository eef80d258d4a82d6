import ArgumentParser
import Foundation
import OneThing

/// `onething-bench validation`: measures validation of a generated corpus against libyaml's bare
/// event loop over the same bytes, and prints the figures.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validation",
        abstract: "Measure validation speed on a generated corpus beside raw libyaml parsing.",
        discussion: """
            Generates a deterministic corpus of bundle files (2,000 by default, about 11 MB), \
            then times libyaml's bare event loop over the files, full validation on one core, \
            and full validation on every core. Each figure is the best of several runs after a \
            warm-up. Build with -c release for figures worth comparing.
            """)

    @Option(help: "How many bundle files to generate.")
    var files = 2_000

    @Option(help: "The corpus seed; the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(help: "How many timed runs of each measurement (the best is kept).")
    var repetitions = 3

    @Flag(help: "Measure plan building instead: the real bundles, and generated bundles of 10 to 200 items.")
    var plans = false

    @Option(help: ArgumentHelp("With --plans: the folder of the real bundles.", valueName: "dir"))
    var bundles = "bundles"

    @Option(help: "Only write the corpus into this folder and stop, to time other tools on it.")
    var writeCorpus: String?

    @Option(
        help: ArgumentHelp(
            "Run one side over the corpus in --corpus (a warm-up, then the counted run) and stop, for an instruction counter: raw-parse or validation.",
            valueName: "side"))
    var once: OnceSide?

    @Option(help: ArgumentHelp("With --once: a corpus written by --write-corpus.", valueName: "dir"))
    var corpus: String?

    /// One side of the comparison, run once (`--once`).
    enum OnceSide: String, ExpressibleByArgument {
        /// libyaml's bare event loop over the bundle files.
        case rawParse = "raw-parse"
        /// Full validation on one core.
        case validation
    }

    func validate() throws {
        guard files > 0, repetitions > 0 else {
            throw ValidationError("--files and --repetitions must be at least 1")
        }
        guard (once == nil) == (corpus == nil) else {
            throw ValidationError("--once and --corpus go together")
        }
    }

    func run() throws {
        if plans {
            try runPlans()
            return
        }
        if let once, let corpus {
            try runOnce(once, corpus: corpus)
            return
        }
        if let folder = writeCorpus {
            let corpus = BenchmarkCorpus(bundles: files, seed: seed)
            try corpus.write(to: folder)
            print("wrote \(corpus.files.count) files (\(corpus.bundleBytes) bytes of bundles) to \(folder)")
            return
        }
        let figures = try ValidationBenchmark(files: files, seed: seed, repetitions: repetitions).run()
        let megabytes = Double(figures.bytes) / 1_000_000
        func row(_ name: String, _ seconds: Double) -> String {
            let filesPerSecond = Double(figures.files) / seconds
            return name.padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(
                    format: "%9.1f ms %10.0f files/s %8.1f MB/s", seconds * 1000, filesPerSecond,
                    megabytes / seconds)
        }
        print("corpus: \(figures.files) bundle files, \(String(format: "%.2f", megabytes)) MB, seed \(seed)")
        print(row("raw libyaml event loop (1 core)", figures.rawParseSeconds))
        print(row("full validation (1 core)", figures.serialSeconds))
        print(row("full validation (all cores)", figures.parallelSeconds))
        print(
            String(
                format: "validation / raw parse: %.2f× on one core, %.2f× on all cores", figures.serialRatio,
                figures.parallelRatio))
        if figures.findings > 0 {
            print("note: the corpus produced \(figures.findings) findings; it is meant to be clean")
        }
    }

    /// One side over the corpus in `folder`: a warm-up, as the timed figures have, then
    /// the counted run (``ValidationBenchmark/countedRun(_:)``), and what it saw.
    func runOnce(_ side: OnceSide, corpus folder: String) throws {
        switch side {
        case .rawParse:
            let paths = try SourceTree(paths: [folder]).files.filter { !$0.isCatalogue }.map(\.path)
            _ = ValidationBenchmark.rawParse(paths)
            let events = ValidationBenchmark.countedRun { ValidationBenchmark.rawParse(paths) }
            print("raw parse: \(paths.count) files, \(events) events")
        case .validation:
            _ = try ValidationBenchmark.validation(of: folder, parallel: false)
            let findings = try ValidationBenchmark.countedRun {
                try ValidationBenchmark.validation(of: folder, parallel: false)
            }
            print("validation: \(findings) findings")
        }
    }

    /// Plans per second for the real bundles and generated ones of growing size.
    func runPlans() throws {
        let start = CalendarDate.firstDay(ofYear: 2026).adding(days: 31 + 28 + 1)  // Monday 2026-03-02
        let rows = try PlanBenchmark().run(bundles: bundles, start: start)
        print(
            "plans built per second (answers checked, conditions, graph, checklist, critical path; best effort over 0.3 s)"
        )
        print(
            "bundle".padding(toLength: 24, withPad: " ", startingAt: 0)
                + "  items     plans/s   µs/plan  with schedule/s")
        for row in rows {
            print(
                row.name.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + String(
                        format: "  %5d  %10.0f  %8.1f  %15.0f", row.items, row.plansPerSecond,
                        1e6 / row.plansPerSecond,
                        row.scheduledPerSecond))
        }
        let generated = rows.filter { $0.name.hasPrefix("generated-") }
        if let first = generated.first, let last = generated.last, first.items < last.items {
            let growth = first.plansPerSecond / last.plansPerSecond
            print(
                String(
                    format: "growth from %d to %d items: %.1f× the time per plan for %.0f× the items",
                    first.items, last.items, growth, Double(last.items) / Double(first.items)))
        }
    }
}
