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

    /// Indexes `years` (ascending), asking `isWorkday` about every day of each of them.
    init(years: [Int], isWorkday: (CalendarDate) -> Bool) {
        guard let first = years.first, let last = years.last else {
            self.firstDayNumber = 0
            self.workdaysBefore = [0]
            self.workdayNumbers = []
            return
        }
        let start = CalendarDate(year: first, month: 1, day: 1)!.dayNumber
        let end = CalendarDate(year: last, month: 12, day: 31)!.dayNumber
        let covered = Set(years)
        var before = [0]
        before.reserveCapacity(end - start + 2)
        var numbers: [Int] = []
        numbers.reserveCapacity((end - start + 1) * 5 / 7)
        for dayNumber in start...end {
            let date = CalendarDate(dayNumber: dayNumber)
            if covered.contains(date.year), isWorkday(date) { numbers.append(dayNumber) }
            before.append(numbers.count)
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

    /// The day number of the `n`th working day the index holds (the first is 1), or
    /// `nil` when it holds fewer.
    func dayNumber(ofWorkday n: Int) -> Int? {
        n >= 1 && n <= workdayCount ? workdayNumbers[n - 1] : nil
    }
}
