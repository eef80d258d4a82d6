import OneThingModel
import OneThingSource
import Testing

@testable import OneThingConditions

@Suite("Diagnostics located in the YAML file")
struct ConditionCheckerTests {
    /// The only diagnostic of `condition` written on line 40 after `    when: `.
    func diagnostic(_ condition: String, style: YAMLScalarStyle = .plain) throws -> Diagnostic {
        let found = Fixtures.diagnostics(condition, style: style)
        #expect(found.count == 1, "\(found.map(\.message.en))")
        return try #require(found.first)
    }

    func at(_ line: Int, _ column: Int) -> OneThingSource.SourceLocation {
        OneThingSource.SourceLocation(line: line, column: column)
    }

    @Test func anErrorAtTheSeventeenthCharacterOfAConditionAtColumnElevenIsAtColumnTwentySeven() throws {
        let d = try diagnostic("venue.headcount = 9")
        #expect(d.code == .conditionSyntax)
        #expect(d.span.file == Fixtures.path)
        #expect(d.span.start == at(40, 27))
        #expect(d.span.end == at(40, 28))
    }

    @Test func columnsCountChineseCharactersAsOne() throws {
        let d = try diagnostic("逝者.死亡地点 = \"医院外\"")
        #expect(d.span.start == at(40, 19))
    }

    @Test func positionsInsideDoubleQuotedScalarsSkipTheQuote() throws {
        let d = try diagnostic("kind = 'a'", style: .doubleQuoted)
        #expect(d.span.start == at(40, 17))
    }

    @Test func syntaxErrorOT401() throws {
        let d = try diagnostic("venue.area_m2 >= 150 AND has_alcohol")
        #expect(d.code == .conditionSyntax)
        #expect(d.severity == .error)
        #expect(d.span.start == at(40, 32))
        #expect(d.span.end == at(40, 35))
    }

    @Test func theNoteOfAnUnclosedParenthesisPointsAtItInTheFile() throws {
        let d = try diagnostic("has_alcohol and (venue.area_m2 > 1")
        #expect(d.span.start == at(40, 45))
        #expect(d.notes.map(\.span.start) == [at(40, 27)])
    }

    @Test func unknownFieldOT402() throws {
        let d = try diagnostic("venue.area > 150")
        #expect(d.code == .unknownField)
        #expect(d.span.start == at(40, 11))
        #expect(d.span.end == at(40, 21))
        #expect(d.hint?.en == "did you mean 'venue.area_m2'?")
    }

    @Test func typeErrorOT403() throws {
        let d = try diagnostic("has_alcohol and venue.area_m2")
        #expect(d.code == .conditionType)
        #expect(d.span.start == at(40, 27))
        #expect(d.span.end == at(40, 40))
    }

    @Test func undeclaredEnumValueOT404() throws {
        let d = try diagnostic("death.place == \"outside_hospital\"")
        #expect(d.code == .undeclaredEnumValue)
        #expect(d.span.start == at(40, 26))
        #expect(d.hint?.en == "did you mean \"outside-hospital\"?")
    }

