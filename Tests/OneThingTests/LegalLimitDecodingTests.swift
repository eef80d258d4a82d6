import Foundation
import OneThing
import Testing

/// An item's `legal:` in each of its forms — a limit, `none`, the law's real shape — and
/// what the notice and the reform figures make of them, read from the valid fixture
/// with its first item's legal limit replaced.
struct LegalLimitDecodingTests {
    /// The first item when its `legal: 3 workdays` is replaced by `legal`.
    static func item(_ legal: String) throws -> Item {
        guard let item = try loaded(legal).bundle.item("register") else { throw LoadFailure(legal: legal) }
        return item
    }

    struct LoadFailure: Error { var legal: String }

    @Test func aLimitAloneIsStatedWithNoTerms() throws {
        let item = try Self.item("    legal: 3 workdays\n")
        #expect(item.legalStatus == .stated)
        #expect(item.legal?.value == TimeLimit(3, .workdays))
        #expect(item.legalTerms == LegalTerms())
    }

    @Test func noneSaysTheLawSetsNoneAndNoLegalLimitIsNotKnown() throws {
        let none = try Self.item("    legal: none\n")
        #expect(none.legalStatus == .noneByLaw)
        #expect(none.legal == nil)
        let unknown = try Self.item("")
        #expect(unknown.legalStatus == .notKnown)
        #expect(unknown.legal == nil)
    }

    @Test func theRealShapeOfSection19IsOnTheSpotElseThreeExtendableByThree() throws {
        let item = try Self.item(
            """
                legal:
                  limit: 3 workdays
                  on-the-spot: true
                  extendable-by: 3 workdays
                  grounds: 情形复杂的，经登记机关负责人批准

            """)
        #expect(item.legalStatus == .stated)
        #expect(item.legal?.value == TimeLimit(3, .workdays))
        #expect(item.legalTerms.onTheSpot)
        let allowed = try #require(item.legalTerms.allowedExtension)
        #expect(allowed.grounds == "情形复杂的，经登记机关负责人批准")
        #expect(allowed.extended(TimeLimit(3, .workdays)) == TimeLimit(6, .workdays))
    }

    @Test func anExtensionToALimitReachesThatLimit() throws {
        let item = try Self.item(
            """
                legal: {limit: 15 days, extendable-to: 30 days, grounds: 偏远地区}

            """)
        #expect(item.legal?.value == TimeLimit(15, .days))
        #expect(item.legalTerms.onTheSpot == false)
        #expect(item.legalTerms.allowedExtension?.extended(TimeLimit(15, .days)) == TimeLimit(30, .days))
    }

    /// The first item's bundle, loaded, when its `legal: 3 workdays` is replaced.
    static func loaded(_ legal: String) throws -> BundleLoader.Loaded {
        let valid = try String(
            contentsOf: FeeDecodingTests.fixtures.appendingPathComponent("valid.yaml"), encoding: .utf8)
        let text = valid.replacingOccurrences(of: "    legal: 3 workdays\n", with: legal)
        let catalogue = CatalogueLoader.load(
            folder: FeeDecodingTests.fixtures.appendingPathComponent("catalogue").path
        ).catalogue
        guard
            case .loaded(let loaded) = BundleLoader.load(
                bytes: Array(text.utf8), name: "legal.yaml", catalogue: catalogue)
        else { throw LoadFailure(legal: legal) }
        return loaded
    }

    /// The figures count with the limit that binds every case, never the extension:
    /// the time before the reform and its legal share are those of `legal: 3 workdays`;
    /// `legal: none` counts with the promise, as a limit not known does, and neither is legal.
    @Test func theFiguresCountTheLimitNotTheExtension() throws {
        func before(_ legal: String) throws -> (Double, Double) {
            let plan = try Self.loaded(legal).builder.worstCasePlan()
            return (ReformFigures.workdaysBefore(plan), ReformFigures.legalShareBefore(plan))
        }
        let plain = try before("    legal: 3 workdays\n")
        let shaped = try before(
            "    legal: {limit: 3 workdays, on-the-spot: true, extendable-by: 3 workdays, grounds: 经批准}\n")
        #expect(shaped == plain)
        #expect(plain.0 == 23)  // 3 (registration, legal) + 20 (the tobacco permit, legal)
        let none = try before("    legal: none\n")
        let unknown = try before("")
        #expect(none == unknown)
        #expect(none.0 == 21)  // 1 (registration, promised) + 20
        #expect(none.1 < 100)
    }
}
