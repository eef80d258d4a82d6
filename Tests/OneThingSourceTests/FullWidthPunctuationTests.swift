import OneThingSource
import Testing

/// Full-width punctuation is named at the character itself, with the half-width sign
/// as the fix.
struct FullWidthPunctuationTests {
    @Test func aFullWidthColonAfterAKeyIsFound() throws {
        let found = try #require(FullWidthPunctuation.inStructure(ofLine: "    department：tobacco"))
        #expect(found.character == "\u{FF1A}")
        #expect(found.offset == 14)
        #expect(found.replacement == ": ")
    }

    @Test func aFullWidthColonInsideAValueIsText() {
        #expect(FullWidthPunctuation.inStructure(ofLine: "    note: 地址：青岛市") == nil)
        #expect(FullWidthPunctuation.inStructure(ofLine: "    - {name: 国庆节、中秋节, from: 2025-10-01}") == nil)
    }

    @Test func aFullWidthSpaceInTheIndentationIsFound() throws {
        let found = try #require(FullWidthPunctuation.inStructure(ofLine: "  \u{3000}basis: 行政许可法"))
        #expect(found.character == "\u{3000}")
        #expect(found.offset == 2)
    }

    @Test func aFullWidthCommaInAFlowListIsFound() throws {
        let found = try #require(FullWidthPunctuation.inStructure(ofLine: "    needs: [id-card，floor-plan]"))
        #expect(found.character == "\u{FF0C}")
        #expect(found.offset == 19)
    }

    @Test func theFindingIsAtTheCharacterInBothLanguages() throws {
        let found = try #require(FullWidthPunctuation.first(in: "    department：tobacco"))
        #expect(found.offset == 14)
        let finding = found.diagnostic(
            code: DiagnosticCode.yamlSyntax, file: "a.yaml", at: SourceLocation(line: 28, column: 15))
        #expect(finding.span.start == SourceLocation(line: 28, column: 15))
        #expect(finding.message.en.contains("full-width colon '：'"))
        #expect(finding.message.zh.contains("全角冒号“：”"))
        #expect(finding.hint?.en.contains("': '") == true)
        #expect(finding.hint?.zh.contains("半角“: ”") == true)
    }
}
