import CYAML

/// A node that an anchor names, with what expanding an alias to it costs.
struct YAMLAnchoredNode {
    /// The node, as composed (its aliases already expanded).
    var node: YAMLNode
    /// Its nodes, counted as expanded.
    var count: Int
    /// Its levels of collections (0 for a scalar).
    var height: Int
}

/// Builds located nodes from libyaml's events: one document, checked against the limits.
struct YAMLEventComposer: ~Copyable {
    /// Mappings with more entries than this find duplicate keys through an index.
    private static let linearSearchLimit = 12

    private let file: SourceFile
    private let limits: YAMLLimits
    private let lines: YAMLLineMap
    /// The collection being composed (the document frame outside the root).
    private var current = YAMLComposerFrame.document
    /// The collections around ``current``, the document frame first.
    private var parents: [YAMLComposerFrame] = []
    /// The elements of the open lists.
    private var elements = YAMLScratchStack<YAMLNode>()
    /// The entries of the open mappings.
    private var entries = YAMLScratchStack<YAMLEntry>()
    private var anchors: [String: YAMLAnchoredNode] = [:]
    private var diagnostics: [Diagnostic] = []
    private var root: YAMLNode?
    private var documents = 0
    private var expanded = 0
    /// Set by a finding after which the tree is not to be trusted.
    private var failed = false

    /// Creates a composer of `file`, whose UTF-8 text `lines` was made from.
    init(file: SourceFile, limits: YAMLLimits, lines: YAMLLineMap) {
        self.file = file
        self.limits = limits
        self.lines = lines
    }

    /// Runs libyaml over `bytes`, the UTF-8 text of the file, and composes its document.
    mutating func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLDocument {
        let parser = LibYAMLEventParser(bytes)
        events: while true {
            guard parser.next() else {
                diagnostics.append(YAMLSyntaxError.diagnostic(for: parser.failure, in: file, lines: lines))
                failed = true
                break
            }
            let event = parser.event.pointee
            switch event.type {
            case YAML_SCALAR_EVENT:
                scalar(event)
            case YAML_MAPPING_START_EVENT:
                guard
                    start(
                        event, kind: .mapping, anchor: event.data.mapping_start.anchor,
                        isFlow: event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
                else { break events }
            case YAML_SEQUENCE_START_EVENT:
                guard
                    start(
                        event, kind: .sequence, anchor: event.data.sequence_start.anchor,
                        isFlow: event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE)
                else { break events }
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                end(event)
            case YAML_ALIAS_EVENT:
                guard alias(event) else { break events }
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    diagnostics.append(.multipleDocuments(span(event.start_mark, event.end_mark)))
                    break events
                }
            case YAML_STREAM_END_EVENT:
                break events
            default:
                continue
            }
        }
        if failed { return YAMLDocument(root: nil, diagnostics: diagnostics) }
        if documents == 0 || (documents == 1 && root.map(Self.isEmptyDocument) == true) {
            diagnostics.append(.emptyFile(file.path))
            return YAMLDocument(root: nil, diagnostics: diagnostics)
        }
        return YAMLDocument(root: root, diagnostics: diagnostics)
    }

    private static func isEmptyDocument(_ root: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = root else { return false }
        return scalar.style == .plain && scalar.tag == nil && scalar.value.isEmpty
    }

    // MARK: Events

    private mutating func scalar(_ event: yaml_event_t) {
        let data = event.data.scalar
        let value = String(
            decoding: UnsafeBufferPointer(start: data.value, count: Int(data.length)), as: UTF8.self)
        let start = lines.location(event.start_mark)
        var end = lines.location(event.end_mark)
        let style: YAMLScalarStyle
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        if style == .literal || style == .folded { end = blockScalarEnd(start: start, end: end) }
        let tag = data.tag.map { Self.shortTag(String(cString: $0)) }
        let scalar = YAMLScalar(
            value: value, style: style, span: SourceSpan(file: file.path, start: start, end: end), tag: tag)
        if let anchor = data.anchor {
            let node = YAMLNode.scalar(scalar)
            anchors[String(cString: anchor)] = YAMLAnchoredNode(node: node, count: 1, height: 0)
            deliver(node, count: 1, height: 0, end: end)
        } else if current.kind == .mapping && !current.expectsValue {
            // Most scalars are keys: keep them unboxed.
            current.end = end
            current.expectsValue = true
            current.pendingKey = scalar
        } else {
            deliver(.scalar(scalar), count: 1, height: 0, end: end)
        }
    }

    /// The collections open around the next node.
    private var depth: Int { parents.count }

