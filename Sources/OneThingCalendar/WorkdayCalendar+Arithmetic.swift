/// Working-day arithmetic: the dates that time limits end on.
///
/// The counting rules (also in `grammar/bundle-format.md`, "Durations"):
///
/// - **The day of acceptance is not counted.** A limit runs from the day after its
///   start date (行政许可法 §82 counts limits in 工作日; 民法典 §201 and 民事诉讼法 §85
///   leave the first day out).
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
/// - **Hours** (小时): working hours, 8 to a working day (09:00–17:00), counted in
///   office time from the moment the step starts; on the day of acceptance nothing
///   is counted, so the first hours of a case start at 09:00 of the next working day
///   (our rule: the hour of acceptance is not known to the plan), and hours that follow
///   hours go on on the same working day (``WorkingMoment``): 4, 2 and 2 hours end at
///   13:00, 15:00 and 17:00 of the first working day after acceptance.
/// - **A start on a rest day** is taken as a start on the next working day, itself not
///   counted, as offices do with what they receive at weekends (东莞市 2020: "周末收件的
///   所有业务受理日期顺延至第一个工作日起算"): 1 working day from a Saturday ends on the
///   Tuesday. An applicant's own period (a deadline from a birth date) is not moved:
///   ``periodEnd(after:limit:)``.
/// - **Fractions** round up to whole units: 0.5 working days ends on the first
///   working day after the start date, 1.5 days as 2 days.
/// - **Zero**: a limit of 0 (`immediate`, 即办) ends when it starts: on the start
///   date when it is a working day, else on the next working day.
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

    /// The day on which `limit`, started on the day `start` (the day of acceptance, at an
    /// hour not known), ends: the last day to act on. The date of
    /// ``end(of:from:)`` from ``acceptance(on:)``: a start on a rest day counts from
    /// the next working day, and hours count from the working day after the start.
    ///
    /// A limit of 0 in any unit ends on `start` when it is a working day, else on the
    /// next working day.
    ///
    /// - Throws: ``OutOfRange`` when `start` or a day up to the due date is outside the
    ///   covered years.
    /// - Precondition: `limit.amount` is finite and not negative (as every parsed
    ///   limit is).
    public func due(after start: CalendarDate, limit: TimeLimit) throws(OutOfRange) -> CalendarDate {
        try end(of: limit, from: acceptance(on: start)).date
    }

    /// Where the count of a case accepted on `date` starts: the end of that day, or of
    /// the next working day when `date` is a rest day (what is received on a rest day
    /// is taken as received on the next working day). Nothing is counted on the day of
    /// acceptance, in days or in hours.
    ///
    /// - Throws: ``OutOfRange`` when `date`, or a day up to the working day found, is
    ///   outside the covered years.
    public func acceptance(on date: CalendarDate) throws(OutOfRange) -> WorkingMoment {
        .endOfDay(try nextWorkday(onOrAfter: date))
    }

    /// The moment at which `limit`, started at `start`, ends.
    ///
    /// A start on a rest day is first taken as the end of the next working day. Then,
    /// by unit:
    /// - working days, calendar days, months: the end of the due date
    ///   ``periodEnd(after:limit:)`` gives for the start's day (which is not counted);
    /// - hours: ⌈amount × 60⌉ minutes of office time from `start`: what is left of the
    ///   start's working day first, then 8 hours of each working day after it.
    ///
    /// A limit of 0 in any unit ends at `start` (moved off a rest day as above), so
    /// that an immediate step (即办) takes no time from the steps after it.
    ///
    /// - Throws: ``OutOfRange`` when a day up to the end is outside the covered years.
    /// - Precondition: `limit.amount` is finite and not negative (as every parsed
    ///   limit is).
    public func end(of limit: TimeLimit, from start: WorkingMoment) throws(OutOfRange) -> WorkingMoment {
        precondition(
            limit.amount.isFinite && limit.amount >= 0,
            "a time limit cannot be negative or infinite (\(limit))")
        let start = try isWorkday(start.date) ? start : acceptance(on: start.date)
        guard limit.amount > 0 else { return start }
        guard limit.unit == .hours else {
            return .endOfDay(try periodEnd(after: start.date, limit: limit))
        }
        let perDay = WorkingMoment.officeMinutesPerDay
        let minutes = Self.wholeUnits(limit.amount * 60)
        let leftToday = perDay - start.officeMinutes
        if minutes <= leftToday {
            return WorkingMoment(date: start.date, officeMinutes: start.officeMinutes + minutes)
        }
        let after = minutes - leftToday
        let days = (after + perDay - 1) / perDay
        return WorkingMoment(
            date: try adding(workdays: days, to: start.date), officeMinutes: after - (days - 1) * perDay)
    }

    /// The last day of a period of `limit` that starts on `start`, whatever kind of day
    /// `start` is: an applicant's own period (出生之日起一个月内), counted as 民法典
    /// §201–203 count periods. By unit:
    /// - working days: the ⌈amount⌉th working day after `start`
    ///   (``adding(workdays:to:)``);
    /// - hours: the ⌈amount / 8⌉th working day after `start`, 8 to a working day;
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
    public func periodEnd(after start: CalendarDate, limit: TimeLimit) throws(OutOfRange) -> CalendarDate {
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
