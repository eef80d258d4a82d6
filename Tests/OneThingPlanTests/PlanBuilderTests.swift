import OneThingConditions
import OneThingModel
import OneThingPlan
import OneThingSource
import Testing

/// Building one applicant's plan from a small bundle that shows each rule once.
struct PlanBuilderTests {
    static let text = """
        id: small
        title: 小店开业
        version: 1.0.0
        effective: 2025-01-01
        category: business
        lead:
          - when: shop.sells_tobacco
            department: tobacco
          - department: market
        promise: 10 workdays
        form:
          shop.has_licence: {type: bool, label: 已有营业执照}
          shop.sells_tobacco: {type: bool, label: 销售卷烟}
          shop.area: {type: number, label: 面积, min: 0, max: 5000}
          owner.id: {type: id-number, label: 身份证号, required: false}
        materials:
          plan: {name: 平面图, core: true}
          rules: {name: 管理制度, deferrable: 3 workdays}
          water: {name: 水质报告, commitment: true}
          id-card: {name: 居民身份证, source: e-licence}
        outputs:
          licence: {name: 营业执照, e-licence: true}
          tobacco-licence: {name: 烟草专卖零售许可证}
        inspections:
          site: {name: 联合勘验, duration: 2 workdays}
        items:
          register:
            name: 登记
            department: market
            kind: registration
            promised: 1 workday
            when: not shop.has_licence
            needs: [id-card]
            produces: [licence]
          food:
            name: 食品许可
            department: market
            kind: permit
            legal: 10 workdays
            promised: 5 workdays
            needs: [licence, plan, rules]
            inspection: site
          fire:
            name: 消防检查
            department: market
            kind: permit
            promised: 3 workdays
            needs: [licence, plan, water]
            inspection: site
          tobacco:
            name: 烟草许可
            department: tobacco
            kind: permit
            promised: 4 workdays
            when: shop.sells_tobacco and shop.area > 20
            needs: [licence]
            produces: [tobacco-licence]
        """

    static func builder(_ text: String = text) throws -> PlanBuilder {
        let file = SourceFile(path: "small.yaml", text: text)
        let root = try #require(YAMLComposer.compose(file).root)
        let bundle = try #require(BundleDecoder.decode(root).bundle)
        let span = SourceSpan.wholeFile("catalogue")
        let catalogue = Catalogue(departments: [
            "market": Department(id: Located("market", at: span), name: "市场监管"),
            "tobacco": Department(id: Located("tobacco", at: span), name: "烟草"),
        ])
        return try PlanBuilder(bundle: bundle, source: file, catalogue: catalogue)
    }

    static func answers(_ values: [String: String]) -> [Answer] {
        values.sorted { $0.key < $1.key }.map { key, value in
            let span = SourceSpan.wholeFile("answers.yaml")
            return Answer(
                field: key, node: .scalar(YAMLScalar(value: value, style: .plain, span: span)), span: span)
        }
    }

    static let newShop = answers([
        "shop.has_licence": "false", "shop.sells_tobacco": "true", "shop.area": "50",
    ])

    @Test func itemsApplyByTheirConditions() throws {
        let plan = try Self.builder().plan(for: Self.newShop, missingAt: .wholeFile("answers.yaml"))
        #expect(plan.applicableItems.map(\.id.value) == ["register", "food", "fire", "tobacco"])
        let small = try Self.builder().plan(
            for: Self.answers(["shop.has_licence": "true", "shop.sells_tobacco": "true", "shop.area": "15"]),
            missingAt: .wholeFile("answers.yaml"))
        #expect(small.applicableItems.map(\.id.value) == ["food", "fire"])
        let reason = try #require(small.decisions.last)
        #expect(!reason.applies)
        #expect(reason.readings.map(\.field.id) == ["shop.sells_tobacco", "shop.area"])
    }

    @Test func theLeadIsChosenByTheFirstRuleThatHolds() throws {
        let builder = try Self.builder()
        #expect(try builder.plan(for: Self.newShop, missingAt: .wholeFile("a")).lead.department == "tobacco")
        let noTobacco = Self.answers([
            "shop.has_licence": "false", "shop.sells_tobacco": "false", "shop.area": "50",
        ])
        let lead = try builder.plan(for: noTobacco, missingAt: .wholeFile("a")).lead
        #expect(lead.department == "market")
        #expect(lead.rule == 1)
    }

