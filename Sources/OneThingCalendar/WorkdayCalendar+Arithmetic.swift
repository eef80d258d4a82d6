/// Working-day arithmetic: the dates that time limits end on.
///
/// The counting rules (also in `grammar/bundle-format.md`, "Durations"):
///
/// - **The day of acceptance is not counted.** A limit runs from the day after its
///   start date, whatever kind of day the start date is (行政许可法 §82 counts limits
///   in 工作日; 民法典 §201 and 民事诉讼法 §85 leave the first day out).
/// - **Working days** (工作日): a limit of N working days ends on the Nth working day
///   after the start date. Make-up working days (调休上班) count; weekends and
///   holidays do not.
/// - **Calendar days** (日): the limit ends N days after the start date; if that day
///   is a rest day, it moves to the next working day. The move is the rule we chose,
///   following common practice for periods that end on a rest day (民事诉讼法 §85,
///   民法典 §203).
/// - **Months** (个月): the same day number N months later, or the last day of that
///   month when it is shorter (民法典 §202: January 31 plus one month is February 28
///   or 29), then the rest-day rule as for calendar days.
/// - **Hours** (小时): working hours, 8 to a working day, counted from the start of
///   the next working day after the start date (our rule: dates carry no time of
///   day, so the hour of acceptance is not known): a limit of H hours ends on the
///   ⌈H / 8⌉th working day after the start date.
/// - **Fractions** round up to whole units: 0.5 working days ends on the first
///   working day after the start date, 1.5 days as 2 days.
/// - **Zero**: a limit of 0 (`immediate`, 即办) ends on the start date when it is a
///   working day, else on the next working day.
///
/// The start date and every day up to the result must lie in the covered years;
/// anything else throws ``OutOfRange``, never a guess. A result may rest on a
/// provisional year (``isProvisional(_:)``, ``touchesProvisionalYear(from:through:)``):
/// the arithmetic is the same, and the caller says so.
///
/// Counting is O(1) and adding is O(1) (plus a check of the years crossed): the
/// calendar numbers its working days once, when it is created.
extension WorkdayCalendar {
    /// The first working day on or after `date`: `date` itself when it is a working day.
    ///
    /// - Throws: ``OutOfRange`` when `date`, or a day up to the working day found, is
    ///   outside the covered years (no working day is left before the calendar ends).
    public func nextWorkday(onOrAfter date: CalendarDate) throws(OutOfRange) -> CalendarDate {
        try requireCovered(from: date, through: date)
        return try workday(numbered: index.workdays(before: date.dayNumber) + 1, from: date)
    }

    /// The date `n` working days after `date`: the nth working day after it, not
    /// counting `date` itself.
    ///
    /// `date` may be a rest day: 1 working day after a Saturday is the next working
    /// day. `n = 0` gives `date` itself when it is a working day, else the next
    /// working day (as ``nextWorkday(onOrAfter:)``), so that a limit of 0 working days
    /// (`immediate`) ends on the day of acceptance.
    ///
    /// - Parameters:
    ///   - n: The number of working days; 0 or more.
    ///   - date: The start date, which is not counted.
    /// - Throws: ``OutOfRange`` when `date` or a day up to the result is outside the
    ///   covered years, including when the calendar ends before n working days.
    /// - Precondition: `n >= 0`.
    public func adding(workdays n: Int, to date: CalendarDate) throws(OutOfRange) -> CalendarDate {
        precondition(n >= 0, "cannot add a negative number of working days (\(n))")
        if n == 0 { return try nextWorkday(onOrAfter: date) }
        try requireCovered(from: date, through: date)
        let counted = index.workdays(through: date.dayNumber)
        guard n <= index.workdayCount - counted else { throw outOfRange(after: date) }
        return try workday(numbered: counted + n, from: date)
    }

    /// The number of working days after `start`, up to and including `end`.
    ///
    /// `start` is not counted, `end` is (when it is a working day), so
    /// `workdays(from: d, through: d)` is 0 and, for `n > 0`,
    /// `workdays(from: d, through: adding(workdays: n, to: d))` is `n`. When `end` is
    /// before `start`, the count is negative: minus the working days after `end` up to
    /// and including `start`, so that `workdays(from: a, through: b)` is always
    /// `-workdays(from: b, through: a)` and counts over consecutive spans add up.
    ///
    /// - Throws: ``OutOfRange`` naming `start` or `end` when it is outside the covered
    ///   years, else the first day between them that is.
    public func workdays(from start: CalendarDate, through end: CalendarDate) throws(OutOfRange) -> Int {
        for date in [start, end] where !covers(date) { throw OutOfRange(date: date, years: years) }
        try requireCovered(from: min(start, end), through: max(start, end))
        return index.workdays(through: end.dayNumber) - index.workdays(through: start.dayNumber)
    }

