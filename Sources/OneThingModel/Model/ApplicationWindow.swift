import OneThingCalendar
import OneThingSource

/// A fixed period of the year in which an application can be made at all (报名时间):
/// 义务教育入学报名 only on the days of June to August that the county's education bureau
/// publishes each year.
///
/// A window is written on the bundle (the whole application) or on an item (while that
/// item applies), either for every year (`from: 07-01`) or for one year as a notice
/// publishes it (`from: 2025-07-06`). The plan tells the applicant whether the case is
/// accepted inside a window, and when the next one opens; a case accepted outside is
/// warned, never refused: what follows from a late application is the office's to say.
///
/// ```yaml
/// windows:
///   - name: 小学一年级入学报名
///     from: 2016-07-06
///     to: 2016-07-10
///     when: school.level == "primary"
///     basis: {source: {title: …, url: https://…}, place: 安徽省淮北市}
/// ```
public struct ApplicationWindow: Hashable, Sendable {
    /// What may be applied for in it: `小学一年级入学报名`.
    public var name: String
    /// Its first and last day.
    public var dates: Located<WindowDates>
    /// The condition under which it applies; always when `nil`.
    public var when: ConditionSource?
    /// What sets it: a law, a local document, or an assumption.
    public var basis: WindowBasis
    /// Anything the applicant should know besides the dates.
    public var note: String?
    /// The span of the whole entry.
    public var span: SourceSpan

    /// Creates a window.
    public init(
        name: String, dates: Located<WindowDates>, when: ConditionSource? = nil, basis: WindowBasis,
        note: String? = nil, span: SourceSpan
    ) {
        self.name = name
        self.dates = dates
        self.when = when
        self.basis = basis
        self.note = note
        self.span = span
    }
}

/// The days of a window: the same month-days every year, or one year's published dates.
public enum WindowDates: Hashable, Sendable {
    /// From one month-day to another (both included), every year.
    case everyYear(from: MonthDay, to: MonthDay)
    /// From one date to another (both included) of one year only.
    case year(from: CalendarDate, to: CalendarDate)

    /// The year of a one-year window; `nil` for a window of every year.
    public var year: Int? {
        if case .year(let from, _) = self { return from.year }
        return nil
    }

    /// Its first and last day in `year`, or `nil` when it is a window of another year.
    public func days(in year: Int) -> ClosedRange<CalendarDate>? {
        switch self {
        case .everyYear(let from, let to): return from.date(in: year)...to.date(in: year)
        case .year(let from, let to): return from.year == year ? from...to : nil
        }
    }
}

/// A day of the year without a year: `07-06`.
///
/// `02-29` is a day only in leap years; in any other year it reads as the last day of
/// February (02-28), so a window that opens or ends on it opens or ends every year.
public struct MonthDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// The month-day, or `nil` when no year has it (`02-30`, `13-01`).
    public init?(month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: 2000) else {
            return nil
        }
        self.month = month
        self.day = day
    }

    /// Reads `MM-DD`; `nil` for anything else, or a day no year has.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let month = Int(parts[0]), let day = Int(parts[1])
        else { return nil }
        self.init(month: month, day: day)
    }

    /// The day in `year`: 02-29 is 02-28 in a year that has no 29 February.
    public func date(in year: Int) -> CalendarDate {
        let last = CalendarDate.daysIn(month: month, year: year)
        return CalendarDate(year: year, month: month, day: min(day, last))
            ?? CalendarDate.lastDay(ofYear: year)
    }

    /// `07-06`.
    public var description: String {
        (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    /// In the order of the year.
    public static func < (lhs: MonthDay, rhs: MonthDay) -> Bool {
        (lhs.month, lhs.day) < (rhs.month, rhs.day)
    }
}

/// What sets a window: the law, a local document as published, or an assumption the
/// bundle states. A window always says which, so a reader knows how far to trust it.
public enum WindowBasis: Hashable, Sendable {
    /// A law or regulation (`{law, article}`), as any legal basis is written.
    case law([LegalBasis])
    /// A local document (an education bureau's 招生公告) and, when known, the place that
    /// issued it.
    case document(BaselineSource, place: String?)
    /// The bundle's own assumption, with the reason.
    case assumed(String)

    /// The basis in one line, as the plan and the notice cite it.
    public var cited: LocalizedText {
        switch self {
        case .law(let bases):
            let text = bases.map(\.cited).joined(separator: "; ")
            return LocalizedText(en: text, zh: text)
        case .document(let source, let place):
            let prefix = place.map { "\($0): " } ?? ""
            let zhPrefix = place.map { "\($0)：" } ?? ""
            return LocalizedText(en: prefix + source.citation, zh: zhPrefix + source.citation)
        case .assumed(let reason):
            return LocalizedText(en: "assumed: \(reason)", zh: "假定：\(reason)")
        }
    }
}
