import OneThingSource

/// Reads typed values out of located YAML nodes, typing scalars by the schema (not
/// by YAML 1.1 guessing) and recording a diagnostic for everything that does not fit.
///
/// Every read that fails returns `nil` after recording why, so a decoder can go on
/// and report every problem of a file in one run.
struct NodeReader {
    /// The findings so far.
    var diagnostics: [Diagnostic] = []

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    // MARK: Mappings

    /// The entries of a mapping node that must have exactly the keys in `known`.
    ///
    /// Reports a wrong type when the node is not a mapping, every key that is not in
    /// `known` (with a suggestion), and every key in `required` that is missing
    /// (located at `owner`, the key that holds this mapping).
    mutating func mapping(
        _ node: YAMLNode, what: LocalizedText, owner: SourceSpan,
        known: [String], required: [String] = []
    ) -> Fields? {
        guard case .mapping(var entries, let span) = node else {
            if let scalar = node.scalar, let found = fullWidth(in: scalar) {
                report(found)
                return nil
            }
            report(
                .wrongType(
                    node,
                    expected: LocalizedText(en: "\(what.en) (a mapping of keys)", zh: "\(what.zh)（键值映射）")))
            return nil
        }
        // A misspelt key is read as the known key it is closest to, when that key is not
        // written too: one finding (the misspelling), and the rest of the mapping is
        // read with its value, so nothing downstream misses it. The keys present are
        // gathered at the first key that is not known (most mappings have none).
        var present = Set<String>()
        for index in entries.indices where !known.contains(entries[index].key.value) {
            let entry = entries[index]
            if present.isEmpty { present = Set(entries.map(\.key.value)) }
            if let found = fullWidth(in: entry.key) {
                report(found)
                continue
            }
            let intended = Suggestion.closest(to: entry.key.value, among: known)
            if let intended, !present.contains(intended) {
                report(.misspeltKey(entry.key, in: what, readAs: intended))
                present.insert(intended)
                var key = entry.key
                key.value = intended
                entries[index] = YAMLEntry(key: key, value: entry.value)
            } else {
                report(.unknownKey(entry.key, in: what, known: known))
            }
        }
        for key in required {
            if let entry = entries.first(where: { $0.key.value == key }) {
                if case .scalar(let s) = entry.value, s.isNull {
                    report(.missingValue(entry.key, in: what))
                }
            } else {
                report(.missingKey(key, in: what, at: entries.isEmpty ? owner : entries[0].key.span))
            }
        }
        return Fields(entries: entries, span: span)
    }

    /// The finding about a full-width sign in `scalar` (`key：value` read as one piece
    /// of text, `a，b` as one id), located at the sign itself.
    func fullWidth(in scalar: YAMLScalar, code: DiagnosticCode = .wrongType) -> Diagnostic? {
        guard let found = FullWidthPunctuation.first(in: scalar.value) else { return nil }
        let start = scalar.span.start
        // The sign's column is known when the scalar is written on one line as it reads.
        let exact = scalar.span.end.line == start.line && scalar.style == .plain
        let location = exact ? start.advanced(by: found.offset) : start
        return found.diagnostic(code: code, file: scalar.span.file, at: location, exact: exact)
    }

    /// The entries of a mapping whose keys are ids the file chooses (items, materials).
    mutating func table(_ node: YAMLNode, what: LocalizedText) -> [YAMLEntry]? {
        if case .scalar(let s) = node, s.isNull { return [] }
        guard case .mapping(let entries, _) = node else {
            if let scalar = node.scalar, let found = fullWidth(in: scalar) {
                report(found)
                return nil
            }
            report(
                .wrongType(
                    node,
                    expected: LocalizedText(
                        en: "\(what.en) (a mapping from id to entry)", zh: "\(what.zh)（由标识到条目的映射）")))
            return nil
        }
        return entries
    }

    /// The elements of a sequence node.
    mutating func list(_ node: YAMLNode, what: LocalizedText) -> [YAMLNode]? {
        if case .scalar(let s) = node, s.isNull { return [] }
        guard case .sequence(let elements, _) = node else {
            var d = Diagnostic.wrongType(
                node, expected: LocalizedText(en: "\(what.en) (a list)", zh: "\(what.zh)（列表）"))
            if let s = node.scalar {
                d.hint = LocalizedText(en: "write a list: [\(s.value)]", zh: "请写成列表：[\(s.value)]")
            }
            report(d)
            return nil
        }
        return elements
    }

    // MARK: Scalars

    /// A scalar that is present and not null.
    mutating func scalar(_ node: YAMLNode, expected: LocalizedText) -> YAMLScalar? {
        guard case .scalar(let s) = node, !s.isNull else {
            report(.wrongType(node, expected: expected))
            return nil
        }
        return s
    }

    /// Any scalar read as text, exactly as written.
    mutating func text(_ node: YAMLNode) -> String? {
        scalar(node, expected: .init(en: "text", zh: "文本"))?.value
    }

    /// Text, located.
    mutating func locatedText(_ node: YAMLNode) -> Located<String>? {
        guard let s = scalar(node, expected: .init(en: "text", zh: "文本")) else { return nil }
        return Located(s.value, at: s.span)
    }

    /// `true` or `false`, written plain; nothing else.
    mutating func bool(_ node: YAMLNode) -> Bool? {
        guard let s = scalar(node, expected: .init(en: "true or false", zh: "true 或 false")) else {
            return nil
        }
        if s.style == .plain {
            if s.value == "true" { return true }
            if s.value == "false" { return false }
        }
        report(.notABool(s))
        return nil
    }

    /// A plain decimal number.
    mutating func number(_ node: YAMLNode) -> Double? {
        guard let s = scalar(node, expected: .init(en: "a number", zh: "数字")) else { return nil }
        if s.style == .plain, let value = NodeReader.decimal(s.value) { return value }
        report(.notANumber(s, integer: false))
        return nil
    }

