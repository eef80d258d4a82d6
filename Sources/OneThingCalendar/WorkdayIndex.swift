/// The working days of a calendar's covered years, numbered once so that counting
/// them between two dates and finding the nth one after a date take constant time.
///
/// The index spans every day from January 1 of the first covered year to December 31
/// of the last. Days of a year between them that the calendar does not cover are
/// counted as rest days here; ``WorkdayCalendar`` refuses dates in such a year before
/// it asks the index, so the index never answers for them.
struct WorkdayIndex: Hashable, Sendable {
    /// The day number of the first day the index spans.
    let firstDayNumber: Int
    /// `workdaysBefore[i]` is the number of working days among the first `i` days the
    /// index spans; one entry more than there are days.
    let workdaysBefore: [Int]
    /// The day numbers of the working days, ascending: the nth working day is at
    /// `n - 1`.
    let workdayNumbers: [Int]

    /// Indexes `years` (ascending) by the calendar's rule: a day of `daysWorked` is a
    /// working day, else a day of `daysOff` is not, else Monday to Friday are.
    init(years: [Int], daysOff: Set<CalendarDate>, daysWorked: Set<CalendarDate>) {
        guard let first = years.first, let last = years.last,
            let start = CalendarDate(year: first, month: 1, day: 1)?.dayNumber,
            let end = CalendarDate(year: last, month: 12, day: 31)?.dayNumber
        else {
            self.firstDayNumber = 0
            self.workdaysBefore = [0]
            self.workdayNumbers = []
            return
        }
        // Mark the days by weekday, then the exceptions and the years not covered; then
        // number them. Plain loops over integers: this runs once per calendar, over
        // every day of up to a century, and must stay cheap in debug builds too.
        let count = end - start + 1
        var working = [Bool](repeating: false, count: count)
        for offset in 0..<count { working[offset] = CalendarDate.isWeekday(dayNumber: start + offset) }
        for day in daysOff where day.dayNumber >= start && day.dayNumber <= end {
            working[day.dayNumber - start] = false
        }
        for day in daysWorked where day.dayNumber >= start && day.dayNumber <= end {
            working[day.dayNumber - start] = true
        }
        let covered = Set(years)
        for year in first...last where !covered.contains(year) {
            if let from = CalendarDate(year: year, month: 1, day: 1)?.dayNumber,
                let to = CalendarDate(year: year, month: 12, day: 31)?.dayNumber
            {
                for n in from...to { working[n - start] = false }
            }
        }
        var before = [Int](repeating: 0, count: count + 1)
        var numbers: [Int] = []
        numbers.reserveCapacity(count * 5 / 7 + 1)
        for offset in 0..<count {
            if working[offset] { numbers.append(start + offset) }
            before[offset + 1] = numbers.count
        }
        self.firstDayNumber = start
        self.workdaysBefore = before
        self.workdayNumbers = numbers
    }

    /// The number of working days the index holds.
    var workdayCount: Int { workdayNumbers.count }

    /// The number of working days before the day `dayNumber`, which the index spans.
    func workdays(before dayNumber: Int) -> Int {
        workdaysBefore[dayNumber - firstDayNumber]
    }

    /// The number of working days up to and including the day `dayNumber`, which the
    /// index spans.
    func workdays(through dayNumber: Int) -> Int {
        workdaysBefore[dayNumber - firstDayNumber + 1]
    }

    /// Whether the day `dayNumber`, which the index spans, is a working day.
    func isWorkday(dayNumber: Int) -> Bool {
        workdays(through: dayNumber) > workdays(before: dayNumber)
    }

    /// The day number of the `n`th working day the index holds (the first is 1), or
    /// `nil` when it holds fewer.
    func dayNumber(ofWorkday n: Int) -> Int? {
        n >= 1 && n <= workdayCount ? workdayNumbers[n - 1] : nil
    }
}
