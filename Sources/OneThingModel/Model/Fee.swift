/// What an item costs the applicant, as the bundle states it.
///
/// ```yaml
/// fee: 0                                   # free
/// fee: free                                # free
/// fee: 80                                  # 80 yuan
/// fee: {amount: 80, basis: 发改价格规〔2016〕2559号}
/// fee: {by-law: 居民身份证法 第二十条}       # charged as the basis sets it
/// ```
public enum Fee: Hashable, Sendable {
    /// Nothing to pay (免费); `basis` is what makes it free, when stated.
    case free(basis: [LegalBasis])
    /// An amount in yuan, with the basis that sets it when stated.
    case amount(Double, basis: [LegalBasis])
    /// Charged as the basis sets it (按规定收费), the amount not stated here.
    case byLaw(basis: [LegalBasis])

    /// The basis the bundle gives for the fee; empty when it gives none.
    public var basis: [LegalBasis] {
        switch self {
        case .free(let basis), .amount(_, let basis), .byLaw(let basis): basis
        }
    }
}
