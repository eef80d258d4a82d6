import Foundation
import OneThingModel
import OneThingPlan
import OneThingSource
import Testing

/// The reform figures of small hand-built bundles, every figure pinned and worked out
/// in the comments from the model documented on ``ReformFigures``.
struct ReformFiguresTests {
    /// Five items of four departments; a joint inspection of two of them; one material of
    /// each status. Case 0 has the optional sign, case 1 does not.
    static let workshop = """
        id: figures-workshop
        title: 开办作坊一件事
        version: 1.0.0
        effective: 2025-01-01
        category: business
        lead: dept-a
        promise: 20 workdays
        form:
          has.sign:
            type: bool
            label: 是否设置招牌？
        materials:
          application: {name: 申请表, core: true}
          floor-plan: {name: 平面图}
          late-report: {name: 管理制度, deferrable: 5 workdays}
          test-report: {name: 检测报告, commitment: true}
          shared-record: {name: 登记信息, source: shared-data}
        outputs:
          licence: {name: 执照, kind: licence}
          permit-licence: {name: 许可证, kind: licence}
          check-record: {name: 检查结果, kind: record}
          filing-record: {name: 备案回执, kind: record}
          sign-record: {name: 招牌回执, kind: record}
        inspections:
          site: {name: 联合勘验, duration: 2 workdays, department: dept-a}
        items:
          registration:
            name: 登记
            department: dept-a
            kind: registration
            legal: 3 workdays
            promised: 1 workday
            needs: [application, shared-record]
            produces: [licence]
          permit:
            name: 许可
            department: dept-b
            kind: permit
            legal: 10 workdays
            promised: 6 workdays
            inspection: site
            needs: [licence, application, floor-plan, late-report]
            produces: [permit-licence]
          check:
            name: 检查
            department: dept-c
            kind: permit
            legal: 15 days
            promised: 3 workdays
            inspection: site
            needs: [licence, test-report, floor-plan]
            produces: [check-record]
          filing:
            name: 备案
            department: dept-b
            kind: filing
            promised: 4 hours
            online: true
            needs: [licence, application]
            produces: [filing-record]
          sign:
            name: 招牌
            department: dept-d
            kind: filing
            when: has.sign
            promised: 5 workdays
            online: true
            needs: [licence, application]
            produces: [sign-record]
        tests:
          - name: 设招牌
            answers: {has.sign: true}
            expect: {workdays: 9}
          - name: 不设招牌
            answers: {has.sign: false}
            expect: {workdays: 9}
        """

    @Test func materialsCountEveryNeedOfEveryItemBeforeAndTheUniqueOnesBroughtAfter() throws {
        let figures = ReformFigures(plan: try Self.plan(Self.workshop, case: 0))
        // Before: registration 2 + permit 4 + check 3 + filing 2 + sign 2 = 13 (the licence,
        // which registration issues, counts at each of the four items that need it).
        // After: application and floor-plan to bring, late-report later = 3.
        #expect(figures.materials == FigureChange(before: 13, after: 3))
        #expect(figures.materials.publishedReduction == 76.9)  // 10 ÷ 13 = 76.92%
        // Not counted after: test-report (commitment), shared-record (fetched), licence (issued).
        #expect(figures.checklist == [.bring: 2, .later: 1, .commitment: 1, .fetched: 1, .issued: 1])
    }

    @Test func timeIsTheSerialSumOfLegalLimitsBeforeAndTheCriticalPathAfter() throws {
        let figures = ReformFigures(plan: try Self.plan(Self.workshop, case: 0))
        // Before: 3 + 10 + 15 days (15 × 5/7 = 10.714…) + filing's promised 4 hours (0.5,
        // no legal limit) + sign's promised 5 (no legal limit) = 29.214… working days.
        #expect(abs(figures.workdays.before - (3 + 10 + 75.0 / 7 + 0.5 + 5)) < 1e-9)
        // After: registration 1 → joint inspection 2 → permit 6 = 9.
        #expect(figures.workdays.after == 9)
        #expect(figures.workdays.publishedReduction == 69.2)  // 20.214 ÷ 29.214 = 69.19%
    }

    @Test func theLegalPartOfTheTimeBeforeLeavesOutThePromisedLimitsOfItemsWithoutALegalOne() throws {
        let plan = try Self.plan(Self.workshop, case: 0)
        // Legal: 3 + 10 + 15 days (75/7); filing's 4 hours and sign's 5 are promised, not legal.
        #expect(abs(ReformFigures.legalWorkdaysBefore(plan) - (3 + 10 + 75.0 / 7)) < 1e-9)
        #expect(ReformFigures.legalWorkdaysBefore(plan) < ReformFigures(plan: plan).workdays.before)
    }

