import OneThingModel
import OneThingSource

// The findings of the type checker: OT402 (unknown field), OT403 (types that do not
// fit), OT404 (an enum value the field does not declare).

extension ConditionIssue {
    /// A field the form does not have, with the likeliest fix as the hint.
    static func unknownField(_ path: String, range: Range<Int>, fields: [FormField], peer: FormField?)
        -> ConditionIssue
    {
        let hint = unknownFieldHint(path, fields: fields, peer: peer)
        return ConditionIssue(
            code: .unknownField, range: range,
            message: .init(en: "the form has no field '\(path)'", zh: "表单中没有字段“\(path)”"),
            hint: hint.text, replacement: hint.replacement)
    }

    /// `result.<output-id>` that reads no result: the bundle has no such output
    /// (with a did-you-mean over the outputs that declare values), or the output
    /// declares no `values:`.
    static func unknownResult(_ path: String, range: Range<Int>, fields: [FormField], outputs: [String])
        -> ConditionIssue
    {
        let output = CaseResult.outputID(ofField: path) ?? path
        let results = fields.filter(\.isResult).map(\.id)
        if outputs.contains(output) {
            return ConditionIssue(
                code: .unknownField, range: range,
                message: .init(
                    en: "output '\(output)' declares no values, so no condition can read its result",
                    zh: "证照/结果“\(output)”没有声明可能的取值（values），条件无法读取其结果"),
                hint: .init(
                    en:
                        "declare the values its result can take under outputs: \(output): {name: …, values: [一级, 二级]}",
                    zh: "请在 outputs 下为其声明取值：\(output): {name: …, values: [一级, 二级]}"))
        }
        let closest = Suggestion.closest(to: path, among: results)
        let hint: LocalizedText =
            if let closest {
                .init(en: "did you mean '\(closest)'?", zh: "是否应为“\(closest)”？")
            } else if results.isEmpty {
                .init(
                    en:
                        "no output declares values; a result is read as result.<output-id> of an output with values:",
                    zh: "没有证照/结果声明取值；结果按 result.<证照/结果 id> 读取，该证照/结果须声明 values:")
            } else {
                .init(
                    en: "the results conditions can read are: \(results.joined(separator: ", "))",
                    zh: "条件可以读取的结果有：\(results.joined(separator: "、"))")
            }
        return ConditionIssue(
            code: .unknownField, range: range,
            message: .init(en: "the bundle has no output '\(output)'", zh: "本事项包没有证照/结果“\(output)”"),
            hint: hint, replacement: closest)
    }

    /// The hint about an unknown field, and the field to write instead when the hint
    /// is a did-you-mean.
    private static func unknownFieldHint(_ path: String, fields: [FormField], peer: FormField?)
        -> (text: LocalizedText, replacement: String?)
    {
        let replacement =
            closestValue(path, of: peer) == nil ? Suggestion.closest(to: path, among: fields.map(\.id)) : nil
        return (unknownFieldText(path, fields: fields, peer: peer), replacement)
    }

    /// The closest value of `peer` to `path`, or the value `path` spells exactly.
    private static func closestValue(_ path: String, of peer: FormField?) -> String? {
        guard let peer else { return nil }
        return Suggestion.closest(to: path, among: peer.values.map(\.id)) ?? exactValue(path, of: peer)
    }

    private static func unknownFieldText(_ path: String, fields: [FormField], peer: FormField?)
        -> LocalizedText
    {
        if let peer, let value = closestValue(path, of: peer) {
            return quoteHint(value, field: peer.id)
        }
        if let field = Suggestion.closest(to: path, among: fields.map(\.id)) {
            return .init(en: "did you mean '\(field)'?", zh: "是否应为“\(field)”？")
        }
        if let owner = fields.first(where: { exactValue(path, of: $0) != nil }) {
            return quoteHint(path, field: owner.id)
        }
        if path.contains("且") || path.contains("或") || path.contains("非") {
            return .init(
                en: "put spaces around 且, 或 and 非 when they join conditions",
                zh: "“且”“或”“非”用作连接词时，前后须留空格")
        }
        let names = fields.prefix(10).map(\.id)
        let more = fields.count > names.count ? ", …" : ""
        return .init(
            en: "the form's fields are: \(names.joined(separator: ", "))\(more)",
            zh: "表单中的字段有：\(names.joined(separator: "、"))\(more)")
    }

    private static func exactValue(_ word: String, of field: FormField) -> String? {
        field.values.first { $0.id == word }?.id
    }

    private static func quoteHint(_ value: String, field: String) -> LocalizedText {
        .init(
            en: "if you meant the value '\(value)' of '\(field)', put it in quotes: \"\(value)\"",
            zh: "如果指的是“\(field)”的选项“\(value)”，请加上引号：\"\(value)\"")
    }

    /// An enum value written without quotes: `death.place == outside-hospital`.
    static func bareValue(_ written: String, value: String, field: String, range: Range<Int>)
        -> ConditionIssue
    {
        ConditionIssue(
            code: .unknownField, range: range,
            message: .init(
                en: "'\(written)' is read as a field name, but it is a value of '\(field)'",
                zh: "“\(written)”被当作字段名读取，但它是“\(field)”的选项"),
            hint: .init(en: "put the value in quotes: \"\(value)\"", zh: "请给选项加上引号：\"\(value)\""))
    }

