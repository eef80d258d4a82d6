import OneThingModel
import OneThingSource

// The findings of the condition stage as diagnostics: issues located inside a
// condition mapped to the file, and the findings about whole conditions (OT405) and
// the form (OT406, OT408).

extension Diagnostic {
    /// The diagnostic of `issue`, found in the condition `source` of `file`, pointing at
    /// the exact characters inside the YAML scalar.
    /// The issue's replacement becomes a fix when the span is known to hold exactly the
    /// characters the issue is about.
    public init(_ issue: ConditionIssue, in source: ConditionSource, file: SourceFile) {
        let scalar = source.scalar
        let span = scalar.span(ofValueRange: issue.range, in: file)
        let scalars = Array(scalar.value.unicodeScalars)
        var fixes: [DiagnosticFix] = []
        if let replacement = issue.replacement, issue.range.lowerBound >= 0,
            issue.range.upperBound <= scalars.count,
            let written = file.text(of: span),
            String(written) == String(String.UnicodeScalarView(scalars[issue.range]))
        {
            fixes = [DiagnosticFix(span: span, replacement: replacement)]
        }
        self.init(
            code: issue.code, severity: issue.severity,
            span: span, message: issue.message, hint: issue.hint,
            notes: issue.notes.map {
                DiagnosticNote(span: scalar.span(ofValueRange: $0.range, in: file), message: $0.message)
            }, fixes: fixes)
    }

    /// A condition that is false for every applicant (`OT405`), naming the parts that
    /// contradict each other.
    static func neverTrue(
        _ condition: CheckedCondition, parts: [CheckedExpression], owner: ConditionOwner,
        source: ConditionSource,
        file: SourceFile
    ) -> Diagnostic {
        let whole = parts.count == 1 && parts[0].range == condition.expression.range
        let quoted = parts.map { condition.excerpt($0.range) }
        var message = LocalizedText(
            en: "\(owner.phrase.en) can never be true, whatever the applicant answers",
            zh: "\(owner.phrase.zh)永远不成立，无论申请人如何填写")
        if !whole {
            switch quoted.count {
            case 1:
                message.en += ": '\(quoted[0])' never holds"
                message.zh += "：“\(quoted[0])”不可能成立"
            case 2:
                message.en += ": '\(quoted[0])' and '\(quoted[1])' cannot both hold"
                message.zh += "：“\(quoted[0])”与“\(quoted[1])”不可能同时成立"
            default:
                message.en += ": \(quoted.map { "'\($0)'" }.joined(separator: ", ")) cannot all hold"
                message.zh += "：\(quoted.map { "“\($0)”" }.joined(separator: "、"))不可能同时成立"
            }
        }
        var hint = LocalizedText(en: "check the values it compares with", zh: "请检查条件中用于比较的值")
        var seen = Set<String>()
        for reference in parts.flatMap(\.fieldReferences) where seen.insert(reference.id).inserted {
            let field = condition.layout.fields[reference.slot]
            guard let range = Self.boundsText(field) else { continue }
            hint.en += "; the form allows '\(field.id)' \(range.en)"
            hint.zh += "；表单规定“\(field.id)”\(range.zh)"
        }
        let count = condition.text.unicodeScalars.count
        let scalar = source.scalar
        return Diagnostic(
            code: .conditionNeverTrue,
            severity: DiagnosticCode.conditionNeverTrue.entry?.severity ?? .warning,
            span: scalar.span(ofValueRange: 0..<count, in: file), message: message, hint: hint,
            notes: whole
                ? []
                : parts.map {
                    DiagnosticNote(
                        span: scalar.span(ofValueRange: $0.range, in: file),
                        message: .init(en: "this part", zh: "这一部分"))
                })
    }

    private static func boundsText(_ field: FormField) -> LocalizedText? {
        func text(_ bound: FieldBound) -> String {
            switch bound {
            case .number(let value): ConditionValue.number(value).description
            case .date(let value): value.description
            }
        }
        switch (field.minimum, field.maximum) {
        case (let low?, let high?):
            return .init(en: "from \(text(low)) to \(text(high))", zh: "取值为 \(text(low)) 至 \(text(high))")
        case (let low?, nil): return .init(en: "from \(text(low))", zh: "取值不小于 \(text(low))")
        case (nil, let high?): return .init(en: "up to \(text(high))", zh: "取值不大于 \(text(high))")
        case (nil, nil): return nil
        }
    }

