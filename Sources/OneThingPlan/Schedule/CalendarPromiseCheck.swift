import OneThingModel
import OneThingSource

/// The promise on the real calendar: calendar days (日) and months are compared with
/// working days by a fixed 7 : 5 rule in the worst-case check, which a holiday can
/// break (7 days that end in the National Day week move to the next working day). For
/// a bundle with such limits, this schedules the worst-case plan from every working
/// day the calendars cover and reports the first start date whose delivery comes after
/// the promised date (`OT507`, a warning).
///
/// Bundles whose limits are all in working days are not checked: on any calendar they
/// take exactly their working-day count. Hours are not checked either, though a chain
/// of steps in hours can take more days than its working-day count: each step counts
/// its hours from the working day after the day it starts (bundle-format.md, "How a
/// limit is counted on the calendar"), so 4 + 2 + 2 hours end on the third working day,
/// not the first (company-setup). Checking them would refuse a promise the law sets;
/// the rule for hours that follow hours on one working day is to be decided first.
public enum CalendarPromiseCheck {
    /// Whether `bundle` has a limit the 7 : 5 rule only approximates.
    public static func needsCheck(_ bundle: ServiceBundle) -> Bool {
        let calendarUnits: Set<TimeUnit> = [.days, .months]
        return bundle.items.contains { item in
            calendarUnits.contains(item.promised.value.unit)
                || item.promisedRules.contains { calendarUnits.contains($0.limit.value.unit) }
        }
            || bundle.inspections.contains { calendarUnits.contains($0.duration.value.unit) }
    }

    /// The finding about the steps `graph` of `bundle` (those of the worst case, see
    /// ``PlanBuilder/steps(for:)``) on `calendar`, if some start date breaks the promise.
    ///
    /// Start dates are the working days of the years a State Council notice covers
    /// (``WorkdayCalendar/noticeYears``): a provisional year, computed from the law
    /// without make-up working days, would only repeat the same weekdays, and the
    /// calendar covers provisional years up to 2100. A schedule that starts in a notice
    /// year may run on into a provisional one.
    public static func check(_ bundle: ServiceBundle, steps graph: StepGraph, calendar: WorkdayCalendar)
        -> Diagnostic?
    {
        let noticeYears = calendar.noticeYears
        guard needsCheck(bundle), let firstYear = noticeYears.first, let lastYear = noticeYears.last,
            let first = CalendarDate(year: firstYear, month: 1, day: 1),
            let last = CalendarDate(year: lastYear, month: 12, day: 31)
        else { return nil }
        // The start date that needs the most working days, if any breaks the promise.
        var worst: (start: CalendarDate, delivery: CalendarDate, promisedBy: CalendarDate, taken: Int)?
        for day in first.dayNumber...last.dayNumber {
            let start = CalendarDate(dayNumber: day)
            guard !calendar.isProvisional(start) else { continue }
            do {
                guard try calendar.isWorkday(start) else { continue }  // a rest day
                let schedule = try Schedule(bundle: bundle, steps: graph, calendar: calendar, accepted: start)
                // The promise is checked as the law counts it: without time not counted.
                guard !schedule.keepsPromise else { continue }
                let taken = try calendar.workdays(from: start, through: schedule.countedDelivery)
                if worst.map({ taken > $0.taken }) ?? true {
                    worst = (start, schedule.countedDelivery, schedule.countedPromisedBy, taken)
                }
            } catch {
                // `error` is a WorkdayCalendar.OutOfRange: a year between the first and the
                // last has no calendar, or the schedule runs past the last. Nothing can be
                // said of this start date on this calendar, so it is not one that breaks
                // the promise; the dates that can be checked still are.
                continue
            }
        }
        guard let worst else { return nil }
        return Diagnostic(
            code: .promiseBrokenOnCalendar, severity: .warning, span: bundle.promise.span,
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
