import Foundation
import OneThing
import Testing

struct SARIFDiagnosticRendererTests {
    private let renderer = SARIFDiagnosticRenderer(language: .en, toolVersion: "1.2.3")

    @Test(arguments: Language.allCases)
    func rendersTheSampleReportAsTheGoldenFileSays(language: Language) throws {
        let log = SampleReport.rendered(
            by: SARIFDiagnosticRenderer(language: language, toolVersion: "0.0.0-test"))
        try GoldenFile.expect(log, matches: "sarif-\(language.rawValue).sarif")
    }

    /// The properties that SARIF 2.1.0 requires and that GitHub code scanning reads.
    @Test func hasTheStructureCodeScanningNeeds() throws {
        let log = try parse(SampleReport.rendered(by: renderer))
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = runs[0]
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "onething")
        #expect(driver["version"] as? String == "1.2.3")

        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(ruleIDs == ["OT102", "OT106", "OT202", "OT301", "OT401", "OT406", "OT501"])
        for rule in rules {
            let description = (rule["shortDescription"] as? [String: Any])?["text"] as? String
            #expect(description?.isEmpty == false)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(["error", "warning", "note"].contains(level))
        }

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 7)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            let ruleIndex = try #require(result["ruleIndex"] as? Int)
            #expect(ruleIDs[ruleIndex] == ruleID)
            #expect(["error", "warning", "note", "none"].contains(result["level"] as? String))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let locations = try #require(result["locations"] as? [[String: Any]])
            #expect(locations.count == 1)
            try expectValidPhysicalLocation(locations[0])
            for related in result["relatedLocations"] as? [[String: Any]] ?? [] {
                #expect(related["id"] is Int)
                #expect(((related["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
                try expectValidPhysicalLocation(related)
            }
        }
    }

    @Test func givesTheSpanAsRegionAndNotesAsRelatedLocations() throws {
        let log = try parse(renderer.render([SampleReport.unknownDepartment], fileCount: 1) { _ in nil })
        let result = try #require(
            ((log["runs"] as? [[String: Any]])?[0]["results"] as? [[String: Any]])?.first)
        #expect(result["ruleId"] as? String == "OT301")
        #expect(result["level"] as? String == "error")
        #expect(
            (result["message"] as? [String: Any])?["text"] as? String
                == "unknown department '市场监管局'\nhint: name a department by its id: 'market-regulation'")
        let location = try #require((result["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "bundles/open-restaurant.yaml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(physical["region"] as? [String: Int])
        #expect(region == ["startLine": 9, "startColumn": 17, "endLine": 9, "endColumn": 22])
        let related = try #require((result["relatedLocations"] as? [[String: Any]])?.first)
        let relatedArtifact =
            (related["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
        #expect(relatedArtifact?["uri"] as? String == "bundles/catalogue/departments.yaml")
    }

    @Test func percentEncodesPathsAndKeepsAbsoluteOnesAbsolute() throws {
        func artifact(_ path: String) throws -> [String: Any] {
            var diagnostic = SampleReport.conditionTypo
            diagnostic.span.file = path
            let log = try parse(renderer.render([diagnostic], fileCount: 1) { _ in nil })
            let result = try #require(
                ((log["runs"] as? [[String: Any]])?[0]["results"] as? [[String: Any]])?.first)
            let location = try #require((result["locations"] as? [[String: Any]])?.first)
            return try #require(
                (location["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])
        }
        #expect(
            try artifact("./bundles/开餐馆 1.yaml")["uri"] as? String
                == "bundles/%E5%BC%80%E9%A4%90%E9%A6%86%201.yaml")
        let absolute = try artifact("/srv/bundles/a.yaml")
        #expect(absolute["uri"] as? String == "file:///srv/bundles/a.yaml")
        #expect(absolute["uriBaseId"] == nil)
    }

    @Test func namesTheToolsPagesWhenGiven() throws {
        let renderer = SARIFDiagnosticRenderer(
            language: .en, toolVersion: "1.0.0", informationURI: "https://example.org/onething",
            helpURI: { "https://example.org/onething/codes/\($0.rawValue)" })
        let log = try parse(renderer.render([SampleReport.conditionTypo], fileCount: 1) { _ in nil })
        let driver = try #require(
            ((log["runs"] as? [[String: Any]])?[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["informationUri"] as? String == "https://example.org/onething")
        let rule = try #require((driver["rules"] as? [[String: Any]])?.first)
        #expect(rule["helpUri"] as? String == "https://example.org/onething/codes/OT401")
    }

    @Test func rendersAnEmptyRunWithNoResults() throws {
        let log = try parse(renderer.render([], fileCount: 0) { _ in nil })
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.isEmpty == true)
    }

    private func expectValidPhysicalLocation(_ location: [String: Any]) throws {
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        let uri = try #require(artifact["uri"] as? String)
        #expect(!uri.hasPrefix("/") && !uri.hasPrefix("./"))
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(physical["region"] as? [String: Int])
        let startLine = try #require(region["startLine"])
        let startColumn = try #require(region["startColumn"])
        let endLine = try #require(region["endLine"])
        let endColumn = try #require(region["endColumn"])
        #expect(startLine >= 1 && startColumn >= 1)
        #expect(endLine > startLine || (endLine == startLine && endColumn >= startColumn))
    }

    private func parse(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }
}
