import OneThingModel
import Testing

@testable import OneThingConditions

@Suite("Representative answers")
struct AnswerSpaceTests {
    func space(_ conditions: String...) -> AnswerSpace {
        AnswerSpace(form: Fixtures.form, conditions: conditions.map { Fixtures.checked($0) })
    }

    func numbers(_ values: [ConditionValue?]) -> [Double?] {
        values.map { value in
            if case .number(let n)? = value { return n }
            return nil
        }
    }

    @Test func aThresholdGetsValuesOnBothSidesAndOnIt() {
        #expect(
            numbers(space("venue.area_m2 >= 150").representatives(of: "venue.area_m2")) == [149, 150, 151])
    }

    @Test func thresholdsAreNormalisedFromArithmeticOnOneField() {
        #expect(
            numbers(space("venue.area_m2 + 50 >= 200").representatives(of: "venue.area_m2")) == [
                149, 150, 151,
            ])
        #expect(
            numbers(space("300 <= 2 * venue.area_m2").representatives(of: "venue.area_m2")) == [
                149, 150, 151,
            ])
        #expect(
            numbers(space("venue.area_m2 / 3 < 50").representatives(of: "venue.area_m2")) == [149, 150, 151])
    }

    @Test func decimalFieldsGetMidpointsBetweenThresholds() {
        let values = space("venue.area_m2 > 100 or venue.area_m2 < 50").representatives(of: "venue.area_m2")
        #expect(numbers(values) == [49, 50, 75, 100, 101])
    }

    @Test func integerFieldsGetWholeNeighbours() {
        #expect(numbers(space("venue.headcount * 2 > 5").representatives(of: "venue.headcount")) == [2, 3])
        #expect(
            numbers(space("venue.headcount >= 10").representatives(of: "venue.headcount")) == [9, 10, 11])
    }

    @Test func valuesAreClippedToTheFieldsBounds() {
        #expect(
            numbers(space("venue.headcount >= 500").representatives(of: "venue.headcount")) == [499, 500])
        #expect(numbers(space("floors <= 1").representatives(of: "floors")) == [1, 2])
        #expect(numbers(space("venue.area_m2 < 0.5").representatives(of: "venue.area_m2")) == [0, 0.5, 1.5])
    }

    @Test func optionalFieldsMayAlsoBeAbsent() {
        #expect(numbers(space("seats > 10").representatives(of: "seats")) == [9, 10, 11, nil])
        #expect(space("has_alcohol").representatives(of: "has_alcohol") == [.bool(true), .bool(false), nil])
    }

    @Test func boolsAndEnumsGetEveryValue() {
        #expect(
            space("business.prepackaged_only").representatives(of: "business.prepackaged_only") == [
                .bool(true), .bool(false),
            ])
        #expect(
            space("business.kind == \"cafe\"").representatives(of: "business.kind") == [
                .text("restaurant"), .text("cafe"), .text("bakery"),
            ])
    }

    @Test func textGetsEachComparedValueAndOneOther() {
        #expect(
            space("applicant.name in [\"a\", \"b\"]").representatives(of: "applicant.name") == [
                .text("a"), .text("b"), .text("(其他)"),
            ])
    }

    @Test func textFieldsComparedWithEachOtherGetEnoughOtherValuesToDiffer() {
        let values = space("applicant.name == applicant.phone").representatives(of: "applicant.name")
        #expect(values == [.text("(其他)"), .text("(其他2)")])
    }

    @Test func datesGetTheDayBeforeOnAndAfter() {
        let values = space("opening >= \"2025-10-01\"").representatives(of: "opening")
        #expect(values.map { $0?.description } == ["2025-09-30", "2025-10-01", "2025-10-02"])
    }

    @Test func datesComparedOnlyWithEachOtherStartOn1January2000() {
        let form = Form(fields: [Fixtures.field("start", .date), Fixtures.field("end", .date)])
        let space = AnswerSpace(form: form, conditions: [Fixtures.checked("start < end", form: form)])
        #expect(space.representatives(of: "start").map { $0?.description } == ["2000-01-01", "2000-01-02"])
    }

    @Test func onlyFieldsThatConditionsReadAreInTheSpace() {
        #expect(space("venue.area_m2 > 1 and has_alcohol").fields == ["venue.area_m2", "has_alcohol"])
    }

    @Test func combinationsAreCountedAndEnumerated() {
        let space = space("venue.area_m2 >= 150 and business.kind == \"cafe\"")
        #expect(space.combinationCount(of: ["venue.area_m2", "business.kind"]) == 9)
        var seen = Set<ConditionAnswers>()
        let summary = space.forEachCombination(of: ["venue.area_m2", "business.kind"]) { answers in
            seen.insert(answers)
            return .next
        }
        #expect(seen.count == 9)
        #expect(summary == EnumerationSummary(visited: 9, total: 9, stopped: false))
        #expect(summary.isExhaustive)
    }

    @Test func theEnumerationCapIsReportedAsNotExhaustive() {
        let space = space("venue.area_m2 >= 150 and business.kind == \"cafe\"")
        let summary = space.forEachCombination(of: ["venue.area_m2", "business.kind"], limit: 4) { _ in .next
        }
        #expect(summary.visited == 4)
        #expect(!summary.isExhaustive)
    }
}

@Suite("Conditions that can never be true")
struct NeverTrueTests {
    func neverTrue(_ text: String, limit: Int = AnswerSpace.defaultLimit) -> Bool? {
        let condition = Fixtures.checked(text)
        return AnswerSpace(form: Fixtures.form, conditions: [condition]).neverTrue(condition, limit: limit)
    }

