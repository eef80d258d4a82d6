import OneThingModel
import OneThingSource
import Testing

struct WorkdayCalendarTests {
    static let span = SourceSpan.wholeFile("test")

    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static let year2025 = CalendarYear(
        region: "CN", year: 2025,
        holidays: [Holiday(name: "国庆", from: day("2025-10-01"), to: day("2025-10-08"), span: span)],
        makeUpWorkdays: [Located(day("2025-09-28"), at: span)], span: span)

    @Test func makeUpDaysAreWorkedAndHolidaysAreNot() throws {
        let calendar = WorkdayCalendar(region: "CN", years: [Self.year2025])
        #expect(try calendar.isWorkday(Self.day("2025-09-28")))  // a Sunday, worked
        #expect(try !calendar.isWorkday(Self.day("2025-10-06")))  // a Monday, off
        #expect(try calendar.isWorkday(Self.day("2025-10-09")))
        #expect(try !calendar.isWorkday(Self.day("2025-10-12")))  // an ordinary Sunday
    }

    @Test func aDateOutsideTheCoveredYearsIsAnError() {
        let calendar = WorkdayCalendar(region: "CN", years: [Self.year2025])
        #expect(throws: WorkdayCalendar.OutOfRange.self) { try calendar.isWorkday(Self.day("2027-01-04")) }
    }

    @Test func otherRegionsAreIgnored() {
        let calendar = WorkdayCalendar(region: "HK", years: [Self.year2025])
        #expect(calendar.years == [])
    }
}
