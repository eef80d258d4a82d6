import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThing
import OneThingPages
import OneThingRuntime
import OneThingServer
import OneThingTestSupport
import Testing

/// The pages the server serves to browsers: sign-in for a session cookie, the form
/// token on every form post, the queue's forms going through the work queue, and each
/// refusal as a page with its reason in both languages.
struct PageRouteTests {
    static let market = DepartmentWorkFixture.market
    static let queue = PageRoutes().queue(of: market)

    @Test func signingInGivesAnHttpOnlyStrictCookieAndLandsOnTheOfficersQueue() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let page = try await client.get(PageRoutes.Pattern.signIn)
            #expect(page.status == .ok)
            #expect(page.text.contains("工作人员登录") && page.text.contains("Staff sign-in"))
            let response = try await fixture.postSignIn(client, token: fixture.tokens["market-officer"] ?? "")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == Self.queue)
            let cookie = try #require(
                response.headers[values: .setCookie].first { $0.hasPrefix("onething_session=") })
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800"] {
                #expect(cookie.contains(attribute), "\(cookie)")
            }
            #expect(!cookie.contains("Secure"), "not behind TLS by default: \(cookie)")
            // The server keeps the session, not the id the cookie holds.
            #expect(fixture.server.sessions.count == 1)
        }
    }

    @Test func theCookieIsSecureWhenTheServerIsBehindTLS() async throws {
        let fixture = try await DepartmentWorkFixture(
            configuration: ServerConfiguration(port: 0, secureCookies: true))
        try await fixture.test { client in
            let response = try await fixture.postSignIn(client, token: fixture.tokens["supervisor-1"] ?? "")
            #expect(response.headers[.location] == PageRoutes.Pattern.supervision)
            let cookie = try #require(
                response.headers[values: .setCookie].first { $0.hasPrefix("onething_session=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test func aWrongTokenIsRefusedOnTheSignInPageAndAForgedSignInIsRefused() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let wrong = try await fixture.postSignIn(client, token: "ot_mistyped")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("令牌无效") && wrong.text.contains("the token is not valid"))
            // A sign-in posted from elsewhere lacks the sign-in page's cookie.
            let forged = try await client.execute(
                uri: PageRoutes.Pattern.signIn, method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=guess&token=\(fixture.tokens["market-officer"] ?? "")"))
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("表单已被拒绝") && forged.text.contains("the form was refused"))
            #expect(fixture.server.sessions.count == 0)
        }
    }

    @Test func aPageWithoutASessionLeadsToSignIn() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            for path in [Self.queue, PageRoutes.Pattern.supervision] {
                let response = try await client.get(path)
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/sign-in?next=" + PageRoutes.segment(path))
            }
            // A bearer token is no session: the pages take only the cookie.
            let bearer = try await client.get(Self.queue, headers: fixture.bearer("market-officer"))
            #expect(bearer.status == .seeOther)
            let post = try await client.execute(
                uri: PageRoutes().claim(department: Self.market), method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=x"))
            #expect(post.status == .seeOther && post.headers[.location] == PageRoutes.Pattern.signIn)
        }
    }

    @Test func anotherDepartmentsQueueIsA403PageWithTheReason() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let session = try await fixture.signIn(client, as: "fire-officer")
            let response = try await client.get(Self.queue, headers: session.cookie)
            #expect(response.status == .forbidden)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("fire-officer 属于部门“fire-rescue”，无权查看部门“market-regulation”的任务"))
            #expect(
                response.text.contains(
                    "fire-officer works for department fire-rescue and may not read the tasks of department market-regulation"
                ))
            // Its own queue opens; a supervisor's dashboard does not.
            #expect(
                try await client.get(PageRoutes().queue(of: "fire-rescue"), headers: session.cookie).status
                    == .ok)
            #expect(
                try await client.get(PageRoutes.Pattern.supervision, headers: session.cookie).status
                    == .forbidden)
            // Claiming through another department's form is refused too, and claims nothing.
            let (id, _) = try await fixture.createCase(client)
            let claim = try await client.form(
                PageRoutes().claim(department: Self.market), ["csrf": session.formToken], session: session)
            #expect(claim.status == .forbidden)
            #expect(
                try await fixture.queue.jobs(department: Self.market).allSatisfy { $0.status == .waiting },
                "\(id)")
        }
    }

    @Test func aFormWithoutTheSessionsTokenIsRefusedAndChangesNothing() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            _ = try await fixture.createCase(client)
            let session = try await fixture.signIn(client, as: "market-officer")
            let other = try await fixture.signIn(client, as: "market-system")
            for fields in [[:], ["csrf": "0000"], ["csrf": other.formToken]] {
                let response = try await client.form(
                    PageRoutes().claim(department: Self.market), fields, session: session)
                #expect(response.status == .forbidden, "\(fields)")
                #expect(response.text.contains("表单已被拒绝") && response.text.contains("the form was refused"))
            }
            #expect(
                try await fixture.queue.jobs(department: Self.market).allSatisfy { $0.status == .waiting })
            let signOut = try await client.form(PageRoutes.Pattern.signOut, [:], session: session)
            #expect(signOut.status == .forbidden)
            #expect(try await client.get(Self.queue, headers: session.cookie).status == .ok)
        }
    }

    @Test func anOfficerClaimsAndDecidesThroughTheFormsAndTheCaseRecordsWhoDecided() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, _) = try await fixture.createCase(client)
            let session = try await fixture.signIn(client, as: "market-officer")
            let queuePage = try await client.get(Self.queue, headers: session.cookie)
            #expect(queuePage.text.contains("认领下一件"))
            #expect(queuePage.text.contains("name=\"csrf\" value=\"\(session.formToken)\""))
            let claim = try await client.form(
                PageRoutes().claim(department: Self.market), ["csrf": session.formToken], session: session)
            #expect(claim.status == .seeOther && claim.headers[.location] == Self.queue)
            let key = "\(id)/business-registration/1"
            #expect(try await fixture.queue.job(key: key)?.status.claimant == "market-officer")
            let claimed = try await client.get(Self.queue, headers: session.cookie)
            #expect(claimed.text.contains("已认领办件 \(id)"), "the claim's message")
            #expect(claimed.text.contains(PageRoutes().decision(key, department: Self.market)))
            // The message is shown once.
            #expect(!(try await client.get(Self.queue, headers: session.cookie)).text.contains("已认领办件"))
            // A rejection without a reason is refused with the work queue's reason, as the API refuses it.
            let bare = try await client.form(
                PageRoutes().decision(key, department: Self.market),
                ["csrf": session.formToken, "outcome": "rejected", "reason": "  "], session: session)
            #expect(bare.status == .seeOther)
            let refused = try await client.get(Self.queue, headers: session.cookie)
            #expect(refused.text.contains("flash refused"))
            let approve = try await client.form(
                PageRoutes().decision(key, department: Self.market),
                [
                    "csrf": session.formToken, "outcome": "approved",
                    "output.business-licence": "91110000MA0000001X",
                ],
                session: session)
            #expect(approve.status == .seeOther && approve.headers[.location] == Self.queue)
            let after = try await client.get(Self.queue, headers: session.cookie)
            #expect(after.text.contains("已准予 \(key)；出具 business-licence 91110000MA0000001X"))
            await fixture.server.engine.waitForAdapters()
            let document = try await client.get("/v1/cases/\(id)", headers: fixture.bearer("supervisor-1"))
            let events = try #require(try document.object()["events"] as? [[String: Any]])
            let decided = events.first { $0["kind"] as? String == "decidedBy" }
            #expect(decided?["principal"] as? String == "market-officer", "\(events)")
        }
    }

    @Test func anOfficerClaimsTheTaskTheyChoseAndAnUnknownOneIsRefusedWithTheReason() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (first, _) = try await fixture.createCase(client)
            let (second, _) = try await fixture.createCase(client)
            let session = try await fixture.signIn(client, as: "market-officer")
            let chosen = "\(second)/business-registration/1"
            let queuePage = try await client.get(Self.queue, headers: session.cookie)
            #expect(queuePage.text.contains(PageRoutes().claim(chosen, department: Self.market)))
            let claim = try await client.form(
                PageRoutes().claim(chosen, department: Self.market), ["csrf": session.formToken],
                session: session)
            #expect(claim.status == .seeOther && claim.headers[.location] == Self.queue)
            #expect(try await fixture.queue.job(key: chosen)?.status.claimant == "market-officer")
            #expect(try await fixture.queue.job(key: "\(first)/business-registration/1")?.status == .waiting)
            let claimed = try await client.get(Self.queue, headers: session.cookie)
            #expect(claimed.text.contains("已认领办件 \(second)"), "the claim's message")
            // A task that is not there: the queue's reason, in both languages, and nothing claimed.
            let unknown = try await client.form(
                PageRoutes().claim("\(first)/no-such-step/1", department: Self.market),
                ["csrf": session.formToken],
                session: session)
            #expect(unknown.status == .seeOther)
            let refused = try await client.get(Self.queue, headers: session.cookie)
            #expect(refused.text.contains("flash refused"))
            #expect(refused.text.contains("没有键为 \(first)/no-such-step/1 的任务"))
            // Without the form token nothing is claimed.
            let forged = try await client.form(
                PageRoutes().claim("\(first)/business-registration/1", department: Self.market), [:],
                session: session)
            #expect(forged.status == .forbidden)
            #expect(try await fixture.queue.job(key: "\(first)/business-registration/1")?.status == .waiting)
        }
    }

    @Test func aSupervisorReadsAQueueWithoutItsForms() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, _) = try await fixture.createCase(client)
            let session = try await fixture.signIn(client, as: "supervisor-1")
            let page = try await client.get(Self.queue, headers: session.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("business-registration"))
            #expect(!page.text.contains("认领下一件") && !page.text.contains("/decision\""))
            let claim = try await client.form(
                PageRoutes().claim(department: Self.market), ["csrf": session.formToken], session: session)
            #expect(claim.status == .forbidden)
            #expect(claim.text.contains("无权") && claim.text.contains("may not"))
            let chosen = try await client.form(
                PageRoutes().claim("\(id)/business-registration/1", department: Self.market),
                ["csrf": session.formToken], session: session)
            #expect(chosen.status == .forbidden)
            #expect(try await fixture.queue.job(key: "\(id)/business-registration/1")?.status == .waiting)
        }
    }

    @Test func theQueueListsTheCasesAnotherInstanceHoldsAsTheStoreHasThemWithoutTakingThem() async throws {
        let fixture = try await DepartmentWorkFixture()
        let calendar = try RuntimeFixtures.calendar()
        let other = Engine(
            store: fixture.store, adapters: AdapterDirectory(fallback: WorkQueue(clock: fixture.clock)),
            clock: fixture.clock, calendars: [calendar.region: calendar])
        let plan = try RuntimeFixtures.restaurant()
        try await fixture.test { client in
            let session = try await fixture.signIn(client, as: "supervisor-1")
            // Another instance on the same store starts a case once this server runs:
            // its engine does not hold it.
            let id = try await other.start(
                blueprint: try RuntimeFixtures.restaurantBlueprint(),
                answers: plan.answers.values.mapValues(\.description),
                provided: plan.materials.filter { $0.status == .bring }.map(\.id))
            await other.waitForAdapters()
            #expect(await fixture.server.engine.state(of: id) == nil)
            let page = try await client.get(Self.queue, headers: session.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains(id), "the case another instance holds is listed")
            #expect(!page.text.contains("仅列出最早受理的"), "every case is listed")
            #expect(await fixture.server.engine.state(of: id) == nil, "reading the queue takes no case")
        }
    }

    @Test func windowStaffSignInToAPageThatSaysThePagesAreNotForThem() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let response = try await fixture.postSignIn(client, token: fixture.tokens["window-1"] ?? "")
            #expect(response.status == .seeOther && response.headers[.location] == "/")
            let cookie = try #require(
                response.headers[values: .setCookie].first { $0.hasPrefix("onething_session=") }?
                    .split(separator: ";").first.map(String.init))
            for path in ["/", PageRoutes.Pattern.signIn] {
                let page = try await client.get(path, headers: [.cookie: cookie])
                #expect(page.status == .forbidden, "\(path)")
                #expect(
                    page.text.contains("相关工作通过接口") && page.text.contains("that work goes through the API"))
                #expect(page.text.contains("action=\"/sign-out\""))
            }
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let session = try await fixture.signIn(client, as: "supervisor-1")
            #expect(
                try await client.get(PageRoutes.Pattern.supervision, headers: session.cookie).status == .ok)
            let out = try await client.form(
                PageRoutes.Pattern.signOut, ["csrf": session.formToken], session: session)
            #expect(out.status == .seeOther && out.headers[.location] == PageRoutes.Pattern.signIn)
            #expect(out.headers[values: .setCookie].contains { $0.hasPrefix("onething_session=;") })
            #expect(
                try await client.get(PageRoutes.Pattern.supervision, headers: session.cookie).status
                    == .seeOther)
            #expect(fixture.server.sessions.count == 0)
        }
    }

    @Test func theApplicantsPageOpensWithTheCodeAndAnotherCaseOrAWrongCodeIs404() async throws {
        let fixture = try await DepartmentWorkFixture()
        try await fixture.test { client in
            let (id, code) = try await fixture.createCase(client)
            let (other, _) = try await fixture.createCase(client)
            let routes = PageRoutes(applicantQuery: "code=" + PageRoutes.segment(code))
            let page = try await client.get(routes.casePage(of: id))
            #expect(page.status == .ok)
            #expect(page.headers[.referrerPolicy] == "no-referrer")
            #expect(page.text.contains("data-events=\"\(routes.events(of: id))\""))
            #expect(page.text.contains("一次性告知书"), "the case's one-time notice, planned again")
            for path in [
                routes.casePage(of: other), PageRoutes(applicantQuery: "code=AAAAA-AAAAA").casePage(of: id),
                PageRoutes().casePage(of: id), routes.casePage(of: "C20990101-0001"),
            ] {
                let refused = try await client.get(path)
                #expect(refused.status == .notFound, "\(path)")
                #expect(refused.text.contains("没有与此办件编号和查询码相符的办件"))
                #expect(refused.text.contains("no case with this number and access code"))
            }
            // The look-up form leads to the page.
            let looked = try await client.get("/cases?id=\(id)&code=\(code)")
            #expect(looked.status == .seeOther && looked.headers[.location] == routes.casePage(of: id))
        }
    }
}

