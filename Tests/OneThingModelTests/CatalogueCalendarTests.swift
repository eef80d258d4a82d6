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
        #expect(calendar.years == [2025])
        #expect(try calendar.isWorkday(CalendarDate("2025-09-28")!))
        #expect(try !calendar.isWorkday(CalendarDate("2025-10-08")!))
    }

    @Test func otherRegionsAreIgnored() {
        let calendar = Catalogue(calendarYears: [Self.year2025]).calendar(region: "HK")
        #expect(calendar.years == [])
    }
}
