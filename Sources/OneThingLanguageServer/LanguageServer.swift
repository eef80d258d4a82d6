import Foundation
import OneThing

/// The OneThing language server: answers the Language Server Protocol messages of an
/// editor about bundle and catalogue files, with the validator's own findings.
///
/// The server is a value that takes one message at a time and returns the messages
/// to send back (answers and notifications), so it can be driven in-process by tests
/// and benchmarks; ``LanguageServerConnection`` runs it over standard input and
/// output. Findings are those of `onething validate`: the same codes, spans, messages
/// and hints, in the editor's language (`initialize`'s `locale`: Chinese for `zh…`,
/// English otherwise).
public struct LanguageServer: Sendable {
    /// Where the server is in its life.
    public enum Phase: Hashable, Sendable {
        /// Waiting for `initialize`.
        case waiting
        /// Initialised and answering.
        case running
        /// `shutdown` was received; only `exit` is expected.
        case shutDown
        /// `exit` was received: the process ends with `code` (0 after `shutdown`, 1 otherwise).
        case exited(code: Int32)
    }

    /// Where the server is in its life.
    public private(set) var phase: Phase = .waiting
    /// The language of messages and hints.
    public private(set) var language: Language
    /// The open documents, by URI.
    var documents: [String: OpenDocument] = [:]
    /// Loaded catalogue folders, by canonical folder path.
    var catalogues: [String: CatalogueLoader.Loaded] = [:]
    /// The validator, on one core: the editor checks one file at a time.
    let validator = Validator(options: Validator.Options(parallel: false))

    /// Creates a server that speaks `language` until `initialize` names a locale.
    public init(language: Language = .en) {
        self.language = language
    }

    /// The bundle of the open document at `uri` as last decoded (kept while its text
    /// does not decode); `nil` for a document not open or never decoded.
    public func bundle(uri: String) -> ServiceBundle? { documents[uri]?.bundle }

    /// The findings about the open document at `uri`, as last published.
    public func diagnostics(uri: String) -> [Diagnostic] { documents[uri]?.diagnostics ?? [] }

    /// The messages to send after reading the JSON body `bytes` of one message; a body
    /// that is not JSON is answered with a parse error (-32700).
    public mutating func handle(body bytes: [UInt8]) -> [JSONValue] {
        guard let message = JSONValue.parse(bytes, limits: Self.messageLimits) else {
            return [Self.error(id: .null, code: -32700, message: "the message is not JSON")]
        }
        return handle(message)
    }

    /// The messages to send after one message: the answer to a request, notifications
    /// such as published findings, or nothing.
    public mutating func handle(_ message: JSONValue) -> [JSONValue] {
        guard case .object = message, let method = message["method"]?.string else {
            // A response to a request of ours (we make none), or not a message at all.
            if message["id"] != nil, message["result"] == nil, message["error"] == nil {
                return [
                    Self.error(id: message["id"] ?? .null, code: -32600, message: "not a JSON-RPC request")
                ]
            }
            return []
        }
        let id = message["id"]
        let params = message["params"] ?? .null
        if method == "exit" {
            phase = .exited(code: phase == .shutDown ? 0 : 1)
            return []
        }
        switch phase {
        case .waiting where method != "initialize":
            return id.map { [Self.error(id: $0, code: -32002, message: "the server is not initialised yet")] }
                ?? []
        case .shutDown, .exited:
            return id.map { [Self.error(id: $0, code: -32600, message: "the server is shut down")] } ?? []
        default:
            break
        }
        if let id {
            return answer(method: method, id: id, params: params)
        }
        return notice(method: method, params: params)
    }

    /// The answer to request `method`.
    private mutating func answer(method: String, id: JSONValue, params: JSONValue) -> [JSONValue] {
        switch method {
        case "initialize":
            guard phase == .waiting else {
                return [Self.error(id: id, code: -32600, message: "the server is already initialised")]
            }
            if let locale = params["locale"]?.string {
                language = locale.lowercased().hasPrefix("zh") ? .zh : .en
            }
            phase = .running
            return [Self.result(id: id, Self.capabilities)]
        case "shutdown":
            phase = .shutDown
            return [Self.result(id: id, .null)]
        case "textDocument/hover":
            return [Self.result(id: id, hover(params))]
        case "textDocument/completion":
            return [Self.result(id: id, completion(params))]
        case "textDocument/definition":
            return [Self.result(id: id, definition(params))]
        case "textDocument/codeAction":
            return [Self.result(id: id, codeActions(params))]
        default:
            return [Self.error(id: id, code: -32601, message: "unknown method '\(method)'")]
        }
    }