    @Test func visitsAreOnePerDepartmentWithAnInPersonItemBeforeAndOneWindowAfter() throws {
        let figures = ReformFigures(plan: try Self.plan(Self.workshop, case: 0))
        // Before: dept-a (registration), dept-b (permit; its filing is online, the same
        // department anyway), dept-c (check); dept-d's sign is online = 3.
        #expect(
            figures.visits == FigureChange(before: 3, after: 1, beforeBasis: .assumed, afterBasis: .assumed))
        #expect(figures.visits.publishedReduction == 66.7)
    }

    @Test func stepsFollowTheFourStepModelBeforeAndTheOneProcedureAfter() throws {
        let figures = ReformFigures(plan: try Self.plan(Self.workshop, case: 0))
        // Before: 4 × 5 items + 2 own site checks (permit, check) = 22.
        // After: application 1 + acceptance 1 + 5 decisions + 1 joint inspection + delivery 1 = 9.
        #expect(
            figures.steps == FigureChange(before: 22, after: 9, beforeBasis: .assumed, afterBasis: .assumed))
        #expect(figures.steps.publishedReduction == 59.1)  // 13 ÷ 22 = 59.09%
    }

    @Test func departmentsAndItemsAreCountedOnce() throws {
        let figures = ReformFigures(plan: try Self.plan(Self.workshop, case: 0))
        // dept-a, dept-b, dept-c, dept-d; the inspection's organiser dept-a again.
        #expect(figures.departments == 4)
        #expect(figures.items == 5)
    }

    @Test func anItemThatDoesNotApplyLeavesEveryFigure() throws {
        let figures = ReformFigures(plan: try Self.plan(Self.workshop, case: 1))
        #expect(figures.items == 4)
        #expect(figures.materials == FigureChange(before: 11, after: 3))  // 13 − sign's 2
        #expect(abs(figures.workdays.before - (3 + 10 + 75.0 / 7 + 0.5)) < 1e-9)
        #expect(figures.workdays.after == 9)
        // The sign was online.
        #expect(
            figures.visits == FigureChange(before: 3, after: 1, beforeBasis: .assumed, afterBasis: .assumed))
        // 4 × 4 + 2; 1 + 1 + 4 + 1 + 1.
        #expect(
            figures.steps == FigureChange(before: 18, after: 8, beforeBasis: .assumed, afterBasis: .assumed))
        #expect(figures.departments == 3)
    }

    /// One online item of one department that needs nothing.
    static let online = """
        id: figures-online
        title: 网上一件事
        version: 1.0.0
        effective: 2025-01-01
        category: individual
        lead: dept-a
        promise: 1 workday
        form:
          wants.it:
            type: bool
            label: 是否办理？
        items:
          only:
            name: 网上办理
            department: dept-a
            kind: other
            when: wants.it
            promised: 1 workday
            online: true
        tests:
          - name: 办理
            answers: {wants.it: true}
            expect: {workdays: 1}
          - name: 不办理
            answers: {wants.it: false}
            expect: {workdays: 0}
        """

    @Test func aFullyOnlineSingleItemHasNoVisitsAndNoStepReduction() throws {
        let figures = ReformFigures(plan: try Self.plan(Self.online, case: 0))
        #expect(
            figures.visits == FigureChange(before: 0, after: 0, beforeBasis: .assumed, afterBasis: .assumed))
        #expect(figures.visits.reduction == nil)  // nothing to reduce
        #expect(figures.materials.reduction == nil)  // it needs nothing
        // A bundle of one item changes nothing: 4 steps before, 1 + 1 + 1 + 1 after.
        #expect(
            figures.steps == FigureChange(before: 4, after: 4, beforeBasis: .assumed, afterBasis: .assumed))
        #expect(figures.steps.publishedReduction == 0)
        #expect(
            figures.workdays
                == FigureChange(
                    before: 1, after: 1, beforeBasis: .legal(legalShare: 0), afterBasis: .promised))
    }

    @Test func aPlanWhereNothingAppliesHasNoStepsAtAll() throws {
        let figures = ReformFigures(plan: try Self.plan(Self.online, case: 1))
        #expect(figures.items == 0)
        #expect(
            figures.steps == FigureChange(before: 0, after: 0, beforeBasis: .assumed, afterBasis: .assumed))
        for figure in ReformFigure.allCases { #expect(figures[figure].reduction == nil) }
        #expect(figures.departments == 0)
    }

    /// Two items done on the spot (即办), one with a legal limit of 即办 when `legal.one`
    /// is true, neither with one otherwise: no time before the reform at all.
    static let onTheSpot = """
        id: figures-on-the-spot
        title: 即办一件事
        version: 1.0.0
        effective: 2025-01-01
        category: individual
        lead: dept-a
        promise: immediate
        form:
          legal.one:
            type: bool
            label: 是否有法定时限？
        items:
          query:
            name: 查询
            department: dept-a
            kind: other
            promised: immediate
            online: true
          grant:
            name: 授权
            department: dept-a
            kind: other
            promised: immediate
            online: true
        tests:
          - name: 无法定时限
            answers: {legal.one: false}
            expect: {workdays: 0}
        """

    @Test func noTimeBeforeAndNoLegalLimitIsNoLegalShareNotAHundredPercentOfNothing() throws {
        let plan = try Self.plan(Self.onTheSpot, case: 0)
        let figures = ReformFigures(plan: plan)
        #expect(figures.workdays.before == 0)
        #expect(ReformFigures.legalWorkdaysBefore(plan) == 0)
        // 0 legal days of 0: no item has a legal limit, so nothing of it is legal.
        #expect(ReformFigures.legalShareBefore(plan) == 0)
        #expect(figures.workdays.beforeBasis == .legal(legalShare: 0))
        #expect(figures.workdays.beforeBasis.isMostlyAssumed)
    }

    @Test func noTimeBeforeWeighsTheItemsWithALegalLimitByCount() throws {
        // The same bundle with the query's legal limit written as 即办: one item of two.
        let withLegal = Self.onTheSpot.replacingOccurrences(
            of: "    promised: immediate\n    online: true\n  grant:",
            with: "    legal: immediate\n    promised: immediate\n    online: true\n  grant:")
        #expect(withLegal != Self.onTheSpot)
        let plan = try Self.plan(withLegal, case: 0)
        #expect(ReformFigures.workdaysBefore(plan) == 0)
        #expect(ReformFigures.legalShareBefore(plan) == 50)
    }

    @Test func reductionsAreRoundedToOneDecimalHalvesAwayFromZero() {
        #expect(FigureChange(before: 32, after: 10).publishedReduction == 68.8)  // 68.75
        #expect(FigureChange(before: 20, after: 6.09).publishedReduction == 69.6)  // 69.55, inexact in binary
        #expect(FigureChange(before: 2, after: 3).publishedReduction == -50)  // grew
        #expect(FigureChange(before: 0, after: 1).reduction == nil)
        #expect(FigureChange.roundedToOneDecimal(-0.05) == -0.1)
    }

    @Test func averagesAreThePlainMeanOfThePerBundlePercentages() {
        let small = ReformFigures(
            materials: FigureChange(before: 2, after: 1), workdays: FigureChange(before: 10, after: 1),
            visits: FigureChange(before: 0, after: 0), steps: FigureChange(before: 8, after: 5),
            departments: 2, items: 2)
        let large = ReformFigures(
            materials: FigureChange(before: 100, after: 10), workdays: FigureChange(before: 3, after: 3),
            visits: FigureChange(before: 4, after: 1), steps: FigureChange(before: 40, after: 13),
            departments: 4, items: 10)
        let averages = ReformAverages([small, large])
        #expect(averages.bundles == 2)
        // (50% + 90%) ÷ 2 = 70%, not the 110 → 11 of the summed figures (90%).
        #expect(averages.publishedReduction(.materials) == 70)
        #expect(averages.publishedReduction(.workdays) == 45)  // (90% + 0%) ÷ 2
        // Only the large bundle had visits to reduce.
        #expect(averages.publishedReduction(.visits) == 75)
        #expect(averages.counted[.visits] == 1)
        #expect(averages.counted[.materials] == 2)
        // (37.5% + 67.5%) ÷ 2 = 52.5
        #expect(averages.publishedReduction(.steps) == 52.5)
        #expect(ReformAverages([]).reduction(.materials) == nil)
    }

    /// The plan of test case `index` of the bundle written in `yaml`.
    static func plan(_ yaml: String, case index: Int) throws -> Plan {
        let file = SourceFile(path: "figures.yaml", text: yaml)
        let document = YAMLComposer.compose(file)
        let root = try #require(document.root, "\(document.diagnostics.map(\.message.en))")
        let decoded = BundleDecoder.decode(root)
        let errors = decoded.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message.en))")
        let bundle = try #require(decoded.bundle)
        let builder = try PlanBuilder(bundle: bundle, source: file, catalogue: Catalogue())
        let test = bundle.tests[index]
        return try builder.plan(for: test.answers, missingAt: test.name.span)
    }
}
