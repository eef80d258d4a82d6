import OneThingSource

/// Reads a time limit that may be chosen by rule (`promise:` of a bundle, `promised:`
/// of an item): a duration, or a list of `{when, limit}` rules ending with a default
/// rule without `when`.
enum LimitRuleDecoder {
    /// The limit (the longest rule's when there are rules) and the rules (none for a
    /// plain duration); `limit` is `nil` when nothing could be read.
    static func decode(_ node: YAMLNode, reader: inout NodeReader) -> (
        limit: Located<TimeLimit>?, rules: [LimitRule]
    ) {
        guard case .sequence = node else { return (reader.duration(node), []) }
        let what = LocalizedText(en: "time limit rules", zh: "时限规则")
        guard let elements = reader.list(node, what: what), !elements.isEmpty else {
            reader.report(
                Diagnostic(
                    code: .badValue, severity: .error, span: node.span,
                    message: .init(en: "a list of time limit rules is empty", zh: "时限规则列表为空"),
                    hint: .init(en: "write one limit, such as '5 workdays'", zh: "请写一个时限，如“5 workdays”")))
            return (nil, [])
        }
        var rules: [LimitRule] = []
        var complete = true
        for (index, element) in elements.enumerated() {
            let ruleWhat = LocalizedText(en: "a time limit rule", zh: "时限规则")
            guard
                let f = reader.mapping(
                    element, what: ruleWhat, owner: element.span, known: ["when", "limit"],
                    required: ["limit"]),
                let limit = f["limit"].flatMap({ reader.duration($0) })
            else {
                complete = false
                continue
            }
            let when = f["when"].flatMap { reader.scalar($0, expected: .init(en: "a condition", zh: "条件")) }
            let last = index == elements.count - 1
            if last, let when {
                reader.report(
                    Diagnostic(
                        code: .badValue, severity: .error, span: when.span,
                        message: .init(
                            en:
                                "the last time limit rule has a condition: an applicant for whom none holds would have no limit",
                            zh: "最后一条时限规则带有条件：所有条件都不成立的申请人将没有时限"),
                        hint: .init(
                            en: "end the rules with a default rule: '- limit: …' without 'when:'",
                            zh: "请以一条不写“when:”的默认规则结束：“- limit: …”")))
                complete = false
            } else if !last, when == nil {
                reader.report(
                    Diagnostic(
                        code: .badValue, severity: .error, span: element.span,
                        message: .init(
                            en:
                                "a time limit rule without 'when:' comes before other rules, which can then never apply",
                            zh: "不写“when:”的时限规则之后还有规则，这些规则永远不会适用"),
                        hint: .init(
                            en: "give this rule a condition, or make it the last rule",
                            zh: "请为这条规则写上条件，或把它移到最后")))
                complete = false
            }
            rules.append(LimitRule(when: when.map(ConditionSource.init), limit: limit))
        }
        guard complete, let longest = LimitRule.longest(rules) else { return (nil, []) }
        return (longest, rules)
    }
}
