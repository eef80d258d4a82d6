import OneThing

/// A page that says why a request of a browser was refused (the HTML counterpart of
/// the API's problem details): its HTTP status, what was refused and why, in Chinese
/// and English, and where to go instead.
public struct RefusalPage: Sendable, Hashable {
    /// The HTTP status the page is served with (403, 404, …).
    public var status: Int
    /// What was refused, as a heading.
    public var title: LocalizedText
    /// Why.
    public var reason: LocalizedText
    /// Where to go instead (a path of the server), if anywhere.
    public var backPath: String?
    /// The words of the link there.
    public var backWords: LocalizedText
    /// Who is signed in, if anyone.
    public var frame: PageFrame

    /// A refusal page.
    public init(
        status: Int, title: LocalizedText, reason: LocalizedText, backPath: String? = nil,
        backWords: LocalizedText = LocalizedText(en: "Back", zh: "返回"), frame: PageFrame = PageFrame()
    ) {
        self.status = status
        self.title = title
        self.reason = reason
        self.backPath = backPath
        self.backWords = backWords
        self.frame = frame
    }

    /// Writes the page as an HTML document.
    public func render() -> String {
        typealias M = PageMarkup
        var body = "<p class=\"flash refused\" role=\"alert\">\(M.both(reason))</p>\n"
        if let backPath {
            body += "<p><a href=\"\(M.e(backPath))\">\(M.both(backWords))</a></p>\n"
        }
        return M.document(
            title: title, subtitle: [M.both("HTTP 状态", "HTTP status") + " \(status)"], width: .narrow,
            body: body,
            frame: frame)
    }
}
