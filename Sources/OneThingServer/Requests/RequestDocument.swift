import OneThing

/// A JSON request body read into located nodes (``OneThing/JSONComposer``, the reader of
/// JSON answers), so that every finding about it names its line and column, as the
/// command line's findings about a file do; the "file" is ``name``.
struct RequestDocument: Sendable {
    /// What findings name as the file.
    static let name = "request"

    /// The body as text.
    let source: SourceFile
    /// Its JSON value.
    let root: YAMLNode

    /// Reads `bytes` as JSON.
    ///
    /// - Throws: ``Problem`` of kind ``ProblemKind/malformedJSON`` with the finding (OT111,
    ///   or OT106 for bytes that are not UTF-8), or ``ProblemKind/invalidRequest`` for a
    ///   key written twice.
    init(parsing bytes: [UInt8]) throws(Problem) {
        let (source, document) = JSONComposer.compose(path: Self.name, bytes: bytes)
        guard let source, let root = document.root else {
            throw Problem(
                .malformedJSON,
                LocalizedText(
                    en: "the body is not JSON (RFC 8259); the finding says where",
                    zh: "请求体不是 JSON（RFC 8259），具体位置见诊断信息"),
                diagnostics: document.diagnostics)
        }
        if document.diagnostics.contains(where: { $0.severity == .error }) {
            throw Problem.invalidRequest(document.diagnostics)
        }
        self.source = source
        self.root = root
    }

    /// The body's top-level object, with `known` keys; unknown keys are findings.
    func object(_ what: LocalizedText, known: [String]) -> RequestObject {
        RequestObject(root, what: what, known: known)
    }
}

/// One JSON object of a request: its members by key, and the findings about it (an
/// unknown key with the closest known one, a missing or mistyped value).
struct RequestObject {
    /// The object's node.
    let node: YAMLNode
    /// What the object is, for findings: "the request", "a decision".
    let what: LocalizedText
    /// The findings so far.
    private(set) var diagnostics: [Diagnostic] = []

    /// Reads `node` as an object with `known` keys.
    init(_ node: YAMLNode, what: LocalizedText, known: [String]) {
        self.node = node
        self.what = what
        guard let entries = node.entries else {
            diagnostics.append(
                .wrongType(node, expected: LocalizedText(en: "a JSON object", zh: "JSON 对象")))
            return
        }
        for entry in entries where !known.contains(entry.key.value) {
            diagnostics.append(.unknownKey(entry.key, in: what, known: known))
        }
    }

    /// The value under `key`; a missing required one is a finding.
    mutating func value(_ key: String, required: Bool) -> YAMLNode? {
        guard let value = node[key], !(value.scalar?.isNull ?? false) else {
            if required, node.entries != nil { diagnostics.append(.missingKey(key, in: what, at: node.span)) }
            return nil
        }
        return value
    }

    /// The JSON string under `key`.
    mutating func string(_ key: String, required: Bool) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard let scalar = value.scalar, scalar.style != .plain else {
            diagnostics.append(.wrongType(value, expected: LocalizedText(en: "a string", zh: "字符串")))
            return nil
        }
        return scalar.value
    }

    /// The JSON array of strings under `key`.
    mutating func strings(_ key: String, required: Bool) -> [String]? {
        guard let value = value(key, required: required) else { return nil }
        guard let elements = value.elements else {
            diagnostics.append(
                .wrongType(value, expected: LocalizedText(en: "an array of strings", zh: "字符串数组")))
            return nil
        }
        var strings: [String] = []
        for element in elements {
            guard let scalar = element.scalar, scalar.style != .plain else {
                diagnostics.append(.wrongType(element, expected: LocalizedText(en: "a string", zh: "字符串")))
                continue
            }
            strings.append(scalar.value)
        }
        return strings
    }

    /// The JSON object under `key`.
    mutating func object(_ key: String, required: Bool) -> YAMLNode? {
        guard let value = value(key, required: required) else { return nil }
        guard value.entries != nil else {
            diagnostics.append(.wrongType(value, expected: LocalizedText(en: "a JSON object", zh: "JSON 对象")))
            return nil
        }
        return value
    }

    /// The whole number under `key`, within `range`.
    mutating func integer(_ key: String, in range: ClosedRange<Int>, required: Bool) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        guard let scalar = value.scalar, scalar.style == .plain, let number = Int(scalar.value),
            range.contains(number)
        else {
            diagnostics.append(
                .wrongType(
                    value,
                    expected: LocalizedText(
                        en: "a whole number from \(range.lowerBound) to \(range.upperBound)",
                        zh: "\(range.lowerBound) 到 \(range.upperBound) 之间的整数")))
            return nil
        }
        return number
    }

    /// Throws the findings so far, if there are any.
    func finish() throws(Problem) {
        if !diagnostics.isEmpty { throw Problem.invalidRequest(diagnostics) }
    }
}

extension Problem {
    /// A request body of the wrong shape, with the findings that say where.
    static func invalidRequest(_ diagnostics: [Diagnostic]) -> Problem {
        Problem(
            .invalidRequest,
            LocalizedText(
                en: "the body does not fit this operation: \(diagnostics.count) finding(s) say where",
                zh: "请求体不符合要求：共 \(diagnostics.count) 处问题，位置见诊断信息"),
            diagnostics: diagnostics)
    }
}
