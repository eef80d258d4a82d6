import OneThing

/// What the sign-in page shows (the view model of ``SignInPageRenderer``): the form
/// that takes a principal's token for a session, why an earlier attempt was refused,
/// and, for applicants, the form that looks up a case by its number and access code.
public struct SignInPage: Sendable, Hashable {
    /// The token the sign-in form carries back (its cookie holds the same), against
    /// forged sign-ins.
    public var formToken: String
    /// Why the last attempt was refused, if it was.
    public var refusal: LocalizedText?
    /// Where to go once signed in (a page the browser asked for first), if anywhere.
    public var next: String?
    /// The routes the forms post to.
    public var routes: PageRoutes

    /// A sign-in page.
    public init(
        formToken: String, refusal: LocalizedText? = nil, next: String? = nil,
        routes: PageRoutes = PageRoutes()
    ) {
        self.formToken = formToken
        self.refusal = refusal
        self.next = next
        self.routes = routes
    }
}

/// Writes a ``SignInPage``: a staff member's token for a session (the token is sent
/// once, in the form's body; the browser keeps only a session cookie), and the
/// applicant's look-up of a case (its number and the access code on the receipt).
public struct SignInPageRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The page as an HTML document.
    public func render(_ page: SignInPage) -> String {
        typealias M = PageMarkup
        var body = ""
        if let refusal = page.refusal {
            body += "<p class=\"flash refused\" role=\"alert\">\(M.both(refusal))</p>\n"
        }
        let next = page.next.map { "<input type=\"hidden\" name=\"next\" value=\"\(M.e($0))\">" } ?? ""
        body += M.section(
            id: "staff", heading: LocalizedText(en: "Staff sign-in", zh: "工作人员登录"),
            """
            <form class="sign-in" method="post" action="\(M.e(page.routes.signIn))">\
            <input type="hidden" name="csrf" value="\(M.e(page.formToken))">\(next)
            <label for="token">\(M.both("令牌", "Token"))</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required \
            placeholder="ot_…" spellcheck="false">
            <p class="hint">\(M.both("令牌由管理员通过 onething principals add 发放，仅用于本次登录，浏览器只保存会话。", "The administrator issues tokens with onething principals add; the browser keeps only a session, not the token."))</p>
            <button type="submit" class="primary">\(M.both("登录", "Sign in"))</button>
            </form>

            """)
        body += M.section(
            id: "applicant", heading: LocalizedText(en: "Look up your case", zh: "申请人查询办件"),
            """
            <form class="look-up" method="get" action="\(M.e(PageRoutes.Pattern.caseLookUp))">
            <label for="case-id">\(M.both("办件编号", "Case number"))</label>
            <input id="case-id" name="id" required placeholder="C20260302-0001" spellcheck="false">
            <label for="code">\(M.both("查询码", "Access code"))</label>
            <input id="code" name="code" required autocomplete="off" spellcheck="false">
            <p class="hint">\(M.both("编号和查询码见受理回执。", "Both are on the acceptance receipt."))</p>
            <button type="submit" class="primary">\(M.both("查询", "Look up"))</button>
            </form>

            """)
        return M.document(
            title: LocalizedText(en: "One thing, one visit", zh: "一件事一次办"),
            subtitle: [M.both("登录或查询办件", "Sign in, or look up a case")], width: .narrow, body: body)
    }
}
