/// How one time limit compares with another on the real calendar: a promise in working
/// days against a legal limit in calendar days (日) or months, where no fixed ratio
/// holds (`1 workday` and `1日` always end on the same day; `5 workdays` ends after
/// `5日` when accepted on a Tuesday).
public struct LimitComparison: Hashable, Sendable {
    /// The limit that should end no later (a promise).
    public var limit: TimeLimit
    /// The limit it is compared with (a legal limit).
    public var bound: TimeLimit
    /// How many start dates were compared.
    public var startsCompared: Int
    /// The start dates on which ``limit`` ends after ``bound``, in date order.
    public var laterStarts: [CalendarDate]
    /// How many start dates of each ISO weekday were compared (index 1 = Monday … 7 =
    /// Sunday; index 0 is unused).
    public var comparedByWeekday: [Int]
    /// The largest limit in ``limit``'s unit, in whole units, that never ends after
    /// ``bound`` on the dates compared; `nil` when even 0 does.
    public var largestFitting: TimeLimit?
    /// Whether ``limit`` ends after ``bound`` on some start date.
    public var endsLater: Bool { !laterStarts.isEmpty }

    /// The weekdays, Monday to Friday, on which ``limit`` ends later on most start dates:
    /// the ordinary weeks. Other start dates that end later are near holidays (and a
    /// weekend start date is a make-up working day).
    public var usualLaterWeekdays: [Int] {
        var later = [Int](repeating: 0, count: 8)
        for start in laterStarts { later[start.weekday] += 1 }
        return (1...5).filter { later[$0] > 0 && later[$0] * 2 > comparedByWeekday[$0] }
    }

    /// The start dates that end later but fall on another weekday than
    /// ``usualLaterWeekdays``: dates near holidays and make-up working days.
    public var unusualLaterStarts: [CalendarDate] {
        let usual = Set(usualLaterWeekdays)
        return laterStarts.filter { !usual.contains($0.weekday) }
    }
}

extension WorkdayCalendar {
    /// `limit` against `bound` by the counting rules of ``due(after:limit:)``, started
    /// on every working day of the years a State Council notice covers
    /// (``noticeYears``); a start date whose due dates run off the calendar is left
    /// out. `nil` when no start date could be compared.
    ///
    /// Two limits in the same unit need no calendar: compare their amounts.
    public func compare(_ limit: TimeLimit, endsNoLaterThan bound: TimeLimit) -> LimitComparison? {
        let starts = comparableStarts()
        var compared: [CalendarDate] = []
        var later: [CalendarDate] = []
        var bounds: [CalendarDate] = []
        for start in starts {
            do {
                let boundDue = try due(after: start, limit: bound)
                let limitDue = try due(after: start, limit: limit)
                compared.append(start)
                bounds.append(boundDue)
                if limitDue > boundDue { later.append(start) }
            } catch {
                // `error` is an OutOfRange: nothing can be said of this start date on this
                // calendar, so it is left out; the others are still compared.
                continue
            }
        }
        guard !compared.isEmpty else { return nil }
        return LimitComparison(
            limit: limit, bound: bound, startsCompared: compared.count, laterStarts: later,
            comparedByWeekday: compared.reduce(into: [Int](repeating: 0, count: 8)) { $0[$1.weekday] += 1 },
            largestFitting: later.isEmpty
                ? limit
                : largestFitting(unit: limit.unit, below: limit.amount, starts: compared, bounds: bounds))
    }

    /// The working days of the notice years, the start dates a comparison uses.
    private func comparableStarts() -> [CalendarDate] {
        guard let firstYear = noticeYears.first, let lastYear = noticeYears.last else { return [] }
        let first = CalendarDate.firstDay(ofYear: firstYear).dayNumber
        let last = CalendarDate.lastDay(ofYear: lastYear).dayNumber
        var starts: [CalendarDate] = []
        for day in first...last {
            let date = CalendarDate(dayNumber: day)
            guard !isProvisional(date) else { continue }
            do {
                if try isWorkday(date) { starts.append(date) }
            } catch {
                // An OutOfRange: a year between the first and the last notice year is not
                // covered, so this date is not a start date that can be compared.
                continue
            }
        }
        return starts
    }

    /// The largest whole amount below `amount` in `unit` whose due date is never after
    /// `bounds[i]` for `starts[i]`.
    private func largestFitting(
        unit: TimeUnit, below amount: Double, starts: [CalendarDate], bounds: [CalendarDate]
    )
        -> TimeLimit?
    {
        var candidate = Int(amount.rounded(.up)) - 1
        while candidate >= 0 {
            let limit = TimeLimit(Double(candidate), unit)
            var fits = true
            for (start, bound) in zip(starts, bounds) {
                do {
                    if try due(after: start, limit: limit) > bound {
                        fits = false
                        break
                    }
                } catch {
                    // A shorter limit than one that stayed on the calendar cannot run off it.
                    continue
                }
            }
            if fits { return limit }
            candidate -= 1
        }
        return nil
    }
}
