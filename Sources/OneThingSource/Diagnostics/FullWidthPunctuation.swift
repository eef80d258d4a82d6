/// Full-width punctuation that a Chinese input method types where YAML needs the
/// half-width sign: `：` for `: `, `，` and `、` for `, `, the full-width space U+3000 for
/// a space. YAML does not read them as punctuation, so `department：tobacco` is one
/// piece of text and `[id-card，floor-plan]` one id; a finding names the character
/// itself, where it stands, with the half-width sign as the fix.
public struct FullWidthPunctuation: Hashable, Sendable {
    /// The full-width character.
    public var character: Unicode.Scalar
    /// Its offset in Unicode scalars (columns) from the start of the text searched.
    public var offset: Int

    /// What the character is called, and the half-width text to write instead.
    public var name: LocalizedText { Self.table[character]?.name ?? .init(en: "full-width sign", zh: "全角符号") }

    /// The half-width text to write instead: `: `, `, ` or a space.
    public var replacement: String { Self.table[character]?.replacement ?? "" }

    /// Every full-width sign recognised, with its name and its half-width replacement.
    static let table: [Unicode.Scalar: (name: LocalizedText, replacement: String)] = [
        "\u{FF1A}": (.init(en: "full-width colon '：' (U+FF1A)", zh: "全角冒号“：”"), ": "),
        "\u{FF0C}": (.init(en: "full-width comma '，' (U+FF0C)", zh: "全角逗号“，”"), ", "),
        "\u{3001}": (.init(en: "enumeration comma '、' (U+3001)", zh: "顿号“、”"), ", "),
        "\u{3000}": (.init(en: "full-width space (U+3000)", zh: "全角空格"), " "),
        "\u{FF3B}": (.init(en: "full-width bracket '［' (U+FF3B)", zh: "全角方括号“［”"), "["),
        "\u{FF3D}": (.init(en: "full-width bracket '］' (U+FF3D)", zh: "全角方括号“］”"), "]"),
        "\u{FF5B}": (.init(en: "full-width brace '｛' (U+FF5B)", zh: "全角花括号“｛”"), "{"),
        "\u{FF5D}": (.init(en: "full-width brace '｝' (U+FF5D)", zh: "全角花括号“｝”"), "}"),
    ]

    /// The first full-width sign in `text`, if any.
    public static func first(in text: some StringProtocol) -> FullWidthPunctuation? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where table[scalar] != nil {
            return FullWidthPunctuation(character: scalar, offset: offset)
        }
        return nil
    }

    /// The full-width sign on a YAML line that stands where YAML needs punctuation: a
    /// full-width space in the indentation, or a full-width colon that ends a key (the
    /// text before it on the line, after the indentation and a list's `- `, holds no
    /// `: `, no quote and no bracket, so it is not a colon inside a value).
    public static func inStructure(ofLine line: some StringProtocol) -> FullWidthPunctuation? {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count,
            scalars[index] == " " || scalars[index] == "\u{3000}" || scalars[index] == "-"
        {
            if scalars[index] == "\u{3000}" {
                return FullWidthPunctuation(character: "\u{3000}", offset: index)
            }
            index += 1
        }
        let keyStart = index
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{FF1A}" {
                return index > keyStart ? FullWidthPunctuation(character: scalar, offset: index) : nil
            }
            if scalar == ":" || scalar == "#" || scalar == "\"" || scalar == "'" || scalar == "["
                || scalar == "{"
            {
                break
            }
            index += 1
        }
        // A full-width comma or bracket inside a flow list or mapping: `[a，b]`.
        if let open = scalars.firstIndex(where: { $0 == "[" || $0 == "{" }) {
            let rest = String(String.UnicodeScalarView(scalars[open...]))
            // Not the colon (text in braces may hold one) nor `、`, which Chinese text in a
            // flow mapping often holds (`{name: 国庆节、中秋节}`).
            if let found = first(in: rest), found.character != "\u{FF1A}", found.character != "\u{3001}" {
                return FullWidthPunctuation(character: found.character, offset: open + found.offset)
            }
        }
        return nil
    }

    /// A finding with `code` about this sign at `location`: what it is and the
    /// half-width sign to write instead, as a fix too when `exact` (the sign is known to
    /// stand at `location`, not only somewhere in the text that starts there).
    public func diagnostic(
        code: DiagnosticCode, file: String, at location: SourceLocation, exact: Bool = true
    ) -> Diagnostic {
        let span = SourceSpan(file: file, start: location, end: location.advanced(by: 1))
        let fix = replacement == " " ? "' '" : "'\(replacement)'"
        let fixZH = replacement == " " ? "半角空格" : "半角“\(replacement)”"
        let needs: LocalizedText =
            switch character {
            case "\u{FF1A}":
                .init(
                    en: "YAML needs a half-width colon followed by a space between a key and its value",
                    zh: "键和值之间要用半角冒号加一个空格")
            case "\u{3000}":
                .init(en: "YAML indents and separates with half-width spaces only", zh: "YAML 只认半角空格")
            default:
                .init(en: "YAML separates list entries with half-width commas", zh: "列表各项之间要用半角逗号分隔")
            }
        return Diagnostic(
            code: code, severity: .error, span: span,
            message: .init(
                en: "a \(name.en) is written here; \(needs.en)",
                zh: "这里写了\(name.zh)；\(needs.zh)"),
            hint: .init(
                en: "replace it with \(fix) (type it with the input method in half-width or English mode)",
                zh: "请改为\(fixZH)（可把输入法切换到半角或英文状态再输入）"),
            fixes: exact ? [DiagnosticFix(span: span, replacement: replacement)] : [])
    }
}
