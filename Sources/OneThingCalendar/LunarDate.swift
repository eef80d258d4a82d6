import Foundation

/// A day of the Chinese lunisolar calendar (农历): 正月初一 is month 1, day 1.
///
/// Dates are converted by Foundation's Chinese calendar (`Calendar(identifier:
/// .chinese)`, ICU's astronomical computation) in the time zone Asia/Shanghai, the
/// zone in which the official calendar's days begin. The tests check it against an
/// independent table of 春节, 端午 and 中秋 for every year the statutory holidays are
/// computed for (``StatutoryHolidays/years``).
///
/// A lunar year is named by the Gregorian year in which its first day falls: the 除夕
/// before 春节 2027 (2027-02-05) is the last day of month 12 of lunar year 2026.
public struct LunarDate: Hashable, Sendable, CustomStringConvertible {
    /// The Gregorian year in which this lunar year's first day (正月初一) falls.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// Whether the month is the leap month (闰月) that follows month `month`.
    public let isLeapMonth: Bool
    /// The day of the month, 1–30.
    public let day: Int

    /// A lunar date, which need not exist: a month has 29 or 30 days, and most years
    /// have no leap month (``gregorian`` is `nil` for a day that does not exist).
    public init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// The lunar date of the Gregorian day `date`, or `nil` when Foundation cannot tell.
    public init?(_ date: CalendarDate) {
        guard let chinese = Self.chinese else { return nil }
        let parts = chinese.dateComponents(
            [.month, .day, .isLeapMonth], from: Self.noon(of: date, in: chinese.timeZone))
        guard let month = parts.month, let day = parts.day else { return nil }
        // Months 11 and 12 seen in January or February belong to the lunar year that began
        // the Gregorian year before: 正月初一 never falls before January 21.
        let year = date.month <= 2 && month >= 11 ? date.year - 1 : date.year
        self.init(year: year, month: month, day: day, isLeapMonth: parts.isLeapMonth ?? false)
    }

    /// The Gregorian day of this lunar date; `nil` when the day does not exist (day 30
    /// of a month of 29 days, a leap month the year does not have) or Foundation
    /// cannot tell.
    public var gregorian: CalendarDate? {
        guard let chinese = Self.chinese, (1...12).contains(month), (1...30).contains(day),
            let midYear = CalendarDate(year: year, month: 6, day: 1)
        else { return nil }
        // June 1 lies in the lunar year that began in the same Gregorian year: its era and
        // cyclic year name that lunar year for Foundation.
        let named = chinese.dateComponents([.era, .year], from: Self.noon(of: midYear, in: chinese.timeZone))
        var wanted = DateComponents(era: named.era, year: named.year, month: month, day: day, hour: 12)
        wanted.isLeapMonth = isLeapMonth
        guard let moment = chinese.date(from: wanted) else { return nil }
        let found = Self.day(of: moment, in: chinese.timeZone)
        // Foundation rolls a day that does not exist over into the next month: refuse it.
        return LunarDate(found) == self ? found : nil
    }

    /// `正月初一`, `闰四月十五`, `腊月三十`.
    public var description: String {
        let months = ["正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊"]
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        let monthName = (1...12).contains(month) ? months[month - 1] : String(month)
        let dayName: String =
            switch day {
            case 1...10: "初" + digits[day]
            case 11...19: "十" + digits[day - 10]
            case 20: "二十"
            case 21...29: "廿" + digits[day - 20]
            case 30: "三十"
            default: String(day)
            }
        return (isLeapMonth ? "闰" : "") + monthName + "月" + dayName
    }

    /// Foundation's Chinese calendar in Asia/Shanghai, or `nil` when the system has no
    /// data for that zone.
    static let chinese: Calendar? = {
        guard let zone = TimeZone(identifier: "Asia/Shanghai") else { return nil }
        var calendar = Calendar(identifier: .chinese)
        calendar.timeZone = zone
        return calendar
    }()

    /// Noon of `date` in `zone`: a moment well inside the day, whatever the offset.
    static func noon(of date: CalendarDate, in zone: TimeZone) -> Date {
        let noonUTC = Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400 + 12 * 3_600)
        return noonUTC.addingTimeInterval(-Double(zone.secondsFromGMT(for: noonUTC)))
    }

    /// The day in `zone` on which `moment` falls.
    static func day(of moment: Date, in zone: TimeZone) -> CalendarDate {
        let local = moment.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: moment))
        return CalendarDate(dayNumber: Int((local / 86_400).rounded(.down)))
    }
}