extension DepartmentWorkFixture {
    /// A signed-in browser: its cookie header and its session's form token.
    struct BrowserSession {
        var cookie: HTTPFields
        var formToken: String
    }

    /// Posts the sign-in form with `token`, as the sign-in page's browser would.
    func postSignIn(_ client: any TestClientProtocol, token: String) async throws -> TestResponse {
        let page = try await client.get(PageRoutes.Pattern.signIn)
        let cookie = try #require(
            page.headers[values: .setCookie].first { $0.hasPrefix("onething_sign_in=") }?
                .split(separator: ";").first.map(String.init))
        let csrf = try #require(page.text.hiddenField("csrf"))
        return try await client.execute(
            uri: PageRoutes.Pattern.signIn, method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
            body: ByteBuffer(string: "csrf=\(csrf)&token=\(token)"))
    }

    /// Signs principal `id` in; returns the browser's session.
    func signIn(_ client: any TestClientProtocol, as id: String) async throws -> BrowserSession {
        let response = try await postSignIn(client, token: tokens[id] ?? "")
        #expect(response.status == .seeOther, "\(response.text)")
        let cookie = try #require(
            response.headers[values: .setCookie].first { $0.hasPrefix("onething_session=") }?
                .split(separator: ";").first.map(String.init))
        let home = try await client.get(response.headers[.location] ?? "/", headers: [.cookie: cookie])
        let token = try #require(home.text.hiddenField("csrf"), "no form token on \(home.text.prefix(200))")
        return BrowserSession(cookie: [.cookie: cookie], formToken: token)
    }
}

extension TestClientProtocol {
    /// Posts an HTML form of `fields` with `session`'s cookie.
    func form(_ uri: String, _ fields: [String: String], session: DepartmentWorkFixture.BrowserSession)
        async throws -> TestResponse
    {
        let body = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\(PageRoutes.segment($0.value))" }
            .joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        headers.append(contentsOf: session.cookie)
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}

extension String {
    /// The value of the first hidden field `name` in this HTML.
    func hiddenField(_ name: String) -> String? {
        guard let range = range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(self[range.upperBound...].prefix { $0 != "\"" })
    }
}

extension WorkQueue.Job.Status {
    /// Who holds the claim, if claimed.
    var claimant: String? {
        if case .claimed(let worker, _) = self { return worker }
        return nil
    }
}

extension HTTPField.Name {
    /// `Referrer-Policy`.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
