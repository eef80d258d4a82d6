import Foundation
import OneThing
import OneThingPlan
import OneThingRuntime
import OneThingTestSupport
import Testing

/// A running case does not call a step or itself late for time the law does not count:
/// `bundles/business-deregistration.yaml`'s 20-day 公示 (市场主体登记管理条例 §33), whose
/// step is promised 当场, accepted on Monday 2026-01-26 (the 公示 runs into the Spring
/// Festival holiday). `DueDateAgreementTests` compares every bundle and start date.
struct UncountedTimeRuntimeTests {
    static let worstCase = "企业简易注销，有社保、公积金和海关备案（最坏情况）"

    @Test func theStepIsDueAfterThePublicNoticeAndTheCaseIsOnTime() throws {
        let loaded = try RuntimeFixtures.loaded("business-deregistration.yaml")
        let plan = try RuntimeFixtures.plan("business-deregistration.yaml", case: Self.worstCase)
        let blueprint = CaseBlueprint(plan: plan, catalogue: loaded.catalogue)
        let step = try #require(blueprint.steps.first { $0.id == "simple-public-notice" })
        #expect(step.limit == TimeLimit(0, .workdays))
        #expect(step.notCounted == [TimeLimit(20, .days)])
        let start = try #require(CalendarDate("2026-01-26"))
        let run = try DueDateAgreementTests.run(
            blueprint, calendar: loaded.catalogue.calendar(region: "CN"), start: start)
        #expect(run.due["simple-public-notice"]?.date == CalendarDate("2026-02-24"))
        #expect(run.promisedBy == CalendarDate("2026-02-25"))
        #expect(run.delivered == CalendarDate("2026-02-25"))
    }

    /// A store reads the periods back under the blueprint's fingerprint; a blueprint
    /// without any is written as before they existed (no key, no part of the fingerprint).
    @Test func theBlueprintKeepsThePeriodsAndOthersKeepTheirFingerprint() throws {
        let loaded = try RuntimeFixtures.loaded("business-deregistration.yaml")
        let plan = try RuntimeFixtures.plan("business-deregistration.yaml", case: Self.worstCase)
        let blueprint = CaseBlueprint(plan: plan, catalogue: loaded.catalogue)
        let json = try blueprint.storedJSON()
        #expect(json.contains("\"notCounted\""))
        #expect(try CaseBlueprint(storedJSON: json, fingerprint: blueprint.fingerprint) == blueprint)
        let normal = try RuntimeFixtures.plan("business-deregistration.yaml", case: "企业普通注销，有海关备案和公积金")
        #expect(
            !(try CaseBlueprint(plan: normal, catalogue: loaded.catalogue).storedJSON()).contains(
                "notCounted"))
    }
}
