import OneThing
import Testing

/// A promise in working days against a legal limit in calendar days (日), compared on
/// the real 2025 and 2026 calendars of `bundles/catalogue`, not by the 7 : 5 ratio.
struct LimitComparisonRealCalendarTests {
    static let calendar = WorkdayArithmeticRealCalendarTests.calendar

    @Test func oneWorkdayNeverEndsAfterOneCalendarDay() throws {
        let comparison = try #require(
            Self.calendar.compare(TimeLimit(1, .workdays), endsNoLaterThan: TimeLimit(1, .days)))
        #expect(!comparison.endsLater)
        #expect(comparison.startsCompared == 496)
    }

    @Test func fiveWorkdaysEndAfterFiveCalendarDaysFromATuesdayToAFriday() throws {
        let comparison = try #require(
            Self.calendar.compare(TimeLimit(5, .workdays), endsNoLaterThan: TimeLimit(5, .days)))
        #expect(comparison.endsLater)
        #expect(comparison.usualLaterWeekdays == [2, 3, 4, 5])
        // Accepted on Tuesday 2025-03-04: 5 working days end on Tuesday the 11th, 5 days
        // on Sunday the 9th, moved to Monday the 10th.
        #expect(comparison.laterStarts.contains(CalendarDate(year: 2025, month: 3, day: 4)!))
        #expect(!comparison.laterStarts.contains(CalendarDate(year: 2025, month: 3, day: 3)!))
    }

    @Test func threeWorkdaysFitFiveCalendarDaysInOrdinaryWeeksAndOneOnEveryDate() throws {
        let comparison = try #require(
            Self.calendar.compare(TimeLimit(5, .workdays), endsNoLaterThan: TimeLimit(5, .days)))
        #expect(comparison.largestFittingOrdinaryWeeks == TimeLimit(3, .workdays))
        #expect(comparison.largestFittingEveryDate == TimeLimit(1, .workdays))
        let three = try #require(
            Self.calendar.compare(TimeLimit(3, .workdays), endsNoLaterThan: TimeLimit(5, .days)))
        #expect(!three.endsLaterInOrdinaryWeeks)
        #expect(three.endsLater)
    }

    @Test func tenWorkdaysEndAfterTwentyCalendarDaysOnlyBeforeALongHoliday() throws {
        // open-restaurant's permits of 10 working days under a legal 20日: 20日 run through
        // the Spring Festival, 10 working days do not.
        let comparison = try #require(
            Self.calendar.compare(TimeLimit(10, .workdays), endsNoLaterThan: TimeLimit(20, .days)))
        #expect(!comparison.endsLaterInOrdinaryWeeks)
        #expect(comparison.unusualLaterStarts.contains(CalendarDate(year: 2025, month: 1, day: 16)!))
        #expect(comparison.largestFittingOrdinaryWeeks == TimeLimit(10, .workdays))
        let every = try #require(comparison.largestFittingEveryDate)
        #expect(every == TimeLimit(9, .workdays))
        let again = try #require(Self.calendar.compare(every, endsNoLaterThan: TimeLimit(20, .days)))
        #expect(!again.endsLater)
    }
}
