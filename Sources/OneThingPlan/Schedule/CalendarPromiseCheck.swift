import OneThingModel
import OneThingSource

/// The promise on the real calendar: calendar days (日) and months are compared with
/// working days by a fixed 7 : 5 rule in the worst-case check, which a holiday can
/// break (7 days that end in the National Day week move to the next working day). For
/// a bundle with such limits, this schedules the worst-case plan from every working
/// day the calendars cover and reports the first start date whose delivery comes after
/// the promised date (`OT507`, a warning).
///
/// Bundles whose limits are all in working days or hours need no such check: on any
/// calendar they take exactly their working-day count.
public enum CalendarPromiseCheck {
    /// Whether `bundle` has a limit the 7 : 5 rule only approximates.
    public static func needsCheck(_ bundle: ServiceBundle) -> Bool {
        let calendarUnits: Set<TimeUnit> = [.days, .months]
        return bundle.items.contains { calendarUnits.contains($0.promised.value.unit) }
            || bundle.inspections.contains { calendarUnits.contains($0.duration.value.unit) }
    }

    /// The finding about `plan` (the worst case) on `calendar`, if some start date breaks the promise.
    ///
    /// Start dates are the working days of the years a State Council notice covers
    /// (``WorkdayCalendar/noticeYears``): a provisional year, computed from the law
    /// without make-up working days, would only repeat the same weekdays, and the
    /// calendar covers provisional years up to 2100. A schedule that starts in a notice
    /// year may run on into a provisional one.
    public static func check(_ plan: Plan, calendar: WorkdayCalendar) -> Diagnostic? {
        let noticeYears = calendar.noticeYears
        guard needsCheck(plan.bundle), let firstYear = noticeYears.first, let lastYear = noticeYears.last,
            let first = CalendarDate(year: firstYear, month: 1, day: 1),
            let last = CalendarDate(year: lastYear, month: 12, day: 31)
        else { return nil }
        // The start date that needs the most working days, if any breaks the promise.
        var worst: (start: CalendarDate, delivery: CalendarDate, promisedBy: CalendarDate, taken: Int)?
        for day in first.dayNumber...last.dayNumber {
            let start = CalendarDate(dayNumber: day)
            guard !calendar.isProvisional(start), (try? calendar.isWorkday(start)) == true,
                let schedule = try? Schedule(plan: plan, calendar: calendar, accepted: start),
                schedule.delivery > schedule.promisedBy,
                let taken = try? calendar.workdays(from: start, through: schedule.delivery)
            else { continue }  // kept; a rest day; or the schedule runs past the covered years
            if worst == nil || taken > worst!.taken {
                worst = (start, schedule.delivery, schedule.promisedBy, taken)
            }
        }
        guard let worst else { return nil }
        return Diagnostic(
            code: .promiseBrokenOnCalendar, severity: .warning, span: plan.bundle.promise.span,
            message: .init(
                en:
                    "accepted on \(worst.start), the worst case is delivered on \(worst.delivery) (\(worst.taken) working days), after the promised \(worst.promisedBy): on the real calendar, limits in calendar days do not keep the 7 : 5 ratio to working days (holidays, make-up working days)",
                zh:
                    "若于 \(worst.start) 受理，最坏情况在 \(worst.delivery) 办结（\(worst.taken) 个工作日），晚于承诺的 \(worst.promisedBy)：按实际日历，以“日”计的时限与工作日并非 7 : 5（节假日、调休上班日）"
            ),
            hint: .init(
                en:
                    "promise at least \(worst.taken) workdays, or write the limits on the critical path in working days",
                zh: "请把承诺时限设为至少\(worst.taken)个工作日，或把关键路径上的时限改以工作日计"))
    }
}
