/// Limits that keep hostile input from costing unbounded time or memory.
public struct YAMLLimits: Sendable {
    /// The largest file accepted, in bytes.
    public var maxBytes: Int
    /// The deepest nesting of mappings and sequences accepted.
    public var maxDepth: Int
    /// The most nodes that alias expansion may add to one document.
    public var maxAliasExpansion: Int

    /// Creates limits.
    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxAliasExpansion: Int = 10_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    /// The defaults: 8 MiB, 64 levels, 10,000 nodes from aliases.
    public static let `default` = YAMLLimits()
}

/// The outcome of composing a file: its root node, if one could be built, and
/// everything found on the way.
public struct YAMLDocument: Sendable {
    /// The root node; `nil` when the file could not be read as one YAML document.
    public var root: YAMLNode?
    /// The findings, in the order they were made.
    public var diagnostics: [Diagnostic]

    /// Creates a document.
    public init(root: YAMLNode?, diagnostics: [Diagnostic]) {
        self.root = root
        self.diagnostics = diagnostics
    }
}
