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

    @Test(arguments: [
        "3", "workdays", "3 weeks", "three days", "-3 days", ".5 days", "3..5 days", "", "3\u{301} days",
        "3.\u{301} days", "３ days", "3\u{20E3} workdays",
    ])
    func theseAreNotTimeLimits(_ text: String) {
        #expect(TimeLimit(parsing: text) == nil)
    }

    /// White space around a limit, ASCII or full-width, is not part of it; a mark that
    /// joins a space into one character goes with the space.
    @Test(arguments: [
        (" 3 workdays\t", TimeLimit(3, .workdays)),
        ("\r\n3 days \r\n", TimeLimit(3, .days)),
        ("\u{3000}5个工作日\u{3000}", TimeLimit(5, .workdays)),
        (" 2 hours\u{3000}", TimeLimit(2, .hours)),
        (" \u{301}2 hours", TimeLimit(2, .hours)),
    ])
    func whiteSpaceAroundALimitIsTrimmed(_ text: String, _ expected: TimeLimit) {
        #expect(TimeLimit(parsing: text) == expected)
    }

    @Test func trimmingKeepsWhatIsNotWhiteSpace() {
        #expect("abc".trimmingWhitespace() == "abc")
        #expect("  a b  ".trimmingWhitespace() == "a b")
        #expect("\t\n ".trimmingWhitespace() == "")
        #expect(" \u{301}a\u{3000}".trimmingWhitespace() == "a")
        #expect("a\u{301} ".trimmingWhitespace() == "a\u{301}")
        #expect("\u{1C}a\u{1C}".trimmingWhitespace() == "\u{1C}a\u{1C}")
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

    @Test func readsOnlyTheDateShapeInASCIIDigits() {
        #expect(CalendarDate("2025-10-01") == CalendarDate(year: 2025, month: 10, day: 1))
        #expect(CalendarDate("0000-01-01") == CalendarDate(year: 0, month: 1, day: 1))
        #expect(CalendarDate("2025-10-01"[...]) == CalendarDate(year: 2025, month: 10, day: 1))
        for text in [
            "2025/10/01", "2025-10-1 ", " 2025-10-01", "2025-10-01\n", "２０２５-10-01", "2025-1a-01",
            "2025-10-0\u{301}", "2025--10-01", "+025-10-01", "",
        ] {
            #expect(CalendarDate(text) == nil, "\(text.debugDescription)")
        }
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
