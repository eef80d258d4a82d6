import ArgumentParser
import Foundation
import OneThing
import OneThingRuntime
import OneThingSQLite

/// `onething-bench runtime`: cases through the engine in memory and on SQLite, with
/// the time from a case's start to its acknowledgement, beside SQLite's raw insert rate
/// for rows of the store's own size and SpiffWorkflow's published figure, the time per
/// case as the number of cases grows, and the memory an open case takes.
struct RuntimeBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runtime",
        abstract: "Measure the runtime: cases/s through the engine in memory and on SQLite, latency, memory.",
        discussion: """
            Runs the restaurant bundle's worst case (9 steps with a joint inspection, about 21 \
            events a case) against departments that take each commit's submissions in one batch and approve \
            them at once: (a) the runtime's \
            decisions alone, (b) through the engine on the in-memory store and (c) on a new \
            SQLite store, --in-flight cases at a time, each case counted when its delivery is \
            acknowledged (stored), (d) plain GRDB and C-API inserts of the rows the store \
            wrote (their keys in the order it wrote them, its average payload size), in \
            transactions of 2,000, into the same kind of file, and plain GRDB inserts of as \
            many rows case by case (SQLite's best case), (e) the \
            engine on SQLite at growing numbers of cases, and (f) the resident memory of open \
            cases. Files are written to a temporary folder and removed. Build with \
            -c release for figures worth comparing.
            """)

    @Option(help: "How many cases each throughput measurement runs.")
    var cases = 20_000

    @Option(help: "How many cases are in flight at once.")
    var inFlight = 256

    @Option(
        parsing: .upToNextOption,
        help: "The numbers of cases the engine on SQLite runs to show how the time per case grows.")
    var scale: [Int] = [1_000, 10_000, 100_000]

    @Option(help: "How many cases to hold open for the memory measurement.")
    var openCases = 20_000

    @Option(help: ArgumentHelp("The folder of the real bundles.", valueName: "dir"))
    var bundles = "bundles"

    @Option(help: ArgumentHelp("Where to write the temporary SQLite files.", valueName: "dir"))
    var directory = FileManager.default.temporaryDirectory.path

    @Option(help: "Run only this measurement (to profile it).")
    var only: Part?

    /// One measurement of the benchmark.
    enum Part: String, ExpressibleByArgument, CaseIterable {
        case decisions, memory, sqlite
    }

    /// SpiffWorkflow's published throughput on the same DAG shape, in cases per
    /// second: the peer the goal is set against (100 times it).
    static let spiffWorkflow = 179.0

    func validate() throws {
        guard cases > 0, inFlight > 0, openCases > 0, scale.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--cases, --in-flight, --open-cases and --scale take numbers of 1 or more")
        }
    }

    func run() async throws {
        try await Benchmarks.withFolder(in: directory, named: "onething-bench-runtime") {
            try await run(in: $0)
        }
    }

    /// Runs every measurement with its files in `folder`.
    func run(in folder: URL) async throws {
        let benchmark = try RuntimeBenchmark.restaurant(bundles: bundles)
        print(
            "runtime benchmark: \(benchmark.blueprint.bundle) “\(RuntimeBenchmark.worstCase)”, "
                + "\(benchmark.blueprint.steps.count) steps, departments that take batches and approve at once, \(inFlight) cases in flight"
        )
        func line(_ label: String, _ value: String) {
            print(label.padding(toLength: 52, withPad: " ", startingAt: 0) + value)
        }

        if let only {
            switch only {
            case .decisions:
                line(
                    "runtime decisions alone",
                    Benchmarks.format(try benchmark.runtimeAlone(cases: cases).casesPerSecond, "cases/s"))
            case .memory, .sqlite:
                let store: any EventStore =
                    only == .memory
                    ? InMemoryEventStore()
                    : try SQLiteEventStore(path: folder.appendingPathComponent("only.sqlite").path)
                let figures = try await benchmark.engine(
                    store: store, cases: cases, inFlight: inFlight, prefix: "O")
                line(
                    "engine, \(only)",
                    Benchmarks.format(figures.casesPerSecond, "cases/s")
                        + "  p99 \(Benchmarks.ms(figures.latency(0.99)))")
            }
            return
        }
        let alone = try benchmark.runtimeAlone(cases: cases)
        line(
            "runtime decisions alone (no engine, no store)",
            Benchmarks.format(alone.casesPerSecond, "cases/s"))

        let memory = try await benchmark.engine(
            store: InMemoryEventStore(), cases: cases, inFlight: inFlight, prefix: "M")
        line(
            "engine, in-memory store",
            Benchmarks.format(memory.casesPerSecond, "cases/s") + "  "
                + Benchmarks.format(memory.eventsPerSecond, "events/s")
                + "  p50 \(Benchmarks.ms(memory.latency(0.5)))  p99 \(Benchmarks.ms(memory.latency(0.99)))")

        let path = folder.appendingPathComponent("engine.sqlite").path
        let store = try SQLiteEventStore(path: path)
        let durable = try await benchmark.engine(
            store: store, cases: cases, inFlight: inFlight, prefix: "D", keepingKeys: true)
        line(
            "engine, SQLite (NORMAL), ack after commit",
            Benchmarks.format(durable.casesPerSecond, "cases/s") + "  "
                + Benchmarks.format(durable.eventsPerSecond, "events/s")
                + "  p50 \(Benchmarks.ms(durable.latency(0.5)))  p99 \(Benchmarks.ms(durable.latency(0.99)))")

        // The yardstick: the rows the store wrote (their keys, in the order it wrote
        // them, at its average payload size), inserted with no OneThing code at all.
        let payload = try RawInsertBenchmark.averagePayloadBytes(inStoreAt: path)
        let eventsPerCase = max(1, durable.events / max(1, durable.cases))
        func raw(_ order: RawInsertBenchmark.Order, _ binding: RawInsertBenchmark.Binding, _ name: String)
            throws -> Double
        {
            try RawInsertBenchmark(
                order: order, batchSize: 2_000, payloadBytes: Int(payload.rounded()), binding: binding
            ).run(path: folder.appendingPathComponent("raw-\(name).sqlite").path)
        }
        let grdb = try raw(.keys(durable.keys), .grdb, "grdb")
        let grdbCaseByCase = try raw(
            .caseByCase(rows: durable.keys.count, eventsPerCase: eventsPerCase), .grdb, "grdb-case-by-case")
        let ceiling = try raw(.keys(durable.keys), .inPlace, "c-api")
        line(
            "raw GRDB batched inserts of the store's rows",
            Benchmarks.format(grdb, "rows/s")
                + String(
                    format: "  (its keys in its order, %.0f-byte payloads, 2,000 a transaction)", payload))
        line(
            "raw GRDB, the same rows case by case (best case)",
            Benchmarks.format(grdbCaseByCase, "rows/s")
                + String(
                    format: "  (the engine makes %.0f%% of it)",
                    grdbCaseByCase > 0 ? 100 * durable.eventsPerSecond / grdbCaseByCase : 0))
        line("raw C-API batched inserts (SQLite's ceiling)", Benchmarks.format(ceiling, "rows/s"))
        line("SpiffWorkflow, published, same DAG shape", Benchmarks.format(Self.spiffWorkflow, "cases/s"))

        print("")
        print("time per case as the number of cases grows (engine, SQLite, \(inFlight) in flight):")
        var perCase: [(Int, Double)] = []
        for count in scale {
            let file = folder.appendingPathComponent("scale-\(count).sqlite").path
            let figures = try await benchmark.engine(
                store: try SQLiteEventStore(path: file), cases: count, inFlight: inFlight, prefix: "S\(count)"
            )
            perCase.append((count, figures.microsecondsPerCase))
            line(
                "  \(count) cases",
                String(format: "%.1f µs/case  ", figures.microsecondsPerCase)
                    + Benchmarks.format(figures.casesPerSecond, "cases/s")
                    + "  p99 \(Benchmarks.ms(figures.latency(0.99)))")
        }

        let footprint = try await benchmark.openCaseFootprint(count: openCases)
        print("")
        if let footprint {
            line(
                "memory per open case (\(footprint.cases) open)",
                String(format: "%.0f bytes", footprint.bytesPerCase))
        } else {
            line("memory per open case", "not measured (no /proc/self/statm)")
        }

        print("")
        print("goals:")
        Benchmarks.goal(
            "in memory ≥ 18,000 cases/s (100× SpiffWorkflow's \(Int(Self.spiffWorkflow))/s)",
            memory.casesPerSecond >= 18_000, Benchmarks.format(memory.casesPerSecond, "cases/s"))
        Benchmarks.goal(
            "SQLite, ack after commit ≥ 5,400 cases/s", durable.casesPerSecond >= 5_400,
            Benchmarks.format(durable.casesPerSecond, "cases/s"))
        Benchmarks.goal(
            "SQLite events/s ≥ 50% of raw GRDB rows/s (the same rows)", durable.eventsPerSecond >= 0.5 * grdb,
            String(format: "%.0f%%", grdb > 0 ? 100 * durable.eventsPerSecond / grdb : 0))
        Benchmarks.goal(
            "p99 start-to-acknowledgement < 50 ms at \(inFlight) in flight", durable.latency(0.99) < 50,
            Benchmarks.ms(durable.latency(0.99)))
        if let first = perCase.first, let last = perCase.last, first.0 < last.0 {
            let growth = last.1 / max(first.1, 1e-9)
            Benchmarks.goal(
                "time per case flat from \(first.0) to \(last.0) cases (within 1.5×)", growth <= 1.5,
                String(format: "%.2f×", growth))
        }
    }
}
