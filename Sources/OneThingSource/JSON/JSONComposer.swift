/// Reads JSON text (RFC 8259) into the same located nodes that ``YAMLComposer`` makes,
/// so that everything after reading (the answers decoder, the answer checks and their
/// diagnostics) is one code path for YAML and JSON.
///
/// Why a reader of its own and not libyaml, although JSON is nearly YAML's flow style:
/// libyaml accepts what JSON does not (`yes` and `~` as plain scalars that a YAML
/// reader may take for a boolean and null, `'single quotes'`, unquoted keys,
/// comments, trailing commas, a raw tab inside a quoted string, anchors and tags) and
/// refuses what JSON allows (a `\u` surrogate pair such as `"\ud83d\ude00"` for one
/// character). Checking libyaml's events for JSON afterwards would need to see the
/// text again anyway; reading the grammar directly gives exact JSON with exact
/// locations.
///
/// How JSON values become nodes:
/// - an object is a ``YAMLNode/mapping(_:span:)`` (a key written twice is OT102, as in
///   YAML, and the first is kept); an array is a ``YAMLNode/sequence(_:span:)``;
/// - a string is a double-quoted scalar, so `"true"` and `"12"` stay text as a quoted
///   YAML scalar does; its span includes the quotes;
/// - `true`, `false` and `null` are plain scalars (only these words, in lower case:
///   `yes`, `True` and `~` are not JSON);
/// - a number is a plain scalar in decimal notation, digits kept as written and never
///   passed through a `Double`, so 9007199254740993 keeps every digit. An exponent is
///   written out (`1e3` becomes `1000`, `2.5e-1` becomes `0.25`), because OneThing has
///   one definition of a number (``YAMLScalar/isDecimalNumber(_:)``) and it has no
///   exponents. An exponent beyond ±1000 is refused (OT111), so that a few bytes
///   cannot expand to megabytes of digits.
///
/// Text that is not JSON ends reading at the first problem with one OT111 finding that
/// names its line and column; the document then has no root. The ``YAMLLimits`` on
/// size (OT105) and nesting (OT104) hold as they do for YAML; JSON has no aliases.
public struct JSONComposer {
    /// Composes the single JSON value of `file`.
    ///
    /// The root is `nil` when the text is not JSON or breaks a limit; findings that
    /// leave the tree usable (duplicate keys) come with a root.
    public static func compose(_ file: SourceFile, limits: YAMLLimits = .default) -> YAMLDocument {
        var text = file.text
        guard text.utf8.count <= limits.maxBytes else {
            return YAMLDocument(
                root: nil,
                diagnostics: [.fileTooLarge(file.path, size: text.utf8.count, limit: limits.maxBytes)])
        }
        return text.withUTF8 { bytes in
            var parser = JSONParser(bytes: bytes, file: file.path, limits: limits)
            return parser.parseDocument()
        }
    }

    /// Checks and composes the raw bytes of a JSON file: its size first (OT105, before
    /// anything else is read), then that it is UTF-8 text (OT106), then its JSON.
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
}
