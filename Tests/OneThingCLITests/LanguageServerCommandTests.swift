import Foundation
import Testing

/// `onething lsp` as an editor starts it: a scripted session over its standard input
/// and output, with a malformed frame in the middle.
struct LanguageServerCommandTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `message` framed as the protocol frames it.
    static func frame(_ message: [String: Any]) throws -> Data {
        let body = try JSONSerialization.data(withJSONObject: message)
        return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// The JSON messages in `data`, a stream of frames.
    static func messages(in data: Data) throws -> [[String: Any]] {
        var rest = data[...]
        var messages: [[String: Any]] = []
        while let end = rest.range(of: Data("\r\n\r\n".utf8)) {
            let header = String(decoding: rest[..<end.lowerBound], as: UTF8.self)
            let length = try #require(Int(header.replacingOccurrences(of: "Content-Length: ", with: "")))
            let body = rest[end.upperBound..<end.upperBound + length]
            messages.append(try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any]))
            rest = rest[(end.upperBound + length)...]
        }
        return messages
    }

    @Test(
        "a session in Chinese: findings for a misspelt key of a real bundle, a refused frame logged, exit 0")
    func session() throws {
        let path = Self.root.appendingPathComponent("bundles/open-restaurant.yaml").path
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let first = try #require(original.range(of: "    department:"))
        let text = original.replacingCharacters(in: first, with: "    departmnt:")
        let uri = URL(fileURLWithPath: path).absoluteString
        var input = Data()
        input += try Self.frame([
            "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["locale": "zh-CN"],
        ])
        input += try Self.frame(["jsonrpc": "2.0", "method": "initialized", "params": [:] as [String: Any]])
        input += Data("Content-Length: twelve\r\n\r\n".utf8)
        input += try Self.frame([
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": ["textDocument": ["uri": uri, "languageId": "yaml", "version": 1, "text": text]],
        ])
        input += try Self.frame(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
        input += try Self.frame(["jsonrpc": "2.0", "method": "exit"])

        let process = Process()
        process.executableURL = OneThingExecutable.url
        process.arguments = ["lsp"]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0)
        #expect(errors.contains("已拒绝一条消息：消息头中没有数字形式的 Content-Length"))
        let messages = try Self.messages(in: output)
        #expect(messages.compactMap { $0["id"] as? Int } == [1, 2])
        let published = try #require(
            messages.first { $0["method"] as? String == "textDocument/publishDiagnostics" })
        let params = try #require(published["params"] as? [String: Any])
        let findings = try #require(params["diagnostics"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["code"] as? String == "OT201")
        #expect((findings.first?["message"] as? String)?.hasPrefix("联合勘验中有未知的键“departmnt”") == true)
    }
}
