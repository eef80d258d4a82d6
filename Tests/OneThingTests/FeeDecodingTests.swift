import Foundation
import OneThing
import Testing

/// An item's `fee:` in each of its forms, read from the valid fixture with one line
/// added to its first item.
struct FeeDecodingTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/diagnostics")

    /// The first item's fee when `line` is added to it.
    static func fee(_ line: String) throws -> Fee? {
        let valid = try String(
            contentsOf: fixtures.appendingPathComponent("valid.yaml"), encoding: .utf8)
        let text = valid.replacingOccurrences(
            of: "    promised: 1 workdays\n", with: "    promised: 1 workdays\n    fee: \(line)\n")
        let catalogue = CatalogueLoader.load(folder: fixtures.appendingPathComponent("catalogue").path)
            .catalogue
        guard
            case .loaded(let loaded) = BundleLoader.load(
                bytes: Array(text.utf8), name: "fee.yaml", catalogue: catalogue)
        else {
            Issue.record("the fixture with 'fee: \(line)' does not load")
            return nil
        }
        return loaded.bundle.item("register")?.fee
    }

    @Test func freeIsAWordOrZero() throws {
        #expect(try Self.fee("free") == .free(basis: []))
        #expect(try Self.fee("0") == .free(basis: []))
    }

    @Test func anAmountIsYuanWithOrWithoutItsBasis() throws {
        #expect(try Self.fee("80") == .amount(80, basis: []))
        let fee = try #require(try Self.fee("{amount: 80, basis: 发改价格规〔2016〕2559号}"))
        guard case .amount(80, let basis) = fee else {
            Issue.record("expected 80 yuan, got \(fee)")
            return
        }
        #expect(basis.map(\.law) == ["发改价格规〔2016〕2559号"])
    }

    @Test func aFeeByLawCarriesTheBasisThatSetsIt() throws {
        let fee = try #require(try Self.fee("{by-law: {law: 中华人民共和国居民身份证法, article: 第二十条}}"))
        #expect(fee.basis.map(\.article) == ["第二十条"])
        if case .byLaw = fee {} else { Issue.record("expected a fee by law, got \(fee)") }
    }

    @Test func anItemWithoutAFeeHasNone() throws {
        let valid = Self.fixtures.appendingPathComponent("valid.yaml").path
        guard case .loaded(let loaded) = try BundleLoader.load(path: valid) else {
            Issue.record("the valid fixture does not load")
            return
        }
        #expect(loaded.bundle.items.allSatisfy { $0.fee == nil })
        #expect(BundleChecker.missingFees(loaded.bundle).map(\.code) == [.missingFee, .missingFee])
    }
}
