import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThingDepartmentHTTP
import OneThingRuntime
import OneThingServer
import OneThingTestSupport
import Testing

/// The route of the material service's late deliveries, driven as the e-licence or
/// shared-data service would call it: a credit repair whose proof of payment could not be
/// fetched waits for it (`fallback: {wait: 2 workdays}`); the signed delivery is recorded
/// once, and nothing forged, replayed or not awaited reaches the case.
struct MaterialDeliveryTests {
    static let secret = DepartmentSecret(bytes: Array("licence-secret".utf8), source: "a test")

    /// A service that never has the material at once.
    struct ServiceDown: MaterialService {
        func fetch(_ request: MaterialRequest) async -> MaterialFetchOutcome {
            .unavailable(reason: "HTTP 503 (after 4 tries)")
        }
    }

    func fixture(deliveries: Bool = true) async throws -> ServerFixture {
        let verifier = CallbackVerifier(
            secrets: [ServerConfiguration.materialService: Self.secret],
            clock: VirtualClock(start: RuntimeFixtures.at("2026-03-02 09:00")))
        return try await ServerFixture.make(
            configuration: ServerConfiguration(port: 0, deliveries: deliveries ? verifier : nil),
            adapters: { manual in AdapterDirectory(fallback: manual, materials: ServiceDown()) })
    }

    /// A new credit repair whose proof of payment the service could not provide.
    func waitingCase(_ client: any TestClientProtocol) async throws -> CaseID {
        let created = try await client.json(
            "/v1/cases",
            body: #"""
                {"bundle": "credit-repair",
                 "answers": {"record.kind": "administrative-penalty", "record.department": "tax"}}
                """#)
        #expect(created.status == .created, "\(created.text)")
        return try #require(try created.object()["id"] as? String)
    }

    /// Posts a delivery signed with `secret`.
    func post(
        _ client: any TestClientProtocol, _ delivery: MaterialDelivery, fixture: ServerFixture,
        secret: DepartmentSecret = secret
    ) async throws -> TestResponse {
        let body = Array(try JSONEncoder().encode(delivery))
        let seconds = DepartmentSignature.seconds(fixture.clock.now)
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[try #require(HTTPField.Name(DepartmentSignature.timestampHeader))] = "\(seconds)"
        headers[try #require(HTTPField.Name(DepartmentSignature.signatureHeader))] = DepartmentSignature.sign(
            body, timestamp: seconds, secret: secret)
        return try await client.execute(
            uri: "/v1/materials/deliveries", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    func fetched(_ id: CaseID, in fixture: ServerFixture) async throws -> [String] {
        try await fixture.store.events(of: id).compactMap {
            if case .materialFetched(let material, let reference) = $0.kind {
                return "\(material) \(reference)"
            }
            return nil
        }
    }

    @Test func aSignedLateDeliveryIsRecordedOnceAndItsRepeatChangesNothing() async throws {
        let fixture = try await fixture()
        try await fixture.test { client in
            let id = try await waitingCase(client)
            let delivery = MaterialDelivery(
                callbackID: "d-1", caseID: id, material: "obligation-proof", reference: "GX-2026-0001")
            let first = try await post(client, delivery, fixture: fixture)
            #expect(first.status == .ok, "\(first.text)")
            #expect(try first.object()["recorded"] as? Bool == true)
            let again = try await post(client, delivery, fixture: fixture)
            #expect(again.status == .ok)
            #expect(try again.object()["duplicate"] as? Bool == true)
            #expect(try await fetched(id, in: fixture) == ["obligation-proof GX-2026-0001"])
        }
    }

    @Test func forgedReplayedAndUnawaitedDeliveriesAreRefusedWithProblems() async throws {
        let fixture = try await fixture()
        try await fixture.test { client in
            let id = try await waitingCase(client)
            let delivery = MaterialDelivery(
                callbackID: "d-1", caseID: id, material: "obligation-proof", reference: "GX-2026-0001")
            let forged = try await post(
                client, delivery, fixture: fixture,
                secret: DepartmentSecret(bytes: Array("guess".utf8), source: "a test"))
            #expect(forged.status == .unauthorized)
            #expect(forged.headers[.contentType] == "application/problem+json")
            #expect(try forged.object()["reason"] as? String == "callback-bad-signature")
            #expect(try await fetched(id, in: fixture).isEmpty)
            let other = MaterialDelivery(
                callbackID: "d-2", caseID: id, material: "application", reference: "X")
            let unawaited = try await post(client, other, fixture: fixture)
            #expect(unawaited.status == .conflict, "\(unawaited.text)")
            // A refused delivery's id is free again: the right one under it is taken.
            #expect(try await post(client, delivery, fixture: fixture).status == .ok)
            var replay = delivery
            replay.reference = "GX-2026-9999"
            let replayed = try await post(client, replay, fixture: fixture)
            #expect(replayed.status == .conflict)
            #expect(try replayed.object()["reason"] as? String == "callback-replayed")
            #expect(try await fetched(id, in: fixture) == ["obligation-proof GX-2026-0001"])
        }
    }

    @Test func withoutAServiceOverHTTPEveryDeliveryIsNotFound() async throws {
        let fixture = try await fixture(deliveries: false)
        try await fixture.test { client in
            let delivery = MaterialDelivery(
                callbackID: "d-1", caseID: "C20260302-0001", material: "obligation-proof", reference: "X")
            let response = try await post(client, delivery, fixture: fixture)
            #expect(response.status == .notFound)
            #expect(try response.object()["reason"] as? String == "delivery-no-service")
            // Unsigned, it is refused as unsigned first, whether or not a service delivers here.
            let unsigned = try await client.execute(
                uri: "/v1/materials/deliveries", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(bytes: Array(try JSONEncoder().encode(delivery))))
            #expect(unsigned.status == .unauthorized)
            #expect(try unsigned.object()["reason"] as? String == "callback-unsigned")
        }
    }
}
