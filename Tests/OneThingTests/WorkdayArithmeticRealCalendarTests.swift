import Foundation
import OneThing
import Testing

/// Working-day arithmetic on the mainland calendars in `bundles/catalogue`.
///
/// Every expected date is checked by hand against the tables in facts.md §6:
/// - 2025: 01-01; 01-28…02-04 (make-up Sun 01-26, Sat 02-08); 04-04…06; 05-01…05
///   (make-up Sun 04-27); 05-31…06-02; 10-01…08 (make-up Sun 09-28, Sat 10-11).
/// - 2026: 01-01…03 (make-up Sun 01-04); 02-15…23 (make-up Sat 02-14, Sat 02-28);
///   04-04…06; 05-01…05 (make-up Sat 05-09); 06-19…21; 09-25…27; 10-01…07 (make-up
///   Sun 09-20, Sat 10-10).
/// Weekdays: 2025-01-01 is a Wednesday, 2026-01-01 a Thursday.
struct WorkdayArithmeticRealCalendarTests {
    static let catalogueFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("bundles/catalogue").path

    static let calendar = CatalogueLoader.load(folder: catalogueFolder).catalogue.calendar(region: "CN")

    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func theNoticesCover2025And2026AndTheLawTheYearsAfterThrough2100() {
        #expect(Self.calendar.noticeYears == [2025, 2026])
        #expect(Self.calendar.provisionalYears == Array(2027...2100))
    }

    @Test func tenWorkingDaysAfterTheFridayBeforeNationalDay2025() throws {
        // After Friday 2025-09-26: 1 Sun 09-28 (make-up), 2 Mon 09-29, 3 Tue 09-30,
        // (10-01…08 off), 4 Thu 10-09, 5 Fri 10-10, 6 Sat 10-11 (make-up), (Sun 10-12 off),
        // 7 Mon 10-13, 8 Tue 10-14, 9 Wed 10-15, 10 Thu 10-16.
        #expect(try Self.calendar.adding(workdays: 10, to: Self.day("2025-09-26")) == Self.day("2025-10-16"))
    }

    @Test func theSaturdayBeforeTheSpringFestivalOf2026IsWorked() throws {
        // Friday 2026-02-13 + 1: Saturday 02-14 is a make-up working day.
        #expect(try Self.calendar.adding(workdays: 1, to: Self.day("2026-02-13")) == Self.day("2026-02-14"))
    }

    @Test func theNextWorkingDayAfterTheSpringFestivalOf2026IsTuesdayThe24th() throws {
        // Friday 2026-02-13 + 2: 1 Sat 02-14 (make-up), (02-15…23 off, 02-23 a Monday), 2 Tue 02-24.
        #expect(try Self.calendar.adding(workdays: 2, to: Self.day("2026-02-13")) == Self.day("2026-02-24"))
    }

