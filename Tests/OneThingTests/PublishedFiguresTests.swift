import Foundation
import OneThing
import OneThingPlan
import Testing

/// The reform figures of `bundles/after-death.yaml` for its typical case, line by line
/// beside the figures 宣恩县 (湖北) published for its 身后一件事 (湖北文明网, 2021-04-28,
/// articles/003; facts.md §4): "改革前办理人需要提交材料32份、跑10个部门，20个工作日才能
/// 办理完成 … 改革后，群众办理相关事项只需材料3份、只跑1次，可在1个工作日办结".
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

        // Eight items apply: 死亡医学证明, 火化证明, 户口注销, 医保减少登记, 医保个人账户支取,
        // 养老保险个人账户, 丧葬补助金, 公积金提取. 宣恩 names 死亡医学证明、户口注销、丧葬抚恤费
        // 申领、社保卡注销 "等事项" without the full list; 社保卡注销 is not an item here.
        #expect(figures.items == 8)

        // BEFORE — materials: 28 here, 32 in 宣恩. Differs: each of the 8 items counts
        // what it needs (2 + 3 + 4 + 2 + 4 + 4 + 5 + 4); 宣恩 had more items and
        // departments (below), so more copies. Same order of magnitude, same cause: the
        // 死亡证明, the ID cards and the bank card asked for again at every window.
        #expect(figures.materials.before == 28)

        // BEFORE — departments: 6 here, 10 in 宣恩. Differs: the typical case involves
        // 卫健、民政、公安、医保、人社、公积金; the bundle has 8 at most (残联 and 退役军人
        // only when the deceased drew their benefits). 宣恩 does not name its 10; the
        // bundle models no 社保卡注销, no 不动产继承 (left out, its header says why) and
        // one department per kind of office.
        #expect(figures.departments == 6)

        // BEFORE — visits: 6 here (one per department with an in-person item; no item of
        // the bundle is online), "跑10个部门" in 宣恩: the same count, over 6 departments
        // instead of 10.
        #expect(figures.visits.before == 6)

        // BEFORE — time: 8.6 working days here, 20 in 宣恩. Differs most: facts.md gives a
        // legal limit only for the 公积金 (3日 = 2.14 WD, 住房公积金管理条例 §25); the other
        // seven items count with their promised limits (0 + 0.5 + 2 + 5 × 1), so this is a
        // lower bound. 宣恩's 20 WD is the reported time of going round ten departments.
        #expect(abs(figures.workdays.before - (0 + 0.5 + 2 + 1 + 1 + 1 + 1 + 15.0 / 7)) < 1e-9)
        #expect(FigureChange.roundedToOneDecimal(figures.workdays.before) == 8.6)

        // AFTER — materials: 3, as in 宣恩. Agrees: 经办人身份证 and 银行卡 are brought, the
        // 逝者社保卡 may follow later (容缺) and is counted. The checklist holds 济宁's seven
        // shared materials: the other four are not brought — 逝者身份证 (electronic
        // licence), 户口簿 (shared 户籍 data), 死亡证明 and 火化证明 (issued within the case).
        #expect(figures.materials.after == 3)
        #expect(
            plan.materialsToBring.map(\.id) == [
                "agent-id-card", "deceased-social-security-card", "bank-card",
            ])
        #expect(figures.checklist == [.bring: 2, .later: 1, .fetched: 2, .issued: 2])

        // AFTER — visits: 1, as in 宣恩 ("只跑1次"). Agrees: one window takes the case.
        #expect(figures.visits.after == 1)

        // AFTER — time: 2 working days here, 1 in 宣恩. Differs: the 户口注销 is promised in
        // 2 WD (湖南: within 2 WD of receiving the death certificate, the only figure in
        // facts.md) and follows the death certificate issued on the spot, so the critical
        // path is 0 + 2. Every other item is promised within 1 WD (宣恩's own result);
        // without the 户口注销 the case would take 1.5 (死亡证明 0 → 火化证明 4 hours →
        // 丧葬补助金 1).
        #expect(figures.workdays.after == 2)

        // STEPS — 32 before (4 × 8 items), 11 after (application, acceptance, 8
        // decisions, delivery). 宣恩 publishes no step figure; the 65.6% lies within the
        // published 40.5% (綦江) to 75% (黄石).
        #expect(figures.steps == FigureChange(before: 32, after: 11))

        // REDUCTIONS, as published (宣恩's own figures imply 90.6%, 95.0% and 90.0%):
        #expect(figures.materials.publishedReduction == 89.3)  // 25 ÷ 28; 宣恩 29 ÷ 32 = 90.6%
        #expect(figures.workdays.publishedReduction == 76.9)  // 6.64 ÷ 8.64; 宣恩 19 ÷ 20 = 95%
        #expect(figures.visits.publishedReduction == 83.3)  // 5 ÷ 6; 宣恩 9 ÷ 10 = 90%
        #expect(figures.steps.publishedReduction == 65.6)  // 21 ÷ 32
    }
}
