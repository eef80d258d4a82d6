import Foundation
import OneThing
import Testing

/// A finding whose hint is a mechanical edit carries it as a fix: the span it replaces
/// and the text to write, so that an editor's quick fix does what the hint says.
struct DiagnosticFixTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalogue = CatalogueLoader.load(folder: root.appendingPathComponent("bundles/catalogue").path)
        .catalogue

    /// The findings of the real restaurant bundle with `original` (its first
    /// occurrence) written as `edited`.
    static func findings(replacing original: String, with edited: String) throws -> [Diagnostic] {
        let path = root.appendingPathComponent("bundles/open-restaurant.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let first = try #require(text.range(of: original))
        let bytes = Array(text.replacingCharacters(in: first, with: edited).utf8)
        return Validator().validate(bytes: bytes, name: "open-restaurant.yaml", catalogue: catalogue)
            .diagnostics
    }

    @Test("a misspelt department id is fixed by the id the hint names, over exactly the id written")
    func misspeltDepartment() throws {
        let finding = try #require(
            try Self.findings(replacing: "market-regulation", with: "market-regulaton").first {
                $0.code == .unknownDepartment
            })
        #expect(finding.hint?.en == "did you mean 'market-regulation'?")
        #expect(finding.fixes == [DiagnosticFix(span: finding.span, replacement: "market-regulation")])
    }

    @Test("a quoted misspelt id keeps its quotes in the fix")
    func quoted() throws {
        let finding = try #require(
            try Self.findings(replacing: "market-regulation", with: "\"market-regulaton\"").first {
                $0.code == .unknownDepartment
            })
        #expect(finding.fixes.map(\.replacement) == ["\"market-regulation\""])
    }

    @Test("a department named by its Chinese name is fixed by its id")
    func nameForID() throws {
        let finding = try #require(
            try Self.findings(replacing: "department: market-regulation", with: "department: 市场监督管理局").first {
                $0.code == .unknownDepartment
            })
        #expect(finding.fixes.map(\.replacement) == ["market-regulation"])
    }

    @Test("a key far from every known one has no fix, only the list of keys")
    func noFixWithoutAMatch() throws {
        let finding = try #require(
            try Self.findings(replacing: "    department:", with: "    zzzzzzzzzzzz:").first {
                $0.code == .unknownKey
            })
        #expect(finding.fixes.isEmpty)
        #expect(finding.hint?.en.hasPrefix("known keys here:") == true)
    }
}

/// Fixes inside conditions: the exact characters of the field written, in the file.
struct ConditionFixTests {
    @Test("a misspelt form field in a condition is fixed by the field the hint names")
    func misspeltField() throws {
        let findings = try DiagnosticFixTests.findings(
            replacing: "when: not business.has_licence", with: "when: not business.has_licnece")
        let finding = try #require(findings.first { $0.code == .unknownField })
        #expect(finding.hint?.en == "did you mean 'business.has_licence'?")
        #expect(finding.fixes == [DiagnosticFix(span: finding.span, replacement: "business.has_licence")])
        #expect(finding.span.end.column - finding.span.start.column == "business.has_licnece".count)
    }
}
