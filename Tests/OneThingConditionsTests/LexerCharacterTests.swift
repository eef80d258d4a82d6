import Testing

@testable import OneThingConditions

@Suite("Character classes of the lexer")
struct LexerCharacterTests {
    static let ascii = (0..<128).compactMap { Unicode.Scalar($0) }

    func isLetter(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    func isMarkOrNumber(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    @Test func theASCIIShortcutsAgreeWithUnicodeProperties() {
        for s in Self.ascii {
            #expect(ConditionLexer.isWhitespace(s) == s.properties.isWhitespace, "\(s.value)")
            #expect(ConditionLexer.isIdentifierStart(s) == (isLetter(s) || s == "_"), "\(s.value)")
            #expect(
                ConditionLexer.isIdentifierContinue(s) == (isLetter(s) || isMarkOrNumber(s) || s == "_"),
                "\(s.value)")
        }
    }

    @Test func otherScalarsStillUseTheirProperties() {
        #expect(ConditionLexer.isWhitespace("\u{3000}"))
        #expect(ConditionLexer.isWhitespace("\u{A0}"))
        #expect(ConditionLexer.isIdentifierStart("逝"))
        #expect(ConditionLexer.isIdentifierContinue("²"))
        #expect(!ConditionLexer.isIdentifierStart("（"))
    }

    @Test func textIsRebuiltFromScalars() {
        let text = "逝者.死亡地点 == \"医院外\" and 𠀋 > 1"
        let scalars = [Unicode.Scalar](scalarsOf: text)
        #expect(scalars == Array(text.unicodeScalars))
        #expect(String(scalars: scalars[...]) == text)
        #expect(String(scalars: scalars[3..<7]) == "死亡地点")
    }
}
