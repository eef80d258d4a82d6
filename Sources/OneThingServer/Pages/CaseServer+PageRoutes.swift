import Foundation
import Hummingbird
import OneThing
import OneThingAccess
import OneThingPages
import OneThingPresentation
import OneThingRuntime

extension CaseServer {
    /// The pages people use, served from the routes of ``OneThingPages/PageRoutes``: the
    /// sign-in page, the applicant's case page (its number and access code), a
    /// department's work queue and the supervisor's dashboard.
    ///
    /// Staff sign in once with their token and carry a session cookie (HttpOnly,
    /// SameSite=Strict, Secure when ``ServerConfiguration/secureCookies``); every form
    /// post carries the session's form token (`csrf`), checked before anything is done.
    /// A page without a session leads to the sign-in page; another department's queue
    /// is a 403 page with the reason; another case or a wrong code a 404 page. The
    /// queue's forms claim and decide through the same work queue and engine calls as
    /// the API (``decide(_:worker:outcome:outputs:)``), then answer `303 See Other`
    /// back to the queue with a message. The pages are not operations of the API: they
    /// are not in `grammar/openapi.yaml`.
    func addPageRoutes(to router: Router<ServerRequestContext>) {
        typealias P = PageRoutes.Pattern
        let page = {
            (
                method: HTTPRequest.Method, path: String,
                handler: @escaping @Sendable (Request, ServerRequestContext) async throws -> Response
            ) in
            self.pageRouteTable.withLock { $0.append("\(method) \(path)") }
            router.on(RouterPath(path), method: method, use: handler)
        }
        page(.get, "/") { request, _ in
            let session = self.signedIn(request)
            return Response.seeOther(session.map { self.home(of: $0.session.principal) } ?? P.signIn)
        }
        // Browsers ask for an icon; the pages have none (nothing is loaded from anywhere).
        page(.get, "/favicon.ico") { _, _ in Response(status: .noContent) }
        page(.get, P.signIn) { request, _ in
            if let session = self.signedIn(request) {
                return Response.seeOther(self.home(of: session.session.principal))
            }
            return self.signInPage(next: request.uri.queryParameters["next"].map(String.init))
        }
        page(.post, P.signIn) { request, _ in
            try await self.signIn(request)
        }
        page(.post, P.signOut) { request, _ in
            try await self.signedInForm(request) { session, _ in
                self.sessions.close(id: session.id)
                var response = Response.seeOther(P.signIn)
                response.setCookie(self.sessionCookie(value: "", maxAge: 0))
                return response
            }
        }
        page(.get, P.caseLookUp) { request, _ in
            let query = request.uri.queryParameters
            guard let id = query["id"].map(String.init), !id.isEmpty,
                let code = query["code"].map(String.init), !code.isEmpty
            else { return Response.seeOther(P.signIn) }
            return Response.seeOther(PageRoutes(applicantQuery: Self.codeQuery(code)).casePage(of: id))
        }
        page(.get, P.casePage) { request, context in
            try await self.casePage(request, id: try context.parameter("id"))
        }
        page(.get, P.queue) { request, context in
            let department = try context.parameter("department")
            return try await self.staffPage(request, .readTasks(department: department)) { session in
                try await self.queuePage(department, session: session)
            }
        }
        page(.post, P.claim) { request, context in
            let department = try context.parameter("department")
            return try await self.signedInForm(request) { session, _ in
                try await self.claimNext(department, session: session)
            }
        }
        page(.post, P.decision) { request, context in
            let department = try context.parameter("department")
            let key = try context.parameter("task")
            return try await self.signedInForm(request) { session, form in
                try await self.decide(key, of: department, form: form, session: session)
            }
        }
        page(.get, P.supervision) { request, _ in
            try await self.staffPage(request, .readSupervision) { session in
                try await self.dashboard(session: session)
            }
        }
    }

    // MARK: Sessions

    /// The name of the session cookie.
    static let sessionCookieName = "onething_session"
    /// The name of the cookie that holds the sign-in form's token (until signed in).
    static let signInCookieName = "onething_sign_in"

