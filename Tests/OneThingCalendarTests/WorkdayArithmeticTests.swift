import OneThingCalendar
import Testing

/// The counting rules of working-day arithmetic, on hand-built calendars.
///
/// `nationalDay2025` is 2025 with only its National Day arrangement (facts.md §6):
/// 10-01 to 10-08 off, Sunday 09-28 and Saturday 10-11 worked. 2025-09-26 is a Friday,
/// 2025-10-01 a Wednesday.
struct WorkdayArithmeticTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    /// A year of Mondays to Fridays only.
    static func plainYear(_ year: Int) -> WorkdayCalendar.Arrangement {
        WorkdayCalendar.Arrangement(year: year, holidays: [], makeUpWorkdays: [])
    }

    static let nationalDay2025 = WorkdayCalendar.Arrangement(
        year: 2025,
        holidays: [day("2025-10-01")...day("2025-10-08")],
        makeUpWorkdays: [day("2025-09-28"), day("2025-10-11")])

    static let calendar = WorkdayCalendar(region: "CN", arrangements: [nationalDay2025])

    // MARK: Adding working days

    @Test func theStartDateIsNotCounted() throws {
        // Monday 09-29 is not counted; the first working day after it is Tuesday 09-30.
        #expect(try Self.calendar.adding(workdays: 1, to: Self.day("2025-09-29")) == Self.day("2025-09-30"))
    }

    @Test func addingSkipsHolidaysAndWeekendsAndCountsMakeUpDays() throws {
        // After Friday 09-26: 1 Sun 09-28 (worked), 2 Mon 09-29, 3 Tue 09-30, (10-01…08 off),
        // 4 Thu 10-09, 5 Fri 10-10, 6 Sat 10-11 (worked), (Sun 10-12 off), 7 Mon 10-13,
        // 8 Tue 10-14, 9 Wed 10-15, 10 Thu 10-16.
        #expect(try Self.calendar.adding(workdays: 10, to: Self.day("2025-09-26")) == Self.day("2025-10-16"))
    }

    @Test func addingFromARestDayCountsFromTheNextWorkingDay() throws {
        // Saturday 10-04 lies in the holiday; the first working day after it is Thursday 10-09.
        #expect(try Self.calendar.adding(workdays: 1, to: Self.day("2025-10-04")) == Self.day("2025-10-09"))
    }

    @Test func addingZeroToAWorkingDayGivesTheDayItself() throws {
        #expect(try Self.calendar.adding(workdays: 0, to: Self.day("2025-09-30")) == Self.day("2025-09-30"))
    }

    @Test func addingZeroToARestDayGivesTheNextWorkingDay() throws {
        // Wednesday 10-01 is a holiday; the holiday ends on 10-08.
        #expect(try Self.calendar.adding(workdays: 0, to: Self.day("2025-10-01")) == Self.day("2025-10-09"))
    }

    @Test func theNextWorkdayOfAWorkingDayIsTheDayItself() throws {
        #expect(try Self.calendar.nextWorkday(onOrAfter: Self.day("2025-10-09")) == Self.day("2025-10-09"))
    }

    @Test func theNextWorkdayOfASaturdayCanBeAMakeUpSunday() throws {
        // Saturday 09-27 is off; Sunday 09-28 is worked.
        #expect(try Self.calendar.nextWorkday(onOrAfter: Self.day("2025-09-27")) == Self.day("2025-09-28"))
    }

    // MARK: Counting working days

    @Test func countingLeavesOutTheFirstDayAndIncludesTheLast() throws {
        // Only Tuesday 09-30 lies after Monday 09-29 up to and including 09-30.
        #expect(
            try Self.calendar.workdays(from: Self.day("2025-09-29"), through: Self.day("2025-09-30")) == 1)
    }

    @Test func countingFromADayToItselfIsZero() throws {
        #expect(
            try Self.calendar.workdays(from: Self.day("2025-09-30"), through: Self.day("2025-09-30")) == 0)
    }

    @Test func countingAcrossAHolidayCountsOnlyWorkingDays() throws {
        // After Friday 09-26 up to Thursday 10-16: the ten days listed for the adding test.
        #expect(
            try Self.calendar.workdays(from: Self.day("2025-09-26"), through: Self.day("2025-10-16")) == 10)
    }

    @Test func countingBackwardsIsNegative() throws {
        #expect(
            try Self.calendar.workdays(from: Self.day("2025-10-16"), through: Self.day("2025-09-26")) == -10)
    }

    @Test func countingWhatWasAddedGivesBackTheNumberAdded() throws {
        let start = Self.day("2025-09-20")
        for n in 1...40 {
            let end = try Self.calendar.adding(workdays: n, to: start)
            #expect(try Self.calendar.workdays(from: start, through: end) == n, "n = \(n), end = \(end)")
        }
    }

    @Test func countsOverConsecutiveSpansAddUp() throws {
        let (a, b, c) = (Self.day("2025-09-15"), Self.day("2025-10-05"), Self.day("2025-10-20"))
        let whole = try Self.calendar.workdays(from: a, through: c)
        #expect(
            try Self.calendar.workdays(from: a, through: b) + Self.calendar.workdays(from: b, through: c)
                == whole)
    }

    @Test func aYearCountsItsWeekdaysLessWeekdayHolidaysPlusMakeUpDays() throws {
        // 2025 has 261 Mondays to Fridays (365 days = 52 weeks + Wednesday 12-31); the
        // holiday takes six of them (10-01, 02, 03, 06, 07, 08) and the make-up days add two.
        #expect(try Self.calendar.workdays(inYear: 2025) == 261 - 6 + 2)
    }

    // MARK: Dates outside the calendar

    @Test func aStartDateBeforeTheCoveredYearsIsAnError() {
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try Self.calendar.adding(workdays: 1, to: Self.day("2024-12-31"))
        }
        #expect(error?.date == Self.day("2024-12-31"))
    }

    @Test func addingPastTheLastCoveredDayIsAnError() {
        // Wednesday 2025-12-31 is the last covered day; the next working day is in 2026.
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try Self.calendar.adding(workdays: 1, to: Self.day("2025-12-31"))
        }
        #expect(error?.date == Self.day("2026-01-01"))
    }

    @Test func addingRunsOutOfWorkingDaysWhereTheCalendarEnds() {
        // A year of Mondays to Fridays: after Saturday 2025-12-27 come Monday 12-29,
        // Tuesday 12-30 and Wednesday 12-31; a fourth working day would be in 2026.
        let calendar = WorkdayCalendar(region: "CN", arrangements: [Self.plainYear(2025)])
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try calendar.adding(workdays: 4, to: Self.day("2025-12-27"))
        }
        #expect(error?.date == Self.day("2026-01-01"))
    }

    @Test func theNextWorkdayPastTheLastCoveredDayIsAnError() {
        // With 12-29 to 12-31 off, no working day is left after Friday 2025-12-26.
        var year = Self.plainYear(2025)
        year.holidays = [
            Self.day("2025-12-29")...Self.day("2025-12-31")
        ]
        let calendar = WorkdayCalendar(region: "CN", arrangements: [year])
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try calendar.nextWorkday(onOrAfter: Self.day("2025-12-27"))
        }
        #expect(error?.date == Self.day("2026-01-01"))
    }

    @Test func countingToADayAfterTheCoveredYearsIsAnErrorThatNamesThatDay() {
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try Self.calendar.workdays(from: Self.day("2025-12-30"), through: Self.day("2026-01-05"))
        }
        #expect(error?.date == Self.day("2026-01-05"))
    }

    @Test func addingAcrossAYearTheCalendarDoesNotCoverIsAnError() {
        // 2025 and 2027 are covered, 2026 is not: from Monday 2025-12-29, the third working
        // day would be in 2026.
        let calendar = WorkdayCalendar(
            region: "CN", arrangements: [Self.plainYear(2025), Self.plainYear(2027)])
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try calendar.adding(workdays: 3, to: Self.day("2025-12-29"))
        }
        #expect(error?.date == Self.day("2026-01-01"))
        #expect(error?.years == [2025, 2027])
    }

    @Test func countingAcrossAYearTheCalendarDoesNotCoverIsAnError() {
        let calendar = WorkdayCalendar(
            region: "CN", arrangements: [Self.plainYear(2025), Self.plainYear(2027)])
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try calendar.workdays(from: Self.day("2025-12-01"), through: Self.day("2027-01-05"))
        }
        #expect(error?.date == Self.day("2026-01-01"))
        #expect(error?.years == [2025, 2027])
    }

    @Test func aCalendarWithoutYearsCoversNothing() {
        let calendar = WorkdayCalendar(region: "CN", arrangements: [])
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try calendar.nextWorkday(onOrAfter: Self.day("2025-10-09"))
        }
        #expect(error?.date == Self.day("2025-10-09"))
        #expect(error?.years == [])
    }

    // MARK: Due dates of time limits

    @Test func aLimitInWorkingDaysEndsOnTheNthWorkingDayAfterTheStart() throws {
        // As adding 10 working days to Friday 09-26.
        let due = try Self.calendar.due(after: Self.day("2025-09-26"), limit: TimeLimit(10, .workdays))
        #expect(due == Self.day("2025-10-16"))
    }

    @Test func fractionalWorkingDaysRoundUp() throws {
        // 0.5 working days after Friday 09-26 ends on the first working day, Sunday 09-28 (worked).
        let due = try Self.calendar.due(after: Self.day("2025-09-26"), limit: TimeLimit(0.5, .workdays))
        #expect(due == Self.day("2025-09-28"))
    }

    @Test func anImmediateLimitEndsOnTheDayOfAcceptance() throws {
        let due = try Self.calendar.due(after: Self.day("2025-09-30"), limit: TimeLimit(parsing: "即办")!)
        #expect(due == Self.day("2025-09-30"))
    }

    @Test func aLimitInDaysEndingOnAWorkingDayEndsThatDay() throws {
        // Friday 09-26 + 3 days = Monday 09-29, a working day.
        let due = try Self.calendar.due(after: Self.day("2025-09-26"), limit: TimeLimit(3, .days))
        #expect(due == Self.day("2025-09-29"))
    }

    @Test func aLimitInDaysEndingOnAHolidayMovesToTheNextWorkingDay() throws {
        // Friday 09-26 + 7 days = Friday 10-03, in the holiday; the next working day is 10-09.
        let due = try Self.calendar.due(after: Self.day("2025-09-26"), limit: TimeLimit(7, .days))
        #expect(due == Self.day("2025-10-09"))
    }

    @Test func aLimitInDaysEndingOnAnOrdinaryWeekendMovesToMonday() throws {
        // Friday 2025-06-06 + 1 day = Saturday 06-07; Monday 06-09 is the next working day.
        let due = try Self.calendar.due(after: Self.day("2025-06-06"), limit: TimeLimit(1, .days))
        #expect(due == Self.day("2025-06-09"))
    }

    @Test func aPeriodInDaysEndingOnAMakeUpDayEndsThatDay() throws {
        // An applicant's period: Saturday 10-04 + 7 days = Saturday 10-11, which is worked.
        let end = try Self.calendar.periodEnd(after: Self.day("2025-10-04"), limit: TimeLimit(7, .days))
        #expect(end == Self.day("2025-10-11"))
    }

    @Test func aLimitOfZeroDaysOnARestDayEndsOnTheNextWorkingDay() throws {
        let due = try Self.calendar.due(after: Self.day("2025-10-01"), limit: TimeLimit(0, .days))
        #expect(due == Self.day("2025-10-09"))
    }

    @Test func aLimitInDaysPastTheCoveredYearsIsAnError() {
        // Saturday 2025-12-20 + 15 days = 2026-01-04, a year the calendar does not cover.
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try Self.calendar.due(after: Self.day("2025-12-20"), limit: TimeLimit(15, .days))
        }
        #expect(error?.date == Self.day("2026-01-01"))
    }

    @Test func aLimitInMonthsEndsOnTheSameDayNumber() throws {
        // Friday 08-15 + 1 month = Monday 09-15, a working day.
        let due = try Self.calendar.due(after: Self.day("2025-08-15"), limit: TimeLimit(1, .months))
        #expect(due == Self.day("2025-09-15"))
    }

    @Test func aLimitInMonthsEndsOnTheLastDayOfAShorterMonth() throws {
        // January 31 + 1 month = February 28 (2025 is not a leap year), a Friday.
        let due = try Self.calendar.due(after: Self.day("2025-01-31"), limit: TimeLimit(1, .months))
        #expect(due == Self.day("2025-02-28"))
    }

    @Test func aLimitInMonthsEndingOnAHolidayMovesToTheNextWorkingDay() throws {
        // 09-01 + 1 month = Wednesday 10-01, in the holiday; the next working day is 10-09.
        let due = try Self.calendar.due(after: Self.day("2025-09-01"), limit: TimeLimit(1, .months))
        #expect(due == Self.day("2025-10-09"))
    }

    @Test func eightWorkingHoursEndOnTheNextWorkingDay() throws {
        // Hours run from the start of the next working day after Friday 09-26: Sunday 09-28 (worked).
        let due = try Self.calendar.due(after: Self.day("2025-09-26"), limit: TimeLimit(8, .hours))
        #expect(due == Self.day("2025-09-28"))
    }

    @Test func aFewWorkingHoursEndOnTheNextWorkingDay() throws {
        let due = try Self.calendar.due(after: Self.day("2025-09-26"), limit: TimeLimit(4, .hours))
        #expect(due == Self.day("2025-09-28"))
    }

    @Test func workingHoursBeyondEightRunIntoTheSecondWorkingDay() throws {
        // 9 hours = 8 on Sunday 09-28 and 1 on Monday 09-29.
        let due = try Self.calendar.due(after: Self.day("2025-09-26"), limit: TimeLimit(9, .hours))
        #expect(due == Self.day("2025-09-29"))
    }

    @Test func aLimitTooLargeForAnyCalendarIsAnError() {
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try Self.calendar.due(after: Self.day("2025-09-26"), limit: TimeLimit(1e300, .days))
        }
        #expect(error?.date == Self.day("2026-01-01"))
    }
}

/// Adding calendar months to a date.
struct CalendarDateMonthTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func addingMonthsKeepsTheDayNumber() {
        #expect(Self.day("2025-08-15").adding(months: 1) == Self.day("2025-09-15"))
    }

    @Test func addingMonthsClampsToTheEndOfAShorterMonth() {
        #expect(Self.day("2024-01-31").adding(months: 1) == Self.day("2024-02-29"))  // a leap year
        #expect(Self.day("2025-10-31").adding(months: 4) == Self.day("2026-02-28"))
    }

    @Test func addingMonthsCrossesYears() {
        #expect(Self.day("2025-11-30").adding(months: 14) == Self.day("2027-01-30"))
    }

    @Test func addingNegativeMonthsGoesBack() {
        #expect(Self.day("2025-01-15").adding(months: -1) == Self.day("2024-12-15"))
        #expect(Self.day("2025-03-31").adding(months: -13) == Self.day("2024-02-29"))
    }
}
