import OneThingCalendar
import Testing

/// The days off of 全国年节及纪念日放假办法, computed for a year.
struct StatutoryHolidaysTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }
    static func days(_ texts: String...) -> [CalendarDate] { texts.map(day) }

    static func festival(_ kind: StatutoryHolidays.Festival.Kind, in year: Int) -> StatutoryHolidays.Festival?
    {
        StatutoryHolidays(year: year)?.festivals.first { $0.kind == kind }
    }

    @Test func theFestivalsOf2027AndTheirMadeUpDays() throws {
        let law = try #require(StatutoryHolidays(year: 2027))
        #expect(law.revision == .of2024)
        let table = law.festivals.map { ($0.kind, $0.days, $0.madeUpDays) }
        let expected: [(StatutoryHolidays.Festival.Kind, [CalendarDate], [CalendarDate])] = [
            (.newYear, Self.days("2027-01-01"), []),  // a Friday
            // 除夕 Friday 02-05 to 初三 Monday 02-08: Saturday and Sunday are made up on Tuesday and Wednesday.
            (
                .springFestival, Self.days("2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"),
                Self.days("2027-02-09", "2027-02-10")
            ),
            (.qingming, Self.days("2027-04-05"), []),  // a Monday
            (.labourDay, Self.days("2027-05-01", "2027-05-02"), Self.days("2027-05-03", "2027-05-04")),
            (.dragonBoat, Self.days("2027-06-09"), []),
            (.midAutumn, Self.days("2027-09-15"), []),
            (
                .nationalDay, Self.days("2027-10-01", "2027-10-02", "2027-10-03"),
                Self.days("2027-10-04", "2027-10-05")
            ),
        ]
        #expect(table.count == expected.count)
        for (found, wanted) in zip(table, expected) {
            #expect(found.0 == wanted.0)
            #expect(found.1 == wanted.1, "\(found.0)")
            #expect(found.2 == wanted.2, "\(found.0)")
        }
    }

    @Test func everyYearGivesThirteenWeekdaysOffUnderThe2024Revision() throws {
        // 13 statutory days, each on a weekday or made up on one.
        for year in 2025...2100 {
            let law = try #require(StatutoryHolidays(year: year))
            #expect(law.daysOff.filter { !$0.isWeekend }.count == 13, "\(year)")
        }
    }

    @Test func aFestivalOnAnotherFestivalsDayIsMadeUp() throws {
        // 2020: 中秋 fell on 10-01, a Thursday, the first day of 国庆 (to Saturday 10-03).
        // 国庆 owes one day for 10-01 and one for Saturday: Monday 10-05 and Tuesday 10-06.
        let nationalDay = try #require(Self.festival(.nationalDay, in: 2020))
        #expect(Self.festival(.midAutumn, in: 2020)?.days == Self.days("2020-10-01"))
        #expect(nationalDay.madeUpDays == Self.days("2020-10-05", "2020-10-06"))
        #expect(nationalDay.period == Self.day("2020-10-01")...Self.day("2020-10-06"))
    }

    @Test func the2013RevisionGaveThreeDaysOfSpringFestivalFromTheFirstDay() throws {
        // 2024: 初一 was Saturday 02-10; no 除夕; 劳动节 one day.
        #expect(StatutoryHolidays(year: 2024)?.revision == .of2013)
        #expect(
            Self.festival(.springFestival, in: 2024)?.days
                == Self.days("2024-02-10", "2024-02-11", "2024-02-12"))
        #expect(Self.festival(.springFestival, in: 2024)?.madeUpDays == Self.days("2024-02-13", "2024-02-14"))
        #expect(Self.festival(.labourDay, in: 2024)?.days == Self.days("2024-05-01"))
    }

    @Test func the2007RevisionGaveThreeDaysOfSpringFestivalFromTheEve() {
        // 2010: 除夕 Saturday 02-13, 初一 Sunday 02-14, 初二 Monday 02-15.
        #expect(StatutoryHolidays(year: 2013)?.revision == .of2007)
        #expect(
            Self.festival(.springFestival, in: 2010)?.days
                == Self.days("2010-02-13", "2010-02-14", "2010-02-15"))
        #expect(Self.festival(.springFestival, in: 2010)?.madeUpDays == Self.days("2010-02-16", "2010-02-17"))
    }

    @Test func yearsOutsideTheComputedYearsHaveNoHolidays() {
        #expect(StatutoryHolidays(year: 2007) == nil)
        #expect(StatutoryHolidays(year: 2101) == nil)
        #expect(StatutoryHolidays.Revision.inForce(in: 2007) == nil)
        #expect(StatutoryHolidays.Revision.inForce(in: 2025) == .of2024)
    }

    @Test func theRevisionsNameTheLaw() {
        #expect(StatutoryHolidays.Revision.of2024.chineseTitle == "《全国年节及纪念日放假办法》（2024年修订）")
        #expect(StatutoryHolidays.Revision.of2013.englishTitle == "全国年节及纪念日放假办法 (2013 revision)")
    }
}
