import OneThing

/// Where the cursor stands in a bundle file, read from the text around it (which
/// need not be valid YAML while the user types): the keys of the mappings it is in,
/// and whether a key or a value is being written.
struct CompletionContext: Hashable, Sendable {
    /// What is being written.
    enum Place: Hashable, Sendable {
        /// A key of the mapping whose ancestors' keys are ``CompletionContext/path``.
        case key
        /// The value of key `key` (or an element of its list).
        case value(key: String)
    }

    /// The keys of the mappings around the cursor, outermost first.
    var path: [String]
    /// What is being written.
    var place: Place

    /// The context of `location` in `source`; `nil` in a comment.
    init?(source: SourceFile, location: SourceLocation) {
        let prefix = String(
            String.UnicodeScalarView(source.line(location.line).unicodeScalars.prefix(location.column - 1)))
        if prefix.contains("#") { return nil }
        let (indent, dashed, rest) = Self.split(prefix)
        path = Self.ancestors(of: location.line, indent: indent, in: source)
        if let colon = rest.firstIndex(of: ":") {
            place = .value(key: rest[..<colon].trimmingCharacters(in: " \t\"'"))
        } else if dashed, let parent = path.last {
            // A list element: an id of the list's key, or a key of a mapping in the list.
            place = .value(key: parent)
        } else {
            place = .key
        }
    }

    /// A line's indentation (list dashes counted as indentation), whether it starts with
    /// a list dash, and the text after them.
    static func split(_ line: String) -> (indent: Int, dashed: Bool, rest: Substring) {
        var rest = Substring(line)
        var indent = 0
        var dashed = false
        while let first = rest.first {
            if first == " " {
                indent += 1
                rest = rest.dropFirst()
            } else if first == "-", rest.dropFirst().first == " " || rest.count == 1 {
                dashed = true
                indent += 2
                rest = rest.dropFirst(min(2, rest.count))
            } else {
                break
            }
        }
        return (indent, dashed, rest)
    }

    /// The keys of the lines above `line` that open the mappings it is in.
    static func ancestors(of line: Int, indent: Int, in source: SourceFile) -> [String] {
        var keys: [String] = []
        var limit = indent
        var number = line - 1
        while number >= 1, limit > 0 {
            let text = String(source.line(number))
            number -= 1
            let (lineIndent, _, rest) = split(text)
            guard !rest.isEmpty, !rest.hasPrefix("#"), lineIndent < limit,
                let colon = rest.firstIndex(of: ":")
            else { continue }
            keys.append(rest[..<colon].trimmingCharacters(in: " \t\"'"))
            limit = lineIndent
        }
        return keys.reversed()
    }

    /// The keys valid at this place, when it is a key of a known mapping: the bundle's
    /// top level, an item, a material, a form field, a party, or a need.
    var keys: [String]? {
        switch (path.count, path.first) {
        case (0, _): BundleDecoder.bundleKeys
        case (2, "items"): BundleDecoder.itemKeys
        case (2, "materials"): BundleDecoder.materialKeys
        case (2, "form"): BundleDecoder.fieldKeys
        case (2, "parties"): BundleDecoder.partyKeys
        case (3, "items") where path[2] == "needs": BundleDecoder.needKeys
        default: nil
        }
    }

    /// The kind of id the value of `key` names.
    static func kind(ofValueOf key: String) -> BundleSymbol.Kind? {
        switch key {
        case "department", "lead": .department
        case "needs", "material", "one-of", "any-of", "all-that-apply": .material
        case "produces", "output": .output
        case "after": .item
        case "inspection": .inspection
        case "from", "party": .party
        case "when": .field
        default: nil
        }
    }
}

extension Substring {
    /// The text without `characters` at either end.
    fileprivate func trimmingCharacters(in characters: String) -> String {
        var text = self
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
