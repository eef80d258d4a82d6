import Foundation
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
    let store: InMemoryEventStore
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
        adapters: ((ManualAdapter) -> AdapterDirectory)? = nil
    ) async throws -> ServerFixture {
        let clock = VirtualClock(start: RuntimeFixtures.at("2026-03-02 09:00"))
        let store = InMemoryEventStore()
        let manual = ManualAdapter()
        let directory = adapters?(manual) ?? AdapterDirectory(fallback: manual)
        let server = await CaseServer(
            store: store, library: library, adapters: directory, clock: clock, configuration: configuration)
        try await server.recover()
        return ServerFixture(server: server, clock: clock, store: store, manual: manual)
    }

    /// Runs `body` with a client of the server's router, the engine and the feed running.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
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
    var text: String { body.map { String(buffer: $0) } ?? "" }

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any], "not a JSON object: \(text)")
    }

    /// The problem type of a problem-details body.
    func problemType() throws -> String? {
        #expect(headers[.contentType] == "application/problem+json", "not problem details: \(text)")
        return try object()["type"] as? String
    }
}
