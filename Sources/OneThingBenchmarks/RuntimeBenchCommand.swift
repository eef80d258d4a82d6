import ArgumentParser
import Foundation
import OneThing
import OneThingRuntime
import OneThingSQLite
import Synchronization

/// `onething-bench runtime`: cases per second in memory and with the SQLite store,
/// SQLite's raw insert rate beside them, and the memory an open case takes.
struct RuntimeBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runtime",
        abstract: "Measure the runtime: cases per second in memory and durable, and memory per open case.",
        discussion: """
            Runs the restaurant bundle's worst case against departments that answer at once: \
            (a) in memory with no store, (b) with every event appended to a new SQLite store \
            in batched transactions, (c) plain GRDB inserts of as many 200-byte rows into the \
            same kind of file, and (d) the resident memory of 100,000 open cases. The files are \
            written to a temporary folder and removed. Build with -c release for figures worth \
            comparing.
            """)

    @Option(help: "How many cases each throughput measurement runs.")
    var cases = 20_000

    @Option(help: "The simulation's seed.")
    var seed: UInt64 = 1

    @Option(help: "Events per append to the store (rows per transaction for the raw inserts).")
    var batch = 2_000

    @Option(help: "How many cases to hold open for the memory measurement.")
    var openCases = 100_000

    @Flag(help: "Use synchronous=FULL (survives a power cut) instead of NORMAL (survives a killed process).")
    var full = false

    @Option(help: ArgumentHelp("The folder of the real bundles.", valueName: "dir"))
    var bundles = "bundles"

    @Option(help: ArgumentHelp("Where to write the temporary SQLite files.", valueName: "dir"))
    var directory = FileManager.default.temporaryDirectory.path

    @Option(help: "Run only this measurement (to profile it): memory, durable, raw or footprint.")
    var only: Part?

    /// One measurement of the benchmark.
    enum Part: String, ExpressibleByArgument, CaseIterable {
        case memory, durable, raw, footprint
    }

    func validate() throws {
        guard cases > 0, batch > 0, openCases > 0 else {
            throw ValidationError("--cases, --batch and --open-cases must be at least 1")
        }
    }

    func run() throws {
        var benchmark = try RuntimeBenchmark.restaurant(bundles: bundles, cases: cases, seed: seed)
        benchmark.batchSize = batch
        let folder = URL(fileURLWithPath: directory).appendingPathComponent(
            "onething-bench-runtime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func wanted(_ part: Part) -> Bool { only == nil || only == part }

        print(
            "runtime benchmark: \(benchmark.blueprint.bundle) “\(RuntimeBenchmark.worstCase)”, "
                + "\(cases) cases, seed \(seed), departments answer at once")
        print(Self.label("") + "   cases/s     events/s")
        var memory: RuntimeBenchmark.Throughput?
        if wanted(.memory) {
            memory = benchmark.inMemory()
            print(Self.row("(a) in memory, no store", memory!))
        }
        var durable: RuntimeBenchmark.Throughput?
        var ratio: Double?
        if wanted(.durable) || wanted(.raw) {
            let path = folder.appendingPathComponent("store.sqlite").path
            durable = try measureDurable(benchmark, path: path)
            if wanted(.raw) { ratio = try measureRaw(beside: durable!, store: path, folder: folder) }
        }
        if wanted(.footprint) { printFootprint(benchmark) }
        print("goals:")
        func goal(_ name: String, _ met: Bool?) {
            guard let met else { return }
            print("  \(met ? "met   " : "MISSED") \(name)")
        }
        goal("in memory ≥ 18,000 cases/s", memory.map { $0.casesPerSecond >= 18_000 })
        goal("durable ≥ 5,400 cases/s", durable.map { $0.casesPerSecond >= 5_400 })
        goal("durable event rate ≥ half the raw batched rate", ratio.map { $0 >= 0.5 })
    }

    var durability: SQLiteEventStore.Durability { full ? .full : .normal }

    /// (b): the cases with every event appended to a new store at `path`.
    func measureDurable(_ benchmark: RuntimeBenchmark, path: String) throws -> RuntimeBenchmark.Throughput {
        let store = try SQLiteEventStore(path: path, durability: durability)
        let durable = try Self.blocking { () async throws(StoreError) in
            try await benchmark.durable(into: store)
        }
        print(Self.row("(b) SQLite store, \(batch) events/append, \(full ? "FULL" : "NORMAL")", durable))
        if let seconds = durable.appendSeconds, seconds > 0 {
            print(
                Self.label("    of which in append (the store alone)")
                    + String(
                        format: "%10.0f %12.0f", Double(cases) / seconds, Double(durable.events) / seconds))
        }
        return durable
    }

    /// (c): as many plain rows into the same kind of file, through GRDB and through the
    /// C interface; returns the ratio of (b) to the GRDB rate, in events.
    func measureRaw(beside durable: RuntimeBenchmark.Throughput, store: String, folder: URL) throws -> Double
    {
        var ratio = 0.0
        for binding in [RawInsertBenchmark.Binding.grdb, .inPlace] {
            let raw = try RawInsertBenchmark(
                rows: durable.events, batchSize: batch, eventsPerCase: max(1, durable.events / cases),
                durability: durability, binding: binding
            ).run(path: folder.appendingPathComponent("raw-\(binding).sqlite").path)
            let name =
                binding == .grdb
                ? "(c) raw GRDB inserts, \(batch) rows/transaction" : "    raw C-API inserts, bound in place"
            print(
                Self.label(name)
                    + String(format: "%23.0f rows/s of %d bytes", raw.rowsPerSecond, raw.rowBytes))
            if binding == .grdb, raw.rowsPerSecond > 0 { ratio = durable.eventsPerSecond / raw.rowsPerSecond }
        }
        let stored = try RawInsertBenchmark.averageEventRowBytes(inStoreAt: store)
        print(String(format: "    (the store's event rows average %.0f bytes)", stored))
        print(String(format: "(b)/(c) in events: %.2f", ratio))
        return ratio
    }

    /// (d): the resident memory of the open cases.
    func printFootprint(_ benchmark: RuntimeBenchmark) {
        guard let footprint = benchmark.openCaseFootprint(count: openCases) else {
            print("(d) memory per open case: unavailable (no /proc/self/statm)")
            return
        }
        print(
            String(
                format: "(d) memory per open case: %.0f bytes (%d cases open: %.1f MB more resident)",
                footprint.bytesPerCase, footprint.cases,
                Double(footprint.residentAfter - footprint.residentBefore) / 1_000_000))
    }

    static func label(_ name: String) -> String { name.padding(toLength: 48, withPad: " ", startingAt: 0) }

    static func row(_ name: String, _ figures: RuntimeBenchmark.Throughput) -> String {
        label(name) + String(format: "%10.0f %12.0f", figures.casesPerSecond, figures.eventsPerSecond)
    }

    /// Runs `body` to completion from this synchronous command (the main thread is no
    /// thread of the concurrency pool, so waiting here blocks nothing it needs).
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws(StoreError) -> T)
        throws(StoreError) -> T
    {
        let result = Outcome<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            let outcome: Result<T, StoreError>
            do throws(StoreError) {
                outcome = .success(try await body())
            } catch {
                outcome = .failure(error)
            }
            result.value.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        return try result.value.withLock { $0! }.get()
    }
}

/// Where an asynchronous run leaves its result for the thread that waits for it.
private final class Outcome<T: Sendable>: Sendable {
    let value = Mutex<Result<T, StoreError>?>(nil)
}
