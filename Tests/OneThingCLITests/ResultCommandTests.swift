import Foundation
import Testing

/// `onething run` and `onething case approve --result` on the disability case started
/// before the assessment: the grade decides whether the allowance steps are done or
/// not needed.
struct ResultCommandTests {
    static let bundle = "bundles/disability-services.yaml"
    static let caseName = "未持证、需长期照护、非低保家庭，评定结果未出"
    static let id = "C20260302-0001"

    static func run(db: String, _ more: [String]) throws -> OneThingExecutable.Run {
        try OneThingExecutable.run(
            ["run", bundle, "--case", caseName, "--start", "2026-03-02", "--db", db, "--lang", "en"] + more,
            in: RuntimeCLI.root)
    }

    @Test func twoSeedsDrawTwoGradesAndTheAllowancesAreDoneOrNotNeeded() throws {
        let folder = try RuntimeCLI.scratch()
        // Seed 1 draws 三级 (the allowances are not needed), seed 3 draws 二级.
        let ruledOut = try Self.run(db: folder.appendingPathComponent("1.sqlite").path, ["--seed", "1"])
        #expect(ruledOut.status == 0, "\(ruledOut.standardError)")
        #expect(ruledOut.standardOutput.contains("disability-assessment decides assessment-result: three"))
        #expect(ruledOut.standardOutput.contains("nursing-subsidy is not needed"))
        #expect(ruledOut.standardOutput.contains("Outcome: completed"))
        #expect(ruledOut.standardOutput.contains("  ○ nursing-subsidy: not needed"))
        let done = try Self.run(db: folder.appendingPathComponent("3.sqlite").path, ["--seed", "3"])
        #expect(done.status == 0, "\(done.standardError)")
        #expect(done.standardOutput.contains("disability-assessment decides assessment-result: two"))
        #expect(!done.standardOutput.contains("not needed"))
        #expect(done.standardOutput.contains("approved nursing-subsidy"))
        #expect(done.standardOutput.contains("Outcome: completed"))
        // The same seed, the same case.
        let again = try Self.run(db: folder.appendingPathComponent("1b.sqlite").path, ["--seed", "1"])
        #expect(
            again.standardOutput
                == ruledOut.standardOutput.replacingOccurrences(of: "1.sqlite", with: "1b.sqlite"))
    }

    @Test func anOfficerApprovesTheAssessmentWithTheGrade() throws {
        let folder = try RuntimeCLI.scratch()
        let db = folder.appendingPathComponent("c.sqlite").path
        let adapters = try RuntimeCLI.write(
            "defaults: {errors: 0, timeouts: 0, supplement: 0, reject: 0}\n"
                + "departments:\n  disability-assessment-hospital: {adapter: manual}\n",
            to: "adapters.yaml", in: folder)
        let started = try Self.run(db: db, ["--adapters", adapters])
        #expect(started.status == 0, "\(started.standardError)")
        #expect(
            started.standardOutput.contains(
                "onething case approve \(Self.id) disability-assessment --result assessment-result=one|two|three|four"
            ),
            "\(started.standardOutput)")
        func approve(_ more: [String]) throws -> OneThingExecutable.Run {
            try OneThingExecutable.run(
                ["case", "approve", Self.id, "disability-assessment", "--db", db] + more, in: RuntimeCLI.root)
        }
        let without = try approve(["--lang", "en"])
        #expect(without.status != 0)
        #expect(
            without.standardError.contains("no result of 'assessment-result'"), "\(without.standardError)")
        let undeclared = try approve(["--result", "assessment-result=five", "--lang", "zh"])
        #expect(undeclared.status != 0)
        #expect(
            undeclared.standardError.contains("“five”不是“assessment-result”声明的取值"),
            "\(undeclared.standardError)")
        let malformed = try approve(["--result", "assessment-result"])
        #expect(malformed.status == 2)
        #expect(malformed.standardError.contains("--result takes OUTPUT=VALUE"))
        let approved = try approve([
            "--result", "assessment-result=four", "--by", "hospital-li", "--lang", "en",
        ])
        #expect(approved.status == 0, "\(approved.standardError)")
        #expect(
            approved.standardOutput.contains("decides assessment-result: four"), "\(approved.standardOutput)")
        #expect(
            approved.standardOutput.contains("nursing-subsidy is not needed"), "\(approved.standardOutput)")
    }
}
