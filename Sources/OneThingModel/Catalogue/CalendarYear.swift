import OneThingSource

/// A public holiday period of a calendar year (放假安排).
public struct Holiday: Hashable, Sendable {
    /// The holiday's name: `春节`.
    public var name: String
    /// The first day off.
    public var from: CalendarDate
    /// The last day off.
    public var to: CalendarDate
    /// Where it was written.
    public var span: SourceSpan

    /// Creates a holiday period.
    public init(name: String, from: CalendarDate, to: CalendarDate, span: SourceSpan) {
        self.name = name
        self.from = from
        self.to = to
        self.span = span
    }
}

/// One year's official working-day arrangement for a region, as the State Council's
/// notice publishes it: holidays, and weekend days that are worked (调休上班).
public struct CalendarYear: Hashable, Sendable {
    /// The region: `CN` for the mainland.
    public var region: String
    /// The year.
    public var year: Int
    /// The notice the arrangement comes from.
    public var basis: String?
    /// The holiday periods.
    public var holidays: [Holiday]
    /// Weekend days that are working days.
    public var makeUpWorkdays: [Located<CalendarDate>]
    /// Where the calendar was written.
    public var span: SourceSpan

    /// Creates a calendar year.
    public init(
        region: String, year: Int, basis: String? = nil, holidays: [Holiday],
        makeUpWorkdays: [Located<CalendarDate>], span: SourceSpan
    ) {
        self.region = region
        self.year = year
        self.basis = basis
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
        self.span = span
    }
}
