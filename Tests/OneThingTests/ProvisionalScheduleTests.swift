import Foundation
import OneThing
import OneThingPlan
import Testing

/// A schedule on the real catalogue knows when its dates rest on a year without a State
/// Council notice (2027 and later in `bundles/catalogue`).
struct ProvisionalScheduleTests {
    static let restaurant = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("bundles/open-restaurant.yaml").path

    static func schedule(from start: String) throws -> Schedule {
        guard case .loaded(let loaded) = try BundleLoader.load(path: restaurant) else {
            throw ValidationInputError(path: restaurant, reason: .init(en: "not valid", zh: "无效"))
        }
        let plan = try loaded.builder.worstCasePlan()
        return try Schedule(
            plan: plan, calendar: loaded.catalogue.calendar(region: "CN"), accepted: CalendarDate(start)!)
    }

    @Test func aScheduleThatRunsIntoAYearWithoutANoticeIsProvisional() throws {
        // Monday 2026-12-21 + 11 working days: 12-22 … 12-31 are 8, (Friday 2027-01-01 元旦 by
        // the law), 01-04, 01-05, 01-06.
        let schedule = try Self.schedule(from: "2026-12-21")
        #expect(schedule.delivery == CalendarDate("2027-01-06"))
        #expect(schedule.provisionalYears == [2027])
        #expect(schedule.isProvisional)
    }

    @Test func aScheduleWithinTheNoticeYearsIsNot() throws {
        let schedule = try Self.schedule(from: "2026-03-02")
        #expect(schedule.provisionalYears == [])
        #expect(!schedule.isProvisional)
    }
}
