import OneThingCalendar
import OneThingModel

/// The day an applicant's deadline falls on for one case, and whether the case was
/// accepted after it.
///
/// The day is counted as the law counts an applicant's period
/// (``WorkdayCalendar/periodEnd(after:limit:)``): from the day after the date given,
/// whatever kind of day that is (民法典 §201), and a deadline that ends on a rest day
/// ends on the next working day (民法典 §203). Unlike an office's limit, a date on a
/// rest day is not moved to the next working day: a birth on a Saturday starts the
/// month on the Sunday.
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
                    due = try calendar.periodEnd(after: from, limit: deadline.deadline.within.value)
                } catch {
                    due = nil  // a date in years the calendar does not cover: the rule is shown, not a day
                }
            }
            return DeadlineDate(deadline: deadline, due: due, accepted: accepted)
        }
    }
}
