import OneThing
import OneThingCalendar

/// The words for the windows in which an application can be made (`windows:`), in one
/// language, shared by `onething plan` and the notice: each writes dates its own way.
public struct WindowWords: Sendable {
    /// The language.
    public let language: Language
    /// How a date is written: `2026-07-06` on the terminal, `2026年7月6日（星期一）` in a letter.
    public let date: @Sendable (CalendarDate) -> String

    /// Words in `language`, writing dates with `date`.
    public init(language: Language, date: @escaping @Sendable (CalendarDate) -> String) {
        self.language = language
        self.date = date
    }

    func say(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    /// `7月6日`, `6 Jul`.
    func monthDay(_ day: MonthDay) -> String {
        say("\(day.day) \(NoticeWords.englishMonths[day.month - 1])", "\(day.month)月\(day.day)日")
    }

    /// A window's days as written: `每年7月6日至7月10日`, `every year, 6 Jul to 10 Jul`;
    /// one year's: `2016-07-06 至 2016-07-10` with ``date``.
    public func dates(_ dates: WindowDates) -> String {
        switch dates {
        case .everyYear(let from, let to):
            say("every year, \(monthDay(from)) to \(monthDay(to))", "每年\(monthDay(from))至\(monthDay(to))")
        case .year(let from, let to):
            say(
                "\(date(from)) to \(date(to)) (\(from.year) only)",
                "\(date(from))至\(date(to))（仅\(from.year)年）")
        }
    }

    /// What the windows bound: `the whole application` or `item 划片就近入学学位安排`.
    public func scope(_ windows: PlanWindows) -> String {
        guard let item = windows.item else { return say("the whole application", "整件事") }
        return say("item “\(item.name)”", "事项“\(item.name)”")
    }

    /// The words for a year whose dates no notice gives: never a guessed date.
    public func notPublished(year: Int) -> String {
        say(
            "no dates for \(year) are recorded: as the local notice of \(year) says (以当地当年公告为准)",
            "\(year)年的报名时间以当地当年公告为准")
    }

    /// Where the day of acceptance falls, in one sentence, and whether it is a warning
    /// (accepted outside every window).
    public func state(_ opening: WindowOpening) -> (text: String, warning: Bool) {
        let accepted = date(opening.accepted)
        let scope = scope(opening.windows)
        switch opening.state {
        case .open(let occurrence):
            return (
                say(
                    "Accepted on \(accepted), within “\(occurrence.window.name)” (until \(date(occurrence.days.upperBound))), for \(scope).",
                    "受理日期（\(accepted)）在“\(occurrence.window.name)”的时间内（至\(date(occurrence.days.upperBound))），适用于\(scope)。"
                ), false
            )
        case .closed(let next):
            let nextText: String
            switch next {
            case .opens(let occurrence):
                nextText = say(
                    "the next window, “\(occurrence.window.name)”, opens on \(date(occurrence.days.lowerBound)) (until \(date(occurrence.days.upperBound)))",
                    "下一次“\(occurrence.window.name)”自\(date(occurrence.days.lowerBound))起（至\(date(occurrence.days.upperBound))）"
                )
            case .notPublished(let year):
                nextText = say("for the next window, \(notPublished(year: year))", notPublished(year: year))
            }
            return (
                say(
                    "Accepted on \(accepted), outside the windows in which \(scope) can be applied for; \(nextText).",
                    "受理日期（\(accepted)）不在\(scope)的报名时间内；\(nextText)。"), true
            )
        case .notPublished(let year):
            return (
                say(
                    "For \(scope), \(notPublished(year: year)); whether \(accepted) is within it is not known.",
                    "\(scope)：\(notPublished(year: year))，受理日期（\(accepted)）是否在报名时间内无法确认。"), false
            )
        }
    }
}
