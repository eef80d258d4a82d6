import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThing
import OneThingDepartmentHTTP
import OneThingRuntime
import OneThingServer
import OneThingTestSupport
import Testing

/// The callback route of departments connected over HTTP, driven in process as a
/// department's system would call it: nothing forged, stale, replayed, foreign or out
/// of date reaches a case, and a repeated callback is recorded once.
struct DepartmentCallbackTests {
    static let market = "market-regulation"
    static let secret = DepartmentSecret(bytes: Array("market-secret".utf8), source: "a test")
    static let fire = DepartmentSecret(bytes: Array("fire-secret".utf8), source: "a test")

    func fixture() async throws -> ServerFixture {
        let clock = VirtualClock(start: RuntimeFixtures.at("2026-03-02 09:00"))
        let verifier = CallbackVerifier(
            secrets: [Self.market: Self.secret, "fire-rescue": Self.fire], clock: clock)
        return try await ServerFixture.make(configuration: ServerConfiguration(port: 0, callbacks: verifier))
    }

    /// The key of the market department's step of a new restaurant case.
    func marketTask(_ fixture: ServerFixture, _ client: any TestClientProtocol) async throws -> (
        CaseID, String
    ) {
        let created = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
        #expect(created.status == .created, "\(created.text)")
        let id = try #require(try created.object()["id"] as? String)
        await fixture.server.engine.waitForAdapters()
        let state = try #require(await fixture.server.engine.state(of: id))
        let index = try #require(state.blueprint.steps.firstIndex { $0.department == Self.market })
        return (id, try #require(state.steps[index].key))
    }

    /// Posts a callback of `department` signed with `secret` at `seconds` (default: the fixture's now).
    func post(
        _ client: any TestClientProtocol, _ answer: DepartmentAnswer, fixture: ServerFixture,
        department: String = market, secret: DepartmentSecret = secret, age: Int64 = 0
    ) async throws -> TestResponse {
        let body = Array(try JSONEncoder().encode(answer))
        let seconds = DepartmentSignature.seconds(fixture.clock.now) - age
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[try #require(HTTPField.Name(DepartmentSignature.timestampHeader))] = "\(seconds)"
        headers[try #require(HTTPField.Name(DepartmentSignature.signatureHeader))] = DepartmentSignature.sign(
            body, timestamp: seconds, secret: secret)
        return try await client.execute(
            uri: "/v1/departments/\(department)/callbacks", method: .post, headers: headers,
            body: ByteBuffer(bytes: body))
    }

    func status(of key: String, in fixture: ServerFixture) async throws -> StepStatus {
        let parsed = try #require(Submission.parse(key: key))
        let state = try #require(await fixture.server.engine.state(of: parsed.caseID))
        let index = try #require(state.blueprint.stepIndex(parsed.stepID))
        return state.steps[index].status
    }

    @Test func aSignedCallbackIsRecordedAndItsRepeatChangesNothing() async throws {
        let fixture = try await fixture()
        try await fixture.test { client in
            let (_, key) = try await marketTask(fixture, client)
            let answer = DepartmentAnswer(callbackID: "cb-1", key: key, outcome: .approved)
            let first = try await post(client, answer, fixture: fixture)
            #expect(first.status == .ok, "\(first.text)")
            #expect(try first.object()["recorded"] as? Bool == true)
            #expect(try await status(of: key, in: fixture) == .approved)
            let again = try await post(client, answer, fixture: fixture)
            #expect(again.status == .ok)
            #expect(try again.object()["duplicate"] as? Bool == true)
            let events = try await fixture.store.events(of: try #require(Submission.parse(key: key)).caseID)
            #expect(events.filter { if case .approved = $0.kind { true } else { false } }.count == 1)
            #expect(!events.contains { if case .outcomeIgnored = $0.kind { true } else { false } })
        }
    }

    @Test func anApprovalCallbackRecordsTheNumbersOfTheDocumentsItIssued() async throws {
        let fixture = try await fixture()
        try await fixture.test { client in
            let (id, key) = try await marketTask(fixture, client)
            // A document the step does not issue: 400, nothing recorded, and the callback may come again.
            let stray = DepartmentAnswer(
                callbackID: "cb-1", key: key, outcome: "approved", documents: ["food-licence": "JY1"])
            let refused = try await post(client, stray, fixture: fixture)
            #expect(refused.status == .unprocessableContent, "\(refused.text)")
            #expect(refused.text.contains("food-licence"))
            #expect(try await status(of: key, in: fixture) != .approved)
            let licence = ["business-licence": "91110000MA0000001X"]
            let answer = DepartmentAnswer(
                callbackID: "cb-2", key: key, outcome: "approved", documents: licence)
            let taken = try await post(client, answer, fixture: fixture)
            #expect(taken.status == .ok, "\(taken.text)")
            let events = try await fixture.store.events(of: id)
            let approval = try #require(
                events.firstIndex { if case .approved = $0.kind { true } else { false } })
            guard case .issued(_, let documents) = events[approval - 1].kind else {
                return #expect(Bool(false), "no issued event before the approval: \(events.map(\.kind))")
            }
            #expect(documents == licence)
            // The same callback id with other numbers is a replay, refused.
            let other = DepartmentAnswer(
                callbackID: "cb-2", key: key, outcome: "approved", documents: ["business-licence": "X"])
            #expect(try await post(client, other, fixture: fixture).status == .conflict)
        }
    }

    @Test func forgedStaleAndReplayedCallbacksReachNoCase() async throws {
        let fixture = try await fixture()
        try await fixture.test { client in
            let (_, key) = try await marketTask(fixture, client)
            let answer = DepartmentAnswer(callbackID: "cb-1", key: key, outcome: .approved)
            let forged = try await post(
                client, answer, fixture: fixture,
                secret: DepartmentSecret(bytes: Array("guess".utf8), source: "x"))
            #expect(forged.status == .unauthorized)
            #expect(try forged.problemType() == "urn:onething:problem:callback-signature-invalid")
            #expect(!forged.text.contains("market-secret"))
            let stale = try await post(client, answer, fixture: fixture, age: 3_600)
            #expect(stale.status == .unauthorized)
            #expect(try stale.object()["reason"] as? String == "callback-outside-window")
            let unsigned = try await client.json(
                "/v1/departments/\(Self.market)/callbacks",
                body: String(decoding: try JSONEncoder().encode(answer), as: UTF8.self))
            #expect(unsigned.status == .unauthorized)
            #expect(try await status(of: key, in: fixture) == .dispatched)
            // The real one passes; the same id with another body is a replay.
            #expect(try await post(client, answer, fixture: fixture).status == .ok)
            let replay = try await post(
                client, DepartmentAnswer(callbackID: "cb-1", key: key, outcome: .rejected(reason: "no")),
                fixture: fixture)
            #expect(replay.status == .conflict)
            #expect(try replay.problemType() == "urn:onething:problem:callback-replayed")
            #expect(try await status(of: key, in: fixture) == .approved)
        }
    }

    @Test func aCallbackMustBeForTheDepartmentsCurrentTask() async throws {
        let fixture = try await fixture()
        try await fixture.test { client in
            let (id, key) = try await marketTask(fixture, client)
            // Another department, signing correctly with its own secret, about this task.
            let foreign = try await post(
                client, DepartmentAnswer(callbackID: "f-1", key: key, outcome: .approved), fixture: fixture,
                department: "fire-rescue", secret: Self.fire)
            #expect(foreign.status == .forbidden, "\(foreign.text)")
            // A task nobody has.
            let unknown = try await post(
                client, DepartmentAnswer(callbackID: "u-1", key: "C20990101-0001/x/1", outcome: .approved),
                fixture: fixture)
            #expect(unknown.status == .notFound)
            // An attempt that is not the current one.
            let parsed = try #require(Submission.parse(key: key))
            let old = Submission.key(caseID: id, stepID: parsed.stepID, attempt: parsed.attempt + 1)
            let stale = try await post(
                client, DepartmentAnswer(callbackID: "s-1", key: old, outcome: .approved), fixture: fixture)
            #expect(stale.status == .conflict)
            #expect(try stale.problemType() == "urn:onething:problem:task-not-current")
            // Decided, then contradicted under a new id.
            #expect(
                try await post(
                    client, DepartmentAnswer(callbackID: "a-1", key: key, outcome: .approved),
                    fixture: fixture
                )
                .status == .ok)
            let contradiction = try await post(
                client, DepartmentAnswer(callbackID: "a-2", key: key, outcome: .rejected(reason: "changed")),
                fixture: fixture)
            #expect(contradiction.status == .conflict)
            #expect(try await status(of: key, in: fixture) == .approved)
            // A refused callback's id is free again: it was never recorded.
            let retried = try await post(
                client, DepartmentAnswer(callbackID: "s-1", key: old, outcome: .approved), fixture: fixture)
            #expect(retried.status == .conflict)
        }
    }
}
