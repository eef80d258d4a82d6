import Foundation
import OneThing
import OneThingPlan
import Testing

/// The worst case of the figures and the catalogue on real bundles: the applicant who
/// waits longest, in the working days the plan itself shows, and a time before the
/// reform that rests on no legal limit said so.
struct WorstCaseFiguresTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ name: String) throws -> BundleLoader.Loaded {
        let path = root.appendingPathComponent("bundles/\(name)").path
        let loaded: BundleLoader.Loaded? =
            switch try BundleLoader.load(path: path) {
            case .loaded(let loaded): loaded
            case .invalid: nil
            }
        return try #require(loaded, "bundles/\(name) is not valid")
    }

    @Test func ipProtectionsWorstCaseIsTheUtilityModelWithoutAReportWaitingTwoMonths() throws {
        let loaded = try Self.load("ip-protection.yaml")
        let worst = try loaded.builder.worstCasePlan()
        // 专利权评价报告 2 months (60 × 5/7 WD) → 专利侵权纠纷处理 60 → 调解 10: 112.86 WD,
        // though its own promise (115) is kept by more than the 70 WD of a patent with a
        // report and mediation (promise 70).
        #expect(abs(worst.criticalPath.workdays - (60 * 5.0 / 7 + 60 + 10)) < 1e-9)
        #expect(worst.applicableItems.map(\.id.value).contains("patent-evaluation"))
        // No test case of the bundle waits longer than the worst case.
        for test in loaded.bundle.tests where test.expect.error == nil {
            let plan = try loaded.builder.plan(for: test.answers, missingAt: test.name.span)
            #expect(plan.criticalPath.workdays <= worst.criticalPath.workdays + 1e-9, "\(test.name.value)")
        }
    }

    @Test func taxCreditQueryHasNoLegalLimitRatherThanAHundredPercentOfNothing() throws {
        let worst = try Self.load("tax-credit-query.yaml").builder.worstCasePlan()
        let figures = ReformFigures(plan: worst)
        #expect(figures.workdays.before == 0)
        #expect(figures.workdays.after == 0)
        #expect(figures.workdays.beforeBasis == .legal(legalShare: 0))
        #expect(worst.applicableItems.allSatisfy { $0.legal == nil })
    }
}