    @Test func contradictoryBoundsOnOneNumberAreNeverTrue() {
        #expect(neverTrue("venue.area_m2 > 5 and venue.area_m2 < 3") == true)
    }

    @Test func twoDifferentValuesOfOneEnumAreNeverTrue() {
        #expect(neverTrue("business.kind == \"cafe\" and business.kind == \"bakery\"") == true)
    }

    @Test func aComparisonBeyondTheFieldsBoundsIsNeverTrue() {
        #expect(neverTrue("floors > 30") == true)
    }

    @Test func aWholeNumberNeverEqualsAFraction() {
        #expect(neverTrue("venue.headcount == 2.5") == true)
    }

    @Test func anEmptyListIsNeverTrue() {
        #expect(neverTrue("business.kind in []") == true)
    }

    @Test func aSatisfiableConditionIsNotNeverTrue() {
        #expect(neverTrue("venue.area_m2 > 3 and venue.area_m2 < 5") == false)
        #expect(neverTrue("venue.area_m2 >= 150 and not business.prepackaged_only") == false)
        #expect(neverTrue("not seats > 10 and not seats <= 10") == false)
    }

    @Test func anIntervalWithoutWholeNumbersIsNeverTrueForAnInteger() {
        #expect(neverTrue("venue.headcount > 3 and venue.headcount < 4") == true)
        #expect(neverTrue("venue.area_m2 > 3 and venue.area_m2 < 4") == false)
    }

    @Test func comparisonsOfSeveralNumberFieldsAreOnlyHeuristic() {
        #expect(neverTrue("venue.area_m2 > venue.headcount and venue.headcount > venue.area_m2") == nil)
        #expect(neverTrue("venue.area_m2 > venue.headcount") == false)
    }

    @Test func aSearchCutShortByTheCapIsUndecided() {
        #expect(
            neverTrue("venue.area_m2 > 5 and venue.area_m2 < 3 and business.kind == \"cafe\"", limit: 1)
                == nil)
    }

    @Test func independentPartsAreSearchedSeparately() {
        let parts = (0..<12).map { _ in "venue.area_m2 > 1" } + ["floors > 30"]
        let text = parts.joined(separator: " and ") + " and business.prepackaged_only and has_alcohol"
        #expect(neverTrue(text, limit: 10) == true)
    }

    @Test func theContradictionIsNamedByItsSmallestParts() throws {
        let condition = Fixtures.checked(
            "business.prepackaged_only and venue.area_m2 > 5 and venue.area_m2 < 3")
        let space = AnswerSpace(form: Fixtures.form, conditions: [condition])
        let parts = try #require(space.contradiction(in: condition, limit: 1000))
        #expect(parts.map { condition.excerpt($0.range) } == ["venue.area_m2 > 5", "venue.area_m2 < 3"])
    }
}

@Suite("Outcomes over every applicant")
struct OutcomeSetTests {
    let conditions = [
        Fixtures.checked("venue.area_m2 >= 150"),
        Fixtures.checked("venue.area_m2 >= 300"),
        Fixtures.checked("business.kind == \"cafe\""),
    ]

    var outcomes: OutcomeSet {
        AnswerSpace(form: Fixtures.form, conditions: conditions).satisfiableOutcomes(of: conditions)
    }

    @Test func conditionsSharingNoFieldFormSeparateGroups() {
        #expect(outcomes.groups.map(\.conditions) == [[0, 1], [2]])
        #expect(outcomes.groups.map(\.fields) == [["venue.area_m2"], ["business.kind"]])
    }

    @Test func eachGroupHasEveryDistinctOutcomeOnce() {
        let holds = Set(outcomes.groups[0].outcomes.map(\.holds))
        #expect(holds == [[false, false], [true, false], [true, true]])
        #expect(Set(outcomes.groups[1].outcomes.map(\.holds)) == [[true], [false]])
        #expect(outcomes.isComplete)
    }

    @Test func eachOutcomeComesWithAnExample() {
        for outcome in outcomes.groups[0].outcomes {
            #expect(conditions[0].evaluate(outcome.example) == outcome.holds[0])
            #expect(conditions[1].evaluate(outcome.example) == outcome.holds[1])
        }
    }

    @Test func theOutcomesOfTheWholeListCombineTheGroups() {
        #expect(outcomes.count == 6)
        var all: [[Bool]] = []
        outcomes.forEachOutcome { outcome in
            all.append(outcome.holds)
            for (index, condition) in conditions.enumerated() {
                #expect(condition.evaluate(outcome.example) == outcome.holds[index])
            }
            return .next
        }
        #expect(Set(all).count == 6)
        #expect(all.contains([true, false, true]))
    }

    @Test func aGroupCutShortByTheLimitIsNotExhaustive() {
        let cut = AnswerSpace(form: Fixtures.form, conditions: conditions).satisfiableOutcomes(
            of: conditions, limit: 2)
        #expect(!cut.isExhaustive)
    }

    @Test func conditionsThatReadNoFieldHaveOneOutcome() {
        let constant = [Fixtures.checked("1 < 2"), Fixtures.checked("false")]
        let set = AnswerSpace(form: Fixtures.form, conditions: constant).satisfiableOutcomes(of: constant)
        #expect(set.count == 1)
        var all: [[Bool]] = []
        set.forEachOutcome {
            all.append($0.holds)
            return .next
        }
        #expect(all == [[true, false]])
    }
}
