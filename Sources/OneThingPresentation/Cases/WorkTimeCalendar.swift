import OneThing
import OneThingRuntime

/// Work time on the calendar, counted as ``LiveClock`` counts it: the number of
/// working days from the first day the working-day calendar covers (1 January of its
/// first year), plus the part of the day's working hours (09:00–17:00) that has
/// passed. The command line runs cases on a virtual clock that counts the same way,
/// so every event's time names a calendar date and an hour.
public struct WorkTimeCalendar: Sendable {
    /// The working-day calendar.
    public let calendar: WorkdayCalendar
    /// The day work time is counted from.
    public let epoch: CalendarDate

    /// Work time on `calendar`, counted from the first day it covers.
    public init(calendar: WorkdayCalendar) {
        self.calendar = calendar
        self.epoch = CalendarDate(year: calendar.years.first ?? 2025, month: 1, day: 1)!
    }

    /// The work time at 09:00 of `date` (of the next working day, when `date` is a rest day).
    ///
    /// - Throws: ``WorkdayCalendar/OutOfRange`` when the calendar does not cover `date`.
    public func time(atStartOf date: CalendarDate) throws(WorkdayCalendar.OutOfRange) -> WorkTime {
        _ = try calendar.isWorkday(date)  // throws when the calendar does not cover the date
        guard date > epoch else { return 0 }
        return WorkTime(try calendar.workdays(from: epoch, through: date.adding(days: -1)))
    }

    /// The work time at the end (17:00) of `date`: every time on or before that day is before it.
    ///
    /// - Throws: ``WorkdayCalendar/OutOfRange`` when the calendar does not cover `date`.
    public func time(atEndOf date: CalendarDate) throws(WorkdayCalendar.OutOfRange) -> WorkTime {
        _ = try calendar.isWorkday(date)  // throws when the calendar does not cover the date
        return WorkTime(try calendar.workdays(from: epoch, through: date))
    }

    /// The working day and the minute of the day (from midnight) of `time`, or `nil`
    /// when it falls outside the covered years. A whole number is 09:00 of a working day.
    public func moment(at time: WorkTime) -> (date: CalendarDate, minute: Int)? {
        guard time.isFinite, time >= 0 else { return nil }
        let whole = (time + 1e-9).rounded(.down)
        let fraction = max(0, time - whole)
        guard let date = try? calendar.adding(workdays: Int(whole) + 1, to: epoch) else { return nil }
        return (date, 9 * 60 + Int((fraction * 8 * 60).rounded()))
    }

    /// `2026-09-25 13:30`, or `nil` outside the covered years.
    public func text(at time: WorkTime) -> String? {
        guard let (date, minute) = moment(at: time) else { return nil }
        let hours = minute / 60
        let minutes = minute % 60
        return "\(date) \(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes)"
    }

    /// The working day of `time`, or `nil` outside the covered years.
    public func date(at time: WorkTime) -> CalendarDate? { moment(at: time)?.date }

    /// The last day to act on for a limit that ends at `time`: a limit that ends at
    /// 09:00 of a working day ended with the working day before it.
    public func deadline(at time: WorkTime) -> CalendarDate? {
        moment(at: max(0, time - 1e-6))?.date
    }
}
