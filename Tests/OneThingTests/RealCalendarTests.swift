import Foundation
import OneThing
import Testing

/// The mainland calendars in `bundles/catalogue`, checked against the State Council's
/// notices (国办发明电〔2024〕12号 for 2025; the notice of 2025-11-04 for 2026).
struct RealCalendarTests {
    static let catalogueFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("bundles/catalogue").path

    static let loaded = CatalogueLoader.load(folder: catalogueFolder)

    @Test func theCatalogueLoadsWithoutFindings() {
        let findings = Self.loaded.reports.values.flatMap(\.diagnostics)
        #expect(findings.isEmpty, "\(findings.map { "\($0.span): \($0.message.en)" })")
    }

    @Test(arguments: [2025, 2026])
    func eachYearHas248WorkingDays(_ year: Int) throws {
        let calendar = Self.loaded.catalogue.calendar(region: "CN")
        #expect(try calendar.workdays(inYear: year) == 248)
    }

    @Test func theNationalDayWeekOf2025IsOffAndItsMakeUpDaysAreWorked() throws {
        let calendar = Self.loaded.catalogue.calendar(region: "CN")
        for day in 1...8 { #expect(try !calendar.isWorkday(CalendarDate(year: 2025, month: 10, day: day)!)) }
        #expect(try calendar.isWorkday(CalendarDate("2025-09-28")!))  // Sunday
        #expect(try calendar.isWorkday(CalendarDate("2025-10-11")!))  // Saturday
    }

    @Test func theSpringFestivalOf2026IsNineDaysOff() throws {
        let calendar = Self.loaded.catalogue.calendar(region: "CN")
        for day in 15...23 { #expect(try !calendar.isWorkday(CalendarDate(year: 2026, month: 2, day: day)!)) }
        #expect(try calendar.isWorkday(CalendarDate("2026-02-14")!))
        #expect(try calendar.isWorkday(CalendarDate("2026-02-28")!))
    }

    /// The calendar of the notices alone, without the years the law completes.
    static let notices = WorkdayCalendar(
        region: "CN",
        arrangements: loaded.catalogue.calendarYears.filter { $0.region == "CN" }.map(\.arrangement))

    /// The days off by the law in `year`, and the weekdays the notice gives off besides.
    static func compare(_ year: Int) throws -> (lawDaysWorked: [CalendarDate], extraDaysOff: [CalendarDate]) {
        let law = try #require(StatutoryHolidays(year: year))
        let lawDaysWorked = try law.daysOff.filter { try notices.isWorkday($0) }.sorted()
        var extra: [CalendarDate] = []
        for n in CalendarDate(year: year, month: 1, day: 1)!
            .dayNumber...CalendarDate(year: year, month: 12, day: 31)!.dayNumber
        {
            let day = CalendarDate(dayNumber: n)
            if !day.isWeekend, try !notices.isWorkday(day), !law.daysOff.contains(day) { extra.append(day) }
        }
        return (lawDaysWorked, extra)
    }

    /// Every day the law gives off (with the weekdays it makes up, §6) is a rest day in
    /// the notice; the notice's further weekdays off are the bridge days it joins them
    /// with, each paid for by a make-up working day (调休, §7).
    @Test func theLawsDaysOffAreRestDaysInTheNoticeOf2025() throws {
        let found = try Self.compare(2025)
        #expect(found.lawDaysWorked == [])
        // 春节 02-03, 02-04; 劳动节 05-05; 国庆·中秋 10-07, 10-08.
        #expect(
            found.extraDaysOff.map(\.description) == [
                "2025-02-03", "2025-02-04", "2025-05-05", "2025-10-07", "2025-10-08",
            ])
        #expect(
            Self.notices.makeUpWorkdays(
                from: CalendarDate("2025-01-01")!, through: CalendarDate("2025-12-31")!
            ).count == 5)
    }

    @Test func theLawsDaysOffAreRestDaysInTheNoticeOf2026() throws {
        let found = try Self.compare(2026)
        #expect(found.lawDaysWorked == [])
        // 元旦 01-02; 春节 02-20, 02-23; 劳动节 05-05; 国庆 10-06, 10-07.
        #expect(
            found.extraDaysOff.map(\.description)
                == ["2026-01-02", "2026-02-20", "2026-02-23", "2026-05-05", "2026-10-06", "2026-10-07"])
        #expect(
            Self.notices.makeUpWorkdays(
                from: CalendarDate("2026-01-01")!, through: CalendarDate("2026-12-31")!
            ).count == 6)
    }

    @Test func theProvisional2027HasTheLawsDaysAndTheSameNumberOfWorkingDays() throws {
        let calendar = Self.loaded.catalogue.calendar(region: "CN")
        #expect(calendar.isProvisional(year: 2027))
        #expect(try calendar.workdays(inYear: 2027) == 248)
        let periods = calendar.holidayPeriods(
            from: CalendarDate("2027-01-01")!, through: CalendarDate("2027-12-31")!)
        #expect(periods.map(\.name) == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
    }
}
