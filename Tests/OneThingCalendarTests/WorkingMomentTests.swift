import OneThingCalendar
import Testing

/// Where an office's limit ends when steps follow one another: hours add up within a
/// working day, nothing is counted on the day of acceptance, and what starts on a rest
/// day starts on the next working day.
///
/// The calendar is `WorkdayArithmeticTests.nationalDay2025`: 10-01 to 10-08 off, Sunday
/// 09-28 and Saturday 10-11 worked. Monday 2025-09-22 is an ordinary Monday.
struct WorkingMomentTests {
    static let calendar = WorkdayArithmeticTests.calendar
    static func day(_ text: String) -> CalendarDate { WorkdayArithmeticTests.day(text) }
    static func at(_ date: String, _ hour: Int, _ minute: Int = 0) -> Timestamp {
        Timestamp(china: day(date), hour: hour, minute: minute)
    }
    static func moment(_ date: String, _ hour: Int, _ minute: Int = 0) -> WorkingMoment {
        WorkingMoment(date: day(date), officeMinutes: (hour - 9) * 60 + minute)
    }
    static func hours(_ amount: Double) -> TimeLimit { TimeLimit(amount, .hours) }

    // MARK: Hours

    @Test func hoursThatFollowHoursEndOnTheSameWorkingDay() throws {
        // company-setup: 4, 2 and 2 hours from a case accepted on Monday 09-22 end at
        // 13:00, 15:00 and 17:00 of Tuesday 09-23, within a promise of 1 working day.
        let accepted = try Self.calendar.acceptance(on: Self.day("2025-09-22"))
        let first = try Self.calendar.end(of: Self.hours(4), from: accepted)
        let second = try Self.calendar.end(of: Self.hours(2), from: first)
        let third = try Self.calendar.end(of: Self.hours(2), from: second)
        #expect(first == Self.moment("2025-09-23", 13))
        #expect(second == Self.moment("2025-09-23", 15))
        #expect(third == .endOfDay(Self.day("2025-09-23")))
        let promise = try Self.calendar.end(of: TimeLimit(1, .workdays), from: accepted)
        #expect(third <= promise)
    }

    @Test func hoursRunOnIntoTheNextWorkingDayAcrossAHoliday() throws {
        // From 15:00 of Tuesday 09-30, 6 hours: 2 that day, 4 more on Thursday 10-09
        // after the National Day holiday, ending at 13:00.
        let end = try Self.calendar.end(of: Self.hours(6), from: Self.moment("2025-09-30", 15))
        #expect(end == Self.moment("2025-10-09", 13))
    }

    @Test func aStepInWorkingDaysAfterSomeHoursLeavesTheRestOfThatDay() throws {
        // 4 hours, 1 working day and 4 hours make 2 working days by the ratio 8 : 1, but
        // end at 13:00 of the third working day: the working day counts from the day
        // after the one the hours ended on.
        var moment = try Self.calendar.acceptance(on: Self.day("2025-09-22"))
        for limit in [Self.hours(4), TimeLimit(1, .workdays), Self.hours(4)] {
            moment = try Self.calendar.end(of: limit, from: moment)
        }
        #expect(moment == Self.moment("2025-09-25", 13))
    }

    @Test func aFractionOfAMinuteCountsAsAWholeOne() throws {
        // 0.01 hours is 36 seconds: one minute of office time.
        let end = try Self.calendar.end(of: Self.hours(0.01), from: Self.moment("2025-09-23", 9))
        #expect(end == Self.moment("2025-09-23", 9, 1))
    }

    @Test func zeroTakesNoTimeFromTheStepsAfterIt() throws {
        let start = Self.moment("2025-09-23", 13)
        #expect(try Self.calendar.end(of: TimeLimit(0, .workdays), from: start) == start)
        #expect(try Self.calendar.end(of: Self.hours(0), from: start) == start)
    }

    // MARK: Rest days

