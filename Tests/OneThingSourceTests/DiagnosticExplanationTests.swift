import OneThingSource
import Testing

/// `onething explain` has, for every code, what its rule protects, a wrong and a right
/// example and the fix, in both languages.
struct DiagnosticExplanationTests {
    @Test(arguments: DiagnosticCode.catalogue.map(\.code))
    func everyCodeIsExplainedInBothLanguages(_ code: DiagnosticCode) throws {
        let explanation = try #require(code.explanation, "\(code) has no explanation")
        for text in [explanation.protects, explanation.wrong, explanation.right, explanation.fix] {
            #expect(!text.en.isEmpty && !text.zh.isEmpty, "\(code): a text is empty")
        }
        #expect(
            explanation.wrong != explanation.right, "\(code): the wrong and the right example are the same")
        #expect(
            explanation.protects.zh.unicodeScalars.contains { $0.properties.isIdeographic },
            "\(code): the Chinese text is not Chinese")
        #expect(
            explanation.fix.zh.unicodeScalars.contains { $0.properties.isIdeographic },
            "\(code): the Chinese fix is not Chinese")
    }

    @Test func explanationsFollowTheCatalogueOneEach() {
        #expect(DiagnosticCode.explanations.map(\.code) == DiagnosticCode.catalogue.map(\.code))
    }
}
