import OneThingCalendar
import Testing

/// Lunar dates from Foundation's Chinese calendar, against known dates.
struct LunarDateTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test(arguments: [
        (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"), (2027, "2027-02-06"),
        (2028, "2028-01-26"),
    ])
    func theSpringFestivalFallsOnItsKnownDay(_ year: Int, _ expected: String) {
        #expect(LunarDate(year: year, month: 1, day: 1).gregorian == Self.day(expected))
    }

    @Test(arguments: [(2025, "2025-05-31"), (2026, "2026-06-19"), (2027, "2027-06-09")])
    func theDragonBoatFestivalFallsOnItsKnownDay(_ year: Int, _ expected: String) {
        #expect(LunarDate(year: year, month: 5, day: 5).gregorian == Self.day(expected))
    }

    @Test(arguments: [(2025, "2025-10-06"), (2026, "2026-09-25"), (2027, "2027-09-15")])
    func theMidAutumnFestivalFallsOnItsKnownDay(_ year: Int, _ expected: String) {
        #expect(LunarDate(year: year, month: 8, day: 15).gregorian == Self.day(expected))
    }

    @Test(arguments: KnownChineseCalendarDates.years)
    func everyYearsFestivalsMatchTheIndependentTable(_ known: KnownChineseCalendarDates.Year) {
        #expect(LunarDate(year: known.year, month: 1, day: 1).gregorian == known.springFestival)
        #expect(LunarDate(year: known.year, month: 5, day: 5).gregorian == known.dragonBoat)
        #expect(LunarDate(year: known.year, month: 8, day: 15).gregorian == known.midAutumn)
    }

    @Test(arguments: KnownChineseCalendarDates.years)
    func theEveIsTheLastDayOfTheTwelfthMonthWhetherItHas29Or30Days(_ known: KnownChineseCalendarDates.Year) {
        let eve = known.springFestival.adding(days: -1)
        #expect(LunarDate(eve) == LunarDate(year: known.year - 1, month: 12, day: known.lastMonthLength))
        #expect(LunarDate(year: known.year - 1, month: 12, day: known.lastMonthLength).gregorian == eve)
    }

    @Test func aDayThatTheMonthDoesNotHaveHasNoGregorianDay() {
        // The twelfth month of lunar year 2026 has 29 days: 除夕 2027 is 腊月廿九, 02-05.
        #expect(LunarDate(Self.day("2027-02-05")) == LunarDate(year: 2026, month: 12, day: 29))
        #expect(LunarDate(year: 2026, month: 12, day: 30).gregorian == nil)
    }

    @Test func aLeapMonthIsItsOwnMonth() {
        // 2028 has a leap fifth month: 端午 is in the ordinary one, 闰五月初五 a month later.
        let ordinary = LunarDate(year: 2028, month: 5, day: 5).gregorian
        let leap = LunarDate(year: 2028, month: 5, day: 5, isLeapMonth: true).gregorian
        #expect(ordinary == Self.day("2028-05-28"))
        #expect(leap == Self.day("2028-06-27"))
        #expect(LunarDate(year: 2027, month: 5, day: 5, isLeapMonth: true).gregorian == nil)
    }

    @Test func aLunarDateReadsInChinese() {
        #expect(LunarDate(year: 2027, month: 1, day: 1).description == "正月初一")
        #expect(LunarDate(year: 2026, month: 12, day: 29).description == "腊月廿九")
        #expect(LunarDate(year: 2028, month: 5, day: 15, isLeapMonth: true).description == "闰五月十五")
        #expect(LunarDate(year: 2027, month: 8, day: 30).description == "八月三十")
    }
}