    /// The hint that says how to turn a value of `type` into true/false.
    private static func compareHint(_ written: String, type: ConditionType) -> LocalizedText {
        switch type {
        case .number:
            .init(en: "compare it with a number: \(written) > 0", zh: "请与数字比较，例如 \(written) > 0")
        case .text, .enumeration:
            .init(en: "compare it with a value: \(written) == \"…\"", zh: "请与某个值比较，例如 \(written) == \"…\"")
        case .date:
            .init(
                en: "compare it with a date: \(written) >= \"2025-01-01\"",
                zh: "请与日期比较，例如 \(written) >= \"2025-01-01\"")
        case .bool:
            .init(en: "write a comparison", zh: "请写成比较式")
        case .choices:
            .init(
                en: "test whether a value is chosen: \"…\" in \(written)",
                zh: "请判断是否选了某个值，例如 \"…\" in \(written)")
        }
    }

    /// A multi-choice field used as anything but the right side of `"value" in field`.
    static func choicesNeedIn(_ field: FormField, range: Range<Int>) -> ConditionIssue {
        let example = field.values.first.map(\.id) ?? "…"
        return ConditionIssue(
            code: .conditionType, range: range,
            message: .init(
                en:
                    "'\(field.id)' is a multi-choice field (a set of choices): it can only be tested for one value",
                zh: "“\(field.id)”是多选字段（一组选项），只能判断是否包含某个选项"),
            hint: .init(
                en: "write \"\(example)\" in \(field.id), or \"\(example)\" not in \(field.id)",
                zh: "请写成 \"\(example)\" in \(field.id) 或 \"\(example)\" not in \(field.id)"))
    }

    /// `in field` where the field is not a multi-choice field.
    static func notAMultiChoice(_ field: FormField, range: Range<Int>) -> ConditionIssue {
        let type = ConditionType(field.type)
        let hint: LocalizedText =
            type == .enumeration
            ? .init(
                en:
                    "to test one choice write \(field.id) == \"…\"; for several, \(field.id) in [\"…\", \"…\"]",
                zh: "判断单个选项请写 \(field.id) == \"…\"；多个选项请写 \(field.id) in [\"…\", \"…\"]")
            : .init(
                en: "a list after 'in' is written in square brackets: x in [1, 2]",
                zh: "“in”后面的列表请用方括号：x in [1, 2]")
        return ConditionIssue(
            code: .conditionType, range: range,
            message: .init(
                en: "'in \(field.id)' needs a multi-choice field, but '\(field.id)' is \(type.name.en)",
                zh: "“in \(field.id)”需要多选字段，而“\(field.id)”是\(type.name.zh)"),
            hint: hint)
    }

    /// The left side of `x in field` (a multi-choice field) that is not a quoted value.
    static func choiceNotQuoted(_ written: String, type: ConditionType?, field: FormField, range: Range<Int>)
        -> ConditionIssue
    {
        let what = type.map { LocalizedText(en: ", but it is \($0.name.en)", zh: "，而它是\($0.name.zh)") }
        let example = field.values.first.map(\.id) ?? "…"
        return ConditionIssue(
            code: .conditionType, range: range,
            message: .init(
                en: "'\(written)' should be one value of '\(field.id)' in quotes\(what?.en ?? "")",
                zh: "“\(written)”应为“\(field.id)”的一个选项值并加引号\(what?.zh ?? "")"),
            hint: .init(
                en: "for example: \"\(example)\" in \(field.id)", zh: "例如：\"\(example)\" in \(field.id)"))
    }

    /// A value that is not true/false where a condition is needed.
    static func notACondition(_ written: String, type: ConditionType, context: BoolContext, range: Range<Int>)
        -> ConditionIssue
    {
        let message: LocalizedText
        switch context {
        case .whole:
            message = .init(
                en: "a condition must be true or false, but '\(written)' is \(type.name.en)",
                zh: "条件的结果须为是或否，而“\(written)”是\(type.name.zh)")
        case .operand(let word):
            message = .init(
                en: "'\(word)' works on true/false conditions, but '\(written)' is \(type.name.en)",
                zh: "“\(word)”只能连接结果为是/否的条件，而“\(written)”是\(type.name.zh)")
        }
        return ConditionIssue(
            code: .conditionType, range: range, message: message, hint: compareHint(written, type: type))
    }

    /// Arithmetic on something that is not a number.
    static func arithmeticOnNonNumber(op: String, operand: String, type: ConditionType, range: Range<Int>)
        -> ConditionIssue
    {
        ConditionIssue(
            code: .conditionType, range: range,
            message: .init(
                en: "'\(op)' works on numbers, but '\(operand)' is \(type.name.en)",
                zh: "“\(op)”只能用于数字，而“\(operand)”是\(type.name.zh)"),
            hint: .init(
                en: "only integer and number fields can be calculated with",
                zh: "只有整数或数字类型的字段才能参与计算"))
    }

