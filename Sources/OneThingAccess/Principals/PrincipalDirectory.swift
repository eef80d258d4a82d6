import Foundation

/// The principals a server knows, and who presents a token: what the server builds from
/// the principals file at start, and asks on every request.
public struct PrincipalDirectory: Sendable {
    /// The principals, in the file's order.
    public let principals: [Principal]
    private let byID: [String: Principal]

    /// A directory of `principals`; of two with the same id the first counts (the file
    /// reader refuses such a file).
    public init(_ principals: [Principal]) {
        self.principals = principals
        self.byID = Dictionary(principals.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The principal with id `id`.
    public func principal(id: String) -> Principal? { byID[id] }

    /// Who presents `token` (`nil`: no token at all). The token's hash is compared with
    /// every principal's, each in constant time and without stopping at a match, so the
    /// time taken says nothing about which principal, if any, matched.
    public func caller(presenting token: String?) -> Caller {
        guard let token else { return .anonymous }
        let presented = TokenHash(of: token)
        var match: Principal?
        for principal in principals where ConstantTime.equal(principal.tokenHash.bytes, presented.bytes) {
            if match == nil { match = principal }
        }
        return match.map(Caller.principal) ?? .unknownToken
    }

    /// Who presents the HTTP `Authorization` header `header` (`Bearer ot_…`); a header
    /// of another scheme is an unknown credential, no header is anonymous.
    public func caller(authorization header: String?) -> Caller {
        guard let header else { return .anonymous }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return .unknownToken }
        return caller(presenting: parts[1].trimmingCharacters(in: .whitespaces))
    }
}
