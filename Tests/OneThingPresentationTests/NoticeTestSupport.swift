import Foundation
import OneThing
import OneThingPlan
import OneThingPresentation
import Testing

/// Notices of the real bundles' test cases, and of small bundles written for a test.
enum NoticeFixture {
    /// The package's root folder.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The real catalogue.
    static var catalogue: String { root.appendingPathComponent("bundles/catalogue").path }

    /// The restaurant's worst case: every kind of material, a joint inspection.
    static let restaurantWorstCase = "新办餐饮店，一般程序消防，设招牌并售烟（最坏情况）"

    /// The after-death bundle's typical case.
    static let afterDeathTypical = "医院内正常死亡，火化，职工医保、养老保险和公积金（典型情况）"

    /// A case planned and scheduled, with its notice.
    struct Case {
        let plan: Plan
        let schedule: Schedule
        let catalogue: Catalogue
        let notice: NoticeDocument
    }

    /// The notice of the test case `name` of the bundle at `path` (relative to the root
    /// unless absolute), accepted on `start`.
    static func notice(
        _ path: String, case name: String, start: String = "2026-03-02", language: Language = .zh,
        catalogue: String? = nil
    ) throws -> Case {
        let file = path.hasPrefix("/") ? path : root.appendingPathComponent(path).path
        guard case .loaded(let loaded) = try BundleLoader.load(path: file, catalogue: catalogue) else {
            throw Failure(message: "\(path) does not load")
        }
        let test = try #require(loaded.bundle.tests.first { $0.name.value == name })
        let plan = try loaded.builder.plan(for: test.answers, missingAt: test.name.span)
        let accepted = try #require(CalendarDate(start))
        let schedule = try Schedule(
            plan: plan, calendar: loaded.catalogue.calendar(region: "CN"), accepted: accepted)
        let notice = try NoticeDocument(
            plan: plan, schedule: schedule, catalogue: loaded.catalogue, language: language)
        return Case(plan: plan, schedule: schedule, catalogue: loaded.catalogue, notice: notice)
    }

    /// Writes `text` as a bundle file in a new temporary folder and returns its path.
    static func temporaryBundle(_ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-notice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("bundle.yaml")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// A fixture that cannot be used.
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// Expected notices kept in `Tests/OneThingTests/Golden/notice/`, compared exactly.
///
/// Run the tests with `ONETHING_UPDATE_GOLDEN=1` to rewrite them from the actual output
/// after a deliberate change; review the difference before committing it.
enum NoticeGolden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/notice")

    /// Checks that `actual` is exactly the golden file `name`.
    static func expect(
        _ actual: String, matches name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    )
        throws
    {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ONETHING_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "golden file \(name) is missing; run with ONETHING_UPDATE_GOLDEN=1 to create it",
                sourceLocation: sourceLocation)
            return
        }
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
        #expect(
            actual == expected,
            "\(name) differs at line \(line + 1): got \(line < got.count ? String(got[line]) : "<end>"), expected \(line < want.count ? String(want[line]) : "<end>")",
            sourceLocation: sourceLocation)
    }
}
