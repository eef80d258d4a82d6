import OneThingConditions
import OneThingModel
import OneThingPlan
import OneThingSource
import Testing

/// Needs under a condition and groups the applicant chooses from, planned: what the
/// checklist asks for, what an item waits for, what the worst case and the figures see.
struct NeedPlanTests {
    static let text = """
        id: needs
        title: 身后事和居住证
        version: 1.0.0
        effective: 2025-01-01
        category: individual
        lead: civil
        promise: 10 workdays
        form:
          funeral.cremation: {type: bool, label: 遗体是否火化}
          home.kind: {type: enum, label: 住房情况, values: [owned, rented, other]}
        materials:
          death-proof: {name: 死亡证明}
          lease: {name: 租赁合同}
          address-proof: {name: 住址证明, deferrable: 2 workdays}
          job-proof: {name: 就业证明, deferrable: 3 workdays}
          school-proof: {name: 就读证明, core: true}
          title-deed: {name: 不动产权证书, source: e-licence}
          photo: {name: 相片}
          records: {name: 病历}
          reports: {name: 检查报告}
        outputs:
          cremation-certificate: {name: 火化证明}
          grant: {name: 丧葬补助金}
          permit: {name: 居住证}
        items:
          cremation:
            name: 出具火化证明
            department: civil
            kind: certificate
            promised: 1 workday
            when: funeral.cremation
            needs: [death-proof]
            produces: [cremation-certificate]
          grant:
            name: 丧葬补助金申领
            department: civil
            kind: benefit
            promised: 1 workday
            needs: [death-proof, {material: cremation-certificate, when: funeral.cremation}]
            produces: [grant]
          housing:
            name: 租赁核验
            department: civil
            kind: certificate
            promised: 1 workday
            when: home.kind == "rented"
            needs: [lease]
          permit:
            name: 居住证申领
            department: civil
            kind: certificate
            promised: 2 workdays
            needs:
              - photo
              - {any-of: [lease, address-proof, school-proof]}
              - {any-of: [title-deed, job-proof], when: home.kind == "owned"}
              - {any-of: [address-proof, job-proof], when: home.kind == "other"}
              - {all-that-apply: [records, reports, death-proof]}
            produces: [permit]
        """

    static func builder(_ text: String = text) throws -> PlanBuilder {
        let file = SourceFile(path: "needs.yaml", text: text)
        let root = try #require(YAMLComposer.compose(file).root)
        let bundle = try #require(BundleDecoder.decode(root).bundle)
        let span = SourceSpan.wholeFile("catalogue")
        let catalogue = Catalogue(departments: [
            "civil": Department(id: Located("civil", at: span), name: "民政")
        ])
        return try PlanBuilder(bundle: bundle, source: file, catalogue: catalogue)
    }

    static func plan(cremation: Bool, home: String) throws -> Plan {
        let span = SourceSpan.wholeFile("answers.yaml")
        let answers = [("funeral.cremation", cremation ? "true" : "false"), ("home.kind", home)].map {
            Answer(field: $0.0, node: .scalar(YAMLScalar(value: $0.1, style: .plain, span: span)), span: span)
        }
        return try builder().plan(for: answers, missingAt: span)
    }

    @Test func aNeedWhoseConditionFailsIsNotOnTheChecklistAndMakesNoOneWait() throws {
        let buried = try Self.plan(cremation: false, home: "rented")
        #expect(!buried.materials.contains { $0.id == "cremation-certificate" })
        // The grant waits for nothing: 1 working day, beside the permit's 2.
        #expect(buried.graph.predecessors[1] == [])
        #expect(buried.criticalPath.workdays == 2)
        #expect(buried.applicableNeeds(ofItem: 1).map(\.label) == ["death-proof"])
    }

    @Test func aNeedWhoseConditionHoldsIsIssuedAndWaitedFor() throws {
        let cremated = try Self.plan(cremation: true, home: "rented")
        let certificate = try #require(cremated.materials.first { $0.id == "cremation-certificate" })
        #expect(certificate.status == .issued)
        #expect(certificate.issuedBy == "cremation")
        #expect(cremated.graph.predecessors[1] == [0])
        #expect(cremated.applicableNeeds(ofItem: 1).count == 2)
    }

    @Test func anyOfIsMetByAMaterialBroughtAnywayOrFetched() throws {
        // Renting: the lease brought for the tenancy check is the permit's proof too.
        let renting = try Self.plan(cremation: false, home: "rented")
        #expect(renting.materials.filter { $0.id == "lease" }.map(\.neededBy) == [["housing", "permit"]])
        #expect(!renting.materials.contains { $0.alternatives?.kind == .anyOf })
        // Owning: the title deed is fetched, so nothing more is brought for it.
        let owning = try Self.plan(cremation: false, home: "owned")
        #expect(owning.materials.first { $0.id == "title-deed" }?.status == .fetched)
        #expect(!owning.materials.contains { $0.id.contains("job-proof") })
    }