    /// The day on which `limit`, started on `start`, ends: the last day to act on.
    ///
    /// `start` is the day of acceptance and is not counted. By unit:
    /// - working days: the ⌈amount⌉th working day after `start`
    ///   (``adding(workdays:to:)``);
    /// - hours: the ⌈amount / 8⌉th working day after `start`, since working hours are
    ///   counted from the start of the next working day, 8 to a working day;
    /// - calendar days: ⌈amount⌉ days after `start`, moved to the next working day
    ///   when that is a rest day;
    /// - months: the same day of the month ⌈amount⌉ months after `start` (the month's
    ///   last day when it is shorter), moved to the next working day when that is a
    ///   rest day.
    ///
    /// A limit of 0 in any unit ends on `start` when it is a working day, else on the
    /// next working day.
    ///
    /// - Throws: ``OutOfRange`` when `start` or a day up to the due date is outside the
    ///   covered years.
    /// - Precondition: `limit.amount` is finite and not negative (as every parsed
    ///   limit is).
    public func due(after start: CalendarDate, limit: TimeLimit) throws(OutOfRange) -> CalendarDate {
        precondition(
            limit.amount.isFinite && limit.amount >= 0,
            "a time limit cannot be negative or infinite (\(limit))")
        switch limit.unit {
        case .workdays:
            return try adding(workdays: Self.wholeUnits(limit.amount), to: start)
        case .hours:
            return try adding(workdays: Self.wholeUnits(limit.amount / TimeLimit.hoursPerWorkday), to: start)
        case .days:
            try requireCovered(from: start, through: start)
            return try endOnWorkday(start, start.adding(days: Self.wholeUnits(limit.amount)))
        case .months:
            try requireCovered(from: start, through: start)
            return try endOnWorkday(start, start.adding(months: Self.wholeUnits(limit.amount)))
        }
    }

    /// `end`, or the next working day when `end` is a rest day; every day from `start`
    /// to it must be covered.
    private func endOnWorkday(_ start: CalendarDate, _ end: CalendarDate) throws(OutOfRange) -> CalendarDate {
        try requireCovered(from: start, through: end)
        return try nextWorkday(onOrAfter: end)
    }

    /// The `n`th working day of the index, reached from `date`: an error when the
    /// index holds fewer, or when a year between `date` and it is not covered.
    private func workday(numbered n: Int, from date: CalendarDate) throws(OutOfRange) -> CalendarDate {
        guard let dayNumber = index.dayNumber(ofWorkday: n) else { throw outOfRange(after: date) }
        let found = CalendarDate(dayNumber: dayNumber)
        try requireCovered(from: date, through: found)
        return found
    }

    /// Throws for the first day from `first` through `last` that lies outside the
    /// covered years.
    private func requireCovered(from first: CalendarDate, through last: CalendarDate) throws(OutOfRange) {
        for year in first.year...max(first.year, last.year) where !covers(year: year) {
            let day = year == first.year ? first : CalendarDate.firstDay(ofYear: year)
            throw OutOfRange(date: day, years: years)
        }
    }

    /// The error for walking on from the covered `date` past the covered years: it
    /// names the first day after `date` that is not covered.
    private func outOfRange(after date: CalendarDate) -> OutOfRange {
        var year = date.year + 1
        while covers(year: year) { year += 1 }
        return OutOfRange(date: CalendarDate.firstDay(ofYear: year), years: years)
    }

    /// `amount` rounded up to a whole number of units. Amounts too large for any
    /// calendar are capped, so that the arithmetic runs off the calendar (an
    /// ``OutOfRange``) instead of overflowing.
    private static func wholeUnits(_ amount: Double) -> Int {
        let cap = 1_000_000_000
        let up = amount.rounded(.up)
        return up < Double(cap) ? Int(up) : cap
    }
}
