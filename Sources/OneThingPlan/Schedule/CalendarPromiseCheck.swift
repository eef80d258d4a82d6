import OneThingModel
import OneThingSource

/// The promise on the real calendar: calendar days (日) and months are compared with
/// working days by a fixed 7 : 5 rule in the worst-case check, which a holiday can
/// break (7 days that end in the National Day week move to the next working day). For
/// a bundle with such limits, this schedules the worst-case plan from every working
/// day the calendars cover and reports the first start date whose delivery comes after
/// the promised date (`OT507`, a warning).
///
/// Hours are checked too: on the calendar they add up only within a working day, and a
/// step in working days that starts after some hours of a day leaves the rest of that
/// day unused (4 hours, then 1 working day, then 4 hours end at 13:00 of the third
/// working day, though they make 2 working days by the ratio 8 : 1).
///
/// Bundles whose limits are all in working days are not checked: on any calendar they
/// take exactly their working-day count.
public enum CalendarPromiseCheck {
    /// Whether `bundle` has a limit the ratios to working days (7 : 5 for calendar days,
    /// 8 : 1 for hours) only approximate.
    public static func needsCheck(_ bundle: ServiceBundle) -> Bool {
        !units(of: bundle).isDisjoint(with: [.days, .months, .hours])
    }

    /// The units the steps of `bundle` take their promised time in.
    static func units(of bundle: ServiceBundle) -> Set<TimeUnit> {
        var units = Set(bundle.inspections.map(\.duration.value.unit))
        for item in bundle.items {
            units.insert(item.promised.value.unit)
            for rule in item.promisedRules { units.insert(rule.limit.value.unit) }
        }
        return units
    }

    /// Why the real calendar can take longer than the ratios say, for the units of
    /// `bundle`.
    static func reason(for bundle: ServiceBundle) -> (en: String, zh: String) {
        let units = units(of: bundle)
        var en: [String] = []
        var zh: [String] = []
        if !units.isDisjoint(with: [.days, .months]) {
            en.append(
                "limits in calendar days do not keep the 7 : 5 ratio to working days (holidays, make-up working days)"
            )
            zh.append("以“日”计的时限与工作日并非 7 : 5（节假日、调休上班日）")
        }
        if units.contains(.hours) {
            en.append(
                "hours add up only within a working day, and a limit in working days that starts after some hours of a day does not use the rest of it"
            )
            zh.append("小时只在同一工作日内累加，在某日已用去若干小时后开始的以工作日计的时限不计当日余下的时间")
        }
        return (en.joined(separator: "; "), zh.joined(separator: "；"))
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
        let reason = reason(for: bundle)
        return Diagnostic(
            code: .promiseBrokenOnCalendar, severity: .warning, span: bundle.promise.span,
            message: .init(
                en:
                    "accepted on \(worst.start), the worst case is delivered on \(worst.delivery) (\(worst.taken) working days), after the promised \(worst.promisedBy): on the real calendar, \(reason.en)",
                zh:
                    "若于 \(worst.start) 受理，最坏情况在 \(worst.delivery) 办结（\(worst.taken) 个工作日），晚于承诺的 \(worst.promisedBy)：按实际日历，\(reason.zh)"
            ),
            hint: .init(
                en:
                    "promise at least \(worst.taken) workdays, or write the limits on the critical path in working days",
                zh: "请把承诺时限设为至少\(worst.taken)个工作日，或把关键路径上的时限改以工作日计"))
    }
}
