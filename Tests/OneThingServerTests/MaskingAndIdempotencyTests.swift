import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThing
import OneThingAccess
import OneThingPages
import OneThingRuntime
import OneThingServer
import OneThingTestSupport
import Testing

/// Identity and phone numbers are shown whole only in the applicant's own view (their
/// access code): the case document of every staff role, and the department's page, mask
/// them. An `Idempotency-Key` belongs to the principal who sent it.
struct MaskingAndIdempotencyTests {
    static let mobile = "13800138000"
    static let identity = "110101199003074514"

    /// A restaurant case whose answers hold a mobile and an identity number (started on
    /// the engine: the real bundles' forms have no free-text field), with its access code.
    static func caseWithNumbers(_ fixture: DepartmentWorkFixture) async throws -> (CaseID, String) {
        let blueprint = try RuntimeFixtures.restaurantBlueprint(RuntimeFixtures.restaurantWithGaps)
        let start = RuntimeFixtures.start(for: blueprint)
        let id = try await fixture.server.engine.start(
            blueprint: blueprint,
            answers: start.answers.merging(
                ["applicant.mobile": "\"\(mobile)\"", "applicant.identity": "\"\(identity)\""]) { a, _ in a },
            provided: start.provided)
        let code = try await AccessCode.issue(for: id, in: fixture.store)
        await fixture.server.engine.waitForAdapters()
        return (id, code.description)
    }

    @Test(arguments: ["window-1", "market-officer", "market-system", "supervisor-1"])
    func theCaseDocumentIsMaskedForStaff(principal: String) async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, _) = try await Self.caseWithNumbers(fixture)
            for path in ["/v1/cases/\(id)", "/v1/cases/\(id)/timeline"] {
                let response = try await client.get(path, headers: fixture.bearer(principal))
                #expect(response.status == .ok, "\(response.text)")
                #expect(response.text.contains("138****8000") && response.text.contains("1101**************"))
                #expect(!response.text.contains(Self.mobile) && !response.text.contains(Self.identity))
            }
        }
    }

    @Test func theApplicantsOwnViewShowsTheNumbersWhole() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, code) = try await Self.caseWithNumbers(fixture)
            let own = try await client.get("/v1/cases/\(id)", headers: [.init("X-Access-Code")!: code])
            #expect(own.status == .ok)
            #expect(own.text.contains(Self.mobile) && own.text.contains(Self.identity))
            let timeline = try await client.get(
                "/v1/cases/\(id)/timeline", headers: [.init("X-Access-Code")!: code])
            #expect(timeline.text.contains(Self.mobile))
            let page = try await client.get(
                PageRoutes(applicantQuery: "code=" + PageRoutes.segment(code)).casePage(of: id))
            #expect(page.text.contains(Self.mobile))
        }
    }

    @Test func theEventStreamMasksTheAnswersForAllButTheApplicant() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, code) = try await Self.caseWithNumbers(fixture)
            // Withdrawn, the case is delivered: its stream sends what is stored and ends.
            let withdrawn = try await client.json(
                "/v1/cases/\(id)/withdraw", body: "{}", headers: fixture.bearer("window-1"))
            #expect(withdrawn.status == .ok)
            let staff = try await client.get(
                "/v1/cases/\(id)/events", headers: fixture.bearer("supervisor-1"))
            #expect(staff.text.contains("138****8000") && !staff.text.contains(Self.mobile))
            let own = try await client.get("/v1/cases/\(id)/events?code=\(code)")
            #expect(own.text.contains(Self.mobile))
        }
    }

    @Test func wordsPeopleWroteAboutTheCaseAreMaskedForStaffToo() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, code) = try await Self.caseWithNumbers(fixture)
            let reason = "申请人来电 \(Self.mobile) 要求撤回，身份证 \(Self.identity)"
            let withdrawn = try await client.json(
                "/v1/cases/\(id)/withdraw", body: #"{"reason": "\#(reason)"}"#,
                headers: fixture.bearer("window-1"))
            #expect(withdrawn.status == .ok, "\(withdrawn.text)")
            for path in ["/v1/cases/\(id)", "/v1/cases/\(id)/timeline", "/v1/cases/\(id)/events"] {
                let staff = try await client.get(path, headers: fixture.bearer("supervisor-1"))
                #expect(staff.text.contains("申请人来电 138****8000 要求撤回"), "\(path): \(staff.text)")
                #expect(!staff.text.contains(Self.mobile) && !staff.text.contains(Self.identity), "\(path)")
            }
            let own = try await client.get(
                "/v1/cases/\(id)/timeline", headers: [.init("X-Access-Code")!: code])
            #expect(own.text.contains("申请人来电 \(Self.mobile) 要求撤回"))
        }
    }

    @Test func aServerWithoutPrincipalsMasksForAnyoneWithoutTheCode() async throws {
        let fixture = try await DepartmentWorkFixture(guarded: false)
        try await fixture.test { client in
            let (id, code) = try await Self.caseWithNumbers(fixture)
            #expect(!(try await client.get("/v1/cases/\(id)")).text.contains(Self.mobile))
            #expect(try await client.get("/v1/cases/\(id)?code=\(code)").text.contains(Self.mobile))
        }
    }

    @Test func theDepartmentsPageMasksTheNumbers() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            _ = try await Self.caseWithNumbers(fixture)
            let session = try await fixture.signIn(client, as: "market-officer")
            let page = try await client.get(
                PageRoutes().queue(of: DepartmentWorkFixture.market), headers: session.cookie)
            #expect(page.text.contains("138****8000"))
            #expect(!page.text.contains(Self.mobile) && !page.text.contains(Self.identity))
        }
    }

    @Test func theSameKeyFromTwoPrincipalsMakesTwoCases() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            var ids: [String: String] = [:]
            for principal in ["window-1", "window-2", "window-1"] {
                var headers = fixture.bearer(principal)
                headers[.init("Idempotency-Key")!] = "shared-key-0001"
                let response = try await client.json(
                    "/v1/cases", body: ServerFixture.restaurantCase, headers: headers)
                let id = try #require(try response.object()["id"] as? String)
                if let earlier = ids[principal] {
                    #expect(earlier == id, "the same principal's repeat gets the first answer")
                    #expect(response.status == .created)
                }
                ids[principal] = id
            }
            #expect(ids["window-1"] != ids["window-2"], "\(ids)")
        }
    }
}
