import Foundation
import Testing

/// `onething calendar add|count`, run as a user runs it, on the real calendars in
/// `bundles/catalogue` (facts.md §6).
struct CalendarCommandTests {
    /// The package root, where `bundles/catalogue` is the default catalogue.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `onething` in the package root.
    static func run(_ arguments: [String]) throws -> OneThingExecutable.Run {
        try OneThingExecutable.run(arguments, in: packageRoot)
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-calendar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func addPrintsTheDateOnOneLine() throws {
        // After Friday 2025-09-26: 09-28 (make-up), 09-29, 09-30, 10-09, 10-10, 10-11 (make-up),
        // 10-13, 10-14, 10-15, 10-16.
        let run = try Self.run(["calendar", "add", "2025-09-26", "10"])
        #expect(run.status == 0)
        #expect(run.standardOutput == "2025-10-16\n")
        #expect(run.standardError.isEmpty)
    }

    @Test func addingZeroToAHolidayPrintsTheNextWorkingDay() throws {
        let run = try Self.run(["calendar", "add", "2025-10-01", "0"])
        #expect(run.status == 0)
        #expect(run.standardOutput == "2025-10-09\n")
    }

    @Test func addingToAHolidayCountsFromTheNextWorkingDayAsOfficesDo() throws {
        // Friday 2026-09-25 is 中秋: a case accepted then counts from Monday 09-28, which
        // is not counted; 10 working days after it end on 10-16 (one later than 10 working
        // days after the Friday itself), the date the plan and the runtime give.
        let run = try Self.run(["calendar", "add", "2026-09-25", "10"])
        #expect(run.status == 0)
        #expect(run.standardOutput == "2026-10-16\n")
    }

    @Test func countPrintsABareNumber() throws {
        // After Friday 2026-02-13 up to Saturday 02-28: 02-14, 02-24…27, 02-28.
        let run = try Self.run(["calendar", "count", "2026-02-13", "2026-02-28"])
        #expect(run.status == 0)
        #expect(run.standardOutput == "6\n")
        #expect(run.standardError.isEmpty)
    }

    @Test func countingBackwardsPrintsANegativeNumber() throws {
        let run = try Self.run(["calendar", "count", "2025-10-16", "2025-09-26"])
        #expect(run.status == 0)
        #expect(run.standardOutput == "-10\n")
    }

    @Test func theCatalogueOptionNamesTheFolder() throws {
        let folder = Self.packageRoot.appendingPathComponent("bundles/catalogue").path
        let run = try OneThingExecutable.run([
            "calendar", "count", "2025-01-01", "2025-12-31", "--catalogue", folder,
        ])
        #expect(run.status == 0)
        #expect(run.standardOutput == "248\n")
    }

    @Test func aDateThatIsNotOneExitsWith2() throws {
        let run = try Self.run(["calendar", "add", "2025-13-01", "1"])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(
            run.standardError
                == "onething: '2025-13-01' is not a date; write YYYY-MM-DD, such as 2025-10-09\n")
    }

    @Test func aDateOutsideTheCalendarExitsWith2() throws {
        let run = try Self.run(["calendar", "count", "2024-12-31", "2025-01-02"])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(
            run.standardError
                == "onething: 2024-12-31 lies outside the years that the CN calendar in bundles/catalogue "
                + "covers (2025–2100)\n")
    }

    @Test func aCountEndingAfter2100NamesThatDate() throws {
        let run = try Self.run(["calendar", "count", "2100-10-01", "2101-01-04"])
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("onething: 2101-01-04 lies outside"))
    }

    @Test func addingPastTheEndOfTheCalendarExitsWith2() throws {
        let run = try Self.run(["calendar", "add", "2100-12-31", "1"])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("2101-01-01"))
    }

    @Test func messagesFollowTheLanguage() throws {
        let run = try Self.run(["calendar", "add", "2024-12-30", "1", "--lang", "zh"])
        #expect(run.status == 2)
        #expect(run.standardError == "onething: 2024-12-30 不在 bundles/catalogue 中 CN 日历覆盖的年份（2025–2100）之内\n")
    }

    @Test func aCountInAYearWithoutANoticeSaysProvisionalAndWhy() throws {
        // 2027 has no State Council notice in bundles/catalogue: 261 Mondays to Fridays less
        // the law's 13 days off, each on a weekday or made up on one.
        let run = try Self.run(["calendar", "count", "2027-01-01", "2027-12-31"])
        #expect(run.status == 0)
        #expect(run.standardOutput == "248 provisional (暂定)\n")
        #expect(
            run.standardError
                == "onething: provisional (暂定): the catalogue has no State Council holiday notice for 2027; "
                + "the days off are computed from 全国年节及纪念日放假办法 (2024 revision), without the make-up "
                + "working days (调休) that only a notice sets\n")
    }

    @Test func anAnswerThatRunsIntoAYearWithoutANoticeSaysProvisionalInChinese() throws {
        // From Monday 2026-12-28: 12-29, 12-30, 12-31, (2027-01-01 元旦), 01-04, 01-05.
        let run = try Self.run(["calendar", "add", "2026-12-28", "5", "--lang", "zh"])
        #expect(run.status == 0)
        #expect(run.standardOutput == "2027-01-05 暂定\n")
        #expect(run.standardError.hasPrefix("onething: 暂定：共享目录中没有国务院办公厅关于2027年的放假通知"))
    }

    @Test func anAnswerWithinTheNoticeYearsSaysNothingMore() throws {
        let run = try Self.run(["calendar", "count", "2026-01-01", "2026-12-31"])
        #expect(run.standardOutput == "248\n")
        #expect(run.standardError.isEmpty)
    }

    @Test func aMissingCatalogueFolderExitsWith2() throws {
        let run = try Self.run(["calendar", "add", "2025-09-26", "1", "--catalogue", "no-such-folder"])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == "onething: no-such-folder: the catalogue folder does not exist\n")
    }

    @Test func aCatalogueWithErrorsExitsWith2AndNamesThem() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "calendar:\n  region: CN\n".write(
            to: folder.appendingPathComponent("calendar-2025.yaml"), atomically: true, encoding: .utf8)
        let run = try OneThingExecutable.run([
            "calendar", "add", "2025-09-26", "1", "--catalogue", folder.path,
        ])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.hasPrefix("onething: the catalogue in \(folder.path) has errors"))
        #expect(run.standardError.contains("calendar-2025.yaml:"))
    }

    @Test func aRegionWithoutACalendarExitsWith2() throws {
        let run = try Self.run(["calendar", "add", "2025-09-26", "1", "--region", "HK"])
        #expect(run.status == 2)
        #expect(run.standardError == "onething: bundles/catalogue has no calendar for the region HK\n")
    }

    @Test func aNegativeNumberOfWorkingDaysIsAUsageError() throws {
        let run = try Self.run(["calendar", "add", "2025-09-26", "--", "-1"])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("N must be 0 or more"))
    }

    @Test func aMissingArgumentIsAUsageError() throws {
        let run = try Self.run(["calendar", "count", "2025-09-26"])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(!run.standardError.isEmpty)
    }
}
