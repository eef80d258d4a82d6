import Foundation
import Hummingbird
import OneThing
import OneThingRuntime
import OneThingSQLite
import OneThingServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Measures `onething serve` in this process on loopback with wrk: a bare Hummingbird
/// route beside the API's routes, case creation acknowledged after the store's commit,
/// and the server's resident memory with many open cases. Departments never answer,
/// so every case created stays open.
struct ServerBenchmark: Sendable {
    /// What one wrk run measured.
    struct WrkFigures: Sendable {
        /// Requests per second.
        var requestsPerSecond: Double
        /// Latency percentiles in milliseconds: 50, 90, 99.
        var p50: Double
        var p90: Double
        var p99: Double
        /// Answers other than 2xx or 3xx.
        var refused: Int
        /// What the Lua script printed as `created: N`, if it did.
        var created: Int?
    }

    /// Why the benchmark could not run.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The server measured.
    let server: CaseServer
    /// Where it listens.
    let port: Int

    /// Runs wrk on `path` for `seconds` with `connections` connections and `threads`
    /// threads, with `script` (a Lua file) if given.
    func wrk(_ path: String, seconds: Int, connections: Int, threads: Int, script: String? = nil) async throws
        -> WrkFigures
    {
        var arguments = ["-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--latency"]
        if let script { arguments += ["-s", script] }
        arguments.append("http://127.0.0.1:\(port)\(path)")
        let output = try await Self.run("wrk", arguments)
        return try Self.figures(of: output)
    }

    /// Runs `program` (found on `PATH`) with `arguments` and returns what it printed.
    static func run(_ program: String, _ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = await Task.detached { pipe.fileHandleForReading.readDataToEndOfFile() }.value
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(program) \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    /// The figures of wrk's `--latency` report.
    static func figures(of output: String) throws -> WrkFigures {
        var figures = WrkFigures(requestsPerSecond: 0, p50: 0, p90: 0, p99: 0, refused: 0)
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let first = fields.first else { continue }
            switch first {
            case "Requests/sec:": figures.requestsPerSecond = Double(fields.last ?? "") ?? 0
            case "50%": figures.p50 = milliseconds(fields.last)
            case "90%": figures.p90 = milliseconds(fields.last)
            case "99%": figures.p99 = milliseconds(fields.last)
            case "Non-2xx": figures.refused = Int(fields.last ?? "") ?? 0
            case "created:": figures.created = Int(fields.last ?? "")
            default: continue
            }
        }
        guard figures.requestsPerSecond > 0 else {
            throw Failure(description: "wrk reported nothing:\n\(output)")
        }
        return figures
    }

    /// wrk's `1.23ms`, `456.00us` or `1.02s`, in milliseconds.
    static func milliseconds(_ text: Substring?) -> Double {
        guard let text else { return 0 }
        for (unit, scale) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(unit) {
            return (Double(text.dropLast(unit.count)) ?? 0) * scale
        }
        return 0
    }

    /// Creates one case through the API and returns its id.
    func createCase(body: String) async throws -> String {
        guard let url = URL(string: "http://127.0.0.1:\(port)/v1/cases") else {
            throw Failure(description: "no URL for port \(port)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 201,
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let id = object["id"] as? String
        else {
            throw Failure(description: "creating a case failed: \(String(decoding: data, as: UTF8.self))")
        }
        return id
    }

    /// Starts cases of `blueprint` in the server's engine, `inFlight` at a time, until it
    /// holds `count` open cases.
    func fill(
        to count: Int, blueprint: CaseBlueprint, answers: [String: String], provided: [String], inFlight: Int
    )
        async throws
    {
        let engine = server.engine
        let missing = max(0, count - (await engine.openCases.count))
        let numbers = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<inFlight {
                group.addTask {
                    while numbers.next() <= missing {
                        try await engine.start(blueprint: blueprint, answers: answers, provided: provided)
                    }
                }
            }
            try await group.waitForAll()
        }
        await engine.waitForAdapters()
    }
}
