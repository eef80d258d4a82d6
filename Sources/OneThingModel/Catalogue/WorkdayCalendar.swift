/// Working days for one region over the years its notices cover.
///
/// A day is a working day when it is a make-up working day (调休上班), or when it is
/// a Monday to Friday that is not a holiday. A date outside the covered years is an
/// error, never a guess.
///
/// Working-day arithmetic (adding working days, counting them, the due date of a time
/// limit) is in `WorkdayCalendar+Arithmetic.swift`; it runs on an index built once,
/// when the calendar is created.
public struct WorkdayCalendar: Hashable, Sendable {
    /// Asking about a day the calendar does not cover.
    public struct OutOfRange: Error, Hashable, Sendable, CustomStringConvertible {
        /// The day asked about.
        public var date: CalendarDate
        /// The years the calendar covers.
        public var years: [Int]

        public var description: String {
            "\(date) lies outside the years the calendar covers (\(years.map(String.init).joined(separator: ", ")))"
        }
    }

    /// The region.
    public let region: String
    /// The years covered, ascending.
    public let years: [Int]
    private let holidays: Set<CalendarDate>
    private let makeUpWorkdays: Set<CalendarDate>
    /// The working days of the covered years, numbered for arithmetic.
    let index: WorkdayIndex

    /// Builds the calendar of `region` from the years given; years of other regions are ignored.
    public init(region: String, years: [CalendarYear]) {
        let mine = years.filter { $0.region == region }
        self.region = region
        self.years = Set(mine.map(\.year)).sorted()
        var off = Set<CalendarDate>()
        var on = Set<CalendarDate>()
        for year in mine {
            for holiday in year.holidays where holiday.from <= holiday.to {
                for n in holiday.from.dayNumber...holiday.to.dayNumber {
                    off.insert(CalendarDate(dayNumber: n))
                }
            }
            for day in year.makeUpWorkdays { on.insert(day.value) }
        }
        self.holidays = off
        self.makeUpWorkdays = on
        self.index = WorkdayIndex(years: self.years) {
            Self.isWorkday($0, holidays: off, makeUpWorkdays: on)
        }
    }

    /// The rule: a make-up working day, or a Monday to Friday that is not a holiday.
    private static func isWorkday(
        _ date: CalendarDate, holidays: Set<CalendarDate>, makeUpWorkdays: Set<CalendarDate>
    ) -> Bool {
        if makeUpWorkdays.contains(date) { return true }
        if holidays.contains(date) { return false }
        return !date.isWeekend
    }

    /// Whether the calendar covers `date`.
    public func covers(_ date: CalendarDate) -> Bool { years.contains(date.year) }

    /// Whether `date` is a working day.
    public func isWorkday(_ date: CalendarDate) throws(OutOfRange) -> Bool {
        guard covers(date) else { throw OutOfRange(date: date, years: years) }
        return Self.isWorkday(date, holidays: holidays, makeUpWorkdays: makeUpWorkdays)
    }

    /// The number of working days in a covered year.
    public func workdays(inYear year: Int) throws(OutOfRange) -> Int {
        let first = CalendarDate(year: year, month: 1, day: 1)!
        let last = CalendarDate(year: year, month: 12, day: 31)!
        guard covers(first) else { throw OutOfRange(date: first, years: years) }
        return index.workdays(through: last.dayNumber) - index.workdays(before: first.dayNumber)
    }
}
