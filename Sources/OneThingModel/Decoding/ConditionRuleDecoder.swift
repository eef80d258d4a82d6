import OneThingSource

/// Reads a list of conditions with their own messages: `form-rules:` and
/// `eligibility:`, each a list of `{check, message: {zh, en}}`.
enum ConditionRuleDecoder {
    /// The keys of a rule.
    static let keys = ["check", "message"]

    /// The rules of `node`; a rule that cannot be read is reported and left out.
    static func decode(_ node: YAMLNode, what: LocalizedText, reader: inout NodeReader) -> [ConditionRule] {
        guard let elements = reader.list(node, what: what) else { return [] }
        return elements.compactMap { element in
            guard
                let f = reader.mapping(
                    element, what: what, owner: element.span, known: keys, required: ["check", "message"])
            else { return nil }
            let check = f["check"].flatMap { reader.scalar($0, expected: .init(en: "a condition", zh: "条件")) }
            let message = f["message"].flatMap {
                decodeMessage($0, owner: f.keySpan("message") ?? element.span, reader: &reader)
            }
            guard let check, let message else { return nil }
            return ConditionRule(check: ConditionSource(scalar: check), message: message, span: element.span)
        }
    }

    /// A message in both languages: `{zh: …, en: …}`.
    static func decodeMessage(_ node: YAMLNode, owner: SourceSpan, reader: inout NodeReader) -> LocalizedText?
    {
        let what = LocalizedText(en: "a message in Chinese and English", zh: "中英文提示")
        guard
            let f = reader.mapping(
                node, what: what, owner: owner, known: ["zh", "en"], required: ["zh", "en"]),
            let zh = f["zh"].flatMap({ reader.text($0) }), let en = f["en"].flatMap({ reader.text($0) })
        else { return nil }
        return LocalizedText(en: en, zh: zh)
    }
}