    /// A plain whole number.
    mutating func integer(_ node: YAMLNode) -> Int? {
        guard let s = scalar(node, expected: .init(en: "a whole number", zh: "整数")) else { return nil }
        if s.style == .plain, NodeReader.isInteger(s.value), let value = Int(s.value) { return value }
        report(.notANumber(s, integer: true))
        return nil
    }

    /// A date `YYYY-MM-DD`.
    mutating func date(_ node: YAMLNode) -> CalendarDate? {
        guard let s = scalar(node, expected: .init(en: "a date (YYYY-MM-DD)", zh: "日期（YYYY-MM-DD）")) else {
            return nil
        }
        if let date = CalendarDate(s.value) { return date }
        report(.notADate(s))
        return nil
    }

    /// A time limit: `3 workdays`, `10日`.
    mutating func duration(_ node: YAMLNode) -> Located<TimeLimit>? {
        guard let s = scalar(node, expected: .init(en: "a time limit such as 3 workdays", zh: "时限，如 3个工作日"))
        else {
            return nil
        }
        if let limit = TimeLimit(parsing: s.value) {
            if limit.amount <= TimeLimit.largestAmount { return Located(limit, at: s.span) }
            report(.durationTooLong(s))
            return nil
        }
        report(.badDuration(s))
        return nil
    }

    /// An id: lowercase ASCII words joined by `-`.
    mutating func id(_ node: YAMLNode) -> Located<String>? {
        guard let s = scalar(node, expected: .init(en: "an id", zh: "标识")) else { return nil }
        return checkedID(s)
    }

    /// A scalar (such as a mapping key) checked to be an id.
    mutating func checkedID(_ s: YAMLScalar) -> Located<String>? {
        if NodeReader.isID(s.value) { return Located(s.value, at: s.span) }
        report(fullWidth(in: s, code: .badIdentifier) ?? .badIdentifier(s, kind: .id))
        return nil
    }

    /// A reference to something declared elsewhere (a department, a material): an id,
    /// or a name written in Chinese where the id belongs, which is kept as written so
    /// that the reference check, which knows the catalogue, can say whose name it is.
    mutating func reference(_ node: YAMLNode) -> Located<String>? {
        guard let s = scalar(node, expected: .init(en: "an id", zh: "标识")) else { return nil }
        if !NodeReader.isID(s.value), FullWidthPunctuation.first(in: s.value) == nil,
            s.value.unicodeScalars.contains(where: { $0.properties.isIdeographic })
        {
            return Located(s.value, at: s.span)
        }
        return checkedID(s)
    }

    /// A list of references (see ``reference(_:)``).
    mutating func references(_ node: YAMLNode, what: LocalizedText) -> [Located<String>] {
        (list(node, what: what) ?? []).compactMap { reference($0) }
    }

    /// One of the raw values of `E`.
    mutating func choice<E: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, _ type: E.Type, what: LocalizedText
    ) -> E? where E.RawValue == String {
        guard let s = scalar(node, expected: what) else { return nil }
        if let value = E(rawValue: s.value) { return value }
        report(.notAChoice(s, what: what, choices: E.allCases.map(\.rawValue)))
        return nil
    }

    /// A list of ids.
    mutating func ids(_ node: YAMLNode, what: LocalizedText) -> [Located<String>] {
        (list(node, what: what) ?? []).compactMap { id($0) }
    }

    // MARK: Lexical rules

    /// Whether `text` is an id: `[a-z][a-z0-9]*(-[a-z0-9]+)*`.
    static func isID(_ text: String) -> Bool {
        var previousDash = true
        var first = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): previousDash = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if first { return false }
                previousDash = false
            case UInt8(ascii: "-"):
                if previousDash { return false }
                previousDash = true
            default: return false
            }
            first = false
        }
        return !text.isEmpty && !previousDash
    }

    /// Whether `text` is a field id: identifiers of Unicode letters, digits and `_`
    /// (not starting with a digit) joined by `.`.
    static func isFieldID(_ text: String) -> Bool {
        // ASCII text, as nearly every field id is, is read byte by byte: there each
        // character is one byte, its letters are a–z and A–Z and its digits 0–9.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var atStart = true  // of an identifier
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "."):
                    if atStart { return false }
                    atStart = true
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if atStart { return false }
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "_"):
                    atStart = false
                default: return false
                }
            }
            return !atStart
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            guard let first = part.first, !first.isNumber else { return false }
            return part.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
        }
    }

    /// Whether `text` is a plain whole number: `-12`, `0`, `150`.
    static func isInteger(_ text: String) -> Bool {
        YAMLScalar.isDecimalNumber(text) && !text.contains(".")
    }

    /// A plain decimal number (`12`, `-3`, `12.5`), or `nil`.
    static func decimal(_ text: String) -> Double? {
        YAMLScalar.isDecimalNumber(text) ? Double(text) : nil
    }
}

/// The entries of one mapping, looked up by key.
struct Fields {
    /// The entries in file order.
    let entries: [YAMLEntry]
    /// The mapping's span.
    let span: SourceSpan

    /// The value of `key`, if present and not null.
    subscript(key: String) -> YAMLNode? {
        // By index: the keys are compared where they lie, no entry is copied on the way.
        guard let index = entries.firstIndex(where: { $0.key.value == key }) else { return nil }
        if case .scalar(let s) = entries[index].value, s.isNull { return nil }
        return entries[index].value
    }

    /// The key scalar of `key`, for locating findings about it.
    func keySpan(_ key: String) -> SourceSpan? {
        entries.firstIndex { $0.key.value == key }.map { entries[$0].key.span }
    }
}
