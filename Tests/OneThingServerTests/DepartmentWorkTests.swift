import Foundation
import Hummingbird
import HummingbirdTesting
import OneThing
import OneThingRuntime
import OneThingServer
import OneThingTestSupport
import Testing

/// The department-work routes: a department's system lists, activates (claims with a
/// lease, long polling) and decides its tasks over HTTP; every refusal is problem
/// details with a reason in both languages.
struct DepartmentWorkTests {
    static let market = DepartmentWorkFixture.market
    static let tasks = "/v1/departments/\(market)/tasks"

    /// The body of an activation.
    static func activation(max: Int = 5, lease: Int = 60, wait: Int = 0) -> String {
        #"{"maxTasks": \#(max), "leaseSeconds": \#(lease), "waitSeconds": \#(wait)}"#
    }

    /// The tasks of an answer.
    static func tasks(of response: TestResponse) throws -> [[String: Any]] {
        try #require(try response.object()["tasks"] as? [[String: Any]], "\(response.text)")
    }

    @Test func aDepartmentSystemListsClaimsAndApprovesItsTaskWithOutputs() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, _) = try await fixture.createCase(client)
            let listed = try Self.tasks(
                of: try await client.get(Self.tasks, headers: fixture.bearer("market-system")))
            #expect(listed.map { $0["key"] as? String } == ["\(id)/business-registration/1"])
            #expect(listed.first?["status"] as? String == "waiting")

            let activated = try await client.json(
                Self.tasks + "/activate", body: Self.activation(), headers: fixture.bearer("market-system"))
            #expect(activated.status == .ok, "\(activated.text)")
            let task = try #require(try Self.tasks(of: activated).first)
            #expect(task["status"] as? String == "claimed")
            #expect(task["claimedBy"] as? String == "market-system")
            #expect(task["leaseUntil"] as? String == "2026-03-02T01:01:00.000Z")
            let path = try #require(task["decision"] as? String)
            #expect(path == "\(Self.tasks)/\(id)/business-registration/1/decision")
            // Nothing more waits: a second activation gets nothing.
            let again = try await client.json(
                Self.tasks + "/activate", body: Self.activation(), headers: fixture.bearer("market-officer"))
            #expect(try Self.tasks(of: again).isEmpty)

            let approval = #"{"decision": "approve", "outputs": {"business-licence": "91370000MA3C000001"}}"#
            let decided = try await client.json(
                path, body: approval, headers: fixture.bearer("market-system"))
            #expect(decided.status == .ok, "\(decided.text)")
            let body = try decided.object()
            #expect(body["decidedBy"] as? String == "market-system")
            #expect(body["decision"] as? String == "approve")
            #expect(body["outputs"] as? [String: String] == ["business-licence": "91370000MA3C000001"])
            // The same decision again: the first answer, recorded once.
            let repeated = try await client.json(
                path, body: approval, headers: fixture.bearer("market-system"))
            #expect(repeated.status == .ok)
            #expect(repeated.text == decided.text)
            let events = try await fixture.store.events(of: id)
            #expect(events.filter { $0.kind == .approved(step: 0) }.count == 1)
            // Who decided is stored just before the decision, once.
            let approved = try #require(events.firstIndex { $0.kind == .approved(step: 0) })
            #expect(events.filter { if case .decidedBy = $0.kind { true } else { false } }.count == 1)
            // So is the number of the licence it issued, which the case document shows.
            #expect(events[approved - 2].kind == .decidedBy(step: 0, principal: "market-system"))
            #expect(
                events[approved - 1].kind
                    == .issued(step: 0, documents: ["business-licence": "91370000MA3C000001"]))
            let document = try await client.get("/v1/cases/\(id)", headers: fixture.bearer("supervisor-1"))
            let steps = try #require(try document.object()["steps"] as? [[String: Any]])
            #expect(
                steps.first?["documents"] as? [String: String] == ["business-licence": "91370000MA3C000001"])
            // Another decision of the decided task: 409 with the reason.
            let otherwise = try await client.json(
                path, body: #"{"decision": "reject", "reason": "材料不全"}"#,
                headers: fixture.bearer("market-system"))
            #expect(otherwise.status == .conflict)
            #expect(try otherwise.problem().slug == "task-decided")
        }
    }

    @Test func aRejectionAndASupplementRequestSayWhyAndAreRecordedWithWhoDecided() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, _) = try await fixture.createCase(client)
            _ = try await client.json(
                Self.tasks + "/activate", body: Self.activation(), headers: fixture.bearer("market-officer"))
            let path = "\(Self.tasks)/\(id)/business-registration/1/decision"
            // A request for a supplement must say what is missing.
            let bare = try await client.json(
                path, body: #"{"decision": "request-supplement"}"#, headers: fixture.bearer("market-officer"))
            #expect(bare.status == .unprocessableContent)
            #expect(try bare.problem().slug == "invalid-request")
            let asked = try await client.json(
                path, body: #"{"decision": "request-supplement", "missing": "住所使用证明"}"#,
                headers: fixture.bearer("market-officer"))
            #expect(asked.status == .ok, "\(asked.text)")
            #expect(try asked.object()["decidedBy"] as? String == "market-officer")
            #expect(
                try await fixture.store.events(of: id).contains {
                    $0.kind == .supplementRequested(step: 0, note: "住所使用证明")
                })
            let parked = try Self.tasks(
                of: try await client.get(Self.tasks, headers: fixture.bearer("market-officer")))
            #expect(parked.first?["status"] as? String == "awaiting-supplement")
            let early = try await client.json(
                path, body: #"{"decision": "approve"}"#, headers: fixture.bearer("market-officer"))
            #expect(early.status == .conflict)
            #expect(try early.problem().reason == "awaiting-supplement")
            // The applicant supplies it: the task returns to the queue, and is rejected with a reason.
            try await fixture.server.engine.supplementSupplied(id, step: "business-registration")
            try await fixture.eventually {
                try await fixture.queue.job(key: "\(id)/business-registration/1")?.status == .waiting
            }
            _ = try await client.json(
                Self.tasks + "/activate", body: Self.activation(), headers: fixture.bearer("market-officer"))
            let rejected = try await client.json(
                path, body: #"{"decision": "reject", "reason": "经营范围不符合规定"}"#,
                headers: fixture.bearer("market-officer"))
            #expect(rejected.status == .ok, "\(rejected.text)")
            #expect(try rejected.object()["reason"] as? String == "经营范围不符合规定")
            #expect(
                try await fixture.store.events(of: id).contains {
                    $0.kind == .rejected(step: 0, reason: "经营范围不符合规定")
                })
        }
    }

    @Test func decisionsThatAreNotTheCallersToMakeAreRefusedWithAReason() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, _) = try await fixture.createCase(client)
            let path = "\(Self.tasks)/\(id)/business-registration/1/decision"
            let approve = #"{"decision": "approve"}"#
            // Not claimed.
            let unclaimed = try await client.json(
                path, body: approve, headers: fixture.bearer("market-system"))
            #expect(unclaimed.status == .conflict)
            let problem = try unclaimed.problem()
            #expect(
                problem.slug == "task-not-claimed" && problem.reason == "not-claimed" && problem.bilingual)
            // Claimed by another.
            _ = try await client.json(
                Self.tasks + "/activate", body: Self.activation(lease: 60),
                headers: fixture.bearer("market-system"))
            let other = try await client.json(path, body: approve, headers: fixture.bearer("market-officer"))
            #expect(other.status == .conflict)
            #expect(try other.problem().reason == "claimed-by-another")
            #expect(try other.object()["claimedBy"] as? String == "market-system")
            // Outputs the step does not issue, outputs with a rejection.
            let wrong = try await client.json(
                path, body: #"{"decision": "approve", "outputs": {"food-licence": "JY1"}}"#,
                headers: fixture.bearer("market-system"))
            #expect(wrong.status == .unprocessableContent)
            #expect(try wrong.problem().bilingual)
            let rejectingWithOutputs = try await client.json(
                path, body: #"{"decision": "reject", "reason": "x", "outputs": {"business-licence": "1"}}"#,
                headers: fixture.bearer("market-system"))
            #expect(try rejectingWithOutputs.problem().reason == "outputs-without-approval")
            // Not a decision; a task nobody knows.
            let nonsense = try await client.json(
                path, body: #"{"decision": "maybe"}"#, headers: fixture.bearer("market-system"))
            #expect(nonsense.status == .unprocessableContent)
            let unknown = try await client.json(
                "\(Self.tasks)/\(id)/business-registration/7/decision", body: approve,
                headers: fixture.bearer("market-system"))
            #expect(unknown.status == .notFound)
            // The step decided elsewhere meanwhile: the task was cancelled for the queue.
            try await fixture.server.engine.decide(.approved, case: id, step: "business-registration")
            let late = try await client.json(path, body: approve, headers: fixture.bearer("market-system"))
            #expect(late.status == .conflict)
            #expect(try late.problem().slug == "task-cancelled")
        }
    }

    @Test func anExpiredLeaseReturnsTheTaskToAnotherWorker() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, _) = try await fixture.createCase(client)
            _ = try await client.json(
                Self.tasks + "/activate", body: Self.activation(lease: 60),
                headers: fixture.bearer("market-system"))
            fixture.clock.advance(to: RuntimeFixtures.at("2026-03-02 09:01"))
            let taken = try await client.json(
                Self.tasks + "/activate", body: Self.activation(lease: 120),
                headers: fixture.bearer("market-officer"))
            #expect(try Self.tasks(of: taken).first?["claimedBy"] as? String == "market-officer")
            let path = "\(Self.tasks)/\(id)/business-registration/1/decision"
            let lapsed = try await client.json(
                path, body: #"{"decision": "approve"}"#, headers: fixture.bearer("market-system"))
            #expect(lapsed.status == .conflict)
            #expect(try lapsed.problem().reason == "lease-expired")
            let decided = try await client.json(
                path, body: #"{"decision": "approve"}"#, headers: fixture.bearer("market-officer"))
            #expect(decided.status == .ok)
        }
    }

    @Test func aLongPollAnswersWhenWorkArrivesAndEmptyAtItsWait() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            // Nothing arrives: empty once the virtual clock reaches the wait.
            async let empty = client.json(
                Self.tasks + "/activate", body: Self.activation(wait: 20),
                headers: fixture.bearer("market-system"))
            try await fixture.eventually { fixture.queue.waitingWorkers == 1 }
            fixture.clock.advance(to: RuntimeFixtures.at("2026-03-02 09:00").adding(milliseconds: 20_000))
            let answered = try await empty
            #expect(answered.status == .ok)
            #expect(try Self.tasks(of: answered).isEmpty)
            // A case is created while the poll waits: it answers with the new task.
            async let polled = client.json(
                Self.tasks + "/activate", body: Self.activation(wait: 30),
                headers: fixture.bearer("market-system"))
            try await fixture.eventually { fixture.queue.waitingWorkers == 1 }
            let (id, _) = try await fixture.createCase(client)
            let tasks = try Self.tasks(of: try await polled)
            #expect(tasks.map { $0["key"] as? String } == ["\(id)/business-registration/1"])
        }
    }
}
