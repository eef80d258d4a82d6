/// One reform figure before and after the reform, and its reduction in percent, as
/// the published figures give them: "申报材料精简50%", "时限压缩69.6%".
public struct FigureChange: Hashable, Sendable {
    /// The figure before the reform.
    public var before: Double
    /// The figure after the reform.
    public var after: Double
    /// What ``before`` rests on.
    public var beforeBasis: FigureBasis
    /// What ``after`` rests on.
    public var afterBasis: FigureBasis
    /// The figure before as computed from the bundle, when a declared baseline
    /// (``FigureBasis/declared(place:source:)``) replaced it; `nil` otherwise.
    public var computedBefore: Double?

    /// Creates a figure; both sides are counted from the bundle unless said otherwise.
    public init(
        before: Double, after: Double, beforeBasis: FigureBasis = .counted,
        afterBasis: FigureBasis = .counted,
        computedBefore: Double? = nil
    ) {
        self.before = before
        self.after = after
        self.beforeBasis = beforeBasis
        self.afterBasis = afterBasis
        self.computedBefore = computedBefore
    }

    /// The reduction in percent of the figure before: (before − after) ÷ before × 100.
    /// Negative when the figure grew; `nil` when it was 0 before (no reduction can be
    /// stated of nothing).
    public var reduction: Double? {
        before == 0 ? nil : (before - after) / before * 100
    }

    /// ``reduction`` rounded to one decimal, as the published figures are (`69.6`).
    public var publishedReduction: Double? {
        reduction.map(Self.roundedToOneDecimal)
    }

    /// `value` rounded to one decimal, halves away from zero: 68.75 → 68.8, and
    /// 69.55 → 69.6 even when the division that gave it left 69.549999999999997 (the
    /// tenths are first rounded to six decimals, below any figure's precision).
    public static func roundedToOneDecimal(_ value: Double) -> Double {
        let tenths = (value * 10 * 1_000_000).rounded() / 1_000_000
        return tenths.rounded(.toNearestOrAwayFromZero) / 10
    }
}
