/// Working days for one region over the years it covers.
///
/// A day is a working day when it is a make-up working day (调休上班), or when it is
/// a Monday to Friday that is not a holiday (the rule is applied once, by the
/// ``WorkdayIndex``). A year is covered by the State Council's
/// notice for it, or — for the mainland, in the years the law is computed for — by a
/// *provisional* arrangement computed from the law (``provisionalYears``,
/// `WorkdayCalendar+Provisional.swift`). A date outside the covered years is an error,
/// never a guess.
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
            years.isEmpty
                ? "\(date) lies outside the calendar, which covers no year"
                : "\(date) lies outside the years the calendar covers (\(WorkdayCalendar.describe(years: years)))"
        }
    }

    /// What the calendar holds, built once and shared by every copy: the runtime
    /// reads a case's calendar on every decision, and a copy is then one reference
    /// rather than one per field. Immutable, hence shareable across threads.
    final class Storage: Sendable {
        let region: String
        let years: [Int]
        let provisionalYears: [Int]
        let holidayPeriods: [HolidayPeriod]
        /// The covered years as a range, when they follow each other without a gap
        /// (every real calendar): coverage is then two comparisons, not a hash.
        let yearRange: ClosedRange<Int>?
        let coveredYears: Set<Int>
        let provisional: Set<Int>
        let weekendDaysWorked: Set<CalendarDate>
        let index: WorkdayIndex

        init(
            region: String, years: [Int], provisionalYears: [Int], holidayPeriods: [HolidayPeriod],
            provisional: Set<Int>, weekendDaysWorked: Set<CalendarDate>, index: WorkdayIndex
        ) {
            self.region = region
            self.years = years
            self.provisionalYears = provisionalYears
            self.holidayPeriods = holidayPeriods
            self.coveredYears = Set(years)
            if let first = years.first, let last = years.last, last - first + 1 == years.count {
                self.yearRange = first...last
            } else {
                self.yearRange = nil
            }
            self.provisional = provisional
            self.weekendDaysWorked = weekendDaysWorked
            self.index = index
        }
    }

    let storage: Storage

    /// The region.
    public var region: String { storage.region }
    /// The years covered, ascending: those with a notice and the provisional ones.
    public var years: [Int] { storage.years }
    /// The covered years that no notice covers, ascending: their arrangement is
    /// computed from the law, without the make-up working days only a notice sets.
    public var provisionalYears: [Int] { storage.provisionalYears }
    /// The named holiday periods of the covered years, in order of their first day.
    public var holidayPeriods: [HolidayPeriod] { storage.holidayPeriods }
    private var provisional: Set<Int> { storage.provisional }
    /// The weekend days worked (调休上班).
    var weekendDaysWorked: Set<CalendarDate> { storage.weekendDaysWorked }
    /// The working days of the covered years, numbered for arithmetic.
    var index: WorkdayIndex { storage.index }

    /// Two calendars are equal when they hold the same days (the same storage, at once).
    public static func == (lhs: WorkdayCalendar, rhs: WorkdayCalendar) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.region == rhs.region && lhs.years == rhs.years
                && lhs.provisionalYears == rhs.provisionalYears
                && lhs.holidayPeriods == rhs.holidayPeriods && lhs.weekendDaysWorked == rhs.weekendDaysWorked
                && lhs.index == rhs.index)
    }

    /// Hashes the region and the years (equal calendars share them).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(region)
        hasher.combine(years)
    }

    /// One year's arrangement as the calendar needs it: the days off and the weekend
    /// days worked instead (调休上班).
    public struct Arrangement: Hashable, Sendable {
        /// The year.
        public var year: Int
        /// The holiday periods, named.
        public var periods: [HolidayPeriod]
        /// Weekend days that are working days.
        public var makeUpWorkdays: [CalendarDate]
        /// Whether the arrangement is computed from the law instead of read from the
        /// State Council's notice for the year.
        public var isProvisional: Bool

        /// The holiday periods, first and last day off. Setting them replaces
        /// ``periods`` with unnamed ones.
        public var holidays: [ClosedRange<CalendarDate>] {
            get { periods.map(\.days) }
            set { periods = newValue.map { HolidayPeriod(name: "", days: $0) } }
        }

        /// Creates a year's arrangement from a notice, with unnamed holiday periods.
        public init(year: Int, holidays: [ClosedRange<CalendarDate>], makeUpWorkdays: [CalendarDate]) {
            self.init(
                year: year, periods: holidays.map { HolidayPeriod(name: "", days: $0) },
                makeUpWorkdays: makeUpWorkdays)
        }

        /// Creates a year's arrangement with named holiday periods.
        public init(
            year: Int, periods: [HolidayPeriod], makeUpWorkdays: [CalendarDate], isProvisional: Bool = false
        ) {
            self.year = year
            self.periods = periods
            self.makeUpWorkdays = makeUpWorkdays
            self.isProvisional = isProvisional
        }
    }

    /// Builds the calendar of `region` from the arrangements of the years it covers,
    /// as given. A year is provisional when every arrangement given for it is.
    public init(region: String, arrangements: [Arrangement]) {
        let years = Set(arrangements.map(\.year)).sorted()
        let provisional = Set(arrangements.map(\.year)).subtracting(
            arrangements.filter { !$0.isProvisional }.map(\.year))
        let holidayPeriods = arrangements.flatMap(\.periods).sorted {
            ($0.days.lowerBound, $0.days.upperBound) < ($1.days.lowerBound, $1.days.upperBound)
        }
        var off = Set<CalendarDate>()
        var on = Set<CalendarDate>()
        for year in arrangements {
            for holiday in year.periods {
                for n in holiday.days.lowerBound.dayNumber...holiday.days.upperBound.dayNumber {
                    off.insert(CalendarDate(dayNumber: n))
                }
            }
            on.formUnion(year.makeUpWorkdays)
        }
        self.storage = Storage(
            region: region, years: years, provisionalYears: provisional.sorted(),
            holidayPeriods: holidayPeriods,
            provisional: provisional, weekendDaysWorked: on,
            index: WorkdayIndex(years: years, daysOff: off, daysWorked: on))
    }

    /// Whether the calendar covers `date`.
    public func covers(_ date: CalendarDate) -> Bool { covers(year: date.year) }

    /// Whether the calendar covers `year`.
    public func covers(year: Int) -> Bool {
        if let range = storage.yearRange { return range.contains(year) }
        return storage.coveredYears.contains(year)
    }

    /// Whether `year` is covered provisionally: computed from the law, without a notice.
    public func isProvisional(year: Int) -> Bool { provisional.contains(year) }

    /// Whether `date` lies in a provisional year.
    public func isProvisional(_ date: CalendarDate) -> Bool { provisional.contains(date.year) }

    /// Whether `date` is a working day.
    public func isWorkday(_ date: CalendarDate) throws(OutOfRange) -> Bool {
        guard covers(date) else { throw OutOfRange(date: date, years: years) }
        return index.isWorkday(dayNumber: date.dayNumber)
    }

    /// The number of working days in a covered year.
    public func workdays(inYear year: Int) throws(OutOfRange) -> Int {
        let first = CalendarDate.firstDay(ofYear: year)
        let last = CalendarDate.lastDay(ofYear: year)
        guard covers(first) else { throw OutOfRange(date: first, years: years) }
        return index.workdays(through: last.dayNumber) - index.workdays(before: first.dayNumber)
    }

    /// Years written the short way, consecutive ones as a range: `2025–2100`,
    /// `2020, 2025–2100`; empty when there are none.
    public static func describe(years: [Int]) -> String {
        var runs: [ClosedRange<Int>] = []
        for year in Set(years).sorted() {
            if let last = runs.last, last.upperBound + 1 == year {
                runs[runs.count - 1] = last.lowerBound...year
            } else {
                runs.append(year...year)
            }
        }
        return runs.map { $0.count == 1 ? String($0.lowerBound) : "\($0.lowerBound)–\($0.upperBound)" }
            .joined(separator: ", ")
    }
}
