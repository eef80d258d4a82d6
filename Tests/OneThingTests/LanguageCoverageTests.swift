import Foundation
import OneThing
import Testing

/// Every construct of the bundle language appears in at least one real bundle, so
/// the language is proven on real policies, not only on fixtures.
struct LanguageCoverageTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let bundles: [ServiceBundle] = {
        let folder = root.appendingPathComponent("bundles").path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".yaml")
        }
        return names.sorted().compactMap { name in
            guard case .loaded(let loaded)? = try? BundleLoader.load(path: folder + "/" + name) else {
                return nil
            }
            return loaded.bundle
        }
    }()

    static let catalogue = CatalogueLoader.load(folder: root.appendingPathComponent("bundles/catalogue").path)
        .catalogue

    static func some(_ what: String, _ holds: @escaping (ServiceBundle) -> Bool) {
        #expect(bundles.contains(where: holds), "no real bundle uses \(what)")
    }

    @Test func thereAreAtLeastFifteenValidRealBundles() {
        #expect(Self.bundles.count >= 15)
    }

    @Test func everyConstructIsUsedByARealBundle() {
        Self.some("a lead department chosen by rule") {
            if case .rules = $0.lead { return true }
            return false
        }
        Self.some("a joint inspection") { bundle in
            bundle.inspections.contains { inspection in
                bundle.items.filter { $0.inspection?.value == inspection.id.value }.count >= 2
            }
        }
        Self.some("a deferred material with a deadline") { $0.materials.contains { $0.deferrable != nil } }
        Self.some("a commitment in lieu") { $0.materials.contains(where: \.commitment) }
        Self.some("an e-licence material") { bundle in
            bundle.materials.contains { $0.source == .eLicence }
                || bundle.items.flatMap(\.neededIDs).contains {
                    Self.catalogue.materials[$0.value]?.source == .eLicence
                }
        }
        Self.some("a fetched material that falls back to paper") { bundle in
            bundle.materials.contains { $0.source.isFetched && $0.fallback?.value == .paper }
        }
        Self.some("a fetched material whose steps wait for the service (fallback: wait)") { bundle in
            bundle.materials.contains {
                if case .wait = $0.fallback?.value {
                    return $0.source == .sharedData || $0.source == .eLicence
                }
                return false
            }
        }
        Self.some("a material produced by one item and needed by another") { bundle in
            let produced = Set(bundle.items.flatMap(\.produces).map(\.value))
            return bundle.items.flatMap(\.neededIDs).contains { need in
                produced.contains(need.value)
                    || bundle.materials.contains { $0.id.value == need.value && $0.source == .output }
            }
        }
        Self.some("a stop-everything rejection policy") { $0.onRejection == .stopAll }
        Self.some("an item whose own rejection policy differs from the bundle's") { bundle in
            bundle.items.contains { $0.onRejection != nil && $0.onRejection != bundle.onRejection }
        }
        Self.some("a multi-choice field tested with \"value\" in field") { bundle in
            let ids = bundle.form.fields.filter { $0.type == .multiChoice }.map(\.id)
            return bundle.items.contains { item in
                ids.contains { item.when?.text.contains(" in \($0)") == true }
            }
        }
        Self.some("a field required only when a condition holds") { bundle in
            bundle.form.fields.contains { $0.requiredWhen != nil }
        }
        Self.some("an eligibility rule with its reason, and a test of a not-eligible applicant") { bundle in
            !bundle.eligibility.isEmpty && bundle.tests.contains { $0.expect.eligible?.value == false }
        }
        Self.some("a cross-field rule of the form with its own message") { bundle in
            bundle.form.rules.contains { !$0.message.zh.isEmpty && !$0.message.en.isEmpty }
        }
        Self.some("a declared pre-reform baseline with its source") {
            $0.baseline?.source.title.isEmpty == false
        }
        Self.some("a fee charged as a rule sets it") { bundle in
            bundle.items.contains {
                if case .byLaw(let basis)? = $0.fee { return !basis.isEmpty }
                return false
            }
        }
        Self.some("a one-of need") { $0.items.contains { $0.needs.contains { $0.kind == .oneOf } } }
        Self.some("a need under a condition") { $0.items.contains { $0.needs.contains { $0.when != nil } } }
        Self.some("an any-of need (the applicant brings any one)") {
            $0.items.contains { $0.needs.contains { $0.kind == .anyOf } }
        }
        Self.some("an any-of need under a condition") {
            $0.items.contains { $0.needs.contains { $0.kind == .anyOf && $0.when != nil } }
        }
        Self.some("a promise by rule") { !$0.promiseRules.isEmpty }
        Self.some("an item's promised limit by rule") { $0.items.contains { !$0.promisedRules.isEmpty } }
        Self.some("an all-that-apply need") {
            $0.items.contains { $0.needs.contains { $0.kind == .allThatApply } }
        }
        Self.some("an explicit ordering") { $0.items.contains { !$0.after.isEmpty } }
        Self.some("an item of local practice") {
            $0.items.contains { $0.locality != nil } || $0.locality != nil
        }
        Self.some("a time limit in calendar days") { $0.items.contains { $0.legal?.value.unit == .days } }
        Self.some("a legal limit the law sets none for (legal: none)") {
            $0.items.contains { $0.legalStatus == .noneByLaw }
        }
        Self.some("a thing to bring that is not a document (kind: object)") {
            $0.materials.contains { $0.kind == .object }
        }
        Self.some("an item done at a place other than the window") { $0.items.contains { $0.place != nil } }
        Self.some("a commitment the applicant chooses on the form") {
            $0.materials.contains { $0.commitmentWhen != nil }
        }
        Self.some("an applicant's deadline counted from a date on the form") { !$0.deadlines.isEmpty }
        Self.some("a window of one year's published dates, under a condition, from a local notice") {
            bundle in
            (bundle.windows + bundle.items.flatMap(\.windows)).contains { window in
                guard window.dates.value.year != nil, window.when != nil,
                    case .document(let source, _) = window.basis
                else { return false }
                return source.url != nil
            }
        }
        Self.some("a condition on a result produced in the case (an output's values: read as result.<id>)") {
            bundle in
            let results = bundle.outputs.filter { !$0.values.isEmpty }.map {
                CaseResult.fieldID(of: $0.id.value)
            }
            return bundle.items.contains { item in
                results.contains { item.when?.text.contains($0) == true }
            }
        }
        Self.some("a bundle test that gives a result produced in the case") { bundle in
            bundle.tests.contains { test in test.answers.contains { $0.field.hasPrefix(CaseResult.prefix) } }
        }
        Self.some("a legal limit on the spot first") { $0.items.contains { $0.legalTerms.onTheSpot } }
        Self.some("time a law leaves out of the limits (not-counted: lasts)") { bundle in
            bundle.items.contains { item in
                item.notCounted.contains { $0.bound == .lasts && !$0.basis.isEmpty }
            }
        }
        Self.some("a legal limit extendable on stated grounds") {
            $0.items.contains { $0.legalTerms.allowedExtension?.grounds.isEmpty == false }
        }
        Self.some("a time limit in hours") { $0.items.contains { $0.promised.value.unit == .hours } }
        Self.some("parties, one taking part only under a condition, with needs from two of them") { bundle in
            bundle.parties.contains { $0.when != nil }
                && bundle.items.contains { $0.needs.contains { $0.from.count >= 2 } }
        }
        Self.some("a need from a party that takes part only under a condition") { bundle in
            let conditional = Set(bundle.parties.filter { $0.when != nil }.map(\.id.value))
            return bundle.items.contains { item in
                item.needs.contains { need in need.from.contains { conditional.contains($0.value) } }
            }
        }
        Self.some("a form field asking about a party") { $0.form.fields.contains { $0.party != nil } }
        Self.some("a test case pinning the parties and what each brings") { bundle in
            bundle.tests.contains { $0.expect.parties != nil && !$0.expect.brings.isEmpty }
        }
        Self.some("an enum field") { $0.form.fields.contains { $0.type == .enum } }
        Self.some("a number field with bounds") {
            $0.form.fields.contains { $0.type == .number && $0.minimum != nil }
        }
    }

    @Test func everyRealItemNamesItsLegalBasis() {
        let missing = Self.bundles.flatMap { bundle in
            bundle.items.filter(\.basis.isEmpty).map { "\(bundle.id.value)/\($0.id.value)" }
        }
        #expect(missing == [])
    }
}
