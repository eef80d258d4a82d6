import OneThingCalendar
import OneThingSource

/// What the law says about an item's time limit besides the limit itself
/// (``Item/legal``): that it sets none, that it asks for the item on the spot first,
/// or that the limit may be extended on stated grounds.
///
/// An item with no `legal:` has no legal limit that the bundle knows of (未查明); one with
/// `legal: none` is one the law sets no limit for (法律未规定时限). The two differ for
/// the reader of a notice and for the reform figures' legal share, which counts neither.
public struct LegalTerms: Hashable, Sendable {
    /// Where the bundle says the law sets no limit (`legal: none`); `nil` otherwise.
    public var noneByLaw: SourceSpan?
    /// Whether the law asks for the item on the spot (当场办结) and sets ``Item/legal``
    /// for when it cannot be done on the spot.
    public var onTheSpot: Bool
    /// The extension the law allows, if any.
    public var allowedExtension: LimitExtension?

    /// Terms with nothing besides the limit.
    public init(
        noneByLaw: SourceSpan? = nil, onTheSpot: Bool = false, allowedExtension: LimitExtension? = nil
    ) {
        self.noneByLaw = noneByLaw
        self.onTheSpot = onTheSpot
        self.allowedExtension = allowedExtension
    }
}

/// An extension of a legal limit that the law allows on stated grounds (可延长):
/// 市场主体登记管理条例 §19's "可以延长3个工作日" or 居住证暂行条例 §9's "可以延长至30日".
public struct LimitExtension: Hashable, Sendable {
    /// How far the limit reaches when extended.
    public enum Reach: Hashable, Sendable {
        /// By this much more (`extendable-by`, 延长N).
        case by(TimeLimit)
        /// Up to this limit in all (`extendable-to`, 延长至N).
        case to(TimeLimit)
    }

    /// How far, where it is written.
    public var reach: Located<Reach>
    /// When the law allows it, as the law says (经批准; 情形复杂的; 偏远地区).
    public var grounds: String

    /// Creates an extension.
    public init(reach: Located<Reach>, grounds: String) {
        self.reach = reach
        self.grounds = grounds
    }

    /// The limit as extended: `limit` and the extension added in the limit's unit, or
    /// the limit the extension reaches. `nil` when an extension *by* is written in
    /// another unit than the limit (the validator refuses it).
    public func extended(_ limit: TimeLimit) -> TimeLimit? {
        switch reach.value {
        case .to(let total): return total
        case .by(let more):
            guard more.unit == limit.unit else { return nil }
            return TimeLimit(limit.amount + more.amount, limit.unit)
        }
    }
}

/// Whether the law's limit of an item is known.
public enum LegalLimitStatus: String, Sendable, Hashable, CaseIterable {
    /// The bundle states the legal limit.
    case stated
    /// The bundle says the law sets none (`legal: none`).
    case noneByLaw = "none-by-law"
    /// The bundle says nothing: the limit is not known (未查明).
    case notKnown = "not-known"
}

extension Item {
    /// Whether the law's limit of this item is stated, none, or not known.
    public var legalStatus: LegalLimitStatus {
        if legal != nil { return .stated }
        return legalTerms.noneByLaw == nil ? .notKnown : .noneByLaw
    }
}
