import OneThingCalendar
import OneThingModel

/// The day an applicant's deadline falls on for one case, and whether the case was
/// accepted after it.
///
/// The day is counted as every limit is (``WorkdayCalendar/due(after:limit:)``): from
/// the day after the date given, and a deadline that ends on a rest day ends on the next
/// working day (民法典 §203).
public struct DeadlineDate: Sendable, Hashable {
    /// The deadline and the date it counts from.
    public let deadline: PlanDeadline
    /// The day it falls on; `nil` when the date was not given or the calendar does not
    /// cover the years between the date and the deadline.
    public let due: CalendarDate?
    /// The day the case was accepted.
    public let accepted: CalendarDate

    /// Whether the case was accepted after the deadline; `nil` when its day is not known.
    public var passed: Bool? { due.map { accepted > $0 } }

    /// The deadlines of `plan` for a case accepted on `accepted`.
    public static func all(of plan: Plan, calendar: WorkdayCalendar, accepted: CalendarDate) -> [DeadlineDate]
    {
        plan.deadlines.map { deadline in
            var due: CalendarDate?
            if let from = deadline.from {
                do {
                    due = try calendar.due(after: from, limit: deadline.deadline.within.value)
                } catch {
                    due = nil  // a date in years the calendar does not cover: the rule is shown, not a day
                }
            }
            return DeadlineDate(deadline: deadline, due: due, accepted: accepted)
        }
    }
}
