import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import OneThing
import OneThingDepartmentHTTP
import OneThingRuntime
import OneThingSQLite
import OneThingServer
import Synchronization

/// `onething-bench storm`: cases through the server on SQLite against
/// `onething-fake-department`, every department connected over HTTP, once without
/// faults and once with a share of the calls misbehaving; what became of the cases, what
/// the department saw twice, and what the platform accepted of the misbehaviour.
struct FaultStormCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storm",
        abstract:
            "Run cases against the fake department system with and without faults, and count what was lost.",
        discussion: """
            Starts onething-fake-department and onething serve (both built beside this program) on \
            --department-port and --port, the server over a new SQLite file with every department \
            of the catalogue of kind http in its adapters file, pointing at the fake. --cases \
            restaurant cases are created through the API (`POST /v1/cases`) \
            (at most --in-flight at once) and the run waits until none is open or --deadline \
            seconds have passed. Then the same with --faults of the calls misbehaving: 5xx, \
            timeouts and slow answers on pushes; duplicate, late, unknown, wrongly signed, \
            replayed and contradicting callbacks. Prints cases completed, failed with a \
            recorded reason, stuck (still open), escalated pushes, duplicate effects the \
            department saw (a step taken under two keys), misbehaving callbacks accepted, and \
            cases per second.
            """)

    @Option(help: "How many cases each run starts.") var cases = 10_000
    @Option(help: "The share of calls that misbehave in the second run.") var faults = 0.3
    @Option(help: "How many cases are being started at once.") var inFlight = 64
    @Option(help: "The seconds a run may take before open cases count as stuck.") var deadline = 300
    @Option(help: "The server's port.") var port = 18_180
    @Option(help: "The fake department's port.") var departmentPort = 18_190
    @Option(help: ArgumentHelp("The folder of the real bundles.", valueName: "dir")) var bundles = "bundles"
    @Flag(help: "Exit with status 1 when a goal is not met (for CI).") var check = false
    @Option(help: ArgumentHelp("Where to write the temporary SQLite files.", valueName: "dir"))
    var directory = FileManager.default.temporaryDirectory.path

    func validate() throws {
        guard cases > 0, inFlight > 0, deadline > 0, (0...1).contains(faults) else {
            throw ValidationError(
                "--cases, --in-flight and --deadline take 1 or more; --faults a share from 0 to 1")
        }
    }

    /// What one run counted.
    struct Figures {
        var completed = 0
        var failed = 0
        var stuck = 0
        var escalated = 0
        /// The most pushes the department systems were answering at once (all of them together).
        var mostInFlight = 0
        /// Creations the server did not acknowledge (no 201).
        var refused = 0
        var tally: [String: Int] = [:]
        var seconds = 0.0
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .error
            return handler
        }
        print(
            "fault storm: \(cases) restaurant cases per run through the API of onething serve on SQLite, every department over HTTP"
        )
        print(
            "pushes in flight: at most \(HTTPDepartmentSettings.defaultInFlight) per department (the adapters file's default); the rest wait on the platform"
        )
        print(
            "run".padding(toLength: 14, withPad: " ", startingAt: 0)
                + "completed  failed  stuck  escalated  duplicate-effects  misbehaving-accepted  misbehaving-refused  cases/s"
        )
        var rows: [(String, Figures)] = []
        for (label, share) in [("no faults", 0.0), ("\(Int(faults * 100))% faults", faults)] {
            let figures = try await Benchmarks.withFolder(in: directory, named: "onething-bench-storm") {
                try await storm(share, in: $0)
            }
            rows.append((label, figures))
            print(
                label.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + String(
                        format: "%9d %7d %6d %10d %18d %21d %20d %8.0f", figures.completed, figures.failed,
                        figures.stuck, figures.escalated, figures.tally["duplicate effects"] ?? -1,
                        figures.tally["misbehaving accepted"] ?? -1,
                        figures.tally["misbehaving refused"] ?? -1,
                        Double(figures.completed + figures.failed) / max(figures.seconds, 0.001)))
        }
        print("")
        print("goals:")
        var met = true
        for (label, figures) in rows {
            let lost = cases - figures.completed - figures.failed - figures.stuck
            met =
                met && figures.stuck == 0 && lost == 0 && figures.tally["duplicate effects"] == 0
                && figures.tally["misbehaving accepted"] == 0 && figures.tally["mismatched keys"] == 0
            print(
                "  \(label): stuck \(figures.stuck) (goal 0), lost \(lost) (goal 0; creations not acknowledged "
                    + "\(figures.refused)), duplicate effects "
                    + "\(figures.tally["duplicate effects"] ?? -1) (goal 0; pushes repeating a key taken "
                    + "before: \(figures.tally["repeated keys"] ?? -1)), misbehaving callbacks accepted "
                    + "\(figures.tally["misbehaving accepted"] ?? -1) (goal 0), pushes whose Idempotency-Key "
                    + "did not name them \(figures.tally["mismatched keys"] ?? -1) (goal 0); most pushes the fake system (one "
                    + "for every department) held at once \(figures.mostInFlight) (the platform sends at most "
                    + "\(HTTPDepartmentSettings.defaultInFlight) a department at a time; a push it gave up on after "
                    + "its timeout stays with the fake until the fake's slow answer ends)"
            )
        }
        if let calm = rows.first?.1, let stormy = rows.last?.1, rows.count == 2 {
            let rate = { (figures: Figures) in
                Double(figures.completed + figures.failed) / max(figures.seconds, 0.001)
            }
            print(
                String(
                    format: "  cases/s with faults: %.0f%% of the run without (%.0f against %.0f)",
                    100 * rate(stormy) / max(rate(calm), 0.001), rate(stormy), rate(calm)))
        }
        if check, !met { throw ExitCode(1) }
    }

    /// One run with `share` of the calls misbehaving: `onething serve` over a new SQLite
    /// file in `folder`, every department of the catalogue over HTTP to the fake.
    func storm(_ share: Double, in folder: URL) async throws -> Figures {
        let secret = "storm-secret-\(UUID().uuidString)"
        let fake = try startFake(share: share, secret: secret)
        defer { if fake.isRunning { fake.terminate() } }
        let library = try BundleLibrary(folder: bundles)
        let departments = await library.catalogue.departments.keys.sorted()
        let adapters = folder.appendingPathComponent("adapters.yaml")
        // Short timeouts and backoffs, so a run's faults play out in seconds.
        var text = "departments:\n"
        for department in departments {
            text += """
                  \(department):
                    adapter: http
                    url: http://127.0.0.1:\(departmentPort)/tasks
                    secret-env: STORM_SECRET
                    timeout: 2
                    retries: 3
                    backoff: {base: 0.05, cap: 1}
                    breaker: {failures: 20, cool-down: 0.5}

                """
        }
        try text.write(to: adapters, atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("storm.sqlite").path
        let server = try ServeInstance.start(
            ["--bundles", bundles, "--db", database, "--adapters", adapters.path], port: port,
            environment: ["STORM_SECRET": secret, "LOG_LEVEL": "error"],
            log: folder.appendingPathComponent("serve.log"))
        defer { if server.process.isRunning { server.process.terminate() } }
        // Every material brought, the deferred ones too: the storm measures the departments'
        // side, not an applicant who brings a material days later.
        let blueprint = try RuntimeBenchmark.restaurant(bundles: bundles).blueprint
        let request = ServeInstance.restaurant(
            providing: Set(blueprint.materials.keys).union(blueprint.deferredDeadlines.keys).sorted())
        return try await withClient { client in
            try await server.waitUntilReady(client: client)
            let begin = ContinuousClock.now
            var figures = Figures()
            try await withThrowingTaskGroup(of: CaseID?.self) { group in
                var started = 0
                while started < cases {
                    if started >= inFlight, let next = try await group.next(), next == nil {
                        figures.refused += 1
                    }
                    let number = started
                    group.addTask {
                        try await server.create(request, key: "storm-\(number)", client: client)
                    }
                    started += 1
                }
                for try await id in group where id == nil { figures.refused += 1 }
            }
            let end = ContinuousClock.now.advanced(by: .seconds(deadline))
            while ContinuousClock.now < end {
                // One open case is enough to know the run goes on.
                if try await !anyOpen(on: server, client: client) { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            figures.seconds = Benchmarks.seconds(since: begin)
            // Late callbacks come after the cases closed: give them time before the count.
            try await Task.sleep(for: .seconds(1))
            await server.stop()
            let store = try SQLiteEventStore(path: database)
            for summary in try await store.cases(CaseQuery()) {
                switch summary.outcome {
                case .completed?: figures.completed += 1
                case nil: figures.stuck += 1
                default: figures.failed += 1
                }
                for event in try await store.events(of: summary.id) {
                    if case .dispatchFailed(_, _, let reason, _) = event.kind, reason.hasPrefix("escalated") {
                        figures.escalated += 1
                    }
                }
            }
            figures.tally = try stopFake(fake)
            figures.mostInFlight = figures.tally["peak pushes in flight"] ?? -1
            return figures
        }
    }

    /// Whether the server lists an open case.
    func anyOpen(on server: ServeInstance, client: HTTPClient) async throws -> Bool {
        let response = try await client.execute(
            HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/v1/cases?status=open&limit=1"),
            timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 22)
        guard response.status == .ok,
            let page = try JSONSerialization.jsonObject(with: Data(buffer: bytes)) as? [String: Any],
            let open = page["cases"] as? [Any]
        else {
            throw Failure(description: "GET /v1/cases?status=open answered \(response.status.code)")
        }
        return !open.isEmpty
    }

    /// Runs `body` with a client that has room for every push in flight (the shared one
    /// keeps 8 connections a host), shut down afterwards.
    func withClient<Value>(_ body: (HTTPClient) async throws -> Value) async throws -> Value {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 256
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let value = try await body(client)
            try await client.shutdown()
            return value
        } catch {
            try await client.shutdown()
            throw error
        }
    }

    /// The fake department's process, listening when this returns.
    func startFake(share: Double, secret: String) throws -> Process {
        let program = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("onething-fake-department")
        let process = Process()
        process.executableURL = program
        let part = share / 10
        process.arguments = [
            "--port", "\(departmentPort)", "--secret-env", "STORM_SECRET", "--seed", "1",
            "--errors", "\(part * 2)", "--timeouts", "\(part)", "--slow", "\(part)", "--duplicates",
            "\(part)",
            "--late", "\(part)", "--unknown", "\(part)", "--wrong-signatures", "\(part)", "--replays",
            "\(part)",
            "--contradictions", "\(part)", "--hang", "4000", "--slow-delay", "100", "--answer-delay", "20",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["STORM_SECRET"] = secret
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line says it listens.
        var seen = Data()
        while !seen.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw Failure(description: "onething-fake-department did not start") }
            seen.append(chunk)
        }
        fakeOutputs.withLock { $0[process.processIdentifier] = output }
        return process
    }

    /// Stops the fake department (SIGINT) and reads what it counted.
    func stopFake(_ process: Process) throws -> [String: Int] {
        process.interrupt()
        process.waitUntilExit()
        guard let output = fakeOutputs.withLock({ $0.removeValue(forKey: process.processIdentifier) }) else {
            return [:]
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        var tally: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            guard let space = line.lastIndex(of: " "), let value = Int(line[line.index(after: space)...])
            else {
                continue
            }
            tally[String(line[..<space])] = value
        }
        return tally
    }

    /// Why the storm could not run.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}

/// The fake departments' output pipes, by process id.
let fakeOutputs = Mutex<[Int32: Pipe]>([:])
