/// The days off that 全国年节及纪念日放假办法 gives the whole population in one year
/// (全体公民放假的节日, §2), with the days made up for those that fall on a weekend (§6).
///
/// These are the law's days only. Each year's State Council notice (国务院办公厅关于某年
/// 部分节假日安排的通知) turns them into the real arrangement: it joins them with
/// weekends into longer holidays and sets the weekend days worked instead (调休, §7),
/// which no rule can foresee. A year without a notice is planned on these days as a
/// *provisional* calendar (``WorkdayCalendar/Arrangement/provisional(year:)``).
///
/// §6 says that a holiday falling on a Saturday or Sunday "应当在工作日补假" (is made
/// up on a working day) without saying which; we take the first days after the
/// festival that are Monday to Friday and not already off, one for each of its days
/// that falls on a weekend or on a day another festival already gives (中秋 on 10-01).
/// This is what the notices of 2025 and 2026 did (清明 2026 on a Sunday was made up
/// on Monday 04-06).
public struct StatutoryHolidays: Hashable, Sendable {
    /// The region whose working days follow the law: the mainland, `CN`.
    public static let region = "CN"

    /// The years computed: from 2008, when the 2007 revision (the first with 清明, 端午
    /// and 中秋) came into force, to 2100, through which Foundation's Chinese calendar
    /// and the solar-term computation are checked.
    public static let years: ClosedRange<Int> = 2008...2100

    /// One festival of §2 in one year.
    public struct Festival: Hashable, Sendable {
        /// Which festival.
        public let kind: Kind
        /// The days the law gives, in order.
        public let days: [CalendarDate]
        /// The working days given instead of those of ``days`` that fall on a weekend or
        /// on another festival's day (补假, §6), in order.
        public let madeUpDays: [CalendarDate]

        /// The first day off to the last, made-up days included.
        public var period: ClosedRange<CalendarDate> {
            let first = days.first ?? CalendarDate(dayNumber: 0)
            return first...(madeUpDays.last ?? days.last ?? first)
        }

        /// The festivals of §2, in the law's order.
        public enum Kind: Int, Hashable, Sendable, CaseIterable {
            /// 元旦, January 1.
            case newYear
            /// 春节, from 正月初一 (with 除夕 from 2025, and from 2008 to 2013).
            case springFestival
            /// 清明节, the day of the solar term 清明.
            case qingming
            /// 劳动节, May 1 (and May 2 from 2025).
            case labourDay
            /// 端午节, the fifth day of the fifth lunar month.
            case dragonBoat
            /// 中秋节, the fifteenth day of the eighth lunar month.
            case midAutumn
            /// 国庆节, October 1 to 3.
            case nationalDay

            /// The name as the notices write it: `春节`.
            public var chineseName: String {
                ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"][rawValue]
            }

            /// The English name: `Spring Festival`.
            public var englishName: String {
                [
                    "New Year's Day", "Spring Festival", "Qingming Festival", "Labour Day",
                    "Dragon Boat Festival", "Mid-Autumn Festival", "National Day",
                ][rawValue]
            }
        }
    }

    /// The year.
    public let year: Int
    /// The revision of the law in force in the year.
    public let revision: Revision
    /// The festivals, in the order of their first day.
    public let festivals: [Festival]

    /// The law's holidays of `year`, or `nil` outside ``years`` (or when Foundation
    /// cannot compute a lunar date).
    public init?(year: Int) {
        guard Self.years.contains(year), let revision = Revision.inForce(in: year),
            let newYear = CalendarDate(year: year, month: 1, day: 1),
            let springFestival = LunarDate(year: year, month: 1, day: 1).gregorian,
            let qingming = SolarTerm.qingming.date(in: year),
            let dragonBoat = LunarDate(year: year, month: 5, day: 5).gregorian,
            let midAutumn = LunarDate(year: year, month: 8, day: 15).gregorian,
            let mayDay = CalendarDate(year: year, month: 5, day: 1),
            let october1 = CalendarDate(year: year, month: 10, day: 1)
        else { return nil }
        let lawDays: [(Festival.Kind, [CalendarDate])] = [
            (.newYear, [newYear]),
            (.springFestival, revision.springFestivalDays.map { springFestival.adding(days: $0) }),
            (.qingming, [qingming]),
            (.labourDay, (0..<revision.labourDayLength).map { mayDay.adding(days: $0) }),
            (.dragonBoat, [dragonBoat]),
            (.midAutumn, [midAutumn]),
            (.nationalDay, (0..<3).map { october1.adding(days: $0) }),
        ]
        let ordered = lawDays.sorted { ($0.1[0], $0.0.rawValue) < ($1.1[0], $1.0.rawValue) }
        var off = Set(ordered.flatMap(\.1))
        var given = Set<CalendarDate>()
        var festivals: [Festival] = []
        for (kind, days) in ordered {
            let owed = days.filter { $0.isWeekend || given.contains($0) }.count
            given.formUnion(days)
            var madeUp: [CalendarDate] = []
            var candidate = days[days.count - 1]
            while madeUp.count < owed {
                candidate = candidate.adding(days: 1)
                if !candidate.isWeekend, !off.contains(candidate) {
                    madeUp.append(candidate)
                    off.insert(candidate)
                }
            }
            festivals.append(Festival(kind: kind, days: days, madeUpDays: madeUp))
        }
        self.year = year
        self.revision = revision
        self.festivals = festivals
    }

    /// The holidays of every year of ``years``, computed once per process.
    static let table: [Int: StatutoryHolidays] = Dictionary(
        uniqueKeysWithValues: years.compactMap { year in StatutoryHolidays(year: year).map { (year, $0) } })

    /// The holidays of `year` from ``table``: `nil` outside ``years``.
    static func cached(year: Int) -> StatutoryHolidays? { table[year] }

    /// Every day off: the law's days and the made-up days.
    public var daysOff: Set<CalendarDate> {
        Set(festivals.flatMap { $0.days + $0.madeUpDays })
    }
}
