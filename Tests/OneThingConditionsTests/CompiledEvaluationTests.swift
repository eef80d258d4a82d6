import OneThingModel
import Testing

@testable import OneThingConditions

@Suite("Compiled evaluation agrees with the tree")
struct CompiledEvaluationTests {
    static let conditions = [
        "venue.area_m2 >= 150", "150 < venue.area_m2", "venue.area_m2 == 150", "venue.area_m2 != 150",
        "venue.area_m2 + 50 >= 200 and venue.headcount * 2 < 40", "-venue.headcount + 10 == 0",
        "-(-venue.area_m2) > 3", "venue.area_m2 / venue.headcount >= 1.5", "venue.area_m2 / 0 > 1",
        "not venue.area_m2 / 0 > 1", "venue.area_m2 > venue.headcount", "seats in [9, 10, 11]",
        "seats not in [10]", "venue.headcount * 2 in [20, 21]", "business.kind == \"cafe\"",
        "\"cafe\" != business.kind", "business.kind in [\"cafe\", \"bakery\"]",
        "business.kind not in [\"cafe\"]", "business.kind in []", "applicant.name == applicant.phone",
        "applicant.name != applicant.phone", "applicant.name in [\"a\", \"b\"]", "applicant.phone == \"a\"",
        "opening >= \"2025-10-01\"", "\"2025-10-01\" > opening",
        "opening in [\"2025-10-01\", \"2025-10-03\"]",
        "opening not in [\"2025-10-01\"]", "has_alcohol", "not has_alcohol", "has_alcohol == true",
        "has_alcohol != business.prepackaged_only", "has_alcohol in [true]", "has_alcohol not in [false]",
        "(venue.area_m2 > 100) == has_alcohol", "(venue.area_m2 > 100) in [false]",
        "has_alcohol or venue.area_m2 > 100 and not business.prepackaged_only",
        "(has_alcohol or seats > 10) and (business.kind == \"cafe\" or not seats <= 10)", "true",
        "false", "1 < 2", "\"a\" == \"a\"", "\"2025-01-01\" < \"2025-02-01\"", "not (true and false)",
    ]

    /// Every combination of representative answers of the fields `condition` reads,
    /// and a few answers of the wrong type.
    func answers(for condition: CheckedCondition) -> [ConditionAnswers] {
        var all: [ConditionAnswers] = []
        AnswerSpace(form: Fixtures.form, conditions: [condition]).forEachCombination(of: condition.fields) {
            all.append($0)
            return .next
        }
        var wrong = Fixtures.answers([:])
        for field in condition.fields { wrong[field] = .text("x") }
        all.append(wrong)
        for field in condition.fields { wrong[field] = .bool(true) }
        all.append(wrong)
        all.append(Fixtures.answers(["venue.area_m2": .number(10), "venue.headcount": .number(0)]))
        return all
    }

    @Test(arguments: conditions)
    func theProgramGivesTheTreesOutcome(text: String) {
        let condition = Fixtures.checked(text)
        for answers in answers(for: condition) {
            #expect(
                condition.evaluate(answers) == ReferenceEvaluator.holds(condition.expression, answers),
                "\(text) for \(answers)")
        }
    }

    @Test func answersMadeForAnotherFormAreMatchedByFieldID() {
        let other = Form(fields: [Fixtures.field("seats", .integer), Fixtures.field("has_alcohol", .bool)])
        let answers = ConditionAnswers(
            form: other, values: ["seats": .number(12), "has_alcohol": .bool(true)])
        #expect(Fixtures.checked("seats > 10 and has_alcohol").evaluate(answers))
        #expect(!Fixtures.checked("seats > 12 or not has_alcohol").evaluate(answers))
    }

    @Test func textTheConditionDoesNotMentionComparesByValue() {
        let condition = Fixtures.checked("applicant.name == applicant.phone")
        let same = Fixtures.answers(["applicant.name": .text("李雷"), "applicant.phone": .text("李雷")])
        let different = Fixtures.answers(["applicant.name": .text("李雷"), "applicant.phone": .text("韩梅梅")])
        #expect(condition.evaluate(same))
        #expect(!condition.evaluate(different))
    }

    @Test func leavesAreTheComparisonsThatAndOrAndNotCombine() {
        let program = Fixtures.checked(
            "has_alcohol and not (venue.area_m2 > venue.headcount or (seats > 1) == has_alcohol)"
        ).program
        #expect(program.leaves.map(\.slots) == [[9], [0, 1], [10, 9]])
    }
}
