import Foundation
import OneThing
import OneThingLanguageServer
import Testing

/// An editor in a script: drives a ``LanguageServer`` in-process, message by message,
/// and keeps what it published.
struct ScriptedClient {
    /// The repository's folder, to open its real bundles.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    var server = LanguageServer()
    private var nextID = 1

    /// A client whose server was initialised with `locale`.
    init(locale: String) {
        let answer = request(
            "initialize", ["processId": nil, "locale": .string(locale), "capabilities": [:]])
        #expect(answer["capabilities"]?["hoverProvider"] == true)
        _ = server.handle(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
    }

    /// The result of request `method`; an error answer fails the test.
    mutating func request(_ method: String, _ params: JSONValue) -> JSONValue {
        let id = nextID
        nextID += 1
        let out = server.handle([
            "jsonrpc": "2.0", "id": .integer(id), "method": .string(method), "params": params,
        ])
        let answer = out.first { $0["id"] == .integer(id) }
        #expect(answer?["error"] == nil, "\(method) answered \(String(describing: answer?["error"]))")
        return answer?["result"] ?? .null
    }

    /// The messages the server sends after notification `method`.
    mutating func notify(_ method: String, _ params: JSONValue) -> [JSONValue] {
        server.handle(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Opens `text` as the file at `path`; returns the findings published for it.
    mutating func open(_ path: String, text: String) -> [JSONValue] {
        let uri = Self.uri(path)
        let out = notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(uri), "languageId": "yaml", "version": 1, "text": .string(text),
                ]
            ])
        return Self.findings(for: uri, in: out)
    }

    /// The findings published for `uri` among `messages`.
    static func findings(for uri: String, in messages: [JSONValue]) -> [JSONValue] {
        let published = messages.last {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri
        }
        return published?["params"]?["diagnostics"]?.array ?? []
    }

    /// The `file:` URI of a path.
    static func uri(_ path: String) -> String { URL(fileURLWithPath: path).absoluteString }

    /// The path and text of a real bundle.
    static func bundle(_ name: String) throws -> (path: String, text: String) {
        let path = root.appendingPathComponent("bundles/\(name).yaml").path
        return (path, try String(contentsOfFile: path, encoding: .utf8))
    }

    /// `{"textDocument": {"uri"}, "position": {"line", "character"}}`.
    static func at(_ path: String, line: Int, character: Int) -> JSONValue {
        [
            "textDocument": ["uri": .string(uri(path))],
            "position": ["line": .integer(line), "character": .integer(character)],
        ]
    }

    /// The 0-based line and UTF-16 offset of the first `needle` in `text`, after `after`.
    static func position(of needle: String, in text: String, after: String? = nil) -> (
        line: Int, character: Int
    )? {
        var lines = text.components(separatedBy: "\n").enumerated().map { ($0.offset, $0.element) }
        if let after, let start = lines.firstIndex(where: { $0.1.contains(after) }) {
            lines = Array(lines[start...])
        }
        for (number, line) in lines {
            if let range = line.range(of: needle) {
                return (number, line.utf16.distance(from: line.startIndex, to: range.lowerBound))
            }
        }
        return nil
    }
}

/// A JSON range `{"start": {…}, "end": {…}}` from 0-based numbers.
func range(_ line: Int, _ from: Int, _ endLine: Int, _ to: Int) -> JSONValue {
    [
        "start": ["line": .integer(line), "character": .integer(from)],
        "end": ["line": .integer(endLine), "character": .integer(to)],
    ]
}
