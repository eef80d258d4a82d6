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
}
