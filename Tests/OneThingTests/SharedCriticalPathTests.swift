import Foundation
import OneThing
import OneThingPlan
import Testing

/// The validator's worst-case promise check and the planner's schedule are one
/// computation (`StepTimes`): these tests pin both to the same numbers.
struct SharedCriticalPathTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func loaded(_ name: String) throws -> BundleLoader.Loaded {
        guard
            case .loaded(let loaded) = try BundleLoader.load(
                path: root.appendingPathComponent("bundles/\(name)").path)
        else { throw ValidationInputError(path: name, reason: .init(en: "not valid", zh: "无效")) }
        return loaded
    }

    /// The worst case of each real bundle, as worked out by hand in the bundle's comments.
    @Test(arguments: [
        ("open-restaurant.yaml", 11.0), ("elevator-retrofit.yaml", 51.0), ("after-death.yaml", 5.0),
    ])
    func theWorstCasePlanHasTheCriticalPathTheValidatorChecks(_ name: String, _ workdays: Double) throws {
        let loaded = try Self.loaded(name)
        let plan = try loaded.builder.worstCasePlan()
        #expect(plan.criticalPath.workdays == workdays)
        // The bundle promises its worst case; the elevator bundle one day more, which its
        // 7-day 公示 needs across the Spring Festival on the real calendar (OT507).
        let margin = name == "elevator-retrofit.yaml" ? 1.0 : 0
        #expect(loaded.bundle.promise.value.workdayEquivalent == workdays + margin)
    }

    @Test func lowerTheRestaurantPromiseAndTheValidatorNamesTheSamePath() throws {
        let path = Self.root.appendingPathComponent("bundles/open-restaurant.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\npromise: 11 workdays", with: "\npromise: 10 workdays")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("open-restaurant.yaml")
        try Data(text.utf8).write(to: file)
        let catalogue = Self.root.appendingPathComponent("bundles/catalogue").path
        let report = try Validator(options: .init(catalogue: catalogue)).validate(paths: [file.path])
        let finding = try #require(report.diagnostics.first { $0.code == .promiseBrokenInWorstCase })
        #expect(finding.message.en.contains("takes 11 workdays"))
        let plan = try Self.loaded("open-restaurant.yaml").builder.worstCasePlan()
        let names = plan.criticalPath.steps.map { step -> String in
            guard case .item(let i) = step else { return "" }
            return plan.bundle.items[i].id.value
        }
        #expect(names == ["business-registration", "drainage-permit"])
        #expect(
            finding.message.en.contains("business-registration (1 workday) → drainage-permit (10 workdays)"))
    }

    @Test func onACalendarWithoutHolidaysTheScheduleEndsWhereTheWorkdayCountDoes() throws {
        // 2026-03-02 is a Monday and March 2026 has no holiday: registration is due on
        // 03-03 and the drainage permit 10 working days after that, on Tuesday 03-17,
        // 11 working days after acceptance, the number the validator counts.
        let loaded = try Self.loaded("open-restaurant.yaml")
        let plan = try loaded.builder.worstCasePlan()
        let calendar = loaded.catalogue.calendar(region: "CN")
        let schedule = try Schedule(plan: plan, calendar: calendar, accepted: CalendarDate("2026-03-02")!)
        #expect(schedule.delivery == CalendarDate("2026-03-17")!)
        #expect(try calendar.workdays(from: schedule.accepted, through: schedule.delivery) == 11)
        #expect(schedule.promisedBy == schedule.delivery)
        #expect(schedule.slack.values.min() == 0)
    }
}
