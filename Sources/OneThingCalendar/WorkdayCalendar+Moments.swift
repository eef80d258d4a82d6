/// Moments on the working-day calendar: when a limit started at a moment is due, and
/// working time between moments.
///
/// - **Due moment.** A limit started at a moment ends where ``end(of:from:)`` says: a
///   limit in days at the end (24:00 China Standard Time) of its due date, a limit in
///   hours at a moment in office time; nothing is counted on the day of acceptance
///   (``countingStart(of:acceptedAt:)``): the one rule the validator, the planner, the
///   notice and the runtime share. A step that finishes before its due moment is on
///   time; it is overdue from then on.
/// - **Office hours.** Working time runs 09:00–17:00 China Standard Time on working
///   days, 8 hours to a working day; it stands still at night, at weekends and on
///   holidays. Simulated departments take their time in it, and a case's progress is
///   shown in it ("day 3.50").
/// - **A stopped clock.** While a department waits for the applicant's supplement
///   (补正) the task's clock stands still: its due date moves later by the working days
///   after the day the supplement was asked for, up to and including the day it came.
extension WorkdayCalendar {
    /// Office hours open, in minutes after midnight China Standard Time.
    public static let officeOpensMinute = 9 * 60
    /// Office hours close, in minutes after midnight China Standard Time.
    public static let officeClosesMinute = 17 * 60
    /// Milliseconds of office time in a working day (8 hours).
    public static let officeDayMilliseconds = Int64(officeClosesMinute - officeOpensMinute) * 60_000

    /// The end of `date`: 24:00 China Standard Time, the first moment of the next day.
    public static func end(of date: CalendarDate) -> Timestamp {
        Timestamp(china: date.adding(days: 1))
    }

    /// The date whose end is `moment`, for a moment that is the end of a day; for any
    /// other moment, the date it falls on.
    public static func date(endingAt moment: Timestamp) -> CalendarDate {
        moment.adding(milliseconds: -1).chinaDate
    }

    /// The moment on the working-day calendar that `timestamp` is, for counting a limit
    /// that starts then: on a working day, the office time used at it (none before
    /// 09:00, all after 17:00; 24:00 is the end of the day before); on a rest day, the
    /// end of the next working day (what arrives on a rest day is taken as arriving on
    /// the next working day, which is not counted).
    ///
    /// - Throws: ``OutOfRange`` when a day up to the working day found is outside the
    ///   covered years.
    public func moment(at timestamp: Timestamp) throws(OutOfRange) -> WorkingMoment {
        let date = Self.date(endingAt: timestamp)
        guard try isWorkday(date) else { return try acceptance(on: date) }
        guard date == timestamp.chinaDate else { return .endOfDay(date) }
        let opens = Int64(Self.officeOpensMinute) * 60_000
        let used = timestamp.chinaMillisecondOfDay - opens
        // A part of a minute counts as a whole one: a limit never ends early.
        return WorkingMoment(date: date, officeMinutes: Int((used + 59_999) / 60_000))
    }

    /// The moment the count of a step that starts at `start` begins, in a case accepted
    /// at `accepted`: ``moment(at:)``, but never before the end of the day of acceptance
    /// (``acceptance(on:)``), on which nothing is counted. The planner starts every step
    /// there that waits for nothing, and the runtime does the same, so that both give a
    /// step the same due moment.
    ///
    /// - Throws: ``OutOfRange`` when a day involved is outside the covered years.
    public func countingStart(of start: Timestamp, acceptedAt accepted: Timestamp?) throws(OutOfRange)
        -> WorkingMoment
    {
        let moment = try moment(at: start)
        guard let accepted else { return moment }
        return max(moment, try acceptance(on: accepted.chinaDate))
    }

    /// The due moment of `limit` started at `start` in a case accepted at `accepted`
    /// (`nil` when the limit does not run in a case): see
    /// ``dueMoment(startingAt:acceptedAt:limits:)``.
    ///
    /// - Throws: ``OutOfRange`` when a day up to the due date is outside the covered years.
    public func dueMoment(startingAt start: Timestamp, acceptedAt accepted: Timestamp?, limit: TimeLimit)
        throws(OutOfRange) -> Timestamp
    {
        try dueMoment(startingAt: start, acceptedAt: accepted, limits: [limit])
    }

    /// The due moment of `limits` that follow one another, the first started at `start`
    /// in a case accepted at `accepted`, each next one where the one before ends: a
    /// step's promised limit and then the time it takes that no limit counts
    /// (`not-counted:`), as the planner counts them one after another. The count starts
    /// at ``countingStart(of:acceptedAt:)`` and each limit ends at
    /// ``end(of:from:)``: the end (24:00) of a due date for a limit in days, a moment in
    /// office time for one in hours.
    ///
    /// - Throws: ``OutOfRange`` when a day up to the due date is outside the covered years.
    public func dueMoment(startingAt start: Timestamp, acceptedAt accepted: Timestamp?, limits: [TimeLimit])
        throws(OutOfRange) -> Timestamp
    {
        var moment = try countingStart(of: start, acceptedAt: accepted)
        for limit in limits { moment = try end(of: limit, from: moment) }
        return moment.timestamp
    }

