/// How a scalar was written in the file.
///
/// The style matters for typing: a quoted `"true"` is always text, and only a plain
/// scalar can be a number, a bool or null.
public enum YAMLScalarStyle: Sendable, Hashable {
    /// Written without quotes.
    case plain
    /// Written in single quotes.
    case singleQuoted
    /// Written in double quotes.
    case doubleQuoted
    /// A `|` block.
    case literal
    /// A `>` block.
    case folded
}

/// A scalar with the span it was written at.
public struct YAMLScalar: Sendable, Hashable {
    /// The value after quoting and folding, as libyaml delivers it.
    public var value: String
    /// How it was written.
    public var style: YAMLScalarStyle
    /// The span of the scalar in the file, quotes and block indicators included.
    public var span: SourceSpan
    /// An explicit tag (`!!str`), if one was written.
    public var tag: String?

    /// Creates a located scalar.
    public init(value: String, style: YAMLScalarStyle, span: SourceSpan, tag: String? = nil) {
        self.value = value
        self.style = style
        self.span = span
        self.tag = tag
    }

    /// True for a plain scalar that YAML 1.2's core schema reads as null
    /// (`null`, `Null`, `NULL`, `~`, or nothing at all).
    public var isNull: Bool {
        guard style == .plain, tag == nil else { return false }
        // By length first: most scalars are read through here, and few are null.
        switch value.utf8.count {
        case 0: return true
        case 1: return value == "~"
        case 4: return value == "null" || value == "Null" || value == "NULL"
        default: return false
        }
    }
}

/// One key and value of a mapping.
public struct YAMLEntry: Sendable, Hashable {
    /// The key, always a scalar.
    public var key: YAMLScalar
    /// The value.
    public var value: YAMLNode

    /// Creates an entry.
    public init(key: YAMLScalar, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A located YAML node: every scalar, mapping and sequence knows where it was written.
///
/// Keys are unique within a mapping (the composer reports duplicates and keeps the
/// first) and kept in the order of the file.
public indirect enum YAMLNode: Sendable, Hashable {
    /// A scalar.
    case scalar(YAMLScalar)
    /// A mapping, its entries in file order.
    case mapping([YAMLEntry], span: SourceSpan)
    /// A sequence, its elements in file order.
    case sequence([YAMLNode], span: SourceSpan)

    /// The span of the node.
    public var span: SourceSpan {
        switch self {
        case .scalar(let scalar): scalar.span
        case .mapping(_, let span): span
        case .sequence(_, let span): span
        }
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// The entries, if this node is a mapping.
    public var entries: [YAMLEntry]? {
        if case .mapping(let entries, _) = self { return entries }
        return nil
    }

    /// The elements, if this node is a sequence.
    public var elements: [YAMLNode]? {
        if case .sequence(let elements, _) = self { return elements }
        return nil
    }

    /// The value of key `key`, if this node is a mapping that has it.
    public subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key.value == key }?.value
    }

    /// A word for the kind of node, for messages: "mapping", "list", "text".
    public var kindName: LocalizedText {
        switch self {
        case .scalar(let s) where s.isNull: .init(en: "nothing (null)", zh: "空值")
        case .scalar: .init(en: "a single value", zh: "单个值")
        case .mapping: .init(en: "a mapping (key: value)", zh: "映射（键: 值）")
        case .sequence: .init(en: "a list", zh: "列表")
        }
    }
}
