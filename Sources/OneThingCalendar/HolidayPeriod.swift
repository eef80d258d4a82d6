/// A named holiday period of a calendar: `国庆节`, 2025-10-01 to 2025-10-08.
public struct HolidayPeriod: Hashable, Sendable {
    /// The name as the notice (or the law) writes it: `国庆节`; empty when not named.
    public var name: String
    /// The first and the last day off.
    public var days: ClosedRange<CalendarDate>

    /// Creates a period.
    public init(name: String, days: ClosedRange<CalendarDate>) {
        self.name = name
        self.days = days
    }
}