    // MARK: The form (OT406, OT408)

    /// A form field that nothing reads (`OT406`).
    static func unusedField(_ field: FormField) -> Diagnostic {
        Diagnostic(
            code: .unusedField, severity: DiagnosticCode.unusedField.entry?.severity ?? .warning,
            span: field.span,
            message: .init(
                en: "the form asks for '\(field.id)', but no condition or notice uses it",
                zh: "表单要求填写“\(field.id)”，但没有任何条件或告知内容用到它"),
            hint: .init(
                en: "remove the field so applicants are not asked for it, or use it in a condition",
                zh: "请删去该字段以免申请人多填，或在条件中使用它"))
    }

    private static func badField(
        _ span: SourceSpan, _ message: LocalizedText, hint: LocalizedText, notes: [DiagnosticNote] = []
    )
        -> Diagnostic
    {
        Diagnostic(
            code: .badField, severity: DiagnosticCode.badField.entry?.severity ?? .error, span: span,
            message: message, hint: hint, notes: notes)
    }

    /// A field whose id is a keyword of the condition language.
    static func keywordFieldID(_ field: FormField) -> Diagnostic {
        badField(
            field.span,
            .init(
                en: "conditions cannot read a field named '\(field.id)': it is a keyword",
                zh: "字段名“\(field.id)”是条件中的关键字，条件无法引用它"),
            hint: .init(en: "rename the field", zh: "请给字段换一个名字"))
    }

    /// An enum field without values.
    static func enumWithoutValues(_ field: FormField) -> Diagnostic {
        badField(
            field.span,
            .init(en: "the choice field '\(field.id)' has no values", zh: "选项字段“\(field.id)”没有任何选项"),
            hint: .init(en: "list its values under 'values'", zh: "请在“values”下列出选项"))
    }

    /// A multi-choice field with more values than its answers can hold.
    static func tooManyChoices(_ field: FormField, limit: Int) -> Diagnostic {
        badField(
            field.span,
            .init(
                en:
                    "the multi-choice field '\(field.id)' has \(field.values.count) values; the most it may have is \(limit)",
                zh: "多选字段“\(field.id)”有 \(field.values.count) 个选项，最多只能有 \(limit) 个"),
            hint: .init(
                en: "split it into several multi-choice fields by topic",
                zh: "请按主题拆分为几个多选字段"))
    }

    /// An enum value declared twice.
    static func duplicateEnumValue(_ value: EnumValue, earlier: EnumValue, field: FormField) -> Diagnostic {
        badField(
            value.span,
            .init(
                en: "the choice field '\(field.id)' lists the value '\(value.id)' twice",
                zh: "选项字段“\(field.id)”重复列出了选项“\(value.id)”"),
            hint: .init(en: "remove one of them", zh: "请删去其中一个"),
            notes: [.init(span: earlier.span, message: .init(en: "first listed here", zh: "首次列出在这里"))])
    }

    /// A bound of the wrong kind, or on a type without bounds.
    static func boundDoesNotFit(key: String, bound: FieldBound, field: FormField) -> Diagnostic {
        let expected: LocalizedText =
            switch field.type {
            case .integer, .number: .init(en: "a number", zh: "数字")
            case .date: .init(en: "a date", zh: "日期")
            default: .init(en: "nothing: this type has no bounds", zh: "无：该类型不能设置范围")
            }
        return badField(
            field.span,
            .init(
                en:
                    "'\(key)' of '\(field.id)' (\(field.type.rawValue)) does not fit: it should be \(expected.en)",
                zh: "“\(field.id)”（\(field.type.rawValue)）的“\(key)”不合适：应为\(expected.zh)"),
            hint: .init(en: "correct or remove '\(key)'", zh: "请修改或删去“\(key)”"))
    }

    /// `min` above `max`.
    static func boundsReversed(low: String, high: String, field: FormField) -> Diagnostic {
        badField(
            field.span,
            .init(
                en: "'\(field.id)' has min \(low) above max \(high): no answer fits",
                zh: "“\(field.id)”的最小值 \(low) 大于最大值 \(high)，任何答案都不符合"),
            hint: .init(en: "swap or correct the bounds", zh: "请交换或修正上下限"))
    }
}