    @Test func countingAcrossTheSpringFestivalOf2026() throws {
        // After Friday 02-13 up to Saturday 02-28: Sat 02-14 (make-up), Tue 02-24, Wed 02-25,
        // Thu 02-26, Fri 02-27, Sat 02-28 (make-up) = 6; 02-15…23 are off.
        #expect(
            try Self.calendar.workdays(from: Self.day("2026-02-13"), through: Self.day("2026-02-28")) == 6)
    }

    @Test(arguments: [2025, 2026])
    func countingThroughAWholeYearGives248(_ year: Int) throws {
        // January 1 is a holiday in both years, so leaving the first day out loses nothing:
        // the count from 01-01 through 12-31 is the year's 248 working days (facts.md §6).
        let first = CalendarDate(year: year, month: 1, day: 1)!
        let last = CalendarDate(year: year, month: 12, day: 31)!
        #expect(try Self.calendar.workdays(from: first, through: last) == 248)
    }

    @Test func countingFromTheLastDayOf2025ThroughTheLastDayOf2026Gives248() throws {
        #expect(
            try Self.calendar.workdays(from: Self.day("2025-12-31"), through: Self.day("2026-12-31")) == 248)
    }

    @Test func countingFromTheLastDayOf2024IsOutOfRange() {
        // The days after 2024-12-31 are covered, but the start date itself is not.
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try Self.calendar.workdays(from: Self.day("2024-12-31"), through: Self.day("2025-12-31"))
        }
        #expect(error?.date == Self.day("2024-12-31"))
        #expect(error?.years == Array(2025...2100))
    }

    @Test func addingAcrossTheNewYearUsesTheNextYearsCalendar() throws {
        // After Wednesday 2025-12-31: 2026-01-01…03 are off, Sunday 01-04 is a make-up day.
        #expect(try Self.calendar.adding(workdays: 1, to: Self.day("2025-12-31")) == Self.day("2026-01-04"))
    }

    @Test func countingAcrossTheNewYear() throws {
        // After Friday 2025-12-26: Mon 12-29, Tue 12-30, Wed 12-31, (2026-01-01…03 off),
        // Sun 01-04 (make-up), Mon 01-05 = 5.
        #expect(
            try Self.calendar.workdays(from: Self.day("2025-12-26"), through: Self.day("2026-01-05")) == 5)
    }

    @Test func sevenDaysEndingInTheNationalDayHolidayMoveToTheNextWorkingDay() throws {
        // Friday 2025-09-26 + 7 days = Friday 10-03, in the holiday (10-01…08); next: Thursday 10-09.
        let due = try Self.calendar.due(after: Self.day("2025-09-26"), limit: TimeLimit(parsing: "7日")!)
        #expect(due == Self.day("2025-10-09"))
    }

    @Test func fifteenDaysEndingInTheSpringFestivalMoveToTheNextWorkingDay() throws {
        // Friday 2026-02-06 + 15 days = Saturday 02-21, in the holiday (02-15…23); next: Tuesday 02-24.
        let due = try Self.calendar.due(after: Self.day("2026-02-06"), limit: TimeLimit(parsing: "15日")!)
        #expect(due == Self.day("2026-02-24"))
    }

    @Test func daysEndingOnAMakeUpSaturdayEndThere() throws {
        // An applicant's period from Saturday 2025-10-04: + 7 days = Saturday 10-11, a
        // make-up working day. (An office's limit started that day counts from Thursday
        // 10-09, the first working day: it ends on 10-16.)
        let end = try Self.calendar.periodEnd(after: Self.day("2025-10-04"), limit: TimeLimit(parsing: "7天")!)
        #expect(end == Self.day("2025-10-11"))
        let due = try Self.calendar.due(after: Self.day("2025-10-04"), limit: TimeLimit(parsing: "7天")!)
        #expect(due == Self.day("2025-10-16"))
    }

    @Test func aMonthEndingOnNationalDayMovesToTheNextWorkingDay() throws {
        // 2025-09-01 + 1 month = Wednesday 10-01, a holiday; next: Thursday 10-09.
        let due = try Self.calendar.due(after: Self.day("2025-09-01"), limit: TimeLimit(parsing: "1个月")!)
        #expect(due == Self.day("2025-10-09"))
    }

    @Test func twoMonthsFromNewYearsEveEndOnTheLastDayOfFebruary2026() throws {
        // 2025-12-31 + 2 months = 2026-02-31, which does not exist: 02-28, a make-up Saturday.
        let due = try Self.calendar.due(after: Self.day("2025-12-31"), limit: TimeLimit(parsing: "2个月")!)
        #expect(due == Self.day("2026-02-28"))
    }

    @Test func sixteenWorkingHoursAreTwoWorkingDays() throws {
        // From Friday 2026-02-13: 8 hours on Saturday 02-14 (make-up), 8 on Tuesday 02-24.
        let due = try Self.calendar.due(after: Self.day("2026-02-13"), limit: TimeLimit(parsing: "16小时")!)
        #expect(due == Self.day("2026-02-24"))
    }

    @Test func addingPastTheLastDayOf2026RunsIntoTheProvisional2027() throws {
        // Thursday 2026-12-31 + 1: Friday 2027-01-01 is 元旦 by the law; Monday 01-04.
        let due = try Self.calendar.adding(workdays: 1, to: Self.day("2026-12-31"))
        #expect(due == Self.day("2027-01-04"))
        #expect(Self.calendar.touchesProvisionalYear(from: Self.day("2026-12-31"), through: due))
    }

    @Test func countingPast2100IsAnErrorThatNamesTheLastDate() {
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try Self.calendar.workdays(from: Self.day("2100-12-30"), through: Self.day("2101-01-04"))
        }
        #expect(error?.date == Self.day("2101-01-04"))
    }
}
