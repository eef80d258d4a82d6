/// Provisional years: the years a calendar covers without a State Council notice.
///
/// For the mainland (``StatutoryHolidays/region``), a calendar built from the notices
/// (``init(region:notices:)``) covers every year from the first year with a notice
/// through the last of ``StatutoryHolidays/years`` (2100). A year with a notice follows
/// it; every other year is *provisional*: its days off are the law's
/// (``StatutoryHolidays``), and it has no make-up working days (调休), which only a
/// notice can set. Years before the first notice stay uncovered (add their notices to
/// plan in them), and so does any year after 2100: a date there is an error, never a
/// guess.
///
/// Callers say so wherever a provisional year is used: ``isProvisional(_:)`` for a
/// date, ``provisionalYears(from:through:)`` for a span such as a case from acceptance
/// to delivery.
extension WorkdayCalendar {
    /// Builds the calendar of `region` from the arrangements of the State Council's
    /// notices, completed from the law: for the law's region, every year from the first
    /// notice through ``StatutoryHolidays/years``'s last that has no notice gets
    /// ``Arrangement/provisional(year:)``. Other regions cover their notices' years only.
    public init(region: String, notices: [Arrangement]) {
        var arrangements = notices
        if region == StatutoryHolidays.region, let first = notices.map(\.year).min() {
            let noticed = Set(notices.map(\.year))
            let lastYear = StatutoryHolidays.years.upperBound
            if first <= lastYear {
                for year in first...lastYear where !noticed.contains(year) {
                    if let provisional = Arrangement.provisional(year: year) {
                        arrangements.append(provisional)
                    }
                }
            }
        }
        self.init(region: region, arrangements: arrangements)
    }

    /// The covered years that a notice covers, ascending.
    public var noticeYears: [Int] { years.filter { !isProvisional(year: $0) } }

    /// The provisional years from `start` through `end` (in either order), ascending:
    /// empty when every day between them lies in a year with a notice (or uncovered).
    public func provisionalYears(from start: CalendarDate, through end: CalendarDate) -> [Int] {
        // A span is a year or two: look its years up rather than scan a century.
        var found: [Int] = []
        for year in min(start.year, end.year)...max(start.year, end.year) where isProvisional(year: year) {
            found.append(year)
        }
        return found
    }

    /// Whether a day from `start` through `end` (in either order) lies in a provisional year.
    public func touchesProvisionalYear(from start: CalendarDate, through end: CalendarDate) -> Bool {
        !provisionalYears(from: start, through: end).isEmpty
    }

    /// The holiday periods that have a day from `start` through `end`, in order of their
    /// first day.
    public func holidayPeriods(from start: CalendarDate, through end: CalendarDate) -> [HolidayPeriod] {
        holidayPeriods.filter { $0.days.upperBound >= start && $0.days.lowerBound <= end }
    }

    /// The make-up working days (调休上班) from `start` through `end`, ascending.
    public func makeUpWorkdays(from start: CalendarDate, through end: CalendarDate) -> [CalendarDate] {
        weekendDaysWorked.filter { $0 >= start && $0 <= end }.sorted()
    }
}

extension WorkdayCalendar.Arrangement {
    /// The provisional arrangement of `year` from the law: the festivals' days off and
    /// the days made up for those on weekends (``StatutoryHolidays``), each festival one
    /// named period; no make-up working days. `nil` outside ``StatutoryHolidays/years``.
    public static func provisional(year: Int) -> WorkdayCalendar.Arrangement? {
        guard let law = StatutoryHolidays.cached(year: year) else { return nil }
        return WorkdayCalendar.Arrangement(
            year: year,
            periods: law.festivals.map { HolidayPeriod(name: $0.kind.chineseName, days: $0.period) },
            makeUpWorkdays: [], isProvisional: true)
    }
}
