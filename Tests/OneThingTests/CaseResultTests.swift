import Foundation
import OneThing
import OneThingPlan
import Testing

/// Conditions on results produced in the case (`result.<output-id>`), on the real
/// example of `bundles/disability-services.yaml`: the grade the assessment decides
/// (残疾等级) decides the 护理补贴 (52号: 一级、二级 who need long-term care). The plan
/// made before the assessment says which items wait for it; the worst-case promise
/// covers every grade.
struct CaseResultTests {
    static let path = PublishedFiguresTests.root.appendingPathComponent("bundles/disability-services.yaml")
        .path

    static func loaded() throws -> BundleLoader.Loaded { try RealBundles.loaded("disability-services.yaml") }

    /// The plan for answers written as YAML.
    static func plan(_ answers: String) throws -> Plan {
        let loaded = try loaded()
        let resolved = try AnswersSource.document(Array(answers.utf8), name: "answers.yaml", syntax: .yaml)
            .resolve(for: loaded.bundle)
        return try loaded.builder.plan(for: resolved.answers, missingAt: resolved.missingAt)
    }

    static func decision(_ plan: Plan, _ item: String) throws -> ItemDecision {
        try #require(plan.decisions.first { plan.bundle.items[$0.index].id.value == item })
    }

    @Test func beforeTheAssessmentTheSubsidyAppliesOnceTheGradeIsKnown() throws {
        let plan = try Self.plan(
            "disability.certificate_held: false\ncare.long_term: true\nfamily.dibao: false\n")
        let nursing = try Self.decision(plan, "nursing-subsidy")
        #expect(nursing.applies)
        let awaiting = try #require(nursing.awaiting)
        #expect(awaiting.outputs.map(\.id.value) == ["assessment-result"])
        #expect(awaiting.holdsFor.map { $0.map(\.id) } == [["one"], ["two"]])
        #expect(awaiting.text.en == "applies once 残疾评定结果（残疾类别和等级） is known: if 一级 or 二级")
        #expect(awaiting.text.zh == "待“残疾评定结果（残疾类别和等级）”作出后确定：为一级或二级时办理")
        #expect(
            plan.awaitingDecisions.map { plan.bundle.items[$0.index].id.value } == [
                "subsidy-review", "nursing-subsidy",
            ])
        // Planned as the worst case: the steps and the 26 working days include it.
        #expect(plan.criticalPath.workdays == 26)
        // The assessment itself does not wait.
        #expect(try Self.decision(plan, "disability-assessment").awaiting == nil)
    }

    @Test(arguments: [("one", true), ("two", true), ("three", false), ("four", false)])
    func aKnownGradeDecides(grade: String, applies: Bool) throws {
        let plan = try Self.plan(
            "disability.certificate_held: false\ncare.long_term: true\nfamily.dibao: false\n"
                + "result.assessment-result: \(grade)\n")
        let nursing = try Self.decision(plan, "nursing-subsidy")
        #expect(nursing.applies == applies)
        #expect(nursing.awaiting == nil)
        #expect(plan.awaitingDecisions.isEmpty)
    }

    @Test func aHeldCertificateNeedsNoAssessmentAndWaitsForNothing() throws {
        let plan = try Self.plan(
            "disability.certificate_held: true\ndisability.grade: two\ncare.long_term: true\nfamily.dibao: false\n"
        )
        #expect(try Self.decision(plan, "nursing-subsidy").applies)
        #expect(!(try Self.decision(plan, "disability-assessment").applies))
        #expect(plan.awaitingDecisions.isEmpty)
    }

    @Test func aGradeTheResultDoesNotDeclareIsAnAnswerError() throws {
        #expect(throws: PlanBuilder.Failure.self) {
            try Self.plan(
                "disability.certificate_held: false\ncare.long_term: true\nfamily.dibao: false\n"
                    + "result.assessment-result: five\n")
        }
    }

    /// The worst-case promise check takes the grade as one more choice: with a 护理补贴
    /// of 8 working days the path of an applicant without a certificate whom the
    /// assessment finds 一级 or 二级 is 29 days, over the promise of 26, and only the
    /// grade leads there (the 低保 path stays at 26).
    @Test func theWorstCasePromiseCoversEveryGrade() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let nursing = "    produces: [nursing-subsidy-payment]\n"
        let before = "    promised: 5 workdays\n    needs: [subsidy-review-opinion, e-social-security-card]\n"
        #expect(text.contains(before) && text.contains(nursing))
        let variant = text.replacingOccurrences(
            of: before,
            with: "    promised: 8 workdays\n    needs: [subsidy-review-opinion, e-social-security-card]\n")
        guard
            case .invalid(let report) = BundleLoader.load(
                bytes: Array(variant.utf8), name: "results.yaml", catalogue: try Self.loaded().catalogue)
        else {
            Issue.record("a promise the grade breaks was not found")
            return
        }
        let promise = try #require(report.diagnostics.first { $0.message.en.contains("29") })
        #expect(promise.message.en.contains("result.assessment-result"))
    }

    /// A need of an item that waits for the assessment may read the grade; a promised
    /// limit may not (the dates are counted when the case is accepted: OT411).
    @Test func aNeedMayReadTheGradeALimitRuleMayNot() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        let need = "    needs: [subsidy-review-opinion, e-social-security-card]\n"
        #expect(text.contains(need))
        let withNeed = text.replacingOccurrences(
            of: need,
            with: "    needs: [subsidy-review-opinion, "
                + "{material: e-social-security-card, when: 'result.assessment-result != \"three\"'}]\n")
        let loaded = try RealBundles.loaded("disability-services.yaml", text: withNeed)
        #expect(loaded.report.diagnostics.allSatisfy { $0.code != .resultNotYetKnown })
        let limit = "    promised: 5 workdays\n    needs: [subsidy-review-opinion, e-social-security-card]\n"
        let withLimit = text.replacingOccurrences(
            of: limit,
            with: "    promised:\n      - {when: 'result.assessment-result == \"one\"', limit: 3 workdays}\n"
                + "      - {limit: 5 workdays}\n    needs: [subsidy-review-opinion, e-social-security-card]\n"
        )
        guard
            case .invalid(let report) = BundleLoader.load(
                bytes: Array(withLimit.utf8), name: "variant.yaml", catalogue: try Self.loaded().catalogue)
        else {
            Issue.record("a limit rule reading a result was accepted")
            return
        }
        #expect(report.diagnostics.contains { $0.code == .resultNotYetKnown })
    }
}
