import Hummingbird
import OneThing
import OneThingAccess

/// What the server knows about a request while answering it: the language of its
/// messages (`?lang=`, else `Accept-Language`, else Chinese) besides what Hummingbird keeps.
public struct ServerRequestContext: RequestContext {
    /// What Hummingbird keeps.
    public var coreContext: CoreRequestContextStorage
    /// The language of the request's messages and refusals.
    public var language: Language = .zh
    /// Who makes the request, as its credentials tell (a bearer token, an applicant's
    /// access code): set before the route runs, for what the route shows (personal
    /// numbers whole only to the applicant) and whose `Idempotency-Key` it is.
    public var caller: Caller = .anonymous

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
        if let lang = uri.queryParameters["lang"], let language = Language(rawValue: String(lang)) {
            return language
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
