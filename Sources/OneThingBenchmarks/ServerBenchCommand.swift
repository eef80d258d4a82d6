import ArgumentParser
import Foundation
import Hummingbird
import Logging
import OneThing
import OneThingRuntime
import OneThingSQLite
import OneThingServer
import ServiceLifecycle

/// `onething-bench server`: `onething serve` in this process on loopback, measured
/// with wrk (Debian's `wrk`) side by side in one run: a bare Hummingbird route of the
/// same binary, `GET /v1/cases/{id}`, case creation acknowledged after the SQLite
/// commit, and the resident memory with many open cases.
struct ServerBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Measure the HTTP server with wrk: bare route, GET a case, create cases on SQLite, memory.",
        discussion: """
            Starts the server in this process on 127.0.0.1 (a free port) over a new SQLite \
            file in a temporary folder, serving --bundles, with departments that never \
            answer (every case stays open). wrk then runs --seconds each against GET \
            /bench/bare (a route outside every middleware: what Hummingbird alone costs), \
            GET /v1/cases/{id}, and POST /v1/cases with scripts/wrk-create-case.lua at \
            --connections connections (each 201 is sent after the case's events are \
            committed). Last, cases are started in the engine until --open-cases are open, \
            and the process's resident memory is read. Build with -c release.
            """)

    @Option(help: "Seconds each wrk run lasts.")
    var seconds = 10

    @Option(help: "wrk's connections.")
    var connections = 64

    @Option(help: "wrk's threads.")
    var threads = 2

    @Option(help: "How many open cases the memory measurement holds.")
    var openCases = 100_000

    @Option(help: ArgumentHelp("The folder of the real bundles.", valueName: "dir"))
    var bundles = "bundles"

    @Option(help: ArgumentHelp("The wrk script that creates cases.", valueName: "file"))
    var script = "scripts/wrk-create-case.lua"

    @Option(help: ArgumentHelp("Where to write the temporary SQLite file.", valueName: "dir"))
    var directory = FileManager.default.temporaryDirectory.path

    /// The body of a case the benchmark creates: the restaurant with a licence to register.
    static let caseBody = """
        {"bundle": "open-restaurant", "answers": {"business.has_licence": false, \
        "business.prepackaged_only": false, "fire.route": "commitment", "sign.outdoor": true, \
        "tobacco.retail": false}}
        """

    func validate() throws {
        guard seconds > 0, connections > 0, threads > 0, openCases > 0 else {
            throw ValidationError(
                "--seconds, --connections, --threads and --open-cases take numbers of 1 or more")
        }
        guard FileManager.default.fileExists(atPath: script) else {
            throw ValidationError("no wrk script at \(script) (run from the repository's root)")
        }
    }

    func run() async throws {
        try await Benchmarks.withFolder(in: directory, named: "onething-bench-server") {
            try await run(in: $0)
        }
    }

    /// Runs every measurement with the store in `folder`.
    func run(in folder: URL) async throws {
        // Warnings and errors only, as a server in production runs (LOG_LEVEL=warning): a
        // line on the terminal for every request would measure the terminal.
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let store = try SQLiteEventStore(path: folder.appendingPathComponent("server.sqlite").path)
        let library = try BundleLibrary(folder: bundles)
        let server = await CaseServer(
            store: store, library: library,
            adapters: AdapterDirectory(fallback: RuntimeBenchmark.SilentDepartments()),
            clock: LiveClock(), configuration: ServerConfiguration(port: 0, benchmarkRoute: true))
        try await server.recover()
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let application = server.application { port in listening.yield(port) }
        // Stopped as `onething serve` stops on SIGTERM: gracefully (cancelling the
        // application instead makes Hummingbird log an error for its listener).
        let services = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: application)], logger: Logger(label: "onething-bench.server")))
        let running = Task { try await services.run() }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw ServerBenchmark.Failure(description: "no port") }
        let bench = ServerBenchmark(server: server, port: port)
        let startRSS = Benchmarks.residentBytes()

        print(
            "server benchmark: onething serve in-process on 127.0.0.1:\(port), SQLite, log level warning, "
                + "wrk -t\(threads) -c\(connections) -d\(seconds)s"
        )
        print(
            "route".padding(toLength: 46, withPad: " ", startingAt: 0)
                + "requests/s      p50       p90       p99   non-2xx")
        func row(_ label: String, _ figures: ServerBenchmark.WrkFigures) {
            print(
                label.padding(toLength: 46, withPad: " ", startingAt: 0)
                    + String(
                        format: "%10.0f %8.2fms %8.2fms %8.2fms %8d", figures.requestsPerSecond, figures.p50,
                        figures.p90, figures.p99, figures.refused))
        }
        let id = try await bench.createCase(body: Self.caseBody)
        let bare = try await bench.wrk(
            "/bench/bare", seconds: seconds, connections: connections, threads: threads)
        row("GET /bench/bare (Hummingbird alone)", bare)
        let read = try await bench.wrk(
            "/v1/cases/\(id)", seconds: seconds, connections: connections, threads: threads)
        row("GET /v1/cases/{id}", read)
        let before = try await store.cases(CaseQuery()).count
        let create = try await bench.wrk(
            "/v1/cases", seconds: seconds, connections: connections, threads: threads, script: script)
        let created = try await store.cases(CaseQuery()).count - before
        row("POST /v1/cases (201 after the SQLite commit)", create)
        let createdPerSecond = Double(created) / Double(seconds)

        let benchmark = try RuntimeBenchmark.restaurant(bundles: bundles)
        let fillBegin = ContinuousClock.now
        try await bench.fill(
            to: openCases, blueprint: benchmark.blueprint, answers: benchmark.answers,
            provided: benchmark.provided,
            inFlight: 256)
        let fillSeconds = Benchmarks.seconds(since: fillBegin)
        let open = await server.engine.openCases.count
        let rss = Benchmarks.residentBytes()
        print("")
        let mb = { (bytes: Int?) in
            bytes.map { String(format: "%.0f MB", Double($0) / 1_048_576) } ?? "unknown"
        }
        print(
            "cases created by wrk: \(created) (\(String(format: "%.0f", createdPerSecond)) cases/s), "
                + "script's count: \(create.created.map(String.init) ?? "-") created")
        print(
            "resident memory: \(mb(startRSS)) at start, \(mb(rss)) with \(open) open cases "
                + "(filled in \(String(format: "%.0f", fillSeconds)) s)")
        if let startRSS, let rss, open > 0 {
            print(String(format: "  about %.0f bytes per open case", Double(rss - startRSS) / Double(open)))
        }
        print("")
        print("goals:")
        let share = bare.requestsPerSecond > 0 ? read.requestsPerSecond / bare.requestsPerSecond : 0
        goal(
            "GET /v1/cases/{id} ≥ 50% of the bare route", share >= 0.5, String(format: "%.0f%%", share * 100))
        goal(
            "creation ≥ 2,000 cases/s at \(connections) connections", createdPerSecond >= 2_000,
            String(format: "%.0f cases/s", createdPerSecond))
        goal("creation p99 < 100 ms", create.p99 < 100, String(format: "%.1f ms", create.p99))
        goal("every creation answered 201", create.refused == 0, "\(create.refused) other answers")
        await services.triggerGracefulShutdown()
        _ = await running.result
        await server.engine.shutDown()
    }

    func goal(_ text: String, _ met: Bool, _ figure: String) {
        print("  " + (met ? "met    " : "NOT met") + "  " + text + ": " + figure)
    }
}
