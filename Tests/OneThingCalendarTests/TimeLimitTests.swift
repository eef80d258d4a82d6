import OneThingCalendar
import Testing

struct TimeLimitTests {
    @Test(arguments: [
        ("3 workdays", TimeLimit(3, .workdays)),
        ("3个工作日", TimeLimit(3, .workdays)),
        ("3工作日", TimeLimit(3, .workdays)),
        ("1 workday", TimeLimit(1, .workdays)),
        ("10 days", TimeLimit(10, .days)),
        ("10日", TimeLimit(10, .days)),
        ("10天", TimeLimit(10, .days)),
        ("4 hours", TimeLimit(4, .hours)),
        ("4小时", TimeLimit(4, .hours)),
        ("1 month", TimeLimit(1, .months)),
        ("1个月", TimeLimit(1, .months)),
        ("0.5 workdays", TimeLimit(0.5, .workdays)),
        ("即办", TimeLimit(0, .workdays)),
        ("immediate", TimeLimit(0, .workdays)),
    ])
    func peopleWriteLimitsTheseWays(_ text: String, _ expected: TimeLimit) {
        #expect(TimeLimit(parsing: text) == expected)
    }

    @Test(arguments: ["3", "workdays", "3 weeks", "three days", "-3 days", ".5 days", "3..5 days", ""])
    func theseAreNotTimeLimits(_ text: String) {
        #expect(TimeLimit(parsing: text) == nil)
    }

    @Test func unitsCompareInWorkingDayEquivalents() {
        #expect(TimeLimit(16, .hours).workdayEquivalent == 2)
        #expect(TimeLimit(7, .days).workdayEquivalent == 5)
        #expect(TimeLimit(1, .months).workdayEquivalent == TimeLimit(30, .days).workdayEquivalent)
    }

    @Test func limitsPrintInBothLanguages() {
        #expect(TimeLimit(3, .workdays).description == "3 workdays")
        #expect(TimeLimit(3, .workdays).chineseDescription == "3个工作日")
        #expect(TimeLimit(0.5, .days).chineseDescription == "0.5日")
    }
}

struct CalendarDateTests {
    @Test func parsesOnlyDaysThatExist() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2025-02-29") == nil)
        #expect(CalendarDate("2025-13-01") == nil)
        #expect(CalendarDate("2025-1-01") == nil)
        #expect(CalendarDate("20250101") == nil)
    }

    @Test func dayNumbersRoundTrip() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: n).dayNumber == n)
        }
        #expect(CalendarDate("1970-01-01")!.dayNumber == 0)
    }

    @Test func weekdaysAreISO() {
        #expect(CalendarDate("2025-10-01")!.weekday == 3)  // a Wednesday
        #expect(CalendarDate("2026-01-04")!.weekday == 7)  // a Sunday, worked in 2026
        #expect(CalendarDate("2026-01-04")!.isWeekend)
    }
}
