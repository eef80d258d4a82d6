import OneThingConditions
import OneThingModel
import OneThingPlan
import OneThingSource
import Testing

/// Parties planned: who takes part, which needs apply, who brings each line, how the
/// figures count a material several parties bring, and which questions must be answered.
struct PartyPlanTests {
    static let text = """
        id: sale
        title: 买卖登记
        version: 1.0.0
        effective: 2025-01-01
        category: individual
        lead: civil
        promise: 1 workday
        parties:
          buyer: {name: 买方, en: buyer, kind: buyer}
          seller: {name: 卖方, en: seller, kind: seller}
          bank: {name: 贷款银行, en: lending bank, kind: bank, when: buyer.loan}
        form:
          buyer.loan: {type: bool, label: 是否贷款, party: buyer}
          bank.name: {type: text, label: 贷款银行名称, party: bank}
        materials:
          application: {name: 申请书}
          id-proof: {name: 身份证明}
          contract: {name: 买卖合同}
          bank-licence: {name: 银行营业执照}
        items:
          transfer:
            name: 转移登记
            department: civil
            kind: registration
            promised: 1 workday
            needs: [application, contract, {material: id-proof, from: [buyer, seller]}]
          mortgage:
            name: 抵押登记
            department: civil
            kind: registration
            promised: 1 workday
            when: buyer.loan
            needs:
              - id-proof
              - {material: bank-licence, from: [bank]}
              - {material: contract, from: [buyer]}
        """

    static func builder(_ text: String = text) throws -> PlanBuilder {
        try NeedPlanTests.builder(text)
    }

    static func answers(_ pairs: [(String, String)]) -> [Answer] {
        let span = SourceSpan.wholeFile("answers.yaml")
        return pairs.map {
            Answer(field: $0.0, node: .scalar(YAMLScalar(value: $0.1, style: .plain, span: span)), span: span)
        }
    }

    static func plan(loan: Bool, _ text: String = text) throws -> Plan {
        var pairs = [("buyer.loan", loan ? "true" : "false")]
        if loan { pairs.append(("bank.name", "某银行")) }
        return try builder(text).plan(for: answers(pairs), missingAt: .wholeFile("answers.yaml"))
    }

    @Test func aPartyTakesPartWhereItsConditionHolds() throws {
        let cash = try Self.plan(loan: false)
        #expect(cash.partiesTakingPart.map(\.id.value) == ["buyer", "seller"])
        #expect(cash.parties.map(\.takesPart) == [true, true, false])
        #expect(cash.parties[2].readings.map(\.field.id) == ["buyer.loan"])
        let loan = try Self.plan(loan: true)
        #expect(loan.partiesTakingPart.map(\.id.value) == ["buyer", "seller", "bank"])
    }

    @Test func eachLineSaysWhichPartiesBringIt() throws {
        let loan = try Self.plan(loan: true)
        let lines = Dictionary(uniqueKeysWithValues: loan.materials.map { ($0.id, $0) })
        #expect(lines["application"]?.parties == [])
        #expect(lines["id-proof"]?.parties == ["buyer", "seller"])
        #expect(lines["id-proof"]?.copies == 2)
        #expect(lines["bank-licence"]?.parties == ["bank"])
        // The contract brought for the application is the buyer's own copy: the
        // mortgage asks it of the buyer, and that copy serves the transfer too.
        #expect(lines["contract"]?.parties == ["buyer"])
        #expect(lines["contract"]?.neededBy == ["transfer", "mortgage"])
    }

    @Test func aNeedFromAPartyThatTakesNoPartDoesNotApply() throws {
        // Without a loan the mortgage does not apply at all; with the item kept but the
        // bank absent, the bank's papers are asked of nobody.
        let text = Self.text.replacingOccurrences(of: "    when: buyer.loan\n    needs:", with: "    needs:")
        let cash = try Self.plan(loan: false, text)
        #expect(cash.applicableItems.map(\.id.value) == ["transfer", "mortgage"])
        #expect(!cash.materials.contains { $0.id == "bank-licence" })
        #expect(cash.applicableNeeds(ofItem: 1).map(\.label) == ["id-proof", "contract"])
        let loan = try Self.plan(loan: true, text)
        #expect(loan.materials.contains { $0.id == "bank-licence" })
    }

    @Test func theFiguresCountACopyForEachPartyThatBringsIt() throws {
        let loan = try Self.plan(loan: true)
        // Before: transfer 1 + 1 + 2 (buyer's and seller's), mortgage 1 + 1 + 1.
        #expect(ReformFigures.materialsBefore(loan) == 7)
        // After: application, contract, id-proof ×2, bank-licence.
        #expect(ReformFigures.materialsAfter(loan) == 5)
        let cash = try Self.plan(loan: false)
        #expect(ReformFigures.materialsBefore(cash) == 4)
        #expect(ReformFigures.materialsAfter(cash) == 4)
    }

    @Test func aQuestionAboutAPartyThatTakesNoPartNeedNotBeAnswered() throws {
        let builder = try Self.builder()
        let span = SourceSpan.wholeFile("answers.yaml")
        #expect(throws: Never.self) {
            try builder.plan(for: Self.answers([("buyer.loan", "false")]), missingAt: span)
        }
        #expect {
            try builder.plan(for: Self.answers([("buyer.loan", "true")]), missingAt: span)
        } throws: { error in
            let failure = error as? PlanBuilder.Failure
            return failure?.diagnostics.map(\.code) == [.answerMissing]
                && failure?.diagnostics.first?.message.en.contains("bank.name") == true
        }
    }

    /// OT313 searches only the applicants for whom one of the need's parties takes part:
    /// a certificate asked of a party that takes part only after a cremation is asked of
    /// nobody else.
    @Test func anOutputAskedOfAPartyIsSearchedWhereThePartyTakesPart() throws {
        func grant(partyWhen: String) -> String {
            NeedPlanTests.text.replacingOccurrences(
                of: "{material: cremation-certificate, when: funeral.cremation}",
                with: "{material: cremation-certificate, from: [family]}"
            ).replacingOccurrences(
                of: "form:", with: "parties:\n  family: {name: 家属, kind: applicant\(partyWhen)}\nform:")
        }
        #expect(try NeedPlanTests.needFindings(grant(partyWhen: ", when: funeral.cremation")).isEmpty)
        #expect(try NeedPlanTests.needFindings(grant(partyWhen: "")).map(\.code) == [.outputNotIssued])
    }

    @Test func aBundleWithoutPartiesBringsEveryLineOnceForTheApplication() throws {
        let plan = try NeedPlanTests.plan(cremation: true, home: "rented")
        #expect(plan.parties.isEmpty)
        #expect(plan.materials.allSatisfy { $0.parties.isEmpty && $0.copies == 1 })
        #expect(ReformFigures.materialsAfter(plan) == plan.materialsToBring.filter { !$0.isObject }.count)
    }
}