    /// `<`, `<=`, `>`, `>=` on text, choices or true/false.
    static func orderingNotAllowed(
        _ op: ComparisonOperator, operand: String, type: ConditionType, range: Range<Int>
    )
        -> ConditionIssue
    {
        ConditionIssue(
            code: .conditionType, range: range,
            message: .init(
                en: "'\(op.rawValue)' compares numbers or dates, but '\(operand)' is \(type.name.en)",
                zh: "“\(op.rawValue)”只能比较数字或日期的大小，而“\(operand)”是\(type.name.zh)"),
            hint: type == .bool
                ? .init(en: "use '==' or '!='", zh: "请用“==”或“!=”")
                : .init(
                    en: "use '==', '!=' or 'in [ … ]' for \(type.name.en)",
                    zh: "\(type.name.zh)请用“==”“!=”或“in [ … ]”"))
    }

    /// Two operands of different types compared.
    static func typeMismatch(
        _ op: ComparisonOperator, left: String, leftType: ConditionType, right: String,
        rightType: ConditionType,
        range: Range<Int>, quotedValue: String? = nil
    ) -> ConditionIssue {
        var hint: LocalizedText?
        if let quotedValue, leftType == .number, Double(quotedValue) != nil {
            hint = .init(en: "remove the quotes: \(quotedValue)", zh: "请去掉引号：\(quotedValue)")
        } else if let quotedValue, leftType == .bool, quotedValue == "true" || quotedValue == "false" {
            hint = .init(en: "remove the quotes: \(quotedValue)", zh: "请去掉引号：\(quotedValue)")
        } else if leftType == .enumeration || rightType == .enumeration,
            leftType == .number || rightType == .number
        {
            hint = .init(en: "choices are text: put the value in quotes", zh: "选项是文字，请给值加上引号")
        } else if leftType == .date || rightType == .date {
            hint = .init(en: "write dates in quotes as \"YYYY-MM-DD\"", zh: "日期请加引号并写成 \"YYYY-MM-DD\"")
        }
        return ConditionIssue(
            code: .conditionType, range: range,
            message: .init(
                en:
                    "'\(op.rawValue)' cannot compare '\(left)' (\(leftType.name.en)) with '\(right)' (\(rightType.name.en))",
                zh: "“\(op.rawValue)”不能比较“\(left)”（\(leftType.name.zh)）和“\(right)”（\(rightType.name.zh)）"),
            hint: hint)
    }

    /// Quoted text compared with a date field that is not a date.
    static func notADate(_ written: String, range: Range<Int>) -> ConditionIssue {
        ConditionIssue(
            code: .conditionType, range: range,
            message: .init(en: "'\(written)' is not a date", zh: "“\(written)”不是有效日期"),
            hint: .init(
                en: "write a date that exists as YYYY-MM-DD, such as \"2025-10-01\"",
                zh: "请按 YYYY-MM-DD 写一个真实存在的日期，如 \"2025-10-01\""))
    }

    /// A list value of another type than the value tested.
    static func listValueMismatch(
        _ written: String, type: ConditionType, subject: String, subjectType: ConditionType, range: Range<Int>
    ) -> ConditionIssue {
        ConditionIssue(
            code: .conditionType, range: range,
            message: .init(
                en: "'\(subject)' is \(subjectType.name.en), but the list holds \(written) (\(type.name.en))",
                zh: "“\(subject)”是\(subjectType.name.zh)，但列表中的 \(written) 是\(type.name.zh)"),
            hint: .init(
                en: "every value in the list must be \(subjectType.name.en)",
                zh: "列表中的值都须为\(subjectType.name.zh)"))
    }

    /// An enum compared with a value it does not declare (`OT404`).
    static func undeclaredValue(_ value: String, field: FormField, range: Range<Int>) -> ConditionIssue {
        let hint: LocalizedText
        if let labelled = field.values.first(where: { $0.label == value && $0.id != value }) {
            hint = .init(
                en:
                    "'\(value)' is the label of the value '\(labelled.id)'; conditions use the value: \"\(labelled.id)\"",
                zh: "“\(value)”是选项“\(labelled.id)”的名称；条件中请写选项值：\"\(labelled.id)\"")
        } else if let close = Suggestion.closest(to: value, among: field.values.map(\.id)) {
            hint = .init(en: "did you mean \"\(close)\"?", zh: "是否应为 \"\(close)\"？")
        } else if field.values.isEmpty {
            hint = .init(en: "declare the field's values under 'values'", zh: "请在“values”下声明该字段的选项")
        } else {
            let names = field.values.prefix(10).map { "\"\($0.id)\"" }
            let more = field.values.count > names.count ? ", …" : ""
            hint = .init(
                en: "its values are \(names.joined(separator: ", "))\(more)",
                zh: "它的选项有 \(names.joined(separator: "、"))\(more)")
        }
        return ConditionIssue(
            code: .undeclaredEnumValue, range: range,
            message: .init(
                en: "'\(field.id)' has no value '\(value)'", zh: "字段“\(field.id)”没有选项“\(value)”"),
            hint: hint)
    }
}
