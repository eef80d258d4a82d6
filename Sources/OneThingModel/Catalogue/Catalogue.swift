import OneThingSource

/// The shared catalogues beside the bundles: departments, common materials and
/// working-day calendars.
public struct Catalogue: Sendable {
    /// Departments by id.
    public var departments: [String: Department]
    /// Common materials by id.
    public var materials: [String: Material]
    /// Calendar years, in the order they were loaded.
    public var calendarYears: [CalendarYear]

    /// Creates a catalogue.
    public init(
        departments: [String: Department] = [:], materials: [String: Material] = [:],
        calendarYears: [CalendarYear] = []
    ) {
        self.departments = departments
        self.materials = materials
        self.calendarYears = calendarYears
    }

    /// The working-day calendar of `region`.
    public func calendar(region: String = "CN") -> WorkdayCalendar {
        WorkdayCalendar(region: region, years: calendarYears)
    }
}
