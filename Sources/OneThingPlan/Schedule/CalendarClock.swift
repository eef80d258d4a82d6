import OneThingModel

/// Time on the working-day calendar: a step that starts at a moment ends where its
/// limit takes it (`WorkdayCalendar.end(of:from:)`: a limit in days at the end of its
/// due date, the day it starts not counted; a limit in hours in office time, so that
/// hours that follow hours go on on the same working day). Steps that wait for nothing
/// start at the end of the day of acceptance (`WorkdayCalendar.acceptance(on:)`), on
/// which nothing is counted.
public struct CalendarClock: PlanClock {
    /// The calendar.
    public let calendar: WorkdayCalendar
    /// The day the case was accepted.
    public let accepted: CalendarDate
    /// Where the count starts: the end of the day of acceptance, or of the next working
    /// day when the case was accepted on a rest day.
    public let origin: WorkingMoment

    /// A clock on `calendar` from the day of acceptance.
    ///
    /// - Throws: ``WorkdayCalendar/OutOfRange`` when no working day follows `accepted`
    ///   in the years the calendar covers.
    public init(calendar: WorkdayCalendar, accepted: CalendarDate) throws(WorkdayCalendar.OutOfRange) {
        self.calendar = calendar
        self.accepted = accepted
        self.origin = try calendar.acceptance(on: accepted)
    }

    /// The moment a step that starts at `start` and takes `limit` ends.
    public func advance(_ start: WorkingMoment, by limit: TimeLimit) throws(WorkdayCalendar.OutOfRange)
        -> WorkingMoment
    {
        try calendar.end(of: limit, from: start)
    }
}
