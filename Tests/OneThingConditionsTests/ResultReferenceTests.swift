import OneThingModel
import OneThingSource
import Testing

@testable import OneThingConditions

/// `result.<output-id>`: the result an output carries, read like an enum field once it
/// is known. Output ids hold `-`, which a form field's path cannot.
@Suite("Results produced in the case")
struct ResultReferenceTests {
    static let span = SourceSpan.wholeFile("t.yaml")

    /// A form with one bool field, and the result of `assessment-result` (一级–四级)
    /// beside an output `referral` that declares no values.
    static var form: Form {
        let grade = Output(
            id: Located("assessment-result", at: span), name: "残疾评定结果",
            values: ["one", "two", "three", "four"].map { EnumValue(id: $0, label: $0, span: span) })
        var form = Form(fields: [FormField(id: "care.long_term", span: span, type: .bool, label: "照护")])
        form.fields += [grade].compactMap(\.resultField)
        form.outputIDs = ["assessment-result", "referral"]
        return form
    }

    @Test func anOutputIDWithHyphensIsOnePath() {
        #expect(
            Fixtures.grouping(#"result.assessment-result in ["one", "two"]"#)
                == #"(in result.assessment-result ["one" "two"])"#)
    }

    @Test func aHyphenWithSpacesAroundItIsStillAMinus() {
        #expect(Fixtures.grouping("result.a - b > 1") == "(> (result.a - b) 1)")
        #expect(Fixtures.grouping("venue.a-b > 1") == "(> (venue.a - b) 1)")
    }

    @Test func aResultIsAnEnumOfTheDeclaredValues() throws {
        let checker = ConditionTypeChecker(form: Self.form)
        var issues: [ConditionIssue] = []
        let text = #"care.long_term and result.assessment-result in ["one", "two"]"#
        let expression = try #require(ConditionParser().parse(text, issues: &issues))
        let checked = try #require(checker.check(expression, text: text, issues: &issues))
        #expect(issues.isEmpty)
        var answers = ConditionAnswers(form: Self.form, values: ["care.long_term": .bool(true)])
        #expect(!checked.evaluate(answers))  // not known yet: absent
        answers["result.assessment-result"] = .text("two")
        #expect(checked.evaluate(answers))
        answers["result.assessment-result"] = .text("three")
        #expect(!checked.evaluate(answers))
    }

    @Test(
        arguments: [
            (
                #"result.assesment-result == "one""#, "OT402", "no output 'assesment-result'",
                "result.assessment-result"
            ),
            (#"result.referral == "one""#, "OT402", "'referral' declares no values", nil),
            (#"result.assessment-result == "five""#, "OT404", "no value 'five'", nil),
        ] as [(String, String, String, String?)])
    func mistakesAreLocatedWithAHint(text: String, code: String, message: String, replacement: String?) throws
    {
        let checker = ConditionTypeChecker(form: Self.form)
        var issues: [ConditionIssue] = []
        let expression = try #require(ConditionParser().parse(text, issues: &issues))
        #expect(checker.check(expression, text: text, issues: &issues) == nil)
        let issue = try #require(issues.first)
        #expect(issue.code.rawValue == code)
        #expect(issue.message.en.contains(message))
        #expect(!issue.message.zh.isEmpty)
        #expect(issue.hint != nil)
        #expect(issue.replacement == replacement)
    }
}
