import OneThingSource
import Testing

@testable import OneThingConditions

@Suite("Syntax errors (OT401)")
struct SyntaxErrorTests {
    /// The only issue of parsing `text`.
    func issue(_ text: String) throws -> ConditionIssue {
        let (expression, issues) = Fixtures.parse(text)
        #expect(expression == nil)
        #expect(issues.count == 1)
        return try #require(issues.first)
    }

    @Test func aLoneEqualsSignPointsAtItAndSuggestsDoubleEquals() throws {
        let issue = try issue("kind = \"shop\"")
        #expect(issue.code == .conditionSyntax)
        #expect(issue.range == 5..<6)
        #expect(issue.hint?.en.contains("'=='") == true)
        #expect(issue.hint?.zh.contains("“==”") == true)
    }

    @Test func capitalKeywordsSuggestSmallLetters() throws {
        let issue = try issue("a AND b")
        #expect(issue.range == 2..<5)
        #expect(issue.hint?.en == "write 'and'")
    }

    @Test func capitalBoolLiteralsSuggestSmallLetters() throws {
        #expect(try issue("flag == True").hint?.en == "write 'true'")
    }

    @Test func operatorsFromOtherLanguagesSuggestOurs() throws {
        #expect(try issue("a <> 1").hint?.en == "write '!='")
        #expect(try issue("a => 1").hint?.en == "write '>='")
        #expect(try issue("a & b").hint?.en == "write 'and'")
    }

    @Test func fullWidthPunctuationSuggestsHalfWidth() throws {
        let issue = try issue("（a）")
        #expect(issue.range == 0..<1)
        #expect(issue.hint?.en.contains("'('") == true)
        #expect(try self.issue("a ≥ 1").hint?.en.contains("'>='") == true)
    }

    @Test func anUnclosedParenthesisNotesWhereItWasOpened() throws {
        let issue = try issue("a and (b or c")
        #expect(issue.range == 13..<13)
        #expect(issue.notes.map(\.range) == [6..<7])
        #expect(issue.hint?.en == "add ')' to close the '(' before 'b or c'")
    }

    @Test func anUnmatchedClosingParenthesisPointsAtIt() throws {
        let issue = try issue("a and b)")
        #expect(issue.range == 7..<8)
        #expect(issue.message.en == "this ')' has no matching '('")
    }

    @Test func aMissingOperandAtTheEndSaysWhatItFollows() throws {
        let issue = try issue("a >")
        #expect(issue.range == 3..<3)
        #expect(issue.message.en == "the condition ends after '>'; a value or field is missing")
    }

    @Test func twoConditionsWithoutAndOrAreReported() throws {
        let issue = try issue("a == 1 b == 2")
        #expect(issue.range == 7..<8)
        #expect(issue.message.en.contains("without 'and' or 'or'"))
    }

    @Test func chainedComparisonsSuggestAnd() throws {
        let issue = try issue("1 < x < 9")
        #expect(issue.range == 6..<7)
        #expect(issue.hint?.en.contains("x > 1 and x < 9") == true)
    }

    @Test func anUnterminatedStringPointsAtItsOpeningQuote() throws {
        let issue = try issue("kind == “医院外")
        #expect(issue.range == 8..<9)
        #expect(issue.hint?.en == "end it with ”")
    }

    @Test func aListNeedsSquareBrackets() throws {
        let issue = try issue("kind in (\"a\")")
        #expect(issue.range == 8..<9)
        #expect(issue.hint?.en == "use square brackets [ ] for the list")
    }

    @Test func bareWordsInAListMustBeQuoted() throws {
        let issue = try issue("kind in [shop, outside-hospital]")
        #expect(issue.range == 9..<13)
        #expect(issue.hint?.en == "write \"shop\"")
    }

    @Test func anUnclosedListNotesWhereItStarted() throws {
        let issue = try issue("kind in [\"a\", \"b\"")
        #expect(issue.notes.map(\.range) == [8..<9])
    }

    @Test func aNumberFollowedByLettersIsNeitherNumberNorName() throws {
        let issue = try issue("x > 12abc")
        #expect(issue.range == 4..<9)
    }

