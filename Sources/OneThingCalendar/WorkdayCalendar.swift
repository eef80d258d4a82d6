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

    /// One year's arrangement as the calendar needs it: the days off and the weekend
    /// days worked instead (调休上班).
    public struct Arrangement: Hashable, Sendable {
        /// The year.
        public var year: Int
        /// The holiday periods, first and last day off.
        public var holidays: [ClosedRange<CalendarDate>]
        /// Weekend days that are working days.
        public var makeUpWorkdays: [CalendarDate]

        /// Creates a year's arrangement.
        public init(year: Int, holidays: [ClosedRange<CalendarDate>], makeUpWorkdays: [CalendarDate]) {
            self.year = year
            self.holidays = holidays
            self.makeUpWorkdays = makeUpWorkdays
        }
    }

    /// Builds the calendar of `region` from the arrangements of the years it covers.
    public init(region: String, arrangements: [Arrangement]) {
        self.region = region
        self.years = Set(arrangements.map(\.year)).sorted()
        var off = Set<CalendarDate>()
        var on = Set<CalendarDate>()
        for year in arrangements {
            for holiday in year.holidays {
                for n in holiday.lowerBound.dayNumber...holiday.upperBound.dayNumber {
                    off.insert(CalendarDate(dayNumber: n))
                }
            }
            on.formUnion(year.makeUpWorkdays)
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
