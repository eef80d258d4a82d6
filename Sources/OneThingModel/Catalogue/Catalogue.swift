import OneThingSource

/// The shared catalogues beside the bundles: departments, common materials and
/// working-day calendars.
///
/// The working-day calendar of each region named by a calendar year, and of the
/// mainland, is built once, when the calendar years are set, and kept: asking for it
/// (``calendar(region:)``) costs nothing, and a catalogue shared between threads needs
/// no lock.
public struct Catalogue: Sendable {
    /// Departments by id.
    public var departments: [String: Department]
    /// Common materials by id.
    public var materials: [String: Material]
    /// The service centre whose window takes the cases, when the catalogue records it
    /// (`service-centre.yaml`).
    public var serviceCentre: ServiceCentre?
    /// Whether the departments file (`departments.yaml`) could not be read: the
    /// departments are then unknown rather than absent, and no bundle is told that
    /// its departments do not exist (the unreadable file is the finding).
    public var departmentsUnreadable = false
    /// Whether the materials file (`materials.yaml`) could not be read; as for departments.
    public var materialsUnreadable = false
    /// Calendar years, in the order they were loaded.
    public var calendarYears: [CalendarYear] {
        didSet { calendars = Self.calendars(of: calendarYears) }
    }
    /// The calendars of the regions of ``calendarYears`` and of the mainland.
    private var calendars: [String: WorkdayCalendar]

    /// Creates a catalogue.
    public init(
        departments: [String: Department] = [:], materials: [String: Material] = [:],
        calendarYears: [CalendarYear] = []
    ) {
        self.departments = departments
        self.materials = materials
        self.calendarYears = calendarYears
        self.calendars = Self.calendars(of: calendarYears)
    }

    /// The working-day calendar of `region`: the State Council's notices in
    /// ``calendarYears``, completed for the mainland with provisional years from the law.
    public func calendar(region: String = "CN") -> WorkdayCalendar {
        calendars[region] ?? WorkdayCalendar(region: region, years: calendarYears)
    }

    /// The calendar of every region that `years` name, and of the mainland.
    private static func calendars(of years: [CalendarYear]) -> [String: WorkdayCalendar] {
        let regions = Set(years.map(\.region)).union([StatutoryHolidays.region])
        return Dictionary(
            uniqueKeysWithValues: regions.map { ($0, WorkdayCalendar(region: $0, years: years)) })
    }
}
