import OneThing

/// What the server puts around every page it serves to someone signed in: who is
/// signed in (with the sign-out form), and the message a form left for this page (what
/// a claim or a decision did, or why it was refused). A page written without a server
/// (the tests, the snapshots) has an empty frame.
public struct PageFrame: Sendable, Hashable {
    /// How a message reads: done, or refused.
    public enum Tone: String, Sendable, Hashable {
        /// What the form asked for was done.
        case done
        /// What the form asked for was refused; the message says why.
        case refused
    }

    /// Who is signed in, as the page names them; `nil`: nobody (the applicant's page).
    public var signedInAs: LocalizedText?
    /// The session's form token, which the sign-out form carries back.
    public var formToken: String?
    /// The message a form left for this page.
    public var flash: LocalizedText?
    /// How the message reads.
    public var flashTone: Tone
    /// Where the sign-out form posts.
    public var routes: PageRoutes

    /// A frame; empty by default.
    public init(
        signedInAs: LocalizedText? = nil, formToken: String? = nil,
        flash: LocalizedText? = nil, flashTone: Tone = .done, routes: PageRoutes = PageRoutes()
    ) {
        self.signedInAs = signedInAs
        self.formToken = formToken
        self.flash = flash
        self.flashTone = flashTone
        self.routes = routes
    }

    /// The frame as HTML, at the top of the page's `<main>`.
    var html: String {
        typealias M = PageMarkup
        var out = ""
        if let signedInAs {
            let token = formToken.map { "<input type=\"hidden\" name=\"csrf\" value=\"\(M.e($0))\">" } ?? ""
            out += """
                <nav class="account" aria-label="账户 Account">\(M.both("已登录", "Signed in as")) \
                <strong>\(M.both(signedInAs))</strong>\
                <form method="post" action="\(M.e(routes.signOut))">\(token)\
                <button type="submit">\(M.both("退出登录", "Sign out"))</button></form></nav>

                """
        }
        if let flash {
            out += "<p class=\"flash \(flashTone.rawValue)\" role=\"status\">\(M.both(flash))</p>\n"
        }
        return out
    }
}
