import OneThing
import Testing

/// A bundle's `parties:`, a need's `from:` and a form field's `party:`, read from a small
/// bundle; and a bundle without parties, read as before.
struct PartyDecodingTests {
    static let text = """
        id: estate
        title: 继承过户
        version: 1.0.0
        effective: 2025-01-01
        category: individual
        lead: natural-resources-planning
        promise: 1 workday
        parties:
          heirs: {name: 继承人, en: heir, kind: heir, several: true}
          bank: {name: 贷款银行, en: lending bank, kind: bank, when: estate.loan}
        form:
          estate.loan: {type: bool, label: 是否有贷款, party: bank}
        items:
          transfer:
            name: 继承转移登记
            department: natural-resources-planning
            kind: registration
            promised: 1 workday
            basis: 不动产登记暂行条例 第十四条
            needs:
              - application
              - {material: id-card, from: [heirs]}
              - {any-of: [will, succession-notarisation], from: [heirs], when: not estate.loan}
              - {material: loan-contract, from: [heirs, bank]}
        """

    static func decode(_ text: String) throws -> ServiceBundle {
        let root = try #require(YAMLComposer.compose(SourceFile(path: "estate.yaml", text: text)).root)
        let result = BundleDecoder.decode(root)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message.en))")
        return try #require(result.bundle)
    }

    @Test func partiesAreReadWithTheirKindConditionAndNumber() throws {
        let bundle = try Self.decode(Self.text)
        #expect(bundle.parties.map(\.id.value) == ["heirs", "bank"])
        let heirs = try #require(bundle.party("heirs"))
        #expect(heirs.kind == .heir)
        #expect(heirs.several)
        #expect(heirs.when == nil)
        #expect(heirs.title == LocalizedText(en: "each heir", zh: "每位继承人"))
        let bank = try #require(bundle.party("bank"))
        #expect(bank.kind == .bank)
        #expect(!bank.several)
        #expect(bank.when?.text == "estate.loan")
        #expect(bank.title == LocalizedText(en: "lending bank", zh: "贷款银行"))
    }

    @Test func needsSayWhichPartiesBringThemAndFieldsWhoseFactTheyAsk() throws {
        let bundle = try Self.decode(Self.text)
        let needs = try #require(bundle.item("transfer")).needs
        #expect(needs.map { $0.from.map(\.value) } == [[], ["heirs"], ["heirs"], ["heirs", "bank"]])
        #expect(needs[2].kind == .anyOf)
        #expect(needs[2].when?.text == "not estate.loan")
        #expect(bundle.form["estate.loan"]?.party?.value == "bank")
    }

    @Test func aBundleWithoutPartiesHasNoneAndItsNeedsAreForTheApplication() throws {
        let text = Self.text.replacingOccurrences(
            of: """
                parties:
                  heirs: {name: 继承人, en: heir, kind: heir, several: true}
                  bank: {name: 贷款银行, en: lending bank, kind: bank, when: estate.loan}

                """, with: ""
        ).replacingOccurrences(of: ", party: bank", with: "").replacingOccurrences(
            of: "from: [heirs, bank]", with: "when: estate.loan"
        ).replacingOccurrences(of: ", from: [heirs]", with: "")
        let bundle = try Self.decode(text)
        #expect(bundle.parties.isEmpty)
        #expect(bundle.items.flatMap(\.needs).allSatisfy { $0.from.isEmpty })
        #expect(bundle.form["estate.loan"]?.party == nil)
    }

    @Test func everyPartyKindHasANameInBothLanguages() {
        for kind in PartyKind.allCases {
            #expect(!kind.name.zh.isEmpty && !kind.name.en.isEmpty)
        }
        #expect(PartyKind(rawValue: "co-applicant") == .coApplicant)
    }

    /// home-transfer: the mortgage is applied for by the buyer and the bank together
    /// (不动产登记暂行条例 §14), the bank only where the buyer borrows.
    @Test func homeTransfersMortgageIsAppliedForWithTheBank() throws {
        let path = LanguageCoverageTests.root.appendingPathComponent("bundles/home-transfer.yaml").path
        guard case .loaded(let loaded) = try BundleLoader.load(path: path) else {
            Issue.record("home-transfer does not load")
            return
        }
        let bundle = loaded.bundle
        #expect(
            bundle.parties.map(\.id.value) == ["buyer", "seller", "seller-spouse", "buyer-spouse", "bank"])
        #expect(bundle.party("bank")?.when?.text == "buyer.loan")
        let mortgage = try #require(bundle.item("mortgage-registration"))
        #expect(
            mortgage.needs.contains {
                $0.choices.map(\.value) == ["mortgagee-application"] && $0.from.map(\.value) == ["bank"]
            })
        #expect(mortgage.basis.contains { $0.law == "不动产登记暂行条例" && $0.article == "第十四条" })
    }
}
