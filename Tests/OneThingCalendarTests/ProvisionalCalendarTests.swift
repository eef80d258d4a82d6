import OneThingCalendar
import Testing

/// A calendar built from notices and completed from the law: which years it covers,
/// which are provisional, and arithmetic across them.
struct ProvisionalCalendarTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    /// A notice year of Mondays to Fridays only.
    static func plainNotice(_ year: Int) -> WorkdayCalendar.Arrangement {
        WorkdayCalendar.Arrangement(year: year, holidays: [], makeUpWorkdays: [])
    }

    static let calendar = WorkdayCalendar(region: "CN", notices: [plainNotice(2025), plainNotice(2026)])

    @Test func theMainlandIsCoveredFromTheFirstNoticeThrough2100() {
        #expect(Self.calendar.years == Array(2025...2100))
        #expect(Self.calendar.noticeYears == [2025, 2026])
        #expect(Self.calendar.provisionalYears == Array(2027...2100))
        #expect(!Self.calendar.isProvisional(year: 2026))
        #expect(Self.calendar.isProvisional(Self.day("2027-03-01")))
    }

    @Test func aGapBetweenNoticesIsProvisionalAndYearsBeforeTheFirstAreNotCovered() {
        let calendar = WorkdayCalendar(
            region: "CN", notices: [Self.plainNotice(2026), Self.plainNotice(2024)])
        #expect(calendar.noticeYears == [2024, 2026])
        #expect(calendar.isProvisional(year: 2025))
        #expect(!calendar.covers(year: 2023))
    }

    @Test func otherRegionsAndCalendarsWithoutNoticesGetNoProvisionalYears() {
        #expect(WorkdayCalendar(region: "HK", notices: [Self.plainNotice(2025)]).years == [2025])
        #expect(WorkdayCalendar(region: "CN", notices: []).years == [])
        #expect(WorkdayCalendar(region: "CN", arrangements: [Self.plainNotice(2025)]).years == [2025])
    }

    @Test func aProvisionalYearHasTheLawsDaysOffAndNoMakeUpWorkingDays() throws {
        // 2027 has 261 Mondays to Fridays; the law's 13 days off all fall on or are made up on them.
        #expect(try Self.calendar.workdays(inYear: 2027) == 248)
        #expect(try !Self.calendar.isWorkday(Self.day("2027-02-10")))  // a made-up day of 春节
        #expect(try !Self.calendar.isWorkday(Self.day("2027-02-13")))  // a Saturday stays off
        #expect(
            Self.calendar.makeUpWorkdays(from: Self.day("2027-01-01"), through: Self.day("2027-12-31"))
                .isEmpty)
    }

    @Test func arithmeticRunsOnFromANoticeYearIntoAProvisionalOne() throws {
        // From Tuesday 2026-12-29: Wed 12-30, Thu 12-31, (Fri 2027-01-01 元旦), Mon 01-04, Tue 01-05.
        let start = Self.day("2026-12-29")
        let due = try Self.calendar.adding(workdays: 4, to: start)
        #expect(due == Self.day("2027-01-05"))
        #expect(Self.calendar.touchesProvisionalYear(from: start, through: due))
        #expect(Self.calendar.provisionalYears(from: due, through: start) == [2027])
        #expect(!Self.calendar.touchesProvisionalYear(from: start, through: Self.day("2026-12-31")))
    }

    @Test func after2100TheCalendarEndsWithAnError() {
        let error = #expect(throws: WorkdayCalendar.OutOfRange.self) {
            try Self.calendar.adding(workdays: 5, to: Self.day("2100-12-28"))
        }
        #expect(error?.date == Self.day("2101-01-01"))
        #expect(error?.description == "2101-01-01 lies outside the years the calendar covers (2025–2100)")
    }

    @Test func holidayPeriodsCarryTheirNames() {
        let periods = Self.calendar.holidayPeriods(
            from: Self.day("2027-01-01"), through: Self.day("2027-02-28"))
        #expect(periods.map(\.name) == ["元旦", "春节"])
        #expect(periods.last?.days == Self.day("2027-02-05")...Self.day("2027-02-10"))
    }

    @Test func yearsAreDescribedAsRanges() {
        #expect(WorkdayCalendar.describe(years: [2027, 2020, 2025, 2026]) == "2020, 2025–2027")
        #expect(WorkdayCalendar.describe(years: [2025]) == "2025")
        #expect(WorkdayCalendar.describe(years: []) == "")
    }
}
