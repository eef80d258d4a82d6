import OneThingSource

/// Why the ``AccessPolicy`` refused a request: a kind that maps to an HTTP status, and
/// the reason in both languages.
public struct AccessRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of refusal.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Nobody known: no credential, or one that matches nobody. HTTP 401.
        case unauthenticated
        /// Someone known, who may not do this (another department's task). HTTP 403.
        case forbidden
        /// Not to be told that the thing exists (another applicant's case). HTTP 404.
        case notFound

        /// The HTTP status of the kind.
        public var httpStatus: Int {
            switch self {
            case .unauthenticated: 401
            case .forbidden: 403
            case .notFound: 404
            }
        }
    }

    /// The kind.
    public var kind: Kind
    /// Why, for the caller.
    public var reason: LocalizedText

    /// Creates a refusal.
    public init(_ kind: Kind, _ reason: LocalizedText) {
        self.kind = kind
        self.reason = reason
    }

    /// The HTTP status to answer with.
    public var httpStatus: Int { kind.httpStatus }

    public var description: String { "\(kind.rawValue): \(reason.en)" }
}

/// What the ``AccessPolicy`` decided.
public enum AccessDecision: Sendable, Hashable {
    /// The caller may.
    case allowed
    /// The caller may not, and why.
    case refused(AccessRefusal)
}
