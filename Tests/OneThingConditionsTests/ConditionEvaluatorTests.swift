import OneThingModel
import OneThingSource
import Testing

@testable import OneThingConditions

@Suite("Evaluation")
struct ConditionEvaluatorTests {
    func evaluate(_ text: String, _ values: [String: ConditionValue]) -> Bool {
        Fixtures.checked(text).evaluate(Fixtures.answers(values))
    }

    @Test(arguments: [(true, true, true), (true, false, false), (false, true, false), (false, false, false)])
    func andIsTrueWhenBothAre(a: Bool, b: Bool, expected: Bool) {
        #expect(
            evaluate(
                "business.prepackaged_only and has_alcohol",
                [
                    "business.prepackaged_only": .bool(a), "has_alcohol": .bool(b),
                ]) == expected)
    }

    @Test(arguments: [(true, true, true), (true, false, true), (false, true, true), (false, false, false)])
    func orIsTrueWhenEitherIs(a: Bool, b: Bool, expected: Bool) {
        #expect(
            evaluate(
                "business.prepackaged_only or has_alcohol",
                [
                    "business.prepackaged_only": .bool(a), "has_alcohol": .bool(b),
                ]) == expected)
    }

    @Test func notNegates() {
        #expect(evaluate("not business.prepackaged_only", ["business.prepackaged_only": .bool(false)]))
        #expect(!evaluate("not business.prepackaged_only", ["business.prepackaged_only": .bool(true)]))
    }

    @Test(arguments: [
        ("venue.area_m2 == 150", true), ("venue.area_m2 != 150", false), ("venue.area_m2 < 150", false),
        ("venue.area_m2 <= 150", true), ("venue.area_m2 > 150", false), ("venue.area_m2 >= 150", true),
        ("150 <= venue.area_m2", true), ("150 < venue.area_m2", false),
    ])
    func comparisonsOfNumbers(text: String, expected: Bool) {
        #expect(evaluate(text, ["venue.area_m2": .number(150)]) == expected)
    }

    @Test func arithmeticFollowsPrecedence() {
        #expect(evaluate("venue.headcount * 2 + 10 == 30", ["venue.headcount": .number(10)]))
        #expect(evaluate("-venue.headcount + 10 == 0", ["venue.headcount": .number(10)]))
        #expect(
            evaluate(
                "venue.area_m2 / venue.headcount >= 1.5",
                [
                    "venue.area_m2": .number(150), "venue.headcount": .number(100),
                ]))
    }

    @Test func enumsAndTextCompareByValue() {
        #expect(evaluate("business.kind == \"cafe\"", ["business.kind": .text("cafe")]))
        #expect(evaluate("business.kind in [\"cafe\", \"bakery\"]", ["business.kind": .text("bakery")]))
        #expect(
            evaluate("business.kind not in [\"cafe\", \"bakery\"]", ["business.kind": .text("restaurant")]))
        #expect(evaluate("applicant.name != \"张三\"", ["applicant.name": .text("李四")]))
    }

    @Test func datesCompareAsDays() {
        let day = ConditionValue.date(CalendarDate("2025-10-01")!)
        #expect(evaluate("opening >= \"2025-10-01\"", ["opening": day]))
        #expect(!evaluate("opening > \"2025-10-01\"", ["opening": day]))
        #expect(evaluate("opening in [\"2025-10-01\"]", ["opening": day]))
    }

    @Test func boolsCompareWithBoolsAndConditions() {
        #expect(evaluate("has_alcohol == true", ["has_alcohol": .bool(true)]))
        #expect(
            evaluate(
                "(venue.area_m2 > 100) == has_alcohol",
                [
                    "venue.area_m2": .number(150), "has_alcohol": .bool(true),
                ]))
    }

    // MARK: Absent answers

    @Test func aComparisonThatReadsAnAbsentFieldIsFalse() {
        #expect(!evaluate("seats > 10", [:]))
        #expect(!evaluate("seats <= 10", [:]))
        #expect(!evaluate("seats != 10", [:]))
        #expect(!evaluate("applicant.phone in [\"110\"]", [:]))
        #expect(!evaluate("applicant.phone not in [\"110\"]", [:]))
    }

    @Test func notOfAComparisonThatReadsAnAbsentFieldIsTrue() {
        #expect(evaluate("not seats > 10", [:]))
        #expect(evaluate("not (seats <= 10)", [:]))
    }

    @Test func anAbsentBoolFieldIsFalseAndItsNegationTrue() {
        #expect(!evaluate("has_alcohol", [:]))
        #expect(evaluate("not has_alcohol", [:]))
        #expect(!evaluate("has_alcohol == false", [:]))
    }

    @Test func otherOperandsStillDecideAndOr() {
        #expect(evaluate("seats > 10 or venue.area_m2 > 1", ["venue.area_m2": .number(2)]))
        #expect(!evaluate("seats > 10 and venue.area_m2 > 1", ["venue.area_m2": .number(2)]))
    }

    @Test func divisionByZeroMakesTheComparisonFalse() {
        let answers: [String: ConditionValue] = ["venue.area_m2": .number(10), "venue.headcount": .number(0)]
        #expect(!evaluate("venue.area_m2 / venue.headcount > 1", answers))
        #expect(!evaluate("venue.area_m2 / venue.headcount <= 1", answers))
        #expect(evaluate("not (venue.area_m2 / venue.headcount > 1)", answers))
    }

    @Test func anAnswerOfTheWrongTypeCountsAsAbsent() {
        #expect(!evaluate("venue.area_m2 > 1", ["venue.area_m2": .text("150")]))
    }

    @Test func answersBuiltForAnEqualFormAreReadByID() {
        let condition = Fixtures.checked("venue.area_m2 > 1")
        let answers = ConditionAnswers(form: Fixtures.form, values: ["venue.area_m2": .number(2)])
        #expect(condition.evaluate(answers))
        let other = Form(fields: [Fixtures.field("venue.area_m2", .number)])
        #expect(condition.evaluate(ConditionAnswers(form: other, values: ["venue.area_m2": .number(2)])))
    }

    @Test func answersPrintInFormOrder() {
        let answers = Fixtures.answers(["business.kind": .text("cafe"), "venue.area_m2": .number(150)])
        #expect(answers.description == "venue.area_m2 = 150, business.kind = \"cafe\"")
    }

    @Test func answersAsWrittenInATestCaseAreTypedAgainstTheirField() {
        func value(_ text: String, _ style: YAMLScalarStyle = .plain, for field: FormField) -> ConditionValue?
        {
            ConditionValue(
                answer: .scalar(YAMLScalar(value: text, style: style, span: Fixtures.span())), for: field)
        }
        let kind = Fixtures.form["business.kind"]!
        #expect(value("cafe", for: kind) == .text("cafe"))
        #expect(value("tea", for: kind) == nil)
        #expect(value("12", for: Fixtures.form["venue.headcount"]!) == .number(12))
        #expect(value("12.5", for: Fixtures.form["venue.headcount"]!) == nil)
        #expect(value("true", .doubleQuoted, for: Fixtures.form["has_alcohol"]!) == nil)
        #expect(value("2025-10-01", for: Fixtures.form["opening"]!) == .date(CalendarDate("2025-10-01")!))
    }

    @Test func evaluationIsFastEnoughForExhaustiveSearch() {
        let condition = Fixtures.checked(
            "venue.area_m2 >= 150 and not business.prepackaged_only and business.kind in [\"cafe\", \"bakery\"] or venue.headcount > 50"
        )
        var answers = Fixtures.answers([
            "venue.area_m2": .number(200), "business.prepackaged_only": .bool(false),
        ])
        answers["business.kind"] = .text("cafe")
        answers["venue.headcount"] = .number(10)
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure {
            for _ in 0..<100_000 where condition.evaluate(answers) { count += 1 }
        }
        #expect(count == 100_000)
        #expect(elapsed < .seconds(5))
    }
}
