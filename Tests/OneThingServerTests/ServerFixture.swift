import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThing
import OneThingRuntime
import OneThingServer
import OneThingTestSupport
import Testing

/// A server over an in-memory store, serving the real `bundles/`, on a virtual clock at
/// 2026-03-02 09:00 (China Standard Time), its departments decided by hand (a manual
/// adapter) unless told otherwise; the engine and the event feed run while a test does.
struct ServerFixture {
    let server: CaseServer
    let clock: VirtualClock
    let store: any EventStore
    let manual: ManualAdapter

    /// The bundles every server of the tests serves.
    static let library: BundleLibrary = {
        do {
            return try BundleLibrary(folder: RuntimeFixtures.root.appendingPathComponent("bundles").path)
        } catch {
            fatalError("bundles/ must load: \(error)")
        }
    }()

    /// Answers of the restaurant: a licence to register, fire safety by commitment, a sign, no tobacco.
    static let restaurantAnswers = """
        {"business.has_licence": false, "business.prepackaged_only": false, "fire.route": "commitment",
         "sign.outdoor": true, "tobacco.retail": false}
        """

    /// The body of a request that creates a restaurant case.
    static let restaurantCase = #"{"bundle": "open-restaurant", "answers": \#(restaurantAnswers)}"#

    /// A fixture with `configuration` (any free port).
    static func make(
        configuration: ServerConfiguration = ServerConfiguration(port: 0),
        store: any EventStore = InMemoryEventStore(),
        adapters: ((ManualAdapter) -> AdapterDirectory)? = nil
    ) async throws -> ServerFixture {
        let clock = VirtualClock(start: RuntimeFixtures.at("2026-03-02 09:00"))
        let manual = ManualAdapter()
        let directory = adapters?(manual) ?? AdapterDirectory(fallback: manual)
        let server = await CaseServer(
            store: store, library: library, adapters: directory, clock: clock, configuration: configuration)
        try await server.recover()
        return ServerFixture(server: server, clock: clock, store: store, manual: manual)
    }

    /// Runs `body` with a client of the server's router, the engine and the feed running.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws
        -> Value
    {
        try await server.application().test(.router, body)
    }
}

extension TestClientProtocol {
    /// A JSON request.
    func json(
        _ uri: String, method: HTTPRequest.Method = .post, body: String, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        headers.append(contentsOf: extra)
        return try await execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body))
    }

    /// A GET request.
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers, body: nil)
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any], "not a JSON object: \(text)")
    }

    /// The body as a JSON array.
    func array() throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [[String: Any]], "not a JSON array: \(text)")
    }

    /// The problem type of a problem-details body.
    func problemType() throws -> String? {
        #expect(headers[.contentType] == "application/problem+json", "not problem details: \(text)")
        return try object()["type"] as? String
    }

    /// The kinds of the events of a case document.
    func eventKinds() throws -> [String] {
        try #require(try object()["events"] as? [[String: Any]]).compactMap { $0["kind"] as? String }
    }

    /// The diagnostics of a problem-details body.
    func diagnostics() throws -> [[String: Any]] {
        try #require(try object()["diagnostics"] as? [[String: Any]], "no diagnostics: \(text)")
    }

    /// The messages of a Server-Sent Events body: each message's fields (`id`, `event`, `data`).
    var serverSentEvents: [[String: String]] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var fields: [String: String] = [:]
            for line in block.split(separator: "\n") where !line.hasPrefix(":") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon])] = String(line[line.index(after: colon)...].drop { $0 == " " })
            }
            return fields["data"] == nil ? nil : fields
        }
    }
}

extension ProblemKind {
    /// The problem type's slug as a full `type`.
    static func type(_ slug: String) -> String { ProblemKind.typePrefix + slug }
}
