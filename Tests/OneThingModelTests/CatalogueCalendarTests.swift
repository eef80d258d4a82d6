import OneThingModel
import OneThingSource
import Testing

/// The catalogue's calendar years become a region's working-day calendar.
struct CatalogueCalendarTests {
    static let span = SourceSpan.wholeFile("test")

    static let year2025 = CalendarYear(
        region: "CN", year: 2025,
        holidays: [
            Holiday(
                name: "国庆", from: CalendarDate("2025-10-01")!, to: CalendarDate("2025-10-08")!, span: span)
        ],
        makeUpWorkdays: [Located(CalendarDate("2025-09-28")!, at: span)], span: span)

    @Test func aRegionsYearsMakeItsCalendar() throws {
        let calendar = Catalogue(calendarYears: [Self.year2025]).calendar(region: "CN")
        #expect(calendar.noticeYears == [2025])
        #expect(try calendar.isWorkday(CalendarDate("2025-09-28")!))
        #expect(try !calendar.isWorkday(CalendarDate("2025-10-08")!))
    }

    @Test func theMainlandCalendarRunsOnProvisionallyFromTheLawThrough2100() throws {
        let calendar = Catalogue(calendarYears: [Self.year2025]).calendar(region: "CN")
        #expect(calendar.years == Array(2025...2100))
        #expect(calendar.provisionalYears == Array(2026...2100))
        #expect(try !calendar.isWorkday(CalendarDate("2026-02-17")!))  // 春节 2026, from the law
    }

    @Test func theNoticesHolidayNamesReachTheCalendar() {
        let calendar = Catalogue(calendarYears: [Self.year2025]).calendar(region: "CN")
        let periods = calendar.holidayPeriods(
            from: CalendarDate("2025-09-01")!, through: CalendarDate("2025-10-31")!)
        #expect(
            periods == [
                HolidayPeriod(name: "国庆", days: CalendarDate("2025-10-01")!...CalendarDate("2025-10-08")!)
            ])
    }

    @Test func otherRegionsAreIgnored() {
        let calendar = Catalogue(calendarYears: [Self.year2025]).calendar(region: "HK")
        #expect(calendar.years == [])
    }

    @Test func theCatalogueKeepsItsCalendarsAndRebuildsThemWhenItsYearsChange() {
        var catalogue = Catalogue()
        #expect(catalogue.calendar(region: "CN").years == [])
        catalogue.calendarYears = [Self.year2025]
        #expect(catalogue.calendar(region: "CN").noticeYears == [2025])
        #expect(catalogue.calendar(region: "CN") == catalogue.calendar(region: "CN"))
    }
}
