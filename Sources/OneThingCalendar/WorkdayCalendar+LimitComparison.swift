/// How one time limit compares with another on the real calendar: a promise in working
/// days against a legal limit in calendar days (日) or months, where no fixed ratio
/// holds (`1 workday` and `1日` always end on the same day; `5 workdays` ends after
/// `5日` when accepted on a Tuesday).
///
/// Two kinds of start date are told apart: the ordinary weeks, where a promise that
/// ends later does so on most start dates of a weekday, and the dates near long
/// holidays and make-up working days, where even a promise that fits every ordinary
/// week can end a day or two later.
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
    /// The largest limit in ``limit``'s unit, in whole units, that ends after ``bound``
    /// in no ordinary week (``usualLaterWeekdays`` is empty); `nil` when even 0 does.
    public var largestFittingOrdinaryWeeks: TimeLimit?
    /// The largest limit in ``limit``'s unit, in whole units, that never ends after
    /// ``bound`` on any date compared, holidays included; `nil` when even 0 does.
    public var largestFittingEveryDate: TimeLimit?

    /// Whether ``limit`` ends after ``bound`` on some start date.
    public var endsLater: Bool { !laterStarts.isEmpty }

    /// Whether ``limit`` ends after ``bound`` in ordinary weeks: on most start dates of
    /// some weekday.
    public var endsLaterInOrdinaryWeeks: Bool { !usualLaterWeekdays.isEmpty }

    /// The weekdays, Monday to Friday, on which ``limit`` ends later on most start dates:
    /// the ordinary weeks.
    public var usualLaterWeekdays: [Int] {
        Self.usualWeekdays(of: laterStarts, comparedByWeekday: comparedByWeekday)
    }

    /// The start dates that end later but fall on another weekday than
    /// ``usualLaterWeekdays``: dates near holidays and make-up working days.
    public var unusualLaterStarts: [CalendarDate] {
        let usual = Set(usualLaterWeekdays)
        return laterStarts.filter { !usual.contains($0.weekday) }
    }

    /// The weekdays, Monday to Friday, of which most start dates are in `later`.
    static func usualWeekdays(of later: [CalendarDate], comparedByWeekday: [Int]) -> [Int] {
        var counts = [Int](repeating: 0, count: 8)
        for start in later { counts[start.weekday] += 1 }
        return (1...5).filter { counts[$0] > 0 && counts[$0] * 2 > comparedByWeekday[$0] }
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
        var starts: [CalendarDate] = []
        var bounds: [CalendarDate] = []
        for start in comparableStarts() {
            do {
                bounds.append(try due(after: start, limit: bound))
                starts.append(start)
            } catch {
                // `error` is an OutOfRange: nothing can be said of this start date on this
                // calendar, so it is left out; the others are still compared.
                continue
            }
        }
        guard !starts.isEmpty else { return nil }
        let comparedByWeekday = starts.reduce(into: [Int](repeating: 0, count: 8)) { $0[$1.weekday] += 1 }
        let later = laterStarts(of: limit, starts: starts, bounds: bounds)
        // The largest limits that fit: a longer limit never ends earlier, so each is
        // found by bisection over the whole amounts up to the limit's own.
        let ordinary = largest(below: limit, starts: starts, bounds: bounds) { later in
            LimitComparison.usualWeekdays(of: later, comparedByWeekday: comparedByWeekday).isEmpty
        }
        let every = largest(below: limit, starts: starts, bounds: bounds) { $0.isEmpty }
        return LimitComparison(
            limit: limit, bound: bound, startsCompared: starts.count, laterStarts: later,
            comparedByWeekday: comparedByWeekday, largestFittingOrdinaryWeeks: ordinary,
            largestFittingEveryDate: every)
    }

    /// The largest of `limit` and the whole amounts below it, in its unit, whose later
    /// start dates `fits`; `nil` when not even 0 does. `fits` must hold for a limit when
    /// it holds for a longer one.
    private func largest(
        below limit: TimeLimit, starts: [CalendarDate], bounds: [CalendarDate], fits: ([CalendarDate]) -> Bool
    ) -> TimeLimit? {
        if fits(laterStarts(of: limit, starts: starts, bounds: bounds)) { return limit }
        var low = -1  // the largest amount known to fit (-1: none)
        var high = Int(min(limit.amount.rounded(.up), TimeLimit.largestAmount))  // known not to fit
        while high - low > 1 {
            let middle = (low + high) / 2
            if fits(laterStarts(of: TimeLimit(Double(middle), limit.unit), starts: starts, bounds: bounds)) {
                low = middle
            } else {
                high = middle
            }
        }
        return low >= 0 ? TimeLimit(Double(low), limit.unit) : nil
    }

    /// The start dates among `starts` on which `limit` ends after the due date of the
    /// same index in `bounds`.
    private func laterStarts(of limit: TimeLimit, starts: [CalendarDate], bounds: [CalendarDate])
        -> [CalendarDate]
    {
        var later: [CalendarDate] = []
        for (start, bound) in zip(starts, bounds) {
            do {
                if try due(after: start, limit: limit) > bound { later.append(start) }
            } catch {
                // The limit runs off the calendar where the bound did not: it ends later.
                later.append(start)
            }
        }
        return later
    }

    /// The working days of the notice years, the start dates a comparison uses.
    private func comparableStarts() -> [CalendarDate] {
        guard let firstYear = noticeYears.first, let lastYear = noticeYears.last else { return [] }
        var starts: [CalendarDate] = []
        for day in CalendarDate.firstDay(ofYear: firstYear)
            .dayNumber...CalendarDate.lastDay(ofYear: lastYear).dayNumber
        {
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
}
