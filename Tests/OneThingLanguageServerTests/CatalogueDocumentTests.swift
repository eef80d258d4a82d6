import Foundation
import OneThing
import OneThingLanguageServer
import Testing

/// Catalogue files in the editor: their own findings, and the bundles open beside them
/// checked against the catalogue as the editor has it, not as it is on disk.
struct CatalogueDocumentTests {
    @Test("renaming a department in the open departments file is found in the open bundle that names it")
    func editedCatalogueReachesTheBundle() throws {
        let (bundlePath, bundleText) = try ScriptedClient.bundle("open-restaurant")
        let departmentsPath = ScriptedClient.root.appendingPathComponent("bundles/catalogue/departments.yaml")
            .path
        let departments = try String(contentsOfFile: departmentsPath, encoding: .utf8)
        var client = ScriptedClient(locale: "en")
        #expect(client.open(bundlePath, text: bundleText).isEmpty)
        #expect(client.open(departmentsPath, text: departments).isEmpty)

        let renamed = departments.replacingOccurrences(
            of: "  market-regulation:\n", with: "  market-regulator:\n")
        let out = client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(ScriptedClient.uri(departmentsPath)), "version": 2],
                "contentChanges": [["text": .string(renamed)]],
            ])
        let bundleFindings = ScriptedClient.findings(for: ScriptedClient.uri(bundlePath), in: out)
        #expect(!bundleFindings.isEmpty)
        #expect(bundleFindings.allSatisfy { $0["code"] == "OT301" })
        #expect(
            bundleFindings.first?["message"]?.string?.contains("unknown department 'market-regulation'")
                == true)

        // Closed without saving: the bundle is checked against the file on disk again.
        let closed = client.notify(
            "textDocument/didClose", ["textDocument": ["uri": .string(ScriptedClient.uri(departmentsPath))]])
        #expect(ScriptedClient.findings(for: ScriptedClient.uri(bundlePath), in: closed).isEmpty)

        // A file changed on disk: every open document is checked again.
        let watched = client.notify("workspace/didChangeWatchedFiles", ["changes": []])
        #expect(watched.count == 1)
        #expect(ScriptedClient.findings(for: ScriptedClient.uri(bundlePath), in: watched).isEmpty)
    }

    @Test("a department written twice in the open departments file is found there, in Chinese")
    func catalogueFindings() throws {
        let departmentsPath = ScriptedClient.root.appendingPathComponent("bundles/catalogue/departments.yaml")
            .path
        let departments = try String(contentsOfFile: departmentsPath, encoding: .utf8)
        let doubled = departments.replacingOccurrences(of: "  fire-rescue:\n", with: "  market-regulation:\n")
        var client = ScriptedClient(locale: "zh-CN")
        let findings = client.open(departmentsPath, text: doubled)
        let lines = doubled.components(separatedBy: "\n").enumerated().filter {
            $0.element == "  market-regulation:"
        }
        let second = try #require(lines.last?.offset)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding["code"] == "OT102")
        #expect(finding["range"] == range(second, 2, second, 19))
        #expect(finding["message"]?.string?.hasPrefix("键“market-regulation”在同一层中出现了两次（第一次在第 11 行）") == true)
    }
}
