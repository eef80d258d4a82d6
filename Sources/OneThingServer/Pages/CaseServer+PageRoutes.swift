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
            guard let session = self.signedIn(request) else { return Response.seeOther(P.signIn) }
            return self.home(of: session)
        }
        // Browsers ask for an icon; the pages have none (nothing is loaded from anywhere).
        page(.get, "/favicon.ico") { _, _ in Response(status: .noContent) }
        page(.get, P.signIn) { request, _ in
            if let session = self.signedIn(request) { return self.home(of: session) }
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
        page(.post, P.claimTask) { request, context in
            let department = try context.parameter("department")
            let key = try context.parameter("task")
            return try await self.signedInForm(request) { session, _ in
                try await self.claim(key, of: department, session: session)
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

    // MARK: The applicant's page

    /// The access code as the applicant's links carry it: `code=…`, encoded.
    static func codeQuery(_ code: String) -> String { "code=" + PageRoutes.segment(code) }

    /// `GET /cases/{id}?code=…`: the applicant's page of their case, personal numbers
    /// whole; any other case, a wrong code or none is the same 404 page.
    func casePage(_ request: Request, id: CaseID) async throws -> Response {
        guard let code = request.uri.queryParameters["code"].map(String.init), !code.isEmpty else {
            return Self.refusal(Problem(AccessRefusal.noSuchCase))
        }
        let caller: Caller
        do {
            caller = try await AccessCode.caller(presenting: code, for: id, in: store)
        } catch {
            return Self.refusal(Problem(error))
        }
        guard case .applicant = caller else {
            return Self.refusal(Problem(AccessRefusal.noSuchCase))
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

    /// Case `id` as it stands: from the engine while open, else folded from the store.
    func caseState(_ id: CaseID) async throws(Problem) -> CaseState {
        if let held = await engine.state(of: id) { return held }
        let (events, blueprint) = try await desk.history(id)
        var state = CaseState(id: id, blueprint: blueprint)
        for event in events { state.apply(event) }
        return state
    }

    // MARK: A department's queue

    /// How many of a department's open cases its queue page shows at most (the oldest).
    static let queueCases = 1_000

    /// A department's work queue as its officer sees it, personal numbers masked, with
    /// the decision forms on the viewer's own claims.
    func queuePage(_ department: String, session: SignedIn) async throws(Problem) -> Response {
        let queue = try await workQueue(of: department)
        let jobs: [WorkQueue.Job]
        do throws(StoreError) {
            jobs = try await queue.jobs(department: department)
        } catch {
            throw Problem(error)
        }
        let claims = jobs.compactMap { job -> TaskClaim? in
            guard case .claimed(let worker, let until) = job.status else { return nil }
            return TaskClaim(key: job.key, principal: worker, until: until)
        }
        // The department's open cases as the store lists them (on a store several
        // instances share, those other instances hold too), each as this engine holds
        // it or as the store folds it.
        let (summaries, more) = try await desk.list(
            CaseQuery(open: true, department: department, limit: Self.queueCases))
        var cases: [CaseState] = []
        for summary in summaries {
            do throws(EngineError) {
                cases.append(try await engine.read(summary.id))
            } catch {
                throw Problem(error)
            }
        }
        let calendar = desk.calendar
        var page = DepartmentQueuePage(
            department: department, cases: cases, claims: claims, now: engine.clock.now,
            calendars: [calendar.region: calendar], mask: PersonalNumberMask.masked,
            viewer: session.session.principal.id, formToken: session.session.formToken,
            mayDecide: AccessPolicy.decide(
                .principal(session.session.principal), .decideTask(department: department))
                == .allowed)
        if more != nil { page.shownCasesLimit = Self.queueCases }
        return .page(DepartmentQueuePageRenderer().render(page, frame: frame(of: session, takingFlash: true)))
    }

    /// `POST …/queue/claim`: the officer claims the department's oldest waiting task
    /// (the work queue's activation, as a department system's), for the default lease.
    func claimNext(_ department: String, session: SignedIn) async throws(Problem) -> Response {
        try await claiming(in: department, session: session) { queue, worker in
            let claimed = await queue.activate(
                department: department, worker: worker, maxJobs: 1, lease: configuration.defaultLease,
                wait: .zero)
            return claimed.first.map(claimedFlash)
                ?? BrowserSessions.Flash(
                    LocalizedText(en: "no task was waiting to be claimed", zh: "当前没有待认领的任务"), refused: true)
        }
    }

    /// `POST …/queue/{task}/claim`: the officer claims the waiting task they chose, for
    /// the default lease; a task another holds, or one waiting for the applicant, is
    /// refused with the queue's reason.
    func claim(_ key: String, of department: String, session: SignedIn) async throws(Problem) -> Response {
        try await claiming(in: department, session: session) { queue, worker in
            do throws(WorkQueue.Refusal) {
                return claimedFlash(
                    try await queue.claim(
                        key: key, department: department, worker: worker, lease: configuration.defaultLease))
            } catch {
                return BrowserSessions.Flash(error.text, refused: true)
            }
        }
    }

    /// A claim form's post: the principal may claim `department`'s tasks (else the
    /// refusal), `claim` takes the queue and the worker's id and says what came of it,
    /// and the officer goes back to the queue page with that message.
    func claiming(
        in department: String, session: SignedIn,
        _ claim: (WorkQueue, String) async -> BrowserSessions.Flash
    ) async throws(Problem) -> Response {
        let principal = session.session.principal
        do {
            try AccessPolicy.require(.principal(principal), .claimTasks(department: department))
        } catch {
            throw Problem(error)
        }
        let queue = try await workQueue(of: department)
        sessions.leave(await claim(queue, principal.id), for: session.id)
        return Response.seeOther(PageRoutes().queue(of: department))
    }

    /// What the queue page says after a claim.
    func claimedFlash(_ job: WorkQueue.Job) -> BrowserSessions.Flash {
        let minutes = configuration.defaultLease.components.seconds / 60
        return BrowserSessions.Flash(
            LocalizedText(
                en:
                    "claimed \(job.submission.stepID) of case \(job.submission.caseID) (\(job.key)) for \(minutes) minutes",
                zh: "已认领办件 \(job.submission.caseID) 的“\(job.submission.name)”（\(job.key)），租约 \(minutes) 分钟"
            ))
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
        var results: [String: String] = [:]
        if case .approved = outcome {
            outputs = form.fields(prefixed: "output.")
            results = form.fields(prefixed: "result.")
        }
        let flash: BrowserSessions.Flash
        do {
            let decision = try await decide(
                task, worker: principal.id, outcome: outcome, outputs: outputs, results: results)
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
        var dashboard = SupervisorDashboard(
            cases: states, calendars: [calendar.region: calendar], now: now, period: period,
            mask: PersonalNumberMask.masked)
        dashboard.links = departmentLinks
        return .page(
            SupervisorDashboardRenderer().render(dashboard, frame: frame(of: session, takingFlash: true)))
    }
}