    @Test func neverTrueOT405IsAWarningNamingTheContradiction() throws {
        let d = try diagnostic("has_alcohol and venue.area_m2 > 5 and venue.area_m2 < 3")
        #expect(d.code == .conditionNeverTrue)
        #expect(d.severity == .warning)
        #expect(d.span.start == at(40, 11))
        #expect(
            d.message.en
                == "the condition of item 'food-permit' can never be true, whatever the applicant answers: 'venue.area_m2 > 5' and 'venue.area_m2 < 3' cannot both hold"
        )
        #expect(d.notes.map(\.span.start) == [at(40, 27), at(40, 49)])
        #expect(d.hint?.en.contains("the form allows 'venue.area_m2' from 0") == true)
    }

    @Test func aConditionThatIsNeverTrueAsAWholeHasNoNotes() throws {
        let d = try diagnostic("floors > 30")
        #expect(d.code == .conditionNeverTrue)
        #expect(d.notes.isEmpty)
        #expect(d.hint?.en == "check the values it compares with; the form allows 'floors' from 1 to 30")
    }

    @Test func tooComplexOT407() throws {
        let text =
            String(repeating: "(", count: 10_000) + "has_alcohol" + String(repeating: ")", count: 10_000)
        let d = try diagnostic(text)
        #expect(d.code == .conditionTooComplex)
        #expect(d.span.start == at(40, 11 + 4096))
    }

    @Test func everyConditionIsCheckedAndKeptWithItsOwner() {
        let (file, good) = Fixtures.located("venue.area_m2 >= 150", line: 3)
        let bad = ConditionSource(
            scalar: YAMLScalar(value: "nope > 1", style: .plain, span: Fixtures.span(line: 9)))
        let result = ConditionChecker(form: Fixtures.form, file: file).check([
            OwnedCondition(owner: .item("a"), source: good), OwnedCondition(owner: .leadRule(0), source: bad),
        ])
        #expect(result.entries.count == 2)
        #expect(result.checked(.item("a"))?.fields == ["venue.area_m2"])
        #expect(result.checked(.leadRule(0)) == nil)
        #expect(result.diagnostics.map(\.code) == [.unknownField])
        #expect(result.readFields == ["venue.area_m2"])
    }

    @Test func theConditionsOfABundleAreItsItemsThenItsLeadRules() {
        let when = { (text: String) in
            ConditionSource(scalar: YAMLScalar(value: text, style: .plain, span: Fixtures.span()))
        }
        let limit = Located(TimeLimit(1, .workdays), at: Fixtures.span())
        let item = { (id: String, condition: String?) in
            Item(
                id: Located(id, at: Fixtures.span()), name: id, department: Located("d", at: Fixtures.span()),
                kind: .permit, promised: limit, when: condition.map(when))
        }
        let bundle = ServiceBundle(
            id: Located("b", at: Fixtures.span()), title: "b", version: "1",
            effective: CalendarDate("2025-01-01")!,
            category: .business,
            lead: .rules([
                LeadRule(when: when("has_alcohol"), department: Located("x", at: Fixtures.span())),
                LeadRule(when: nil, department: Located("y", at: Fixtures.span())),
            ]),
            promise: limit, form: Fixtures.form,
            items: [item("a", "seats > 1"), item("b", nil), item("c", "floors > 2")],
            span: Fixtures.span())
        #expect(OwnedCondition.all(in: bundle).map(\.owner) == [.item("a"), .item("c"), .leadRule(0)])
    }
}

@Suite("Form checks (OT406, OT408)")
struct FormCheckTests {
    func checker(_ fields: [FormField]) -> ConditionChecker {
        ConditionChecker(form: Form(fields: fields), file: SourceFile(path: Fixtures.path, text: ""))
    }

    @Test func aFieldNothingReadsIsAnUnusedFieldWarning() {
        let found = checker([
            Fixtures.field("a", .bool, line: 5), Fixtures.field("b", .bool), Fixtures.field("c", .bool),
        ])
        .unusedFieldDiagnostics(read: ["b"], alsoUsed: ["c"])
        #expect(found.map(\.code) == [.unusedField])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.span.start == OneThingSource.SourceLocation(line: 5, column: 3))
    }

    @Test func anEnumWithoutValuesIsABadField() {
        let found = checker([Fixtures.field("kind", .enum)]).declarationDiagnostics()
        #expect(found.map(\.code) == [.badField])
    }

    @Test func anEnumValueListedTwiceIsABadFieldAtTheSecond() {
        let found = checker([Fixtures.field("kind", .enum, values: ["a", "b", "a"], line: 7)])
            .declarationDiagnostics()
        #expect(found.map(\.code) == [.badField])
        #expect(found.first?.span.start == OneThingSource.SourceLocation(line: 10, column: 7))
        #expect(found.first?.notes.map(\.span.start) == [OneThingSource.SourceLocation(line: 8, column: 7)])
    }

    @Test func aMinimumAboveTheMaximumIsABadField() {
        let found = checker([Fixtures.field("n", .integer, min: .number(10), max: .number(1))])
            .declarationDiagnostics()
        #expect(found.map(\.code) == [.badField])
        #expect(found.first?.message.en == "'n' has min 10 above max 1: no answer fits")
    }

    @Test func boundsOfTheWrongKindAreABadField() {
        let date = FieldBound.date(CalendarDate("2025-01-01")!)
        #expect(
            checker([Fixtures.field("n", .number, min: date)]).declarationDiagnostics().map(\.code) == [
                .badField
            ])
        #expect(
            checker([Fixtures.field("d", .date, max: .number(3))]).declarationDiagnostics().map(\.code) == [
                .badField
            ])
        #expect(
            checker([Fixtures.field("t", .text, max: .number(3))]).declarationDiagnostics().map(\.code) == [
                .badField
            ])
    }

    @Test func aFieldNamedLikeAKeywordIsABadField() {
        #expect(checker([Fixtures.field("In", .bool)]).declarationDiagnostics().map(\.code) == [.badField])
    }

    @Test func aWellDeclaredFormHasNoFindings() {
        #expect(checker(Fixtures.form.fields).declarationDiagnostics().isEmpty)
    }
}
