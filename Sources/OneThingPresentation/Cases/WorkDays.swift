import OneThing
import OneThingCalendar
import OneThingRuntime

/// Working days and limits as OneThing prints them.
public enum WorkDays {
    /// `2.5` → `2.50`; a value too large to be a number of days (or not a number) as
    /// Swift writes it, never a trap.
    public static func format(_ days: Double) -> String {
        DecimalText.fixed(days, places: 2)
    }

    /// A limit as written: `11 workdays` / `11个工作日`.
    public static func limit(_ limit: TimeLimit, in language: Language) -> String {
        language.say(limit.description, limit.chineseDescription)
    }
}

/// The moments of one case as a person reads them: the date and hour in China
/// Standard Time and, when the working-day calendar is at hand, the working days since
/// the case started (`day 3.50  2026-03-05 13:00`).
public struct CaseClockText: Sendable {
    /// When the case started.
    public let origin: Timestamp
    /// The calendar working days are counted on, when known.
    public let calendar: WorkdayCalendar?
    /// The language.
    public let language: Language

    /// The moments of a case that started at `origin`.
    public init(origin: Timestamp, calendar: WorkdayCalendar?, language: Language) {
        self.origin = origin
        self.calendar = calendar
        self.language = language
    }

    /// Working days of office time from the start to `moment`, when the calendar covers them.
    public func workingDays(to moment: Timestamp) -> Double? {
        guard let calendar else { return nil }
        do {
            return try calendar.workingDays(from: origin, to: moment)
        } catch {
            return nil  // a moment beyond the calendar's years is shown by its date alone
        }
    }

    /// `day 3.50  2026-03-05 13:00` (`第 3.50 工作日  2026-03-05 13:00`), or the date and
    /// hour alone without a calendar.
    public func moment(_ moment: Timestamp) -> String {
        guard let days = workingDays(to: moment) else { return moment.chinaText }
        let relative = language.say("day \(WorkDays.format(days))", "第 \(WorkDays.format(days)) 工作日")
        return "\(relative)  \(moment.chinaText)"
    }

    /// A due moment as the last day to act on: `2026-03-16`.
    public func due(_ moment: Timestamp) -> String { WorkdayCalendar.date(endingAt: moment).description }

    /// A promised moment as the last day to act on, marked when the calendar has it in
    /// a provisional year: `2027-03-16 (provisional, 暂定)`.
    public func promised(_ moment: Timestamp) -> String {
        let date = WorkdayCalendar.date(endingAt: moment)
        guard calendar?.isProvisional(date) == true else { return date.description }
        return date.description + language.say(" (provisional, 暂定)", "（暂定）")
    }

    /// Why the case's dates from its start through `moment` are provisional, when some
    /// lie in a provisional year: `⚠ dates in 2027 are provisional (暂定): the catalogue
    /// has no …`; `nil` when none does or the calendar is not at hand.
    public func provisionalNote(through moment: Timestamp) -> String? {
        guard let calendar else { return nil }
        let years = calendar.provisionalYears(
            from: origin.chinaDate, through: max(origin, moment).chinaDate)
        guard !years.isEmpty else { return nil }
        let named = WorkdayCalendar.describe(years: years)
        return language.say(
            "⚠ dates in \(named) are provisional (暂定): ", "⚠ \(named)年的日期为暂定：")
            + WorkdayCalendar.provisionalReason(years: years).text(in: language)
    }
}