    @Test func anyOfLeftToChooseIsOneLineThatSaysSo() throws {
        let other = try Self.plan(cremation: false, home: "other")
        let lines = other.materials.filter { $0.alternatives?.kind == .anyOf }
        #expect(lines.map(\.id) == ["lease|address-proof|school-proof", "address-proof|job-proof"])
        let first = try #require(lines.first)
        #expect(first.status == .bring)
        #expect(first.core)  // 就读证明 is core
        #expect(first.title.zh == "以下任选其一：租赁合同、住址证明、就读证明")
        #expect(first.title.en == "one of: 租赁合同 / 住址证明 / 就读证明")
        // Both members may follow later: so may the line, by the earlier deadline.
        let later = try #require(lines.last)
        #expect(later.status == .later)
        #expect(later.deadline == TimeLimit(2, .workdays))
        #expect(other.materialsToBring.contains { $0.id == later.id })
    }

    @Test func allThatApplySettlesWhatIsBroughtAnywayAndListsTheRest() throws {
        let plan = try Self.plan(cremation: false, home: "rented")
        let line = try #require(plan.materials.first { $0.alternatives?.kind == .allThatApply })
        #expect(line.id == "records|reports")
        #expect(line.title.zh == "以下材料符合哪项提交哪项（至少一项）：病历、检查报告")
        #expect(line.title.en == "all that apply to you, at least one: 病历 / 检查报告")
        #expect(plan.materials.first { $0.id == "death-proof" }?.neededBy == ["grant", "permit"])
    }

    @Test func theFiguresCountOnlyTheNeedsThatApply() throws {
        // grant 1 (death-proof), housing 1, permit 3 (photo, any-of, all-that-apply).
        let buried = try Self.plan(cremation: false, home: "rented")
        #expect(ReformFigures.materialsBefore(buried) == 5)
        // cremation 1, grant 2, housing 1, permit 3.
        let cremated = try Self.plan(cremation: true, home: "rented")
        #expect(ReformFigures.materialsBefore(cremated) == 7)
    }

    @Test func theWorstCaseWaitsThroughANeedWhereItsConditionHolds() throws {
        // Promise 1 working day: cremation 1 → grant 1 breaks it, and only through the
        // need under `funeral.cremation`.
        let text = Self.text.replacingOccurrences(of: "promise: 10 workdays", with: "promise: 2 workdays")
            .replacingOccurrences(of: "promised: 2 workdays", with: "promised: 1 workday")
        let builder = try Self.builder(text)
        let conditions = ConditionChecker(form: builder.bundle.form, file: builder.source).check(
            OwnedCondition.all(in: builder.bundle))
        #expect(PromiseCheck.check(builder.bundle, conditions: conditions).isEmpty)
        let tight = text.replacingOccurrences(of: "promise: 2 workdays", with: "promise: 1 workday")
        let tightBuilder = try Self.builder(tight)
        let tightConditions = ConditionChecker(form: tightBuilder.bundle.form, file: tightBuilder.source)
            .check(
                OwnedCondition.all(in: tightBuilder.bundle))
        let found = PromiseCheck.check(tightBuilder.bundle, conditions: tightConditions)
        #expect(found.map(\.code) == [.promiseBrokenInWorstCase])
        #expect(found.first?.message.en.contains("funeral.cremation = true") == true)
        #expect(try tightBuilder.worstCasePlan().criticalPath.workdays == 2)
    }

