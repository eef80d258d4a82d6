import Foundation
import OneThing
import OneThingPlan
import Testing

/// The reform figures of `bundles/after-death.yaml` for its typical case, line by line
/// beside the figures 宣恩县 (湖北) published for its 身后一件事 (湖北文明网, 2021-04-28):
/// "改革前办理人需要提交材料32份、跑10个部门，20个工作日才能办理完成 … 改革后，群众办理
/// 相关事项只需材料3份、只跑1次，可在1个工作日办结".
///
/// Each expected number says where the bundle agrees with 宣恩, where it differs, and
/// why. The bundle is not 宣恩's: it follows 济宁's items and materials, 湖南's time
/// rules and 茌平's departments (its header), and 宣恩 does not list its items.
struct PublishedFiguresTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let typicalCase = "医院内正常死亡，火化，职工医保、养老保险和公积金（典型情况）"

    /// The typical case's plan: death in hospital, cremated, 职工医保, 养老保险, 公积金.
    static func typicalPlan() throws -> Plan {
        let path = root.appendingPathComponent("bundles/after-death.yaml").path
        let loaded: BundleLoader.Loaded? =
            switch try BundleLoader.load(path: path) {
            case .loaded(let loaded): loaded
            case .invalid: nil
            }
        let bundle = try #require(loaded, "bundles/after-death.yaml is not valid")
        let answers = try AnswersSource.testCase(typicalCase).resolve(for: bundle.bundle)
        return try bundle.builder.plan(for: answers.answers, missingAt: answers.missingAt)
    }

    @Test func theTypicalCaseBesideXuanen() throws {
        let plan = try Self.typicalPlan()
        let figures = ReformFigures(plan: plan)

        // Nine items apply: 死亡医学证明, 火化证明, 户口注销, 医保减少登记, 医保个人账户支取,
        // 养老保险个人账户, 社会保险登记和社保卡注销, 丧葬补助金, 公积金提取. 宣恩 names
        // 死亡医学证明、户口注销、丧葬抚恤费申领、社保卡注销 "等事项" without the full list.
        #expect(figures.items == 9)

        // The bundle declares 宣恩's published figures (`baseline:`): they are the figures
        // before, with their source as basis; the computed ones stay beside them.
        let xuanen = try #require(plan.bundle.baseline)
        let declared = FigureBasis.declared(place: "湖北省宣恩县", source: xuanen.source)
        #expect(xuanen.source.published == CalendarDate("2021-04-28"))

        // BEFORE — materials: 32 declared (宣恩); 34 computed here. Each of the 9 items
        // counts what it needs (2 + 3 + 4 + 2 + 5 + 5 + 3 + 6 + 4): the 死亡证明, the ID
        // cards, the bank card and the proof of heirship asked for again at every window.
        #expect(figures.materials.before == 32)
        #expect(figures.materials.beforeBasis == declared)
        #expect(figures.materials.computedBefore == 34)
        #expect(Double(ReformFigures.materialsBefore(plan)) == 34)

        // BEFORE — departments: 10 declared (宣恩); 6 here: 卫健、民政、公安、医保、人社、
        // 公积金; the bundle has 8 at most (残联 and 退役军人 only when the deceased drew
        // their benefits). The two are never made a reduction.
        #expect(figures.departments == 6)
        #expect(figures.departmentsBefore == 10)
        #expect(figures.departmentsBeforeBasis == declared)

        // BEFORE — visits: 6 here (one per department with an in-person item), by the
        // model's assumption: "跑10个部门" is declared as departments, not as visits.
        #expect(figures.visits.before == 6)
        #expect(figures.visits.beforeBasis == .assumed)

        // BEFORE — time: 20 working days declared (宣恩); 27.6 computed here. Legal limits:
        // 医保减少登记 and 社会保险登记注销 10 WD each (社会保险经办条例 §10), 公积金 3日
        // (15/7 WD, 住房公积金管理条例 §25); the other six items count with their promised
        // limits (0 + 0.5 + 2 + 1 + 1 + 1), which are not legal limits: 80.1% is legal.
        #expect(figures.workdays.before == 20)
        #expect(figures.workdays.beforeBasis == declared)
        let computed = ReformFigures.workdaysBefore(plan)
        #expect(abs(computed - (0 + 0.5 + 2 + 10 + 1 + 1 + 10 + 1 + 15.0 / 7)) < 1e-9)
        #expect(figures.workdays.computedBefore == computed)
        #expect(FigureChange.roundedToOneDecimal(computed) == 27.6)
        #expect(abs(ReformFigures.legalWorkdaysBefore(plan) - (10 + 10 + 15.0 / 7)) < 1e-9)
        #expect(ReformFigures.legalShareBefore(plan) == 80.1)

        // AFTER — materials: 4 here, 3 in 宣恩. 经办人身份证 and 银行卡 are brought, the
        // 逝者社保卡 may follow later (容缺), and the heir proves heirship (one of: 关系证明,
        // 继承权公证书): the household register shows no heirs. 逝者身份证 (electronic
        // licence), 户口簿 (shared 户籍 data), 死亡证明 and 火化证明 (issued within the case)
        // are not brought.
        #expect(figures.materials.after == 4)
        #expect(
            plan.materialsToBring.map(\.id) == [
                "agent-id-card", "deceased-social-security-card", "bank-card",
                "heir-kinship-proof|inheritance-notarial-certificate",
            ])
        #expect(figures.checklist == [.bring: 3, .later: 1, .fetched: 2, .issued: 2])

        // AFTER — visits: 1, as in 宣恩 ("只跑1次"). Agrees: one window takes the case.
        #expect(figures.visits.after == 1)

        // AFTER — time: 2 working days here, 1 in 宣恩. The 户口注销 is promised in 2 WD
        // (湖南: within 2 WD of receiving the death certificate) and follows the death
        // certificate issued on the spot, so the critical path is 0 + 2: a promise.
        #expect(figures.workdays.after == 2)
        #expect(figures.workdays.afterBasis == .promised)

        // STEPS — 36 before (4 × 9 items), 12 after (application, acceptance, 9
        // decisions, delivery).
        #expect(
            figures.steps == FigureChange(before: 36, after: 12, beforeBasis: .assumed, afterBasis: .assumed))

        // REDUCTIONS, from 宣恩's declared before to this file's after (宣恩's own figures
        // imply 90.6%, 95.0% and 90.0%):
        #expect(figures.materials.publishedReduction == 87.5)  // 28 ÷ 32; 宣恩 29 ÷ 32 = 90.6%
        #expect(figures.workdays.publishedReduction == 90)  // 18 ÷ 20; 宣恩 19 ÷ 20 = 95%
        #expect(figures.visits.publishedReduction == 83.3)  // 5 ÷ 6; 宣恩 9 ÷ 10 = 90%
        #expect(figures.steps.publishedReduction == 66.7)  // 24 ÷ 36
    }
}
