import OneThingCalendar
import Testing

/// The day of 清明, computed from the Sun's longitude, against known dates.
struct SolarTermTests {
    @Test(arguments: [
        (2023, "2023-04-05"), (2024, "2024-04-04"), (2025, "2025-04-04"), (2026, "2026-04-05"),
        (2027, "2027-04-05"),
    ])
    func qingmingFallsOnItsKnownDay(_ year: Int, _ expected: String) {
        #expect(SolarTerm.qingming.date(in: year) == CalendarDate(expected))
    }

    @Test(arguments: KnownChineseCalendarDates.years)
    func everyYearsQingmingMatchesTheIndependentEphemeris(_ known: KnownChineseCalendarDates.Year) {
        #expect(SolarTerm.qingming.date(in: known.year) == known.qingming)
    }

    @Test func otherTermsFallInTheirOwnSeason() {
        // 冬至 (270°) of 2025 fell on 12-21, 小寒 (285°) of 2026 on 01-05, 春分 (0°) of 2026 on 03-20.
        #expect(SolarTerm(name: "冬至", longitude: 270).date(in: 2025) == CalendarDate("2025-12-21"))
        #expect(SolarTerm(name: "小寒", longitude: 285).date(in: 2026) == CalendarDate("2026-01-05"))
        #expect(SolarTerm(name: "春分", longitude: 0).date(in: 2026) == CalendarDate("2026-03-20"))
    }

    @Test func aYearOutsideTheComputedYearsHasNoDate() {
        #expect(SolarTerm.qingming.date(in: 1985) == nil)
        #expect(SolarTerm.qingming.date(in: 2151) == nil)
    }
}
