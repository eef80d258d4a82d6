import OneThingModel
import OneThingSource
import Testing

@testable import OneThingConditions

/// Multi-choice fields: `"value" in field`, its type errors, its meaning when the field
/// is absent or answered with no choice, and the answers that reason over it.
@Suite("Multi-choice fields")
struct MultiChoiceTests {
    static let form = Form(fields: [
        Fixtures.field("benefits", .multiChoice, values: ["assistance", "disability", "veteran"]),
        Fixtures.field("extras", .multiChoice, required: false, values: ["a", "b"], line: 10),
        Fixtures.field("death.place", .enum, values: ["hospital", "home"], line: 20),
        Fixtures.field("seats", .integer, line: 30),
    ])

    func holds(_ text: String, _ values: [String: ConditionValue]) -> Bool {
        Fixtures.checked(text, form: Self.form).evaluate(ConditionAnswers(form: Self.form, values: values))
    }

    @Test func aChosenValueIsInTheField() {
        let answer: [String: ConditionValue] = ["benefits": .choices(["assistance", "veteran"])]
        #expect(holds(#""assistance" in benefits"#, answer))
        #expect(holds(#""veteran" in benefits"#, answer))
        #expect(!holds(#""disability" in benefits"#, answer))
        #expect(holds(#""disability" not in benefits"#, answer))
        #expect(!holds(#""veteran" not in benefits"#, answer))
    }

    @Test func noChoiceMakesEveryValueNotIn() {
        let answer: [String: ConditionValue] = ["benefits": .choices([])]
        #expect(!holds(#""assistance" in benefits"#, answer))
        #expect(holds(#""assistance" not in benefits"#, answer))
    }

    @Test func anAbsentFieldMakesInAndNotInFalse() {
        #expect(!holds(#""a" in extras"#, [:]))
        #expect(!holds(#""a" not in extras"#, [:]))
        #expect(holds(#"not ("a" in extras)"#, [:]))
    }

    @Test func theParserReadsInFollowedByAField() {
        #expect(Fixtures.grouping(#""a" in extras and seats > 1"#) == #"(and (in "a" extras) (> seats 1))"#)
        #expect(Fixtures.grouping(#""a" not in extras"#) == #"(not-in "a" extras)"#)
    }

    @Test(arguments: [
        (#"benefits == "assistance""#, "OT403", "'benefits' is a multi-choice field"),
        ("benefits", "OT403", "'benefits' is a multi-choice field"),
        (#"benefits in ["assistance"]"#, "OT403", "'benefits' is a multi-choice field"),
        (#""hospital" in death.place"#, "OT403", "'in death.place' needs a multi-choice field"),
        (#"seats in benefits"#, "OT403", "'seats' should be one value of 'benefits' in quotes"),
        (#""assist" in benefits"#, "OT404", "'benefits' has no value 'assist'"),
        (
            "assistance in benefits", "OT402",
            "'assistance' is read as a field name, but it is a value of 'benefits'"
        ),
        (#""a" in nothing"#, "OT402", "the form has no field 'nothing'"),
    ])
    func mistakesAreLocatedTypeErrors(text: String, code: String, message: String) {
        let (checked, issues) = Fixtures.check(text, form: Self.form)
        #expect(checked == nil)
        #expect(issues.first?.code.rawValue == code, "\(issues.map(\.message.en))")
        #expect(issues.first?.message.en.hasPrefix(message) == true, "\(issues.map(\.message.en))")
    }

    @Test func theAnswerSpaceHoldsEverySubsetOfTheTestedValues() {
        let condition = Fixtures.checked(
            #""assistance" in benefits and "veteran" not in benefits"#, form: Self.form)
        let space = AnswerSpace(form: Self.form, conditions: [condition])
        let sets = space.representatives(of: "benefits")
        #expect(
            Set(sets) == [
                .choices([]), .choices(["assistance"]), .choices(["veteran"]),
                .choices(["assistance", "veteran"]),
            ])
        #expect(space.isExact(for: [condition]))
    }

    @Test func theCompiledProgramAgreesWithTheReferenceOnEveryRepresentative() {
        let texts = [
            #""assistance" in benefits or ("a" in extras and "b" not in extras)"#,
            #"not ("disability" in benefits) and "veteran" not in benefits"#,
        ]
        for text in texts {
            let condition = Fixtures.checked(text, form: Self.form)
            let space = AnswerSpace(form: Self.form, conditions: [condition])
            for benefits in space.representatives(of: "benefits") {
                for extras in space.representatives(of: "extras") {
                    var values: [String: ConditionValue] = [:]
                    values["benefits"] = benefits
                    values["extras"] = extras
                    let answers = ConditionAnswers(form: Self.form, values: values)
                    #expect(
                        condition.evaluate(answers)
                            == ReferenceEvaluator.holds(condition.expression, answers),
                        "\(text) with \(answers)")
                }
            }
        }
    }

    @Test func aListAnswerIsReadInTheFieldsOrderAndOthersAreNot() throws {
        let field = try #require(Self.form["benefits"])
        let list = YAMLNode.sequence(
            ["veteran", "assistance", "veteran"].map {
                .scalar(YAMLScalar(value: $0, style: .plain, span: Fixtures.span()))
            }, span: Fixtures.span())
        #expect(ConditionValue(answer: list, for: field) == .choices(["assistance", "veteran"]))
        let one = YAMLNode.scalar(YAMLScalar(value: "veteran", style: .plain, span: Fixtures.span()))
        #expect(ConditionValue(answer: one, for: field) == nil)
        #expect(
            ConditionValue.choices(["assistance", "veteran"]).description == #"["assistance", "veteran"]"#)
    }
}
