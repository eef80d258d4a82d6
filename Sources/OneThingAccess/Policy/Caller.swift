import OneThingEvents

/// Who makes a request, as far as the credentials it presents tell: what the
/// ``AccessPolicy`` decides on.
public enum Caller: Sendable, Hashable {
    /// No credential at all.
    case anonymous
    /// A token that is no principal's (a typo, a revoked principal, a forgery).
    case unknownToken
    /// A principal of the principals file, by its token.
    case principal(Principal)
    /// The applicant of case `of`, by that case's access code.
    case applicant(of: CaseID)
    /// An access code that is not the code of the case it was presented for (or a case
    /// that does not exist: the two are not told apart).
    case wrongAccessCode

    /// The id decisions are recorded under: the principal's id, or `applicant` for an
    /// applicant with their code; `nil` for a caller who is nobody known.
    public var recordedAs: String? {
        switch self {
        case .principal(let principal): principal.id
        case .applicant: "applicant"
        case .anonymous, .unknownToken, .wrongAccessCode: nil
        }
    }
}
