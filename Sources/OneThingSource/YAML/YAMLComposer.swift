import CYAML

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

/// Reads YAML text into located nodes with the system libyaml's event parser.
///
/// The composer does not type scalars: every value stays the text that was written,
/// with its style, so `no`, `010` and `1:30` reach the model stage as text. It checks
/// what YAML leaves to the loader: unique keys that are text, one document, and the
/// ``YAMLLimits`` on size, nesting and alias expansion. Every finding is a
/// ``Diagnostic`` of the OT1xx codes.
public struct YAMLComposer {
    /// Composes the single document of `file`.
    ///
    /// The root is `nil` when the file cannot be read as one document (syntax errors,
    /// exceeded limits, an empty file); findings that leave the tree usable (duplicate
    /// keys, keys that are not text) come with a root.
    public static func compose(_ file: SourceFile, limits: YAMLLimits = .default) -> YAMLDocument {
        var text = file.text
        guard text.utf8.count <= limits.maxBytes else {
            return YAMLDocument(
                root: nil,
                diagnostics: [.fileTooLarge(file.path, size: text.utf8.count, limit: limits.maxBytes)])
        }
        return text.withUTF8 { bytes in
            var composer = YAMLEventComposer(file: file, limits: limits, lines: YAMLLineMap(bytes))
            return composer.compose(bytes)
        }
    }

    /// Checks and composes the raw bytes of a file: its size first (OT105, before
    /// anything else is read), then that it is UTF-8 text (OT106), then its YAML.
    ///
    /// Returns the source file, `nil` when the bytes were rejected before they became
    /// text, and the document.
    public static func compose(path: String, bytes: [UInt8], limits: YAMLLimits = .default)
        -> (SourceFile?, YAMLDocument)
    {
        switch SourceFile.decode(path: path, bytes: bytes, limits: limits) {
        case .rejected(let diagnostic):
            return (nil, YAMLDocument(root: nil, diagnostics: [diagnostic]))
        case .text(let file):
            return (file, compose(file, limits: limits))
        }
    }

    /// Runs libyaml's bare event loop over `bytes` and returns the number of events
    /// (those before an error, if libyaml stops at one): the baseline that the
    /// composer's cost is measured against.
    public static func parseEventsOnly(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            let parser = LibYAMLEventParser(buffer)
            var count = 0
            while parser.next() {
                count += 1
                if parser.event.pointee.type == YAML_STREAM_END_EVENT { break }
            }
            return count
        }
    }
}
