import Foundation
import Hummingbird
import OneThing
import OneThingAccess
import OneThingPages
import OneThingPresentation
import OneThingRuntime

extension CaseServer {
    // The pages' sessions: sign-in for a session cookie, the form token every form post
    // carries back, and the pages that say why something was refused.

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

    /// The page a principal works on: their department's queue, or the supervisor's
    /// dashboard; `nil` for window staff and administrators, who work through the API.
    func homePath(of principal: Principal) -> String? {
        if principal.role.hasDepartment, let department = principal.department {
            return PageRoutes().queue(of: department)
        }
        return principal.role == .supervisor ? PageRoutes.Pattern.supervision : nil
    }

    /// Where a signed-in browser goes from `/` and `/sign-in`: its principal's page, or a
    /// page that says the pages are not for their role (with the sign-out form).
    func home(of session: SignedIn) -> Response {
        let principal = session.session.principal
        if let path = homePath(of: principal) { return .seeOther(path) }
        return Self.refusal(
            Problem(
                .forbidden,
                en:
                    "\(principal.id) is \(principal.role.title.en): that work goes through the API (/v1); the pages are for departments' officers and supervisors",
                zh: "\(principal.id) 的角色是\(principal.role.title.zh)：相关工作通过接口（/v1）办理；页面供部门审批人员和督办人员使用"),
            frame: frame(of: session))
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
            return signInPage(next: next, refusal: AccessRefusal.unknownToken.reason, status: .unauthorized)
        }
        let opened = sessions.open(for: principal)
        logger.info("signed in", metadata: ["principal": "\(principal.id)"])
        var response = Response.seeOther(next ?? homePath(of: principal) ?? "/")
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