    /// `due` moved later by the working days a stopped clock stood still: the working
    /// days after the day of `pausedAt`, up to and including the day of `resumedAt`,
    /// at the same time of day (the end of the day for a due date, an office hour for a
    /// limit in hours). A clock stopped and started on the same day moves nothing.
    ///
    /// - Throws: ``OutOfRange`` when a day involved is outside the covered years.
    public func postponing(_ due: Timestamp, pausedAt: Timestamp, resumedAt: Timestamp) throws(OutOfRange)
        -> Timestamp
    {
        let stood = try workdays(from: pausedAt.chinaDate, through: resumedAt.chinaDate)
        guard stood > 0 else { return due }
        let moment = try moment(at: due)
        return WorkingMoment(
            date: try adding(workdays: stood, to: moment.date), officeMinutes: moment.officeMinutes
        ).timestamp
    }

    /// The office time of `moment`'s day that has passed at `moment`, in milliseconds:
    /// 0 before 09:00 and on rest days, a whole office day after 17:00.
    private func officeTimePassed(at moment: Timestamp) throws(OutOfRange) -> Int64 {
        guard try isWorkday(moment.chinaDate) else { return 0 }
        let opens = Int64(Self.officeOpensMinute) * 60_000
        return min(max(moment.chinaMillisecondOfDay - opens, 0), Self.officeDayMilliseconds)
    }

    /// Office time from `start` to `end`, in milliseconds (negative when `end` is earlier).
    ///
    /// - Throws: ``OutOfRange`` when a day between them is outside the covered years.
    public func officeMilliseconds(from start: Timestamp, to end: Timestamp) throws(OutOfRange) -> Int64 {
        if end < start { return -(try officeMilliseconds(from: end, to: start)) }
        let (first, last) = (start.chinaDate, end.chinaDate)
        let passedAtStart = try officeTimePassed(at: start)
        let passedAtEnd = try officeTimePassed(at: end)
        if first == last { return passedAtEnd - passedAtStart }
        let restOfFirst = try isWorkday(first) ? Self.officeDayMilliseconds - passedAtStart : 0
        let between = try workdays(from: first, through: last.adding(days: -1))
        return restOfFirst + Int64(between) * Self.officeDayMilliseconds + passedAtEnd
    }

    /// Working days of office time from `start` to `end` (8 hours make one).
    ///
    /// - Throws: ``OutOfRange`` when a day between them is outside the covered years.
    public func workingDays(from start: Timestamp, to end: Timestamp) throws(OutOfRange) -> Double {
        Double(try officeMilliseconds(from: start, to: end)) / Double(Self.officeDayMilliseconds)
    }

    /// The earliest moment at which `days` working days of office time have passed
    /// since `start`: 8 hours from 09:00 of a working day is 17:00 of that day. Zero
    /// days is `start` itself; a negative or non-finite amount counts as zero.
    ///
    /// - Throws: ``OutOfRange`` when the moment lies beyond the covered years.
    public func adding(workingDays days: Double, to start: Timestamp) throws(OutOfRange) -> Timestamp {
        let wanted = days.isFinite ? max(0, days) * Double(Self.officeDayMilliseconds) : 0
        // More office time than any calendar covers runs off its end: an error, not a trap.
        let cap = Double(Self.officeDayMilliseconds) * 1_000_000
        var remaining = wanted < cap ? Int64(wanted.rounded(.up)) : Int64(cap)
        guard remaining > 0 else { return start }
        let day = start.chinaDate
        let passed = try officeTimePassed(at: start)
        let opens = Timestamp(china: day, hour: 0, minute: Self.officeOpensMinute)
        if try isWorkday(day) {
            let rest = Self.officeDayMilliseconds - passed
            if remaining <= rest { return opens.adding(milliseconds: passed + remaining) }
            remaining -= rest
        }
        let wholeDays = (remaining - 1) / Self.officeDayMilliseconds
        let last = remaining - wholeDays * Self.officeDayMilliseconds
        let target = try adding(workdays: Int(wholeDays) + 1, to: day)
        return Timestamp(china: target, hour: 0, minute: Self.officeOpensMinute).adding(milliseconds: last)
    }
}

extension WorkdayCalendar {
    /// The date the applicant is told a promise is due when time not counted
    /// (`not-counted:`) delays the delivery: the promise's date `counted`, moved by as
    /// many days as the time not counted moves the delivery (from `countedDelivery`,
    /// what the limits count, to `delivery`, what the applicant waits), onto the next
    /// working day when that is a rest day. The planner's schedule and the runtime's
    /// promise both take it from here.
    ///
    /// - Throws: ``OutOfRange`` when the date is outside the covered years.
    public func promisedDate(
        counted: CalendarDate, countedDelivery: CalendarDate, delivery: CalendarDate
    ) throws(OutOfRange) -> CalendarDate {
        guard delivery > countedDelivery else { return counted }
        return try nextWorkday(
            onOrAfter: counted.adding(days: delivery.dayNumber - countedDelivery.dayNumber))
    }
}
