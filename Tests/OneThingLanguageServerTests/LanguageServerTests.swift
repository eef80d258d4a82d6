import Foundation
import OneThing
import OneThingLanguageServer
import Testing

/// The server as an editor uses it, on the real bundles: findings as you type, in
/// the editor's language, with their ranges in UTF-16; hover, completion, definitions
/// and quick fixes.
struct LanguageServerTests {
    /// The real restaurant bundle with its first item's `department:` misspelt.
    static func misspelt() throws -> (path: String, text: String, line: Int) {
        let (path, text) = try ScriptedClient.bundle("open-restaurant")
        let line = try #require(ScriptedClient.position(of: "    department:", in: text)).line
        let first = try #require(text.range(of: "    department:"))
        return (path, text.replacingCharacters(in: first, with: "    departmnt:"), line)
    }

    @Test("a real bundle opens clean, and an edit that misspells a key is found with its range, in English")
    func misspeltKeyInEnglish() throws {
        let (path, text) = try ScriptedClient.bundle("open-restaurant")
        var client = ScriptedClient(locale: "en-GB")
        #expect(client.open(path, text: text).isEmpty)
        let (_, edited, line) = try Self.misspelt()
        let out = client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(ScriptedClient.uri(path)), "version": 2],
                "contentChanges": [["text": .string(edited)]],
            ])
        let findings = ScriptedClient.findings(for: ScriptedClient.uri(path), in: out)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding["code"] == "OT201")
        #expect(finding["severity"] == 1)
        #expect(finding["range"] == range(line, 4, line, 13))
        #expect(
            finding["message"]?.string
                == "unknown key 'departmnt' in a joint inspection; it was read as 'department'\nhint: write 'department'"
        )
        #expect(out.last?["params"]?["version"] == 2)
    }

    @Test("the same finding in Chinese when the editor's locale is Chinese")
    func misspeltKeyInChinese() throws {
        let (path, edited, line) = try Self.misspelt()
        var client = ScriptedClient(locale: "zh-CN")
        let finding = try #require(client.open(path, text: edited).first)
        #expect(finding["range"] == range(line, 4, line, 13))
        #expect(finding["message"]?.string == "联合勘验中有未知的键“departmnt”，已按“department”读取\n提示: 请改为“department”")
    }

    @Test("an unknown department is checked against the catalogue beside the bundle, as validate does")
    func unknownDepartmentFromTheCatalogue() throws {
        let (path, text) = try ScriptedClient.bundle("open-restaurant")
        let at = try #require(ScriptedClient.position(of: "market-regulation", in: text))
        let edited = text.replacingOccurrences(of: "market-regulation", with: "market-regulaton")
        var client = ScriptedClient(locale: "en")
        let findings = client.open(path, text: edited)
        let first = try #require(findings.first { $0["code"] == "OT301" })
        #expect(first["range"] == range(at.line, at.character, at.line, at.character + 16))
        #expect(first["message"]?.string?.hasSuffix("hint: did you mean 'market-regulation'?") == true)
    }

    @Test("ranges count UTF-16 code units: Chinese text is one unit a character, an astral character two")
    func utf16Ranges() throws {
        let (path, text) = try ScriptedClient.bundle("open-restaurant")
        let title = try #require(ScriptedClient.position(of: "title:", in: text)).line
        var lines = text.components(separatedBy: "\n")
        lines.insert("𠀀说明：x", at: title + 1)
        var client = ScriptedClient(locale: "en")
        let findings = client.open(path, text: lines.joined(separator: "\n"))
        let finding = try #require(findings.first)
        #expect(finding["code"] == "OT101")
        // 𠀀 is two UTF-16 units and 说明 two: the full-width colon is at 4, its end at 5.
        #expect(finding["range"] == range(title + 1, 4, title + 1, 5))
        let actions = client.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": .string(ScriptedClient.uri(path))],
                "range": range(title + 1, 4, title + 1, 4),
                "context": ["diagnostics": []],
            ])
        let edit = try #require(
            actions.array?.first?["edit"]?["changes"]?[ScriptedClient.uri(path)]?.array?.first)
        #expect(edit == ["range": range(title + 1, 4, title + 1, 5), "newText": ": "])
    }

    @Test("positions map both ways between scalar columns and UTF-16 offsets")
    func positionMapping() {
        let source = SourceFile(path: "x.yaml", text: "a: 1\n名称😀中: x\n")
        #expect(
            source.lspPosition(of: SourceLocation(line: 2, column: 4)) == LSPPosition(line: 1, character: 4))
        #expect(
            source.lspPosition(of: SourceLocation(line: 2, column: 5)) == LSPPosition(line: 1, character: 5))
        #expect(source.location(of: LSPPosition(line: 1, character: 5)) == SourceLocation(line: 2, column: 5))
        // Inside the surrogate pair: the next scalar.
        #expect(source.location(of: LSPPosition(line: 1, character: 3)) == SourceLocation(line: 2, column: 4))
        #expect(source.location(of: LSPPosition(line: 9, character: 99)).line == 3)
    }

    @Test("a quick fix writes the did-you-mean key in place of the misspelt one")
    func quickFixFromDidYouMean() throws {
        let (path, edited, line) = try Self.misspelt()
        var client = ScriptedClient(locale: "zh")
        _ = client.open(path, text: edited)
        let actions = client.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": .string(ScriptedClient.uri(path))], "range": range(line, 6, line, 6),
                "context": ["diagnostics": []],
            ])
        let action = try #require(actions.array?.first)
        #expect(action["title"] == "请改为“department”")
        #expect(action["kind"] == "quickfix")
        #expect(
            action["edit"]?["changes"]?[ScriptedClient.uri(path)]
                == [["range": range(line, 4, line, 13), "newText": "department"]])
    }

    @Test("hover names a department in Chinese and English, an item with its legal basis, and a code")
    func hover() throws {
        let (path, text) = try ScriptedClient.bundle("open-restaurant")
        var client = ScriptedClient(locale: "zh-CN")
        _ = client.open(path, text: text)
        let department = try #require(ScriptedClient.position(of: "market-regulation", in: text))
        let shown = client.request(
            "textDocument/hover",
            ScriptedClient.at(path, line: department.line, character: department.character + 3))
        let value = try #require(shown["contents"]?["value"]?.string)
        #expect(value.contains("**部门** `market-regulation`: 市场监督管理局"))
        #expect(value.contains("Administration for Market Regulation"))
        #expect(value.contains("catalogue/departments.yaml"))

        let bundle = try #require(client.server.bundle(uri: ScriptedClient.uri(path)))
        let item = try #require(bundle.items.first { !$0.basis.isEmpty })
        let itemShown = client.request(
            "textDocument/hover",
            ScriptedClient.at(path, line: item.id.span.start.line - 1, character: item.id.span.start.column))
        let itemText = try #require(itemShown["contents"]?["value"]?.string)
        #expect(itemText.contains("**事项** `\(item.id.value)`: \(item.name)"))
        #expect(itemText.contains("依据：\(item.basis[0].law)"))

        var english = ScriptedClient(locale: "en")
        _ = english.open(path, text: text + "\n# see OT302\n")
        let lines = text.components(separatedBy: "\n").count
        let code = english.request("textDocument/hover", ScriptedClient.at(path, line: lines, character: 8))
        #expect(
            code["contents"]?["value"]?.string
                == "**OT302**: \(try #require(DiagnosticCode("OT302").entry).summary.en)")
    }

    @Test(
        "completion offers the keys of an item, department ids and form fields in conditions, with Chinese names"
    )
    func completion() throws {
        let (path, text) = try ScriptedClient.bundle("open-restaurant")
        var client = ScriptedClient(locale: "zh")
        _ = client.open(path, text: text)
        let department = try #require(
            ScriptedClient.position(of: "    department: ", in: text, after: "items:"))
        let values = client.request(
            "textDocument/completion",
            ScriptedClient.at(path, line: department.line, character: department.character + 16))
        let items = try #require(values["items"]?.array)
        #expect(items.contains { $0["label"] == "market-regulation" && $0["detail"] == "市场监督管理局" })

        let keys = client.request(
            "textDocument/completion", ScriptedClient.at(path, line: department.line, character: 4))
        let labels = Set((keys["items"]?.array ?? []).compactMap { $0["label"]?.string })
        #expect(labels == Set(BundleDecoder.itemKeys))

        let when = try #require(ScriptedClient.position(of: "when: ", in: text, after: "items:"))
        let fields = client.request(
            "textDocument/completion", ScriptedClient.at(path, line: when.line, character: when.character + 6)
        )
        let bundle = try #require(client.server.bundle(uri: ScriptedClient.uri(path)))
        let fieldItems = fields["items"]?.array ?? []
        #expect(fieldItems.count == bundle.form.fields.count)
        let field = bundle.form.fields[0]
        #expect(
            fieldItems.contains { $0["label"]?.string == field.id && $0["detail"]?.string == field.label })
    }

    @Test(
        "go to definition leads from a needed material to its declaration, and from a department to the catalogue"
    )
    func definition() throws {
        let (path, text) = try ScriptedClient.bundle("open-restaurant")
        var client = ScriptedClient(locale: "en")
        _ = client.open(path, text: text)
        let bundle = try #require(client.server.bundle(uri: ScriptedClient.uri(path)))
        let need = try #require(
            bundle.items.flatMap(\.neededIDs).first { id in
                bundle.materials.contains { $0.id.value == id.value }
            })
        let declared = try #require(bundle.materials.first { $0.id.value == need.value })
        let found = client.request(
            "textDocument/definition",
            ScriptedClient.at(path, line: need.span.start.line - 1, character: need.span.start.column))
        let source = SourceFile(path: path, text: text)
        #expect(
            found == [
                [
                    "uri": .string(ScriptedClient.uri(path)),
                    "range": range(
                        declared.id.span.start.line - 1,
                        source.lspPosition(of: declared.id.span.start).character,
                        declared.id.span.end.line - 1, source.lspPosition(of: declared.id.span.end).character),
                ]
            ])

        let department = try #require(ScriptedClient.position(of: "market-regulation", in: text))
        let catalogue = client.request(
            "textDocument/definition",
            ScriptedClient.at(path, line: department.line, character: department.character))
        #expect(
            catalogue.array?.first?["uri"]?.string?.hasSuffix("bundles/catalogue/departments.yaml") == true)
    }

    @Test(
        "a party named in a need's from: leads to its declaration; a party's keys are offered under parties:")
    func parties() throws {
        let (path, text) = try ScriptedClient.bundle("home-transfer")
        var client = ScriptedClient(locale: "zh")
        _ = client.open(path, text: text)
        let bundle = try #require(client.server.bundle(uri: ScriptedClient.uri(path)))
        let bank = try #require(bundle.party("bank"))
        let named = try #require(
            ScriptedClient.position(of: "from: [bank]", in: text, after: "mortgage-registration:"))
        let found = client.request(
            "textDocument/definition",
            ScriptedClient.at(path, line: named.line, character: named.character + "from: [".count))
        // The catalogue has a department `bank` too: both are offered.
        #expect(
            found.array?.contains {
                $0["uri"]?.string == ScriptedClient.uri(path)
                    && $0["range"]?["start"]?["line"] == .integer(bank.id.span.start.line - 1)
            } == true)

        let kind = try #require(ScriptedClient.position(of: "    kind: bank", in: text, after: "parties:"))
        let keys = client.request(
            "textDocument/completion", ScriptedClient.at(path, line: kind.line, character: 4))
        let labels = Set((keys["items"]?.array ?? []).compactMap { $0["label"]?.string })
        #expect(labels == Set(BundleDecoder.partyKeys))
    }

    @Test("requests before initialize, unknown methods and a body that is not JSON are answered with errors")
    func protocolErrors() {
        var server = LanguageServer()
        let early = server.handle(["jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": [:]])
        #expect(early.first?["error"]?["code"] == -32002)
        _ = server.handle(["jsonrpc": "2.0", "id": 2, "method": "initialize", "params": [:]])
        let unknown = server.handle([
            "jsonrpc": "2.0", "id": 3, "method": "workspace/frobnicate", "params": [:],
        ])
        #expect(unknown.first?["error"]?["code"] == -32601)
        let broken = server.handle(body: Array("{\"jsonrpc\": \"2.0\", \"id\": 4,".utf8))
        #expect(broken.first?["error"]?["code"] == -32700)
        #expect(broken.first?["id"] == .null)
        _ = server.handle(["jsonrpc": "2.0", "id": 5, "method": "shutdown"])
        _ = server.handle(["jsonrpc": "2.0", "method": "exit"])
        #expect(server.phase == .exited(code: 0))
    }

    @Test("an incremental change replaces the range it names, in UTF-16 positions")
    func incrementalChange() throws {
        let (path, text) = try ScriptedClient.bundle("open-restaurant")
        let at = try #require(ScriptedClient.position(of: "    department:", in: text))
        var client = ScriptedClient(locale: "en")
        _ = client.open(path, text: text)
        let out = client.notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(ScriptedClient.uri(path)), "version": 2],
                "contentChanges": [["range": range(at.line, 10, at.line, 11), "text": ""]],
            ])
        let findings = ScriptedClient.findings(for: ScriptedClient.uri(path), in: out)
        #expect(findings.first?["range"] == range(at.line, 4, at.line, 13))
    }
}
