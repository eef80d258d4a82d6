import OneThingEvents
import OneThingRuntime
import OneThingTestSupport
import Testing

/// A case started before a result of the case is known (the grade the assessment of
/// `bundles/disability-services.yaml` decides): its blueprint has every step that may
/// apply, each waiting one with what is left of its condition, kept in the fingerprint.
struct ResultBlueprintTests {
    static let beforeTheAssessment = "未持证、需长期照护、非低保家庭，评定结果未出"

    @Test func aStepWaitingForTheGradeCarriesTheGradesForWhichItApplies() throws {
        let blueprint = try RuntimeFixtures.blueprint(
            "disability-services.yaml", case: Self.beforeTheAssessment)
        #expect(
            blueprint.steps.map(\.id) == [
                "certificate-application", "disability-assessment", "certificate-issue", "subsidy-review",
                "nursing-subsidy",
            ])
        let nursing = try #require(blueprint.stepIndex("nursing-subsidy").map { blueprint.steps[$0] })
        let condition = try #require(nursing.awaiting)
        #expect(condition == ResultCondition(outputs: ["assessment-result"], holdsFor: [["one"], ["two"]]))
        #expect(condition.holds(for: [:]) == nil)
        #expect(condition.holds(for: ["assessment-result": "two"]) == true)
        #expect(condition.holds(for: ["assessment-result": "three"]) == false)
        let assessment = try #require(
            blueprint.stepIndex("disability-assessment").map { blueprint.steps[$0] })
        #expect(assessment.awaiting == nil)
    }

    @Test func theConditionIsKeptAndCountsInTheFingerprint() throws {
        let waiting = try RuntimeFixtures.blueprint(
            "disability-services.yaml", case: Self.beforeTheAssessment)
        let json = try waiting.storedJSON()
        #expect(json.contains(#""awaiting":{"holdsFor":[["one"],["two"]],"outputs":["assessment-result"]}"#))
        #expect(try CaseBlueprint(storedJSON: json, fingerprint: waiting.fingerprint) == waiting)
        // The same steps, known to apply: another blueprint.
        let known = try RuntimeFixtures.blueprint(
            "disability-services.yaml", case: "未持证、需长期照护、非低保家庭，评定为二级")
        #expect(known.steps.map(\.id) == waiting.steps.map(\.id))
        #expect(known.steps.allSatisfy { $0.awaiting == nil })
        #expect(known.fingerprint != waiting.fingerprint)
        #expect(!(try known.storedJSON()).contains("awaiting"))
    }
}