    /// A session the browser presents, with the id its cookie holds.
    struct SignedIn: Sendable {
        /// The session id (the cookie's value).
        var id: String
        /// The session.
        var session: BrowserSessions.Session
    }

    /// The open session `request`'s cookie names, if any.
    func signedIn(_ request: Request) -> SignedIn? {
        guard let id = request.cookies[Self.sessionCookieName]?.value,
            let session = sessions.session(id: id)
        else { return nil }
        return SignedIn(id: id, session: session)
    }

    /// The session cookie: HttpOnly, SameSite=Strict, for the whole site, Secure when
    /// the server is configured so (behind TLS).
    func sessionCookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: Self.sessionCookieName, value: value, maxAge: maxAge, path: "/",
            secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// The page a principal lands on after signing in: their department's queue, or the
    /// supervisor's dashboard; the sign-in page (which says there is none) otherwise.
    func home(of principal: Principal) -> String {
        if principal.role.hasDepartment, let department = principal.department {
            return PageRoutes().queue(of: department)
        }
        return principal.role == .supervisor ? PageRoutes.Pattern.supervision : PageRoutes.Pattern.signIn
    }

    /// The sign-in page, with a fresh form token (in the form and in a cookie of the
    /// sign-in path: a forged sign-in lacks the cookie).
    func signInPage(
        next: String?, refusal: LocalizedText? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let token = BrowserSessions.randomText()
        var refusal = refusal
        if configuration.principals == nil && refusal == nil {
            refusal = LocalizedText(
                en:
                    "this server checks no principals: start it with --principals FILE for staff to sign in (the applicant's page works without)",
                zh: "本服务未配置身份文件：工作人员登录需以 --principals FILE 启动服务（申请人查询不受影响）")
        }
        let page = SignInPage(formToken: token, refusal: refusal, next: next.flatMap(Self.localPath))
        var response = Response.page(SignInPageRenderer().render(page), status: status)
        response.setCookie(
            Cookie(
                name: Self.signInCookieName, value: token, maxAge: 3600, path: PageRoutes.Pattern.signIn,
                secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// `POST /sign-in`: the token for a session.
    func signIn(_ request: Request) async throws -> Response {
        let form = try await pageForm(request)
        let posted = form["csrf"]
        guard BrowserSessions.sameToken(posted, request.cookies[Self.signInCookieName]?.value) else {
            return Self.refusal(Self.forgedForm, status: .forbidden)
        }
        let next = form.text("next").flatMap(Self.localPath)
        guard let principals = configuration.principals else {
            return signInPage(next: next, status: .unauthorized)
        }
        guard case .principal(let principal) = principals.caller(presenting: form.text("token") ?? "") else {
            return signInPage(
                next: next,
                refusal: LocalizedText(
                    en:
                        "the token is not valid (mistyped, or its principal was removed); ask the administrator for a new one",
                    zh: "令牌无效（可能输错，或该身份已被删除），请向管理员申请新令牌"),
                status: .unauthorized)
        }
        let opened = sessions.open(for: principal)
        logger.info("signed in", metadata: ["principal": "\(principal.id)"])
        var response = Response.seeOther(next ?? home(of: principal))
        response.setCookie(
            sessionCookie(value: opened.id, maxAge: Int(configuration.sessionLifetime.components.seconds)))
        response.setCookie(
            Cookie(
                name: Self.signInCookieName, value: "", maxAge: 0, path: PageRoutes.Pattern.signIn,
                secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    /// `path` when it is a path of this server (`/…`, not `//host`), for a redirect.
    static func localPath(_ path: String) -> String? {
        path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\") ? path : nil
    }

    /// A staff page: the session's principal must be allowed `action`; without a
    /// session, the sign-in page (then back here); refused, a page with the reason.
    func staffPage(
        _ request: Request, _ action: AccessAction, page: (SignedIn) async throws -> Response
    ) async throws -> Response {
        guard let session = signedIn(request) else {
            return Response.seeOther(
                PageRoutes.Pattern.signIn + "?next=" + PageRoutes.segment(request.uri.path))
        }
        let frame = frame(of: session)
        do {
            try AccessPolicy.require(.principal(session.session.principal), action)
        } catch {
            return Self.refusal(Problem(error), frame: frame)
        }
        do {
            return try await page(session)
        } catch {
            return Self.refusal(forError: error, frame: frame)
        }
    }

    /// A form post of a signed-in browser: the session must be open and the form must
    /// carry its form token; then `act` answers (a redirect with a message, usually).
    func signedInForm(
        _ request: Request, act: (SignedIn, PageForm) async throws -> Response
    ) async throws -> Response {
        guard let session = signedIn(request) else { return Response.seeOther(PageRoutes.Pattern.signIn) }
        let form = try await pageForm(request)
        guard BrowserSessions.formTokenMatches(form["csrf"], of: session.session) else {
            logger.warning(
                "a form post without its session's form token was refused",
                metadata: ["path": "\(request.uri.path)", "principal": "\(session.session.principal.id)"])
            return Self.refusal(Self.forgedForm, status: .forbidden, frame: frame(of: session))
        }
        do {
            return try await act(session, form)
        } catch {
            return Self.refusal(forError: error, frame: frame(of: session))
        }
    }

    /// The fields of a form post.
    func pageForm(_ request: Request) async throws(Problem) -> PageForm {
        try body.requireMediaType(request, "application/x-www-form-urlencoded")
        return PageForm(try await body.bytes(of: request))
    }

    /// The frame of a signed-in page: who, the sign-out form's token, and the message
    /// the last form left (taken: shown once).
    func frame(of session: SignedIn, takingFlash: Bool = false) -> PageFrame {
        let principal = session.session.principal
        let flash = takingFlash ? sessions.takeFlash(of: session.id) : nil
        return PageFrame(
            signedInAs: LocalizedText(
                en: "\(principal.role.title.en) \(principal.id)",
                zh: "\(principal.name)（\(principal.role.title.zh)）"),
            formToken: session.session.formToken, flash: flash?.text,
            flashTone: flash?.refused == true ? .refused : .done)
    }

    // MARK: The applicant's page

    /// The access code as the applicant's links carry it: `code=…`, encoded.
    static func codeQuery(_ code: String) -> String { "code=" + PageRoutes.segment(code) }

    /// `GET /cases/{id}?code=…`: the applicant's page of their case, personal numbers
    /// whole; any other case, a wrong code or none is the same 404 page.
    func casePage(_ request: Request, id: CaseID) async throws -> Response {
        guard let code = request.uri.queryParameters["code"].map(String.init), !code.isEmpty else {
            return Self.refusal(Problem(AccessRefusal(.notFound, Self.noSuchCase)))
        }
        let caller: Caller
        do {
            caller = try await AccessCode.caller(presenting: code, for: id, in: store)
        } catch {
            return Self.refusal(Problem(error))
        }
        guard case .applicant = caller else {
            return Self.refusal(Problem(AccessRefusal(.notFound, Self.noSuchCase)))
        }
        do {
            let state = try await caseState(id)
            let page = ApplicantCasePage(
                state: state, now: engine.clock.now, routes: PageRoutes(applicantQuery: Self.codeQuery(code)),
                notice: await notice(of: state))
            var response = Response.page(ApplicantCasePageRenderer().render(page))
            // The address holds the access code: never sent on to another site.
            response.headers[.referrerPolicy] = "no-referrer"
            return response
        } catch {
            return Self.refusal(error)
        }
    }

    /// What a wrong case number or access code is told (as the API tells it).
    static let noSuchCase = LocalizedText(
        en: "no case with this number and access code; check both on the acceptance receipt",
        zh: "没有与此办件编号和查询码相符的办件，请核对受理回执上的编号和查询码")

    /// Case `id` as it stands: from the engine while open, else folded from the store.
    func caseState(_ id: CaseID) async throws(Problem) -> CaseState {
        if let held = await engine.state(of: id) { return held }
        let (events, blueprint) = try await desk.history(id)
        var state = CaseState(id: id, blueprint: blueprint)
        for event in events { state.apply(event) }
        return state
    }

    // MARK: A department's queue

    /// A department's work queue as its officer sees it, personal numbers masked, with
    /// the decision forms on the viewer's own claims.
    func queuePage(_ department: String, session: SignedIn) async throws(Problem) -> Response {
        let queue = try await workQueue(of: department)
        let claims = queue.jobs(department: department).compactMap { job -> TaskClaim? in
            guard case .claimed(let worker, let until) = job.status else { return nil }
            return TaskClaim(key: job.key, principal: worker, until: until)
        }
        let cases = await engine.openStates.filter { state in
            state.blueprint.steps.contains { $0.department == department }
        }
        let calendar = desk.calendar
        let page = DepartmentQueuePage(
            department: department, cases: cases, claims: claims, now: engine.clock.now,
            calendars: [calendar.region: calendar], mask: PersonalNumberMask.masked,
            viewer: session.session.principal.id, formToken: session.session.formToken)
        return .page(DepartmentQueuePageRenderer().render(page, frame: frame(of: session, takingFlash: true)))
    }

    /// `POST …/queue/claim`: the officer claims the department's oldest waiting task
    /// (the work queue's activation, as a department system's), for the default lease.
    func claimNext(_ department: String, session: SignedIn) async throws(Problem) -> Response {
        let principal = session.session.principal
        do {
            try AccessPolicy.require(.principal(principal), .claimTasks(department: department))
        } catch {
            throw Problem(error)
        }
        let queue = try await workQueue(of: department)
        let claimed = await queue.activate(
            department: department, worker: principal.id, maxJobs: 1, lease: configuration.defaultLease,
            wait: .zero)
        let flash: BrowserSessions.Flash
        if let job = claimed.first {
            let minutes = configuration.defaultLease.components.seconds / 60
            flash = BrowserSessions.Flash(
                LocalizedText(
                    en:
                        "claimed \(job.submission.stepID) of case \(job.submission.caseID) (\(job.key)) for \(minutes) minutes",
                    zh:
                        "已认领办件 \(job.submission.caseID) 的“\(job.submission.name)”（\(job.key)），租约 \(minutes) 分钟"
                ))
        } else {
            flash = BrowserSessions.Flash(
                LocalizedText(en: "no task was waiting to be claimed", zh: "当前没有待认领的任务"), refused: true)
        }
        sessions.leave(flash, for: session.id)
        return Response.seeOther(PageRoutes().queue(of: department))
    }

    /// `POST …/queue/{task}/decision`: the officer decides a task they claimed; a
    /// refusal of the work queue (not theirs, lease expired, a reason missing) comes
    /// back as the queue's message, as does the decision taken.
    func decide(_ key: String, of department: String, form: PageForm, session: SignedIn) async throws(Problem)
        -> Response
    {
        let principal = session.session.principal
        do {
            try AccessPolicy.require(.principal(principal), .decideTask(department: department))
        } catch {
            throw Problem(error)
        }
        let task = try await self.task(key, of: department)
        let outcome: AdapterOutcome
        switch form["outcome"] {
        case "approved": outcome = .approved
        case "rejected": outcome = .rejected(reason: form.text("reason") ?? "")
        case "supplement": outcome = .supplementRequested(note: form.text("missing") ?? "")
        default:
            throw Problem(
                .invalidRequest,
                en: "the form's outcome '\(form["outcome"] ?? "")' is none of approved, rejected, supplement",
                zh: "表单的办理结果“\(form["outcome"] ?? "")”无效：应为 approved、rejected 或 supplement")
        }
        var outputs: [String: String] = [:]
        if case .approved = outcome { outputs = form.fields(prefixed: "output.") }
        let flash: BrowserSessions.Flash
        do {
            let decision = try await decide(task, worker: principal.id, outcome: outcome, outputs: outputs)
            flash = BrowserSessions.Flash(Self.decided(decision, case: task.caseID))
        } catch {
            flash = BrowserSessions.Flash(error.detail, refused: true)
        }
        sessions.leave(flash, for: session.id)
        return Response.seeOther(PageRoutes().queue(of: department))
    }

    /// What the queue's message says of a decision taken.
    static func decided(_ decision: WorkQueue.Decision, case id: CaseID) -> LocalizedText {
        let issued = decision.outputs.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        switch decision.outcome {
        case .approved:
            return LocalizedText(
                en: "approved \(decision.key)"
                    + (issued.isEmpty ? "" : "; issued \(issued.joined(separator: ", "))"),
                zh: "已准予 \(decision.key)" + (issued.isEmpty ? "" : "；出具 \(issued.joined(separator: "、"))"))
        case .rejected:
            return LocalizedText(
                en: "rejected \(decision.key), with the reason given", zh: "已不予许可 \(decision.key)，理由已记录")
        case .supplementRequested:
            return LocalizedText(
                en: "asked the applicant of case \(id) for a supplement to \(decision.key)",
                zh: "已通知办件 \(id) 的申请人补正 \(decision.key)")
        case .inReview:
            return LocalizedText(en: "\(decision.key) is in review", zh: "\(decision.key) 审查中")
        }
    }

    // MARK: The supervisor's dashboard

    /// The supervisor's dashboard over the current month, notes masked.
    func dashboard(session: SignedIn) async throws(Problem) -> Response {
        let now = engine.clock.now
        let today = now.chinaDate
        let period = SupervisionPeriod(
            from: CalendarDate(year: today.year, month: today.month, day: 1) ?? today, through: today)
        let states = try await SupervisionBoard.states(in: period, server: self)
        let calendar = desk.calendar
        let dashboard = SupervisorDashboard(
            cases: states, calendars: [calendar.region: calendar], now: now, period: period,
            mask: PersonalNumberMask.masked)
        return .page(
            SupervisorDashboardRenderer().render(dashboard, frame: frame(of: session, takingFlash: true)))
    }

    // MARK: Refusals

    /// The refusal of a forged form: no session's form token, or not this session's.
    static let forgedForm = Problem(
        .forbidden,
        en:
            "the form was refused: it does not carry this session's form token (a page from another site, or one older than your sign-in); open the page again and send it from there",
        zh: "表单已被拒绝：缺少本次登录会话的表单校验码（可能来自其他网站，或页面早于本次登录）；请重新打开页面后再提交")

    /// A page that says why, with the problem's status.
    static func refusal(
        _ problem: Problem, status: HTTPResponse.Status? = nil, frame: PageFrame = PageFrame()
    )
        -> Response
    {
        let code = status ?? problem.kind.status
        let page = RefusalPage(
            status: code.code, title: problem.kind.title, reason: problem.detail,
            backPath: frame.signedInAs == nil ? PageRoutes.Pattern.signIn : "/",
            backWords: frame.signedInAs == nil
                ? LocalizedText(en: "Sign in, or look up a case", zh: "登录或查询办件")
                : LocalizedText(en: "Back to my page", zh: "返回我的页面"),
            frame: frame)
        return .page(page.render(), status: code)
    }

    /// ``refusal(_:status:frame:)`` of any error a page met (a ``Problem`` as it is).
    static func refusal(forError error: any Error, frame: PageFrame = PageFrame()) -> Response {
        if let problem = error as? Problem { return refusal(problem, frame: frame) }
        return refusal(
            Problem(.internalError, en: "the page could not be made: \(error)", zh: "无法生成页面：\(error)"),
            frame: frame)
    }
}

extension Response {
    /// An HTML page: never cached (it holds a person's case or a department's work),
    /// never framed, its scripts and styles only its own inline ones.
    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy:
                    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                .xContentTypeOptions: "nosniff",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// `303 See Other` to `location` (after a form post, or to sign in).
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
