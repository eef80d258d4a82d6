import OneThingModel

/// What a figure rests on: a law, a published figure, an office's promise, or the
/// counting model's assumption. Every figure `metrics` and the catalogue page print
/// says its basis, so a sum of promises is never read as a legal limit.
public enum FigureBasis: Hashable, Sendable {
    /// Counted from the bundle: the materials its items need, the unique ones still
    /// brought, the departments of its items.
    case counted
    /// Legal limits added up (法定时限), where an item has one; an item without one
    /// counts with its promised limit. `legalShare` is the part that is legal, in
    /// percent (0–100), rounded to one decimal.
    case legal(legalShare: Double)
    /// The bundle's own promised limits (承诺时限): an office's promise, not a law.
    case promised
    /// The counting model's assumption: one visit per department and four steps per
    /// item before the reform, one window and one application after.
    case assumed
    /// A published pre-reform figure the bundle declares (`baseline:`), with its source.
    case declared(place: String?, source: BaselineSource)

    /// The basis's name as `metrics --format json` and CSV write it: `counted`, `legal`,
    /// `promised`, `assumed` or `declared`.
    public var name: String {
        switch self {
        case .counted: "counted"
        case .legal: "legal"
        case .promised: "promised"
        case .assumed: "assumed"
        case .declared: "declared"
        }
    }

    /// Whether the figure rests mostly on assumptions rather than on law or a published
    /// figure: a promise, the model's assumption, or a "legal" sum less than half of
    /// which is legal.
    public var isMostlyAssumed: Bool {
        switch self {
        case .counted, .declared: false
        case .promised, .assumed: true
        case .legal(let share): share < 50
        }
    }
}