    @Test func aDotMustBeFollowedByAName() throws {
        #expect(try issue("venue. == 1").range == 5..<6)
        #expect(try issue("venue.2nd == 1").range == 5..<6)
    }

    @Test func anEmptyConditionIsAnError() throws {
        #expect(try issue("   ").message.en == "the condition is empty")
    }

    @Test func emptyParenthesesAreAnError() throws {
        #expect(try issue("a and ()").range == 7..<8)
    }

    @Test func notAfterAValueSuggestsAndNot() throws {
        #expect(try issue("a not b").hint?.en.contains("'and not …'") == true)
    }

    @Test func everySyntaxMessageHasAChineseVersion() throws {
        for text in ["a = 1", "a AND b", "(a", "a)", "a >", "a b", "1 < x < 2", "k in [x]", "“a", "（a）"] {
            let issue = try issue(text)
            #expect(!issue.message.zh.isEmpty && issue.message.zh != issue.message.en, "\(text)")
            #expect(issue.hint.map { !$0.zh.isEmpty } ?? true, "\(text)")
        }
    }
}

@Suite("Limits (OT407)")
struct ConditionLimitTests {
    @Test func aConditionLongerThanTheLimitIsTooComplexFromTheFirstCharacterBeyond() {
        let text = String(repeating: "a and ", count: 700) + "a"
        let (expression, issues) = Fixtures.parse(text)
        #expect(expression == nil)
        #expect(issues.map(\.code) == [.conditionTooComplex])
        #expect(issues.first?.range == 4096..<text.unicodeScalars.count)
    }

    @Test func tenThousandNestedParenthesesAreTooComplexWithoutACrash() {
        let text = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        let (expression, issues) = Fixtures.parse(text)
        #expect(expression == nil)
        #expect(issues.map(\.code) == [.conditionTooComplex])
    }

    @Test func tenThousandNestedParenthesesStopAtTheDepthLimitWhenLengthIsNoLimit() {
        let text = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        let (expression, issues) = Fixtures.parse(
            text, limits: ConditionLimits(maxLength: 100_000, maxDepth: 64))
        #expect(expression == nil)
        #expect(issues.map(\.code) == [.conditionTooComplex])
        #expect(issues.first?.range == 64..<65)
    }

    @Test func sixtyFourLevelsAreAllowed() {
        let text = String(repeating: "(", count: 64) + "a" + String(repeating: ")", count: 64)
        let (expression, issues) = Fixtures.parse(text)
        #expect(issues.isEmpty)
        #expect(expression?.description == "a")
    }

    @Test func notAndUnaryMinusCountAsLevels() {
        let nots = String(repeating: "not ", count: 65) + "a"
        #expect(Fixtures.parse(nots).1.map(\.code) == [.conditionTooComplex])
        let minuses = "x > " + String(repeating: "- ", count: 65) + "1"
        #expect(Fixtures.parse(minuses).1.map(\.code) == [.conditionTooComplex])
    }

    @Test func longFlatChainsAreNotTooDeep() {
        let text = (0..<600).map { "x\($0) > 1" }.joined(separator: " and ")
        let (expression, issues) = Fixtures.parse(text, limits: ConditionLimits(maxLength: 100_000))
        #expect(issues.isEmpty)
        if case .and(let operands)? = expression?.kind {
            #expect(operands.count == 600)
        } else {
            Issue.record("no and")
        }
    }

    @Test func aLongArithmeticChainEvaluatesWithoutDeepRecursion() {
        let text =
            "venue.area_m2 + " + Array(repeating: "1", count: 2000).joined(separator: " + ") + " > 2000"
        var issues: [ConditionIssue] = []
        let parsed = ConditionParser(limits: ConditionLimits(maxLength: 100_000)).parse(text, issues: &issues)
        let checked = parsed.flatMap {
            ConditionTypeChecker(form: Fixtures.form).check($0, text: text, issues: &issues)
        }
        #expect(issues.isEmpty)
        #expect(checked?.evaluate(Fixtures.answers(["venue.area_m2": .number(1)])) == true)
    }
}
