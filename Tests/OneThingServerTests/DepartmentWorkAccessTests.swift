import Foundation
import Hummingbird
import HummingbirdTesting
import OneThing
import OneThingRuntime
import OneThingServer
import Testing

/// Who may do what over HTTP: every refusal is a test. No token 401, another
/// department's tasks 403, another applicant's case 404; an applicant with their access
/// code reaches their own case.
struct DepartmentWorkAccessTests {
    static let tasks = "/v1/departments/\(DepartmentWorkFixture.market)/tasks"

    @Test func withoutATokenEveryStaffRouteAnswers401() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, _) = try await fixture.createCase(client)
            let requests: [(String, HTTPRequest.Method, String?)] = [
                (Self.tasks, .get, nil), (Self.tasks + "/activate", .post, "{}"),
                ("\(Self.tasks)/\(id)/business-registration/1/decision", .post, #"{"decision": "approve"}"#),
                ("/v1/cases", .post, ServerFixture.restaurantCase), ("/v1/cases", .get, nil),
                ("/v1/cases/\(id)", .get, nil), ("/v1/supervision", .get, nil),
            ]
            for (uri, method, body) in requests {
                let response =
                    if let body { try await client.json(uri, method: method, body: body) } else {
                        try await client.get(uri)
                    }
                #expect(response.status == .unauthorized, "\(method) \(uri): \(response.text)")
                #expect(response.headers[.wwwAuthenticate] == #"Bearer realm="onething""#)
                #expect(try response.problem().bilingual)
            }
            let forged = try await client.get(Self.tasks, headers: [.authorization: "Bearer ot_forged"])
            #expect(forged.status == .unauthorized)
            // The bundles are public: the service guide and its one-time notice.
            #expect(try await client.get("/v1/bundles").status == .ok)
        }
    }

    @Test func anOfficerReachesOnlyTheirOwnDepartmentsTasks() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, _) = try await fixture.createCase(client)
            let listed = try await client.get(Self.tasks, headers: fixture.bearer("fire-officer"))
            #expect(listed.status == .forbidden)
            let problem = try listed.problem()
            #expect(problem.slug == "forbidden" && problem.bilingual)
            let claim = try await client.json(
                Self.tasks + "/activate", body: "{}", headers: fixture.bearer("fire-officer"))
            #expect(claim.status == .forbidden)
            _ = try await client.json(
                Self.tasks + "/activate", body: "{}", headers: fixture.bearer("market-system"))
            let decide = try await client.json(
                "\(Self.tasks)/\(id)/business-registration/1/decision", body: #"{"decision": "approve"}"#,
                headers: fixture.bearer("fire-officer"))
            #expect(decide.status == .forbidden)
            // A window may not claim; a supervisor reads every department's tasks but claims none.
            #expect(
                try await client.json(
                    Self.tasks + "/activate", body: "{}", headers: fixture.bearer("window-1")
                ).status
                    == .forbidden)
            #expect(try await client.get(Self.tasks, headers: fixture.bearer("supervisor-1")).status == .ok)
            #expect(
                try await client.json(
                    Self.tasks + "/activate", body: "{}", headers: fixture.bearer("supervisor-1")
                )
                .status == .forbidden)
            // Officers read a case their department has a step in, not another.
            #expect(
                try await client.get("/v1/cases/\(id)", headers: fixture.bearer("fire-officer")).status == .ok
            )
            #expect(
                try await client.get("/v1/cases/\(id)", headers: fixture.bearer("tobacco-officer")).status
                    == .forbidden)
            #expect(
                try await client.json(
                    "/v1/cases", body: ServerFixture.restaurantCase, headers: fixture.bearer("market-officer")
                ).status == .forbidden)
        }
    }

    @Test func anApplicantReachesOnlyTheirOwnCaseWithItsCode() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (first, code) = try await fixture.createCase(client)
            let (second, _) = try await fixture.createCase(client)
            let own = try await client.get("/v1/cases/\(first)", headers: [.init("X-Access-Code")!: code])
            #expect(own.status == .ok, "\(own.text)")
            #expect(try await client.get("/v1/cases/\(first)/timeline?code=\(code)").status == .ok)
            // Another case with this code, a wrong code, a case that does not exist: 404 alike.
            for uri in ["/v1/cases/\(second)", "/v1/cases/C20991231-0001"] {
                let response = try await client.get(uri, headers: [.init("X-Access-Code")!: code])
                #expect(response.status == .notFound, "\(uri)")
                #expect(try response.problem().bilingual)
            }
            let wrong = try await client.get(
                "/v1/cases/\(first)", headers: [.init("X-Access-Code")!: "00000-00000"])
            #expect(wrong.status == .notFound)
            // An applicant's code opens no staff route.
            let tasks = try await client.get(Self.tasks + "?code=\(code)")
            #expect(tasks.status == .unauthorized)
        }
    }

    @Test func aServerWithoutPrincipalsChecksNothingAndRecordsTheNamedWorker() async throws {
        let fixture = try await DepartmentWorkFixture(guarded: false)
        try await fixture.test { client in
            let created = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            let id = try #require(try created.object()["id"] as? String)
            await fixture.server.engine.waitForAdapters()
            let claimed = try await client.json(
                Self.tasks + "/activate", body: #"{"worker": "demo-officer"}"#)
            #expect(
                try DepartmentWorkTests.tasks(of: claimed).first?["claimedBy"] as? String == "demo-officer")
            let decided = try await client.json(
                "\(Self.tasks)/\(id)/business-registration/1/decision",
                body: #"{"decision": "approve", "worker": "demo-officer"}"#)
            #expect(try decided.object()["decidedBy"] as? String == "demo-officer")
        }
    }
}