    @Test func theStepsOfAnswersAreThoseOfTheirPlan() throws {
        let builder = try Self.builder()
        let plan = try builder.plan(for: Self.newShop, missingAt: .wholeFile("a"))
        #expect(builder.steps(for: plan.answers).order == plan.graph.order)
    }

    @Test func answersThatChooseNoLeadHaveStepsButNoPlan() throws {
        let text = Self.text.replacingOccurrences(
            of: "  - department: market", with: "  - when: shop.area <= 20\n    department: market")
        let builder = try Self.builder(text)
        let unanswered = ConditionAnswers(form: builder.bundle.form)
        #expect(throws: PlanBuilder.Failure.self) {
            try builder.plan(for: unanswered, missingAt: .wholeFile("a"))
        }
        let steps = builder.steps(for: unanswered)
        #expect(steps.order.map { builder.bundle.items[$0].id.value } == ["register", "food", "fire"])
    }

    @Test func eachMaterialIsListedOnceWithHowItIsProvided() throws {
        let plan = try Self.builder().plan(for: Self.newShop, missingAt: .wholeFile("answers.yaml"))
        let status = Dictionary(uniqueKeysWithValues: plan.materials.map { ($0.id, $0.status) })
        #expect(
            status == [
                "id-card": .fetched, "licence": .issued, "plan": .bring, "rules": .later,
                "water": .commitment,
            ])
        #expect(plan.materials.first { $0.id == "plan" }?.neededBy == ["food", "fire"])
        #expect(plan.materials.first { $0.id == "rules" }?.deadline == TimeLimit(3, .workdays))
        #expect(plan.materialsToBring.map(\.id) == ["plan", "rules"])
    }

    @Test func anOutputNobodyIssuesInThisCaseIsFetchedWhenItIsAnElectronicLicence() throws {
        let held = Self.answers([
            "shop.has_licence": "true", "shop.sells_tobacco": "false", "shop.area": "50",
        ])
        let plan = try Self.builder().plan(for: held, missingAt: .wholeFile("a"))
        #expect(plan.materials.first { $0.id == "licence" }?.status == .fetched)
    }

    @Test func theJointInspectionIsOneSharedStepOnTheCriticalPath() throws {
        let plan = try Self.builder().plan(for: Self.newShop, missingAt: .wholeFile("a"))
        // register 1 → joint inspection 2 → food 5 = 8; tobacco 1 + 4 = 5.
        #expect(plan.criticalPath.workdays == 8)
        #expect(plan.criticalPath.steps == [.item(0), .inspection(0), .item(1)])
        #expect(plan.inspections == [0])
    }

    @Test func answersAreCheckedAgainstTheFormFirst() throws {
        let wrong = Self.answers([
            "shop.has_licence": "yes", "shop.area": "-3", "shop.colour": "red",
            "owner.id": "110101199003070000",
        ])
        let builder = try Self.builder()
        let failure = try #require(
            #expect(throws: PlanBuilder.Failure.self) {
                try builder.plan(for: wrong, missingAt: .wholeFile("answers.yaml"))
            })
        let codes = Set(failure.diagnostics.map(\.code))
        #expect(codes == [.answerType, .answerOutOfRange, .answerUnknownField, .answerMissing])
        let idProblem = try #require(failure.diagnostics.first { $0.message.en.contains("owner.id") })
        #expect(idProblem.message.en.contains("check character"))
        #expect(
            failure.diagnostics.contains {
                $0.code == .answerMissing && $0.message.en.contains("shop.sells_tobacco")
            })
    }

    @Test func aValidIdentityNumberPasses() throws {
        // 11010519491231002X: the example of GB 11643-1999.
        var answers = Self.newShop
        answers += Self.answers(["owner.id": "11010519491231002X"])
        #expect(throws: Never.self) { try Self.builder().plan(for: answers, missingAt: .wholeFile("a")) }
    }
}
