import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `onething serve` on a free port and a temporary SQLite file is killed
/// (SIGKILL) while several clients create and withdraw cases; restarted on the same
/// file, it has every case whose creation it answered with 201, with every event it
/// answered with, and it shuts down cleanly on SIGTERM.
@Suite(.serialized)
struct ServeCrashTests {
    /// A running `onething serve`, its port read from what it prints once it listens.
    final class Server: Sendable {
        let process: Process
        let port: Int

        init(database: String, in folder: URL) throws {
            let process = Process()
            process.executableURL = OneThingExecutable.url
            process.arguments = [
                "serve", "--port", "0", "--db", database, "--bundles",
                RuntimeCLI.root.appendingPathComponent("bundles").path,
                "--lang", "en",
            ]
            process.currentDirectoryURL = folder
            var environment = ProcessInfo.processInfo.environment
            environment["LOG_LEVEL"] = "warning"
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = try FileHandle(
                forWritingTo: URL(
                    fileURLWithPath: try RuntimeCLI.write("", to: "serve-\(UUID()).txt", in: folder)))
            try process.run()
            var printed = Data()
            var port: Int?
            let reader = output.fileHandleForReading
            while port == nil {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                printed.append(chunk)
                let text = String(decoding: printed, as: UTF8.self)
                if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                    port = Int(text[range].split(separator: ":").last ?? "")
                }
            }
            guard let port else {
                process.terminate()
                throw ServeFailure(said: String(decoding: printed, as: UTF8.self))
            }
            self.process = process
            self.port = port
        }

        func url(_ path: String) -> URL {
            URL(string: "http://127.0.0.1:\(port)\(path)") ?? URL(fileURLWithPath: "/")
        }
    }

    struct ServeFailure: Error, CustomStringConvertible {
        var said: String
        var description: String { "onething serve did not say where it listens: \(said)" }
    }

    /// What the server acknowledged: the cases created (201) and, by case, the events of
    /// every 200 answer.
    struct Acknowledged: Sendable {
        var created: [String] = []
        var events: [String: Set<[String]>] = [:]
    }

    /// What the clients were answered, shared between them.
    final class Answers: Sendable {
        private let state = Mutex(Acknowledged())

        func withLock<Value: Sendable>(_ body: (inout Acknowledged) -> Value) -> Value {
            state.withLock { body(&$0) }
        }
    }

    static func send(_ request: URLRequest, _ session: URLSession) async -> (Int, [String: Any])? {
        do {
            let (data, response) = try await session.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            return (status, object)
        } catch {
            return nil  // the server was killed in between: not acknowledged
        }
    }

    /// The events of a case document, each as its sequence, moment and kind.
    static func events(of document: [String: Any]) -> Set<[String]> {
        let list = document["events"] as? [[String: Any]] ?? []
        return Set(list.map { ["\($0["sequence"] ?? "")", "\($0["at"] ?? "")", "\($0["kind"] ?? "")"] })
    }

    @Test func aKilledServerKeepsEveryAcknowledgedCaseAndEvent() async throws {
        let folder = try RuntimeCLI.scratch()
        let database = folder.appendingPathComponent("cases.sqlite").path
        let first = try Server(database: database, in: folder)
        let acknowledged = Answers()
        let session = URLSession(configuration: .ephemeral)
        let body = Data(
            #"{"bundle": "open-restaurant", "answers": {"business.has_licence": false, "business.prepackaged_only": false, "fire.route": "commitment", "sign.outdoor": true, "tobacco.retail": false}}"#
                .utf8)
        // Eight clients create cases and withdraw every third; the server is killed once
        // 40 creations are acknowledged, while the clients go on sending.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<8 {
                group.addTask {
                    for round in 0..<200 {
                        var create = URLRequest(url: first.url("/v1/cases"))
                        create.httpMethod = "POST"
                        create.setValue("application/json", forHTTPHeaderField: "Content-Type")
                        create.httpBody = body
                        guard let (status, answer) = await Self.send(create, session) else { return }
                        guard status == 201, let id = answer["id"] as? String else { continue }
                        acknowledged.withLock { $0.created.append(id) }
                        guard (client + round) % 3 == 0 else { continue }
                        var withdraw = URLRequest(url: first.url("/v1/cases/\(id)/withdraw"))
                        withdraw.httpMethod = "POST"
                        withdraw.setValue("application/json", forHTTPHeaderField: "Content-Type")
                        withdraw.httpBody = Data(#"{"reason": "load"}"#.utf8)
                        guard let (done, document) = await Self.send(withdraw, session) else { return }
                        if done == 200 {
                            acknowledged.withLock {
                                $0.events[id, default: []].formUnion(Self.events(of: document))
                            }
                        }
                    }
                }
            }
            group.addTask {
                while acknowledged.withLock({ $0.created.count }) < 40 {
                    try await Task.sleep(for: .milliseconds(5))
                }
                kill(first.process.processIdentifier, SIGKILL)
            }
            try await group.waitForAll()
        }
        first.process.waitUntilExit()
        #expect(first.process.terminationReason == .uncaughtSignal)
        let seen = acknowledged.withLock { $0 }
        #expect(seen.created.count >= 40)
        #expect(!seen.events.isEmpty)

        let second = try Server(database: database, in: folder)
        for id in seen.created {
            let request = URLRequest(url: second.url("/v1/cases/\(id)"))
            let answer = await Self.send(request, session)
            #expect(answer?.0 == 200, "case \(id) was acknowledged and is lost")
            let stored = answer.map { Self.events(of: $0.1) } ?? []
            let missing = seen.events[id, default: []].subtracting(stored)
            #expect(missing.isEmpty, "case \(id) lost acknowledged events \(missing)")
        }
        // Case numbers stay unique after the restart.
        #expect(Set(seen.created).count == seen.created.count)
        kill(second.process.processIdentifier, SIGTERM)
        second.process.waitUntilExit()
        #expect(second.process.terminationReason == .exit && second.process.terminationStatus == 0)
    }
}
