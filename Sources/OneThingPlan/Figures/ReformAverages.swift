/// The average reductions over many bundles (or cases), as the published reports give
/// them: "办事环节平均减少75%，申报材料平均精简50%" (黄石).
///
/// Each average is the plain (unweighted) mean of the per-bundle percentages, not the
/// reduction of the summed figures: a bundle of two items weighs as much as one of
/// twenty, as each bundle is one "一件事" to the people it serves. The mean is taken of
/// the exact percentages and rounded to one decimal only when shown
/// (``publishedReduction(_:)``), so it may differ by 0.1 from the mean of the rounded
/// figures in the table. A bundle whose figure was 0 before has no reduction of that
/// figure and is left out of that figure's mean (``counted``).
public struct ReformAverages: Hashable, Sendable {
    /// The number of bundles averaged.
    public var bundles: Int
    /// The mean reduction in percent of each figure that at least one bundle has.
    public var reductions: [ReformFigure: Double]
    /// How many bundles each figure's mean is taken over.
    public var counted: [ReformFigure: Int]

    /// The averages of `figures`, one per bundle.
    public init(_ figures: [ReformFigures]) {
        self.bundles = figures.count
        var reductions: [ReformFigure: Double] = [:]
        var counted: [ReformFigure: Int] = [:]
        for figure in ReformFigure.allCases {
            let values = figures.compactMap { $0[figure].reduction }
            guard !values.isEmpty else { continue }
            reductions[figure] = values.reduce(0, +) / Double(values.count)
            counted[figure] = values.count
        }
        self.reductions = reductions
        self.counted = counted
    }

    /// The mean reduction of `figure` in percent, if any bundle has one.
    public func reduction(_ figure: ReformFigure) -> Double? {
        reductions[figure]
    }

    /// The mean reduction of `figure` rounded to one decimal, as published.
    public func publishedReduction(_ figure: ReformFigure) -> Double? {
        reductions[figure].map(FigureChange.roundedToOneDecimal)
    }
}
