import Foundation
import OneThing
import Testing

struct JSONDiagnosticRendererTests {
    @Test(arguments: Language.allCases)
    func rendersTheSampleReportAsTheGoldenFileSays(language: Language) throws {
        let json = SampleReport.rendered(by: JSONDiagnosticRenderer(language: language))
        try GoldenFile.expect(json, matches: "json-\(language.rawValue).json")
    }

    @Test func givesCountsAndEveryFieldOfAFinding() throws {
        let document = try parse(SampleReport.rendered(by: JSONDiagnosticRenderer(language: .en)))
        #expect(document["errors"] as? Int == 6)
        #expect(document["warnings"] as? Int == 1)
        #expect(document["files"] as? Int == 3)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 7)
        let department = diagnostics[2]
        #expect(department["file"] as? String == "bundles/open-restaurant.yaml")
        #expect(department["line"] as? Int == 9)
        #expect(department["column"] as? Int == 17)
        #expect(department["endLine"] as? Int == 9)
        #expect(department["endColumn"] as? Int == 22)
        #expect(department["code"] as? String == "OT301")
        #expect(department["severity"] as? String == "error")
        #expect(department["message"] as? String == "unknown department '市场监管局'")
        let notes = try #require(department["notes"] as? [[String: Any]])
        #expect(notes.count == 1)
        #expect(notes[0]["file"] as? String == "bundles/catalogue/departments.yaml")
        #expect(notes[0]["line"] as? Int == 2)
        #expect(notes[0]["column"] as? Int == 3)
        #expect(notes[0]["message"] as? String == "市场监督管理局 is declared here")
    }

    @Test func writesNullForAMissingHint() throws {
        let document = try parse(
            JSONDiagnosticRenderer(language: .en).render(
                [SampleReport.promiseTooLong], fileCount: 1, sources: { _ in nil }))
        let diagnostic = try #require((document["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic.keys.contains("hint"))
        #expect(diagnostic["hint"] is NSNull)
    }

    @Test func rendersAnEmptyRunAsAnEmptyList() throws {
        let json = JSONDiagnosticRenderer(language: .zh).render([], fileCount: 0) { _ in nil }
        let document = try parse(json)
        #expect((document["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(document["errors"] as? Int == 0)
        #expect(json.hasSuffix("}\n"))
    }

    private func parse(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }
}
