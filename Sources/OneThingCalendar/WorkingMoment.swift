/// A moment as time limits count it: a working day, and how much of its office time
/// (09:00–17:00 China Standard Time, 8 hours) is used up at that moment.
///
/// A limit in days ends with its due date: ``endOfDay`` used, the moment 24:00 of
/// ``date``. A limit in hours ends inside office time, so that hours that follow hours
/// add up on the same working day: 4 hours and then 2 hours and 2 more, started on
/// the day of acceptance, end at 13:00, 15:00 and 17:00 of the next working day, not
/// on the first, second and third (bundle-format.md, "How a limit is counted on the
/// calendar"). ``WorkdayCalendar/end(of:from:)`` advances a moment by a limit;
/// ``WorkdayCalendar/acceptance(on:)`` is where a case's count starts.
public struct WorkingMoment: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Office minutes in a working day: 8 hours.
    public static let officeMinutesPerDay = 8 * 60

    /// The day.
    public let date: CalendarDate
    /// The minutes of the day's office time used up at this moment, 0 (09:00) through
    /// ``officeMinutesPerDay`` (the end of the day).
    public let officeMinutes: Int

    /// The moment `officeMinutes` into `date`'s office time, clamped to the working day.
    public init(date: CalendarDate, officeMinutes: Int) {
        self.date = date
        self.officeMinutes = min(max(officeMinutes, 0), Self.officeMinutesPerDay)
    }

    /// The end of `date`: its whole office time used, the moment a limit in days ends.
    public static func endOfDay(_ date: CalendarDate) -> WorkingMoment {
        WorkingMoment(date: date, officeMinutes: officeMinutesPerDay)
    }

    /// Whether the day's office time is all used: the end of ``date``.
    public var isEndOfDay: Bool { officeMinutes == Self.officeMinutesPerDay }

    /// The moment as a timestamp: 24:00 of ``date`` at the end of the day, else
    /// 09:00 China Standard Time plus the office minutes used.
    public var timestamp: Timestamp {
        isEndOfDay
            ? WorkdayCalendar.end(of: date)
            : Timestamp(china: date, hour: 0, minute: WorkdayCalendar.officeOpensMinute + officeMinutes)
    }

    /// Earlier day first; on one day, less office time used first.
    public static func < (lhs: WorkingMoment, rhs: WorkingMoment) -> Bool {
        (lhs.date, lhs.officeMinutes) < (rhs.date, rhs.officeMinutes)
    }

    /// The time of day as `13:00`, or `nil` at the end of the day (a due date).
    public var timeOfDay: String? {
        guard !isEndOfDay else { return nil }
        let minute = WorkdayCalendar.officeOpensMinute + officeMinutes
        let (hour, rest) = (minute / 60, minute % 60)
        return "\(hour < 10 ? "0" : "")\(hour):\(rest < 10 ? "0" : "")\(rest)"
    }

    /// `2026-03-02` at the end of the day, else `2026-03-02 13:00`.
    public var description: String {
        timeOfDay.map { "\(date) \($0)" } ?? date.description
    }
}
