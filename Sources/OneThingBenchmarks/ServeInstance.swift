import AsyncHTTPClient
import Foundation
import NIOCore
import OneThingEvents

/// An `onething serve` process a benchmark starts: the program built beside
/// `onething-bench`, its output into a log file, on a port of 127.0.0.1.
struct ServeInstance {
    /// The process.
    let process: Process
    /// The port it listens on.
    let port: Int

    /// Starts `onething serve` with `arguments` (after `serve`; `--port` is added), its
    /// standard output and error into `log`, with `environment` added to this process's.
    static func start(_ arguments: [String], port: Int, environment: [String: String] = [:], log: URL) throws
        -> ServeInstance
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("onething")
        process.arguments = ["serve"] + arguments + ["--port", "\(port)"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw RuntimeBenchmark.Failure(description: "\(log.path) could not be created")
        }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return ServeInstance(process: process, port: port)
    }

    /// Waits (up to a minute) until the instance answers `GET /readyz` with 200.
    func waitUntilReady(client: HTTPClient) async throws {
        for _ in 0..<600 {
            guard process.isRunning else {
                throw RuntimeBenchmark.Failure(
                    description:
                        "onething serve on port \(port) ended with status \(process.terminationStatus)")
            }
            do {
                let response = try await client.execute(
                    HTTPClientRequest(url: "http://127.0.0.1:\(port)/readyz"), timeout: .seconds(2))
                if response.status == .ok { return }
            } catch {
                // not listening yet
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw RuntimeBenchmark.Failure(
            description: "onething serve on port \(port) was not ready within a minute")
    }

    /// Stops the instance gracefully (SIGTERM) and waits for it to end; one that has not
    /// ended within `grace` is killed (SIGKILL), said on standard error, so that a
    /// shutdown that hangs does not hang the benchmark. Returns whether it ended by itself.
    @discardableResult
    func stop(grace: Duration = .seconds(30)) async -> Bool {
        if process.isRunning { process.terminate() }
        let end = ContinuousClock.now.advanced(by: grace)
        while process.isRunning, ContinuousClock.now < end {
            do {
                try await Task.sleep(for: .milliseconds(100))
            } catch {
                break
            }
        }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        FileHandle.standardError.write(
            Data(
                "onething serve on port \(port) did not stop within \(grace) of SIGTERM; it was killed\n".utf8
            ))
        return false
    }

    /// Asks the instance to create a case from `body` (`POST /v1/cases`, with
    /// `Idempotency-Key: key`): its id once the instance acknowledged it (201), `nil` for
    /// any other answer. Throws when the instance does not answer.
    func create(_ body: String, key: String, client: HTTPClient) async throws -> CaseID? {
        let (status, object) = try await post(
            "/v1/cases", body: body, headers: ["Idempotency-Key": key], client: client)
        guard status == 201 else { return nil }
        return object?["id"] as? String
    }

    /// Posts the JSON `body` to `path` on the instance, with `headers`; returns the
    /// answer's status code and its body when it is a JSON object. Throws when the instance
    /// does not answer.
    func post(_ path: String, body: String, headers: [String: String] = [:], client: HTTPClient) async throws
        -> (status: UInt, object: [String: Any]?)
    {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)" + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await client.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 1 << 22)
        let object: [String: Any]?
        do {
            object = try JSONSerialization.jsonObject(with: Data(buffer: bytes)) as? [String: Any]
        } catch {
            object = nil  // an answer that is not JSON has no object to read
        }
        return (response.status.code, object)
    }

    /// The restaurant's worst case as a creation request (the materials of the plan
    /// brought, the deferred ones to follow by the simulated applicant).
    static let restaurantRequest = restaurant(providing: nil)

    /// The restaurant's worst case with `provided` brought, or the plan's default.
    static func restaurant(providing provided: [String]?) -> String {
        let materials = provided.map { list in
            ",\"provided\":[" + list.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        }
        return """
            {"bundle":"open-restaurant","answers":{"business.has_licence":false,"business.prepackaged_only":false,\
            "fire.route":"normal","sign.outdoor":true,"tobacco.retail":true}\(materials ?? "")}
            """
    }
}
