import Foundation
import Hummingbird
import HummingbirdTesting
import OneThing
import OneThingAccess
import OneThingRuntime
import OneThingServer
import OneThingTestSupport
import Testing

/// A server whose every department pulls its work from one work queue, with principals
/// (two windows, two systems of market regulation, an officer of fire rescue, one of
/// tobacco, a supervisor), over an in-memory store on a virtual clock at 2026-03-02 09:00.
struct DepartmentWorkFixture {
    let server: CaseServer
    let clock: VirtualClock
    let store: InMemoryEventStore
    let queue: WorkQueue
    /// Each principal's token, by principal id.
    let tokens: [String: String]

    /// The principals: id, role, department.
    static let principals: [(String, Role, String?)] = [
        ("window-1", .window, nil), ("window-2", .window, nil),
        ("market-system", .departmentSystem, "market-regulation"),
        ("market-officer", .officer, "market-regulation"), ("fire-officer", .officer, "fire-rescue"),
        ("tobacco-officer", .officer, "tobacco"), ("supervisor-1", .supervisor, nil),
    ]

    /// The department of the restaurant's first step (营业执照, business registration).
    static let market = "market-regulation"

    init(configuration: ServerConfiguration = ServerConfiguration(port: 0), guarded: Bool = true) async throws
    {
        clock = VirtualClock(start: RuntimeFixtures.at("2026-03-02 09:00"))
        store = InMemoryEventStore()
        queue = WorkQueue(clock: clock)
        var tokens: [String: String] = [:]
        var principals: [Principal] = []
        for (id, role, department) in Self.principals {
            let (token, hash) = TokenHash.newToken()
            tokens[id] = token
            principals.append(
                Principal(id: id, name: id, role: role, department: department, tokenHash: hash))
        }
        self.tokens = tokens
        var configuration = configuration
        configuration.principals = guarded ? PrincipalDirectory(principals) : nil
        server = await CaseServer(
            store: store, library: ServerFixture.library, adapters: AdapterDirectory(fallback: queue),
            clock: clock,
            configuration: configuration)
        try await server.recover()
    }

    /// Runs `body` with a client of the server's router, the engine and the feed running.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws
        -> Value
    {
        try await server.application().test(.router, body)
    }

    /// The `Authorization` header of principal `id`.
    func bearer(_ id: String) -> HTTPFields {
        [.authorization: "Bearer \(tokens[id] ?? "")"]
    }

    /// Creates a restaurant case through the window; returns its id and access code.
    func createCase(_ client: any TestClientProtocol) async throws -> (id: String, code: String) {
        let response = try await client.json(
            "/v1/cases", body: ServerFixture.restaurantCase, headers: bearer("window-1"))
        #expect(response.status == .created, "\(response.text)")
        let body = try response.object()
        await server.engine.waitForAdapters()
        return (try #require(body["id"] as? String), try #require(body["accessCode"] as? String))
    }

    /// Waits (in real time, briefly) until `condition` holds.
    func eventually(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<5_000 {
            if try await condition() { break }
            try await Task.sleep(for: .milliseconds(1))
        }
        #expect(try await condition())
    }
}

extension TestResponse {
    /// A problem-details answer's `type` slug, its `reason` member, and whether it says
    /// what went wrong in both languages.
    func problem() throws -> (slug: String, reason: String?, bilingual: Bool) {
        let body = try object()
        let type = try #require(try problemType(), "no problem type: \(text)")
        let zh = (body["zh"] as? [String: Any])?["detail"] as? String ?? ""
        let en = (body["en"] as? [String: Any])?["detail"] as? String ?? ""
        return (
            String(type.dropFirst(ProblemKind.typePrefix.count)), body["reason"] as? String,
            !zh.isEmpty && !en.isEmpty && zh != en
        )
    }
}
