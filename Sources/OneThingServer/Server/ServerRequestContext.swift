import Hummingbird
import OneThing

/// What the server knows about a request while answering it: the language of its
/// messages (`?lang=`, else `Accept-Language`, else Chinese) besides what Hummingbird keeps.
public struct ServerRequestContext: RequestContext {
    /// What Hummingbird keeps.
    public var coreContext: CoreRequestContextStorage
    /// The language of the request's messages and refusals.
    public var language: Language = .zh

    /// A context for a request from `source`.
    public init(source: Source) {
        self.coreContext = .init(source: source)
    }
}

extension Request {
    /// The language the request asks for: `?lang=en|zh`, else the first of
    /// `Accept-Language` that is English or Chinese, else Chinese (the language of the
    /// government services this serves).
    var language: Language {
        if let lang = uri.queryParameters["lang"] {
            return lang.lowercased().hasPrefix("en") ? .en : .zh
        }
        guard let accepted = headers[.acceptLanguage] else { return .zh }
        for range in accepted.split(separator: ",") {
            let tag =
                range.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            if tag.hasPrefix("en") { return .en }
            if tag.hasPrefix("zh") { return .zh }
        }
        return .zh
    }
}