    @Test func aCaseAcceptedOnARestDayCountsFromTheEndOfTheNextWorkingDay() throws {
        // Saturday 10-04, in the holiday: taken as received on Thursday 10-09, which is not
        // counted. 1 working day ends on Friday 10-10, 8 hours at its end, 0 on 10-09.
        let accepted = try Self.calendar.acceptance(on: Self.day("2025-10-04"))
        #expect(accepted == .endOfDay(Self.day("2025-10-09")))
        #expect(
            try Self.calendar.due(after: Self.day("2025-10-04"), limit: TimeLimit(1, .workdays))
                == Self.day("2025-10-10"))
        #expect(try Self.calendar.end(of: Self.hours(8), from: accepted) == .endOfDay(Self.day("2025-10-10")))
        #expect(
            try Self.calendar.due(after: Self.day("2025-10-04"), limit: TimeLimit(0, .workdays))
                == Self.day("2025-10-09"))
    }

    @Test func anImmediateStepOnARestDayLeavesTheWholePromiseToTheStepsAfterIt() throws {
        // Accepted on Saturday 09-20: an immediate step ends on Monday 09-22; 3 working days
        // after it end on Thursday 09-25, the day a promise of 3 working days ends.
        let accepted = try Self.calendar.acceptance(on: Self.day("2025-09-20"))
        let immediate = try Self.calendar.end(of: TimeLimit(0, .workdays), from: accepted)
        let after = try Self.calendar.end(of: TimeLimit(3, .workdays), from: immediate)
        let promise = try Self.calendar.due(after: Self.day("2025-09-20"), limit: TimeLimit(3, .workdays))
        #expect(immediate.date == Self.day("2025-09-22"))
        #expect(after == .endOfDay(promise))
        #expect(promise == Self.day("2025-09-25"))
    }

    // MARK: Timestamps

    @Test func aTimestampIsTheOfficeTimeUsedAtIt() throws {
        #expect(try Self.calendar.moment(at: Self.at("2025-09-23", 8)) == Self.moment("2025-09-23", 9))
        #expect(
            try Self.calendar.moment(at: Self.at("2025-09-23", 13, 30)) == Self.moment("2025-09-23", 13, 30))
        #expect(try Self.calendar.moment(at: Self.at("2025-09-23", 18)) == .endOfDay(Self.day("2025-09-23")))
        // 24:00 of Tuesday is the end of Tuesday, not the start of Wednesday.
        #expect(
            try Self.calendar.moment(at: WorkdayCalendar.end(of: Self.day("2025-09-23")))
                == .endOfDay(Self.day("2025-09-23")))
        // A rest day is the end of the next working day: Sunday 09-21 is Monday 09-22's end.
        #expect(try Self.calendar.moment(at: Self.at("2025-09-21", 10)) == .endOfDay(Self.day("2025-09-22")))
    }

    @Test func aMomentIsATimestampAndBack() throws {
        for moment in [
            Self.moment("2025-09-23", 9), Self.moment("2025-09-23", 13, 7), .endOfDay(Self.day("2025-09-23")),
        ] {
            #expect(try Self.calendar.moment(at: moment.timestamp) == moment)
        }
        #expect(Self.moment("2025-09-23", 13).timestamp == Self.at("2025-09-23", 13))
        #expect(Self.moment("2025-09-23", 13, 5).description == "2025-09-23 13:05")
        #expect(WorkingMoment.endOfDay(Self.day("2025-09-23")).description == "2025-09-23")
    }

    @Test func nothingIsCountedOnTheDayOfAcceptance() throws {
        // A step sent at 10:00 on the day of acceptance (after an immediate step) counts
        // its 2 hours from 09:00 of the next working day, as the plan does.
        let accepted = Self.at("2025-09-22", 9)
        let due = try Self.calendar.dueMoment(
            startingAt: Self.at("2025-09-22", 10), acceptedAt: accepted, limit: Self.hours(2))
        #expect(due == Self.at("2025-09-23", 11))
        // On a later day, from the moment it is sent.
        let later = try Self.calendar.dueMoment(
            startingAt: Self.at("2025-09-23", 13), acceptedAt: accepted, limit: Self.hours(2))
        #expect(later == Self.at("2025-09-23", 15))
    }

    @Test func aStoppedClockMovesAnHourLimitToTheSameHour() throws {
        // Due at 15:00 on Tuesday 09-23; the clock stood still from Tuesday to Wednesday:
        // one working day later, at the same hour.
        let moved = try Self.calendar.postponing(
            Self.at("2025-09-23", 15), pausedAt: Self.at("2025-09-23", 10),
            resumedAt: Self.at("2025-09-24", 10))
        #expect(moved == Self.at("2025-09-24", 15))
        let endOfDay = try Self.calendar.postponing(
            WorkdayCalendar.end(of: Self.day("2025-09-23")), pausedAt: Self.at("2025-09-23", 10),
            resumedAt: Self.at("2025-09-24", 10))
        #expect(endOfDay == WorkdayCalendar.end(of: Self.day("2025-09-24")))
    }
}