    private mutating func start(
        _ event: yaml_event_t, kind: YAMLComposerFrame.Kind, anchor: UnsafeMutablePointer<yaml_char_t>?,
        isFlow: Bool
    ) -> Bool {
        guard depth < limits.maxDepth else {
            diagnostics.append(
                .nestingTooDeep(span(event.start_mark, event.end_mark), limit: limits.maxDepth))
            failed = true
            return false
        }
        let frame = YAMLComposerFrame(
            kind: kind, isFlow: isFlow, start: lines.location(event.start_mark),
            anchor: anchor.map { String(cString: $0) },
            base: kind == .mapping ? entries.count : elements.count)
        parents.append(current)
        current = frame
        return true
    }

    private mutating func end(_ event: yaml_event_t) {
        let frame = current
        current = parents.removeLast()
        let end = frame.isFlow ? lines.location(event.end_mark) : frame.end
        let span = SourceSpan(file: file.path, start: frame.start, end: end)
        let node: YAMLNode =
            frame.kind == .mapping
            ? .mapping(entries.pop(from: frame.base), span: span)
            : .sequence(elements.pop(from: frame.base), span: span)
        if let anchor = frame.anchor {
            anchors[anchor] = YAMLAnchoredNode(node: node, count: frame.count, height: frame.height)
        }
        deliver(node, count: frame.count, height: frame.height, end: end)
    }

    private mutating func alias(_ event: yaml_event_t) -> Bool {
        let name = String(cString: event.data.alias.anchor)
        let at = span(event.start_mark, event.end_mark)
        if current.kind == .mapping, !current.expectsValue {
            diagnostics.append(.aliasAsKey(at, name: name))
            current.expectsValue = true
            current.pendingKey = nil
            return true
        }
        guard let target = anchors[name] else {
            diagnostics.append(.unknownAnchor(at, name: name))
            failed = true
            deliver(.scalar(YAMLScalar(value: "", style: .plain, span: at)), count: 1, height: 0, end: at.end)
            return true
        }
        // Count before copying: a billion laughs stops at its first alias over budget.
        guard depth + target.height <= limits.maxDepth else {
            diagnostics.append(.nestingTooDeep(at, limit: limits.maxDepth))
            failed = true
            return false
        }
        guard target.count <= limits.maxAliasExpansion - expanded else {
            diagnostics.append(.aliasBudgetExceeded(at, name: name, limit: limits.maxAliasExpansion))
            failed = true
            return false
        }
        expanded += target.count
        deliver(target.node, count: target.count, height: target.height, end: at.end)
        return true
    }

    /// Hands a finished node to the collection around it, or makes it the root.
    private mutating func deliver(_ node: YAMLNode, count: Int, height: Int, end: SourceLocation) {
        current.end = end
        if height >= current.height { current.height = height + 1 }
        switch current.kind {
        case .document:
            root = node
        case .sequence:
            elements.push(node)
            current.count += count
        case .mapping where !current.expectsValue:
            current.expectsValue = true
            if case .scalar(let key) = node {
                current.pendingKey = key
            } else {
                current.pendingKey = nil
                diagnostics.append(.complexKey(node.span))
            }
        case .mapping:
            current.expectsValue = false
            guard let key = current.pendingKey.take() else { return }
            if let first = position(ofKey: key.value) {
                diagnostics.append(.duplicateKey(key, first: entries[first].key.span))
                return
            }
            entries.push(YAMLEntry(key: key, value: node))
            current.count += 1 + count
            if entries.count - current.base > Self.linearSearchLimit { index(key.value) }
        }
    }

    /// The position on the entry stack of the current mapping's entry with key `key`, if any.
    private func position(ofKey key: String) -> Int? {
        guard entries.count - current.base <= Self.linearSearchLimit else { return current.keyIndex[key] }
        for index in current.base..<entries.count where entries[index].key.value == key { return index }
        return nil
    }

    /// Records the position of the entry just added with key `key` in the current
    /// mapping's index, building the index when the mapping outgrows linear search.
    private mutating func index(_ key: String) {
        if current.keyIndex.isEmpty {
            for index in current.base..<entries.count { current.keyIndex[entries[index].key.value] = index }
        } else {
            current.keyIndex[key] = entries.count - 1
        }
    }

    // MARK: Locations

    private func span(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceSpan {
        SourceSpan(file: file.path, start: lines.location(start), end: lines.location(end))
    }

    /// The end of a `|` or `>` block: just after its last character that is not a
    /// space. libyaml ends the block where the next token starts, lines later.
    private func blockScalarEnd(start: SourceLocation, end: SourceLocation) -> SourceLocation {
        var line = end.line
        var limit = end.column - 1
        while line >= start.line {
            var column = 0
            var lastText = 0
            for scalar in file.line(line).unicodeScalars {
                if column == limit { break }
                column += 1
                if scalar != " " && scalar != "\t" { lastText = column }
            }
            if lastText > 0 { return SourceLocation(line: line, column: lastText + 1) }
            line -= 1
            limit = Int.max
        }
        return end
    }

    /// `!!str` for libyaml's `tag:yaml.org,2002:str`; other tags as libyaml resolved them.
    private static func shortTag(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}
