import OneThing
import OneThingRuntime

/// A case of `bundles/disability-services.yaml` started before the assessment (its
/// grade unknown), driven by hand from acceptance on Monday 2026-03-02: every step
/// approved at once, the assessment with the grade given, the certificate photo (容缺)
/// brought; the allowance steps are then sent (一级, 二级) or not needed (三级, 四级).
public enum AssessedCase {
    /// The bundle's test case the case answers as.
    public static let caseName = "未持证、需长期照护、非低保家庭，评定结果未出"
    /// When it is accepted.
    public static let accepted = RuntimeFixtures.at("2026-03-02 09:00")

    /// The blueprint of the case.
    public static func blueprint() throws -> CaseBlueprint {
        try RuntimeFixtures.blueprint("disability-services.yaml", case: caseName)
    }

    /// Case `id` taken up to the certificate's issue, the assessment having decided `grade`.
    public static func run(_ grade: String, id: CaseID = "c1") throws -> (CaseRuntime, CaseBlueprint) {
        let blueprint = try blueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()], seed: 1)
        try runtime.start(
            id, blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint), at: accepted)
        var hour = 10
        func approve(_ stepID: String, results: [String: String] = [:]) throws {
            guard let step = blueprint.stepIndex(stepID), let key = runtime.cases[id]?.steps[step].key else {
                throw RuntimeFixtures.Failure(description: "step \(stepID) of case \(id) was not sent")
            }
            let now = RuntimeFixtures.at("2026-03-03 \(hour):00")
            hour += 1
            if !results.isEmpty { runtime.record(results: results, decidedBy: step, in: id, at: now) }
            runtime.report(.approved, for: key, at: now)
        }
        try approve("certificate-application")
        try approve("disability-assessment", results: ["assessment-result": grade])
        for material in blueprint.deferredDeadlines.keys.sorted() {
            runtime.supply(material, to: id, at: RuntimeFixtures.at("2026-03-03 \(hour):30"))
        }
        try approve("certificate-issue")
        return (runtime, blueprint)
    }
}
