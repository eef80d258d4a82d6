import OneThingModel

/// Time on the working-day calendar: a step that starts on a day ends on the due
/// date its limit gives (`WorkdayCalendar.due(after:limit:)`: the day of the start is
/// not counted, and a limit ending on a rest day moves to the next working day).
public struct CalendarClock: PlanClock {
    /// The calendar.
    public let calendar: WorkdayCalendar
    /// The day the case was accepted.
    public let origin: CalendarDate

    /// A clock on `calendar` from the day of acceptance.
    public init(calendar: WorkdayCalendar, accepted: CalendarDate) {
        self.calendar = calendar
        self.origin = accepted
    }

    /// The due date of a step that starts on `start` and takes `limit`.
    public func advance(_ start: CalendarDate, by limit: TimeLimit) throws(WorkdayCalendar.OutOfRange)
        -> CalendarDate
    {
        try calendar.due(after: start, limit: limit)
    }
}