    /// What the server does on notification `method`: the documents' life.
    private mutating func notice(method: String, params: JSONValue) -> [JSONValue] {
        if method == "workspace/didChangeWatchedFiles" {
            // A file changed on disk (a catalogue edited elsewhere): load catalogues again.
            catalogues = [:]
            return documents.keys.sorted().map { check($0) }
        }
        let document = params["textDocument"]
        guard let uri = document?["uri"]?.string else { return [] }
        switch method {
        case "textDocument/didOpen":
            guard let text = document?["text"]?.string else { return [] }
            documents[uri] = OpenDocument(uri: uri, text: text, version: document?["version"]?.integer ?? 0)
            return changed(uri)
        case "textDocument/didChange":
            guard var open = documents[uri] else { return [] }
            var text = open.source.text
            for change in params["contentChanges"]?.array ?? [] {
                text = Self.apply(change, to: text, source: SourceFile(path: open.path, text: text))
            }
            open.source = SourceFile(path: open.path, text: text)
            open.version = document?["version"]?.integer ?? open.version + 1
            documents[uri] = open
            return changed(uri)
        case "textDocument/didClose":
            guard let closed = documents.removeValue(forKey: uri) else { return [] }
            var out: [JSONValue] = [Self.publish(uri: uri, version: nil, diagnostics: [])]
            // A catalogue file closed unsaved: the others go back to the file on disk.
            if case .catalogue(let folder) = closed.kind { out += catalogueChanged(folder) }
            return out
        case "textDocument/didSave":
            return documents[uri] == nil ? [] : changed(uri)
        default:
            return []
        }
    }

    /// The text after one content change: the whole text, or a range replaced.
    static func apply(_ change: JSONValue, to text: String, source: SourceFile) -> String {
        guard let replacement = change["text"]?.string else { return text }
        guard let range = change["range"], let start = LSPPosition(range["start"]),
            let end = LSPPosition(range["end"])
        else { return replacement }
        let from = source.utf8Offset(of: source.location(of: min(start, end)))
        let to = source.utf8Offset(of: source.location(of: max(start, end)))
        let bytes = Array(text.utf8)
        return String(decoding: bytes[..<from] + Array(replacement.utf8) + bytes[to...], as: UTF8.self)
    }

    /// Checks the document at `uri` again and publishes its findings; a catalogue file
    /// changes its folder, so every open file that uses it is checked again too.
    private mutating func changed(_ uri: String) -> [JSONValue] {
        guard let open = documents[uri] else { return [] }
        if case .catalogue(let folder) = open.kind { return catalogueChanged(folder) }
        return [check(uri)]
    }

    /// Forgets the loaded catalogue `folder` and checks again every open file that uses it.
    private mutating func catalogueChanged(_ folder: String) -> [JSONValue] {
        catalogues[folder] = nil
        let affected = documents.values.filter { document in
            switch document.kind {
            case .bundle(let catalogue): catalogue == folder
            case .catalogue(let own): own == folder
            }
        }
        return affected.map(\.uri).sorted().map { check($0) }
    }

    /// The limits of reading a message: a file as large as the validator reads, its
    /// text escaped in JSON, and the nesting JSON-RPC needs.
    static let messageLimits = YAMLLimits(maxBytes: 2 * YAMLLimits.default.maxBytes + 4096, maxDepth: 64)

    /// The capabilities the server announces.
    static let capabilities: JSONValue = [
        "capabilities": [
            "textDocumentSync": ["openClose": true, "change": 2, "save": true],
            "hoverProvider": true,
            "completionProvider": ["triggerCharacters": [":", " ", "-", "["]],
            "definitionProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        ],
        "serverInfo": ["name": "onething"],
    ]

    /// A response with `result`.
    static func result(id: JSONValue, _ result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    /// An error response.
    static func error(id: JSONValue, code: Int, message: String) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": ["code": .integer(code), "message": .string(message)]]
    }

    /// A notification.
    static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }
}

extension SourceFile {
    /// The UTF-8 offset of `location` in ``text``.
    func utf8Offset(of location: SourceLocation) -> Int {
        var offset = 0
        var number = 1
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if number == location.line { break }
            offset += line.count + 1
            number += 1
        }
        let prefix = self.line(location.line).unicodeScalars.prefix(max(0, location.column - 1))
        return min(text.utf8.count, offset + prefix.reduce(0) { $0 + UTF8.width($1) })
    }
}
