import OneThingRuntime

/// One bundle's supervision figures: its open cases, and the on-time rates of its
/// steps and of its cases over a period. See ``SupervisionFigures``.
public struct BundleFigures: Sendable, Hashable, Codable {
    /// The bundle's id.
    public var bundle: String
    /// Its title (in Chinese, as the bundle writes it).
    public var title: String
    /// Cases not yet delivered.
    public var openCases: Int
    /// Open cases whose promised moment has passed.
    public var overdueCases: Int
    /// The steps of its cases decided in the period, and how many by their due moment.
    public var steps: OnTimeRate
    /// Its cases delivered in the period with a promise, and how many by it.
    public var cases: OnTimeRate

    /// Figures of `bundle`, all zero.
    public init(bundle: String, title: String) {
        self.bundle = bundle
        self.title = title
        self.openCases = 0
        self.overdueCases = 0
        self.steps = OnTimeRate()
        self.cases = OnTimeRate()
    }
}
