import OneThingCalendar
import OneThingModel
import OneThingPlan
import OneThingSource
import Testing

/// Where a day of acceptance falls among windows (`WindowOpening`): inside, outside with
/// the next opening (across the new year), a year's own dates instead of every year's,
/// 29 February, and a year whose dates no notice gives.
struct WindowOpeningTests {
    static let span = SourceSpan.wholeFile("windows.yaml")

    static func window(_ name: String, _ from: String, _ to: String) throws -> ApplicationWindow {
        let dates: WindowDates
        if let first = MonthDay(from), let last = MonthDay(to) {
            dates = .everyYear(from: first, to: last)
        } else {
            dates = .year(from: try #require(CalendarDate(from)), to: try #require(CalendarDate(to)))
        }
        return ApplicationWindow(
            name: name, dates: Located(dates, at: span), basis: .assumed("测试"), span: span)
    }

    static func state(_ windows: [ApplicationWindow], accepted: String) throws -> WindowOpening.State {
        WindowOpening(
            windows: PlanWindows(item: nil, windows: windows), accepted: try #require(CalendarDate(accepted))
        ).state
    }

    static func days(_ from: String, _ to: String) throws -> ClosedRange<CalendarDate> {
        try #require(CalendarDate(from))...(try #require(CalendarDate(to)))
    }

    @Test func aDayInsideAWindowIsOpenUntilItsLastDay() throws {
        let spring = try Self.window("春季报名", "03-01", "03-15")
        let state = try Self.state([spring], accepted: "2026-03-15")
        #expect(state == .open(.init(window: spring, days: try Self.days("2026-03-01", "2026-03-15"))))
    }

    @Test func aDayBeforeTheWindowIsOutsideAndToldWhenItOpensThisYear() throws {
        let summer = try Self.window("暑期报名", "07-06", "07-10")
        let opening = WindowOpening(
            windows: PlanWindows(item: nil, windows: [summer]),
            accepted: try #require(CalendarDate("2026-07-05")))
        #expect(opening.outside == true)
        #expect(
            opening.state
                == .closed(
                    next: .opens(.init(window: summer, days: try Self.days("2026-07-06", "2026-07-10")))))
    }

    /// After the last window of the year, the next is the first of the next year.
    @Test func theNextOpeningAfterTheLastWindowIsInTheNextYear() throws {
        let january = try Self.window("一月报名", "01-05", "01-20")
        let june = try Self.window("六月报名", "06-01", "06-10")
        let state = try Self.state([june, january], accepted: "2026-12-20")
        #expect(
            state
                == .closed(
                    next: .opens(.init(window: january, days: try Self.days("2027-01-05", "2027-01-20")))))
        // Between the two, the June window is next, whatever the order written.
        let between = try Self.state([june, january], accepted: "2026-02-01")
        #expect(
            between
                == .closed(next: .opens(.init(window: june, days: try Self.days("2026-06-01", "2026-06-10"))))
        )
    }

    /// 02-29 is the last day of February in a year without it: a window to 02-29 ends
    /// on 02-28 in 2027 and on 02-29 in 2028; one from 02-29 opens on 02-28 in 2027.
    @Test func theTwentyNinthOfFebruaryIsTheLastDayOfFebruaryInACommonYear() throws {
        let toLeapDay = try Self.window("二月报名", "02-20", "02-29")
        #expect(
            try Self.state([toLeapDay], accepted: "2027-02-28")
                == .open(.init(window: toLeapDay, days: try Self.days("2027-02-20", "2027-02-28"))))
        #expect(
            try Self.state([toLeapDay], accepted: "2028-02-29")
                == .open(.init(window: toLeapDay, days: try Self.days("2028-02-20", "2028-02-29"))))
        let fromLeapDay = try Self.window("闰日报名", "02-29", "03-10")
        #expect(
            try Self.state([fromLeapDay], accepted: "2027-01-10")
                == .closed(
                    next: .opens(.init(window: fromLeapDay, days: try Self.days("2027-02-28", "2027-03-10"))))
        )
        #expect(MonthDay("02-29") != nil)
        #expect(MonthDay("02-30") == nil)
        #expect(MonthDay("13-01") == nil)
        #expect(MonthDay("7-6") == nil)
    }

    /// A year's own published dates replace the dates of every year, that year only.
    @Test func aYearsOwnDatesReplaceTheDatesOfEveryYear() throws {
        let everyYear = try Self.window("报名", "07-01", "07-10")
        let published = try Self.window("报名（2026年公告）", "2026-07-06", "2026-07-12")
        let windows = [everyYear, published]
        #expect(
            try Self.state(windows, accepted: "2026-07-02")
                == .closed(
                    next: .opens(.init(window: published, days: try Self.days("2026-07-06", "2026-07-12")))))
        #expect(
            try Self.state(windows, accepted: "2026-07-12")
                == .open(.init(window: published, days: try Self.days("2026-07-06", "2026-07-12"))))
        #expect(
            try Self.state(windows, accepted: "2027-07-02")
                == .open(.init(window: everyYear, days: try Self.days("2027-07-01", "2027-07-10"))))
        #expect(
            try Self.state(windows, accepted: "2025-12-01")
                == .closed(
                    next: .opens(.init(window: published, days: try Self.days("2026-07-06", "2026-07-12")))))
    }

    /// Only one year's dates: any other year is "as the local notice says", never guessed;
    /// after that year's window, the next is not published either.
    @Test func aYearWithoutPublishedDatesIsNotGuessed() throws {
        let published = try Self.window("报名", "2016-07-06", "2016-07-10")
        let later = WindowOpening(
            windows: PlanWindows(item: nil, windows: [published]),
            accepted: try #require(CalendarDate("2026-07-07")))
        #expect(later.state == .notPublished(year: 2026))
        #expect(later.outside == nil)
        #expect(
            try Self.state([published], accepted: "2016-07-20") == .closed(next: .notPublished(year: 2017)))
        #expect(
            try Self.state([published], accepted: "2016-07-06")
                == .open(.init(window: published, days: try Self.days("2016-07-06", "2016-07-10"))))
    }
}
