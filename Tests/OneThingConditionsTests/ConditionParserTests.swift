import Testing

@testable import OneThingConditions

@Suite("Parsing and precedence")
struct ConditionParserTests {
    @Test func andBindsTighterThanOr() {
        #expect(Fixtures.grouping("a or b and c") == "(or a (and b c))")
    }

    @Test func notBindsTighterThanAnd() {
        #expect(Fixtures.grouping("not a and b") == "(and (not a) b)")
    }

    @Test func comparisonBindsTighterThanNot() {
        #expect(Fixtures.grouping("not x > 5") == "(not (> x 5))")
    }

    @Test func multiplicationBindsTighterThanAddition() {
        #expect(Fixtures.grouping("a + b * c >= 10") == "(>= (a + (b * c)) 10)")
    }

    @Test func unaryMinusBindsTighterThanMultiplication() {
        #expect(Fixtures.grouping("-a * 2 < 3") == "(< ((- a) * 2) 3)")
    }

    @Test func parenthesesOverridePrecedence() {
        #expect(Fixtures.grouping("(a or b) and c") == "(and (or a b) c)")
    }

    @Test func chainsOfOneOperatorStayFlat() {
        #expect(Fixtures.grouping("a and b and c and d") == "(and a b c d)")
        #expect(Fixtures.grouping("a - b + c == 0") == "(== (a - b + c) 0)")
    }

    @Test func numberLiteralsAreWholeOrDecimal() {
        #expect(Fixtures.grouping("x == 12") == "(== x 12)")
        #expect(Fixtures.grouping("x == 12.5") == "(== x 12.5)")
    }

    @Test func negativeNumbersFoldIntoLiterals() {
        #expect(Fixtures.grouping("x > -3") == "(> x -3)")
    }

    @Test func textMayUseStraightOrChineseQuotes() {
        #expect(Fixtures.grouping(#"k == "a""#) == #"(== k "a")"#)
        #expect(Fixtures.grouping("k == 'a'") == #"(== k "a")"#)
        #expect(Fixtures.grouping("k == “医院外”") == #"(== k "医院外")"#)
        #expect(Fixtures.grouping("k == ‘医院’") == #"(== k "医院")"#)
    }

    @Test func boolLiterals() {
        #expect(Fixtures.grouping("flag == true or flag == false") == "(or (== flag true) (== flag false))")
    }

    @Test func fieldPathsAreDottedUnicodeIdentifiers() {
        #expect(Fixtures.grouping("venue.area_m2 >= 150") == "(>= venue.area_m2 150)")
        #expect(Fixtures.grouping("逝者.死亡地点 == \"医院外\"") == #"(== 逝者.死亡地点 "医院外")"#)
        #expect(Fixtures.grouping("_x.y2 == 1") == "(== _x.y2 1)")
        #expect(Fixtures.grouping("一楼面积 > 1") == "(> 一楼面积 1)")
    }

    @Test func symbolicOperatorsAreAliases() {
        #expect(Fixtures.grouping("!a && b || c") == "(or (and (not a) b) c)")
    }

    @Test func chineseKeywordsAreAliasesWhenSeparatedBySpaces() {
        #expect(Fixtures.grouping("非 甲 且 乙 或 丙") == "(or (and (not 甲) 乙) 丙)")
    }

    @Test func chineseKeywordsInsideNamesAreNotKeywords() {
        #expect(Fixtures.grouping("非营利 == true") == "(== 非营利 true)")
    }

    @Test func keywordsAfterADotArePartOfThePath() {
        #expect(Fixtures.grouping("venue.in == 1") == "(== venue.in 1)")
    }

    @Test func membershipInAList() {
        #expect(Fixtures.grouping(#"kind in ["a", "b"]"#) == #"(in kind ["a" "b"])"#)
        #expect(Fixtures.grouping("x not in [1, -2, 3.5,]") == "(not-in x [1 -2 3.5])")
        #expect(Fixtures.grouping("x in []") == "(in x [])")
    }

    @Test func everyNodeKnowsItsCharacters() throws {
        let (expression, _) = Fixtures.parse("  (a > 1) and b")
        let e = try #require(expression)
        #expect(e.range == 3..<15)
        guard case .and(let operands) = e.kind else {
            Issue.record("expected and")
            return
        }
        #expect(operands[0].range == 3..<8)
        #expect(operands[1].range == 14..<15)
    }

    @Test func rangesCountUnicodeScalarsNotBytes() throws {
        let (expression, _) = Fixtures.parse("逝者.死亡地点 == \"医院外\"")
        let e = try #require(expression)
        guard case .comparison(_, let lhs, let rhs) = e.kind else {
            Issue.record("expected a comparison")
            return
        }
        #expect(lhs.range == 0..<7)
        #expect(rhs.range == 11..<16)
    }

    @Test func whitespaceIncludesNewlinesAndIdeographicSpace() {
        #expect(Fixtures.grouping("a\n and\u{3000}b") == "(and a b)")
    }
}
