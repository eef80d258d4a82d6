import OneThingCalendar
import Testing

struct WorkdayCalendarTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static let year2025 = WorkdayCalendar.Arrangement(
        year: 2025,
        holidays: [day("2025-10-01")...day("2025-10-08")],
        makeUpWorkdays: [day("2025-09-28")])

    @Test func makeUpDaysAreWorkedAndHolidaysAreNot() throws {
        let calendar = WorkdayCalendar(region: "CN", arrangements: [Self.year2025])
        #expect(try calendar.isWorkday(Self.day("2025-09-28")))  // a Sunday, worked
        #expect(try !calendar.isWorkday(Self.day("2025-10-06")))  // a Monday, off
        #expect(try calendar.isWorkday(Self.day("2025-10-09")))
        #expect(try !calendar.isWorkday(Self.day("2025-10-12")))  // an ordinary Sunday
    }

    @Test func aDateOutsideTheCoveredYearsIsAnError() {
        let calendar = WorkdayCalendar(region: "CN", arrangements: [Self.year2025])
        #expect(throws: WorkdayCalendar.OutOfRange.self) { try calendar.isWorkday(Self.day("2027-01-04")) }
    }
}
