import OneThingModel
import OneThingSource
import Testing

@testable import OneThingConditions

@Suite("The items' search, shared by OT405 and the plan stage")
struct SharedSearchTests {
    static let written: [(ConditionOwner, String)] = [
        (.item("a"), "venue.area_m2 >= 150 and not has_alcohol"),
        (.item("b"), "has_alcohol and venue.area_m2 > 5 and venue.area_m2 < 3"),
        (.leadRule(0), "business.kind == \"cafe\" and business.kind == \"bakery\""),
        (.item("c"), "business.kind in [\"cafe\"] or seats > 10"),
        (.item("d"), "venue.area_m2 < 100"),
    ]

    /// Checks the conditions, written from line 10 on in one file.
    func check(searchLimit: Int = 100_000) -> ConditionCheckResult {
        let prefix = "    when: "
        var lines = (1..<10).map { "# line \($0)" }
        var conditions: [OwnedCondition] = []
        for (index, (owner, text)) in Self.written.enumerated() {
            lines.append(prefix + text)
            let column = prefix.count + 1
            let scalar = YAMLScalar(
                value: text, style: .plain,
                span: SourceSpan(
                    file: Fixtures.path, start: SourceLocation(line: 10 + index, column: column),
                    end: SourceLocation(line: 10 + index, column: column + text.unicodeScalars.count)))
            conditions.append(OwnedCondition(owner: owner, source: ConditionSource(scalar: scalar)))
        }
        let file = SourceFile(path: Fixtures.path, text: lines.joined(separator: "\n") + "\n")
        return ConditionChecker(form: Fixtures.form, file: file, searchLimit: searchLimit).check(conditions)
    }

    var items: [ConditionOwner] { [.item("a"), .item("b"), .item("c"), .item("d")] }

    func same(_ a: OutcomeSet, _ b: OutcomeSet) -> Bool {
        a.groups.count == b.groups.count
            && zip(a.groups, b.groups).allSatisfy { x, y in
                x.conditions == y.conditions && x.fields == y.fields && x.isExhaustive == y.isExhaustive
                    && x.isExact == y.isExact && x.outcomes == y.outcomes
            }
    }

    @Test func theItemsOutcomesAreWhatASearchOfTheSpaceGives() {
        let result = check()
        #expect(result.search?.entries == [0, 1, 3, 4])
        let conditions = items.compactMap { result.checked($0) }
        let fresh = result.space.satisfiableOutcomes(of: conditions, limit: 100_000)
        #expect(same(result.satisfiableOutcomes(of: items, limit: 100_000), fresh))
    }

    @Test func anotherListOrLimitIsSearchedAfresh() {
        let result = check()
        let owners: [ConditionOwner] = [.item("d"), .item("a")]
        let fresh = result.space.satisfiableOutcomes(of: owners.compactMap { result.checked($0) }, limit: 7)
        #expect(same(result.satisfiableOutcomes(of: owners, limit: 7), fresh))
        #expect(!result.satisfiableOutcomes(of: items, limit: 7).isExhaustive)
    }

    @Test func changingTheEntriesForgetsTheSearch() {
        var result = check()
        result.entries.swapAt(0, 4)
        #expect(result.search?.entries == nil)
        let conditions = items.compactMap { result.checked($0) }
        let fresh = result.space.satisfiableOutcomes(of: conditions, limit: 100_000)
        #expect(same(result.satisfiableOutcomes(of: items, limit: 100_000), fresh))
    }

    @Test func conditionsThatNeverHoldAreReported() {
        let found = check().diagnostics.filter { $0.code == .conditionNeverTrue }
        #expect(found.map(\.span.start.line) == [11, 12])
    }

    @Test(arguments: [1, 3, 100_000])
    func skippingSearchesFindsWhatSearchingEveryConditionFinds(limit: Int) {
        let result = check(searchLimit: limit)
        let expected = result.entries.indices.filter { index in
            guard let condition = result.entries[index].checked,
                let parts = result.space.contradiction(in: condition, limit: limit)
            else { return false }
            return !parts.isEmpty
        }
        let found = result.diagnostics.filter { $0.code == .conditionNeverTrue }
        #expect(found.map(\.span.start.line) == expected.map { 10 + $0 })
    }
}