    @Test func aNeedOfAnOutputIssuedOnlyToOthersIsFound() throws {
        let text = Self.text.replacingOccurrences(
            of: "{material: cremation-certificate, when: funeral.cremation}", with: "cremation-certificate")
        let builder = try Self.builder(text)
        let conditions = ConditionChecker(form: builder.bundle.form, file: builder.source).check(
            OwnedCondition.all(in: builder.bundle))
        let found = NeedCheck.check(builder.bundle, conditions: conditions, catalogue: builder.catalogue)
        #expect(found.map(\.code) == [.outputNotIssued])
        #expect(found.first?.message.en.contains("funeral.cremation = false") == true)
        #expect(
            found.first?.hint?.en.contains("{material: cremation-certificate, when: funeral.cremation}")
                == true)
        let fixed = try Self.builder()
        let fixedConditions = ConditionChecker(form: fixed.bundle.form, file: fixed.source).check(
            OwnedCondition.all(in: fixed.bundle))
        #expect(
            NeedCheck.check(fixed.bundle, conditions: fixedConditions, catalogue: fixed.catalogue).isEmpty)
    }

    @Test func anApplicantWhoIsNotEligibleIsNotSearchedForAnOutputNobodyIssuesThem() throws {
        // The grant asks every applicant for the cremation certificate; an eligibility rule
        // that turns the buried away leaves no applicant who would be asked for it in vain.
        let unconditional = Self.text.replacingOccurrences(
            of: "{material: cremation-certificate, when: funeral.cremation}", with: "cremation-certificate")
        #expect(try Self.needFindings(unconditional).map(\.code) == [.outputNotIssued])
        let eligibility = """
            eligibility:
              - check: funeral.cremation
                message: {zh: 本地只受理火化的, en: only cremations are handled here}
            form:
            """
        let crematedOnly = unconditional.replacingOccurrences(of: "form:", with: eligibility)
        #expect(try Self.needFindings(crematedOnly).isEmpty)
        let builder = try Self.builder(crematedOnly)
        #expect(builder.bundle.eligibility.count == 1)
        #expect(throws: PlanBuilder.Failure.self) { try Self.plan(crematedOnly, cremation: false) }
        #expect(try Self.plan(crematedOnly, cremation: true).applicableItems.count >= 2)
    }

    /// The bundle with the grant needing `one-of` the cremation certificate (issued only
    /// after a cremation) and `other`, and a burial proof the applicant can bring.
    static func oneOf(_ other: String, eLicence: Bool = false) -> String {
        Self.text.replacingOccurrences(
            of: "{material: cremation-certificate, when: funeral.cremation}",
            with: "{one-of: [cremation-certificate, \(other)]}"
        )
        .replacingOccurrences(
            of: "  photo: {name: 相片}", with: "  photo: {name: 相片}\n  burial-proof: {name: 安葬证明}"
        )
        .replacingOccurrences(
            of: "cremation-certificate: {name: 火化证明}",
            with: "cremation-certificate: {name: 火化证明, e-licence: \(eLicence)}")
    }

    static func plan(_ text: String, cremation: Bool, home: String = "rented") throws -> Plan {
        let span = SourceSpan.wholeFile("answers.yaml")
        let answers = [("funeral.cremation", cremation ? "true" : "false"), ("home.kind", home)].map {
            Answer(field: $0.0, node: .scalar(YAMLScalar(value: $0.1, style: .plain, span: span)), span: span)
        }
        return try builder(text).plan(for: answers, missingAt: span)
    }

    /// The plan stage's findings about the needs of the bundle written in `text`.
    static func needFindings(_ text: String) throws -> [Diagnostic] {
        let builder = try Self.builder(text)
        let conditions = ConditionChecker(form: builder.bundle.form, file: builder.source).check(
            OwnedCondition.all(in: builder.bundle))
        return NeedCheck.check(builder.bundle, conditions: conditions, catalogue: builder.catalogue)
    }

    @Test func oneOfNeverTakesAnOutputNoApplicableItemIssuesWhileAnotherChoiceCanBeMet() throws {
        for eLicence in [false, true] {
            let text = Self.oneOf("burial-proof", eLicence: eLicence)
            // Buried: nobody issues the cremation certificate, so the burial proof is asked for.
            let buried = try Self.plan(text, cremation: false)
            #expect(!buried.materials.contains { $0.id == "cremation-certificate" })
            let proof = try #require(buried.materials.first { $0.id == "burial-proof" })
            #expect(proof.status == .bring)
            #expect(proof.neededBy == ["grant"])
            #expect(buried.graph.predecessors[1] == [])
            // Cremated: the certificate is issued in the case, and waited for.
            let cremated = try Self.plan(text, cremation: true)
            #expect(cremated.materials.first { $0.id == "cremation-certificate" }?.status == .issued)
            #expect(!cremated.materials.contains { $0.id == "burial-proof" })
            #expect(cremated.graph.predecessors[1] == [0])
            // A choice the applicant can bring: nothing to warn of.
            #expect(try Self.needFindings(text).isEmpty)
        }
    }

    @Test func oneOfWhoseChoicesAreAllOutputsNotIssuedIsFoundAndAsksForTheFirst() throws {
        // A one-of of two outputs: the cremation certificate, issued only after a
        // cremation, and the tenancy check's record, issued only to renters.
        let text = Self.oneOf("lease-record")
            .replacingOccurrences(
                of: "  permit: {name: 居住证}", with: "  permit: {name: 居住证}\n  lease-record: {name: 租赁核验回执}"
            )
            .replacingOccurrences(
                of: "    needs: [lease]", with: "    needs: [lease]\n    produces: [lease-record]")
        let found = try Self.needFindings(text)
        #expect(found.map(\.code) == [.outputNotIssued])
        let message = try #require(found.first?.message)
        #expect(message.en.contains("funeral.cremation = false"))
        #expect(message.en.contains("needs one of 'cremation-certificate' or 'lease-record'"))
        #expect(message.en.contains("no choice can be met in this case"))
        #expect(message.zh.contains("没有一项能在本次办理中取得"))
        #expect(
            found.first?.hint?.en.contains("add to the 'one-of' a material the applicant can bring") == true)
        // Neither is issued to a buried owner: the first choice is asked for, as warned.
        let owner = try Self.plan(text, cremation: false, home: "owned")
        #expect(owner.materials.first { $0.id == "cremation-certificate" }?.status == .bring)
        // A renter's tenancy record is issued in the case: that is the choice.
        let renter = try Self.plan(text, cremation: false, home: "rented")
        #expect(renter.materials.first { $0.id == "lease-record" }?.status == .issued)
        #expect(!renter.materials.contains { $0.id == "cremation-certificate" })
    }
}
