import OneThingModel
import OneThingSource
import Testing

@testable import OneThingConditions

@Suite("Type checking (OT402, OT403, OT404)")
struct ConditionTypeCheckerTests {
    /// The issues of checking `text` against the fixture form.
    func issues(_ text: String) -> [ConditionIssue] {
        let (checked, issues) = Fixtures.check(text)
        if !issues.isEmpty { #expect(checked == nil) }
        return issues
    }

    @Test func aWellTypedConditionRecordsTheFieldsItReads() throws {
        let (checked, issues) = Fixtures.check(
            "venue.area_m2 >= 150 and not business.prepackaged_only or venue.area_m2 < 10")
        #expect(issues.isEmpty)
        #expect(try #require(checked).fields == ["venue.area_m2", "business.prepackaged_only"])
    }

    // MARK: OT402

    @Test func anUnknownFieldSuggestsTheClosestFieldID() throws {
        let issue = try #require(issues("venue.area_m3 > 1").first)
        #expect(issue.code == .unknownField)
        #expect(issue.range == 0..<13)
        #expect(issue.hint?.en == "did you mean 'venue.area_m2'?")
    }

    @Test func didYouMeanWorksForChineseFieldIDs() throws {
        let issue = try #require(issues("逝者.死亡地址 == \"医院\"").first)
        #expect(issue.code == .unknownField)
        #expect(issue.hint?.zh == "是否应为“逝者.死亡地点”？")
    }

    @Test func anUnquotedEnumValueIsReportedOnceWithTheHintToQuoteIt() throws {
        let found = issues("death.place == outside-hospital")
        #expect(found.count == 1)
        #expect(found.first?.code == .unknownField)
        #expect(found.first?.range == 15..<31)
        #expect(found.first?.hint?.en == "put the value in quotes: \"outside-hospital\"")
    }

    @Test func anUnknownNameThatIsCloseToAnEnumValueSuggestsQuotingIt() throws {
        let issue = try #require(issues("business.kind == cafe").first)
        #expect(issue.hint?.en.contains("\"cafe\"") == true)
    }

    @Test func everyUnknownFieldIsReported() {
        #expect(issues("nope1 > 1 and nope2 > 2").map(\.code) == [.unknownField, .unknownField])
    }

    // MARK: OT403

    @Test func comparingABoolWithANumberIsATypeError() throws {
        let issue = try #require(issues("business.prepackaged_only == 1").first)
        #expect(issue.code == .conditionType)
        #expect(issue.range == 0..<30)
        #expect(issue.message.en.contains("(true/false)") && issue.message.en.contains("(a number)"))
    }

    @Test func arithmeticOnANonNumberIsATypeError() throws {
        let issue = try #require(issues("business.kind + 1 > 2").first)
        #expect(issue.code == .conditionType)
        #expect(issue.range == 0..<13)
    }

    @Test func andOnANonBoolIsATypeError() throws {
        let issue = try #require(issues("venue.area_m2 and business.prepackaged_only").first)
        #expect(issue.code == .conditionType)
        #expect(issue.range == 0..<13)
        #expect(issue.hint?.en == "compare it with a number: venue.area_m2 > 0")
    }

    @Test func orderingABoolAnEnumOrTextIsATypeError() {
        #expect(issues("business.prepackaged_only < true").map(\.code) == [.conditionType])
        #expect(issues("business.kind > \"cafe\"").map(\.code) == [.conditionType])
        #expect(issues("applicant.name >= \"a\"").map(\.code) == [.conditionType])
    }

    @Test func aConditionThatIsNotTrueOrFalseIsATypeError() throws {
        let issue = try #require(issues("venue.area_m2 + 1").first)
        #expect(issue.code == .conditionType)
        #expect(issue.message.en.contains("must be true or false"))
    }

    @Test func aQuotedNumberComparedWithANumberSuggestsRemovingTheQuotes() throws {
        let issue = try #require(issues("venue.area_m2 > \"150\"").first)
        #expect(issue.code == .conditionType)
        #expect(issue.hint?.en == "remove the quotes: 150")
    }

    @Test func datesCompareWithTextThatIsADate() {
        #expect(issues("opening >= \"2025-10-01\"").isEmpty)
        let issue = issues("opening >= \"2025/10/01\"")
        #expect(issue.map(\.code) == [.conditionType])
        #expect(issue.first?.range == 11..<23)
        #expect(issues("opening < \"2025-02-30\"").map(\.code) == [.conditionType])
    }

    @Test func aListMustHoldValuesOfTheTestedType() {
        #expect(issues("venue.area_m2 in [1, \"2\"]").map(\.code) == [.conditionType])
        #expect(issues("venue.area_m2 in [1, 2]").isEmpty)
    }

    @Test func textAndChoiceFieldsCannotBeCompared() {
        #expect(issues("applicant.name == business.kind").map(\.code) == [.conditionType])
    }

    @Test func aWrongOperandIsReportedOnceNotByEveryOperatorAboveIt() {
        #expect(
            issues("not (nope > 1) and (venue.area_m2 > 1 or nope2)").map(\.code) == [
                .unknownField, .unknownField,
            ])
    }

    // MARK: OT404

    @Test func anUndeclaredEnumValueSuggestsTheClosestDeclaredOne() throws {
        let issue = try #require(issues("business.kind == \"caffe\"").first)
        #expect(issue.code == .undeclaredEnumValue)
        #expect(issue.range == 17..<24)
        #expect(issue.hint?.en == "did you mean \"cafe\"?")
    }

    @Test func anUndeclaredEnumValueInAListIsReportedAtThatValue() throws {
        let found = issues("逝者.死亡地点 in [“医院”, “家中”]")
        #expect(found.map(\.code) == [.undeclaredEnumValue])
        #expect(found.first?.range == 18..<22)
    }

    @Test func anEnumComparedWithALabelSuggestsTheValue() throws {
        let form = Form(fields: [
            FormField(
                id: "place", span: Fixtures.span(), type: .enum, label: "地点",
                values: [EnumValue(id: "outside-hospital", label: "医院外", span: Fixtures.span())])
        ])
        let (_, issues) = Fixtures.check("place == \"医院外\"", form: form)
        #expect(issues.first?.code == .undeclaredEnumValue)
        #expect(issues.first?.hint?.en.contains("\"outside-hospital\"") == true)
    }

    @Test func declaredEnumValuesCheckCleanlyInEveryQuoteStyle() {
        #expect(issues("逝者.死亡地点 == “医院外” or death.place != 'hospital'").isEmpty)
    }
}
