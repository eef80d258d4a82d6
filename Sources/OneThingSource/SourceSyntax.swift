/// The syntax a source file is written in: YAML (bundles, catalogues, answers files)
/// or JSON (answers sent by a program).
///
/// Both syntaxes are read into the same located ``YAMLNode`` tree, so every stage after
/// reading (decoders, checks, diagnostics) is one code path for both.
public enum SourceSyntax: Sendable, Hashable {
    /// YAML 1.2, read by ``YAMLComposer``.
    case yaml
    /// JSON (RFC 8259), read by ``JSONComposer``.
    case json

    /// The syntax a file's name says: a name ending in `.json` (in any letter case) is
    /// JSON; every other name is YAML. The content is never sniffed: `{a: 1}` is YAML
    /// and not JSON, so a leading `{` cannot tell the two apart.
    public init(fileName: String) {
        self = fileName.lowercased().hasSuffix(".json") ? .json : .yaml
    }

    /// Checks and composes the raw bytes of a file written in this syntax: its size
    /// first (OT105, before anything else is read), then that it is UTF-8 text (OT106),
    /// then its YAML or JSON.
    ///
    /// Returns the source file, `nil` when the bytes were rejected before they became
    /// text, and the document.
    public func compose(path: String, bytes: [UInt8], limits: YAMLLimits = .default) -> (
        SourceFile?, YAMLDocument
    ) {
        switch self {
        case .yaml: YAMLComposer.compose(path: path, bytes: bytes, limits: limits)
        case .json: JSONComposer.compose(path: path, bytes: bytes, limits: limits)
        }
    }
}
