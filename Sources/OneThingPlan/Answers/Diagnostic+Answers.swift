import OneThingConditions
import OneThingModel
import OneThingSource

// The findings about one applicant's answers.

extension Diagnostic {
    static func fieldNote(_ field: FormField) -> DiagnosticNote {
        DiagnosticNote(
            span: field.span,
            message: .init(en: "the question '\(field.label)' is declared here", zh: "问题“\(field.label)”在此声明")
        )
    }

    static func expected(_ field: FormField) -> LocalizedText {
        switch field.type {
        case .bool: .init(en: "true or false", zh: "true 或 false")
        case .integer: .init(en: "a whole number", zh: "整数")
        case .number: .init(en: "a number", zh: "数字")
        case .date: .init(en: "a date such as 2025-10-01", zh: "日期，如 2025-10-01")
        case .enum:
            .init(
                en: "one of \(field.values.map(\.id).joined(separator: ", "))",
                zh: "\(field.values.map { "\($0.id)（\($0.label)）" }.joined(separator: "、"))之一")
        case .multiChoice:
            .init(
                en:
                    "a list of any of \(field.values.map(\.id).joined(separator: ", ")), such as [\(field.values.first?.id ?? "")], or [] for none",
                zh:
                    "由\(field.values.map { "\($0.id)（\($0.label)）" }.joined(separator: "、"))中任意几项组成的列表，如 [\(field.values.first?.id ?? "")]，都不选写 []"
            )
        case .idNumber: .init(en: "an identity number", zh: "身份证号")
        case .creditCode: .init(en: "a unified social credit code", zh: "统一社会信用代码")
        case .phone: .init(en: "a telephone number", zh: "电话号码")
        case .text: .init(en: "text", zh: "文本")
        }
    }

    /// A required question was not answered; `because` is the condition that makes it
    /// required, for a question required only under one.
    static func answerMissing(_ field: FormField, at span: SourceSpan, because: ConditionSource? = nil)
        -> Diagnostic
    {
        let reason = because.map {
            LocalizedText(
                en: ": it is required because \($0.text) holds", zh: "：因“\($0.text)”成立，此题必答")
        }
        return Diagnostic(
            code: .answerMissing, severity: .error, span: span,
            message: .init(
                en: "the required question '\(field.id)' (\(field.label)) has no answer\(reason?.en ?? "")",
                zh: "必答问题“\(field.id)”（\(field.label)）没有回答\(reason?.zh ?? "")"),
            hint: .init(
                en: "answer it with \(expected(field).en): \(field.id): …",
                zh: "请回答\(expected(field).zh)：\(field.id): …"),
            notes: [fieldNote(field)])
    }

    /// An answer that does not fit the field's type or format.
    static func answerType(_ node: YAMLNode, field: FormField, problem: LocalizedText? = nil) -> Diagnostic {
        let shown = node.scalar?.value ?? node.kindName.en
        return Diagnostic(
            code: .answerType, severity: .error, span: node.span,
            message: .init(
                en:
                    "'\(shown)' is not an answer to '\(field.id)' (\(field.label)): \(problem?.en ?? "expected \(expected(field).en)")",
                zh:
                    "“\(shown)”不是问题“\(field.id)”（\(field.label)）的有效答案：\(problem?.zh ?? "应为\(expected(field).zh)")"
            ),
            hint: .init(en: "answer with \(expected(field).en)", zh: "请填写\(expected(field).zh)"),
            notes: [fieldNote(field)])
    }

    /// The answers a condition reads, as findings list them: `a = 1, b = "x"`, an
    /// unanswered one as `a = —`.
    static func shownAnswers(_ readings: [(field: FormField, value: ConditionValue?)]) -> LocalizedText {
        let shown = readings.map { "\($0.field.id) = \($0.value?.description ?? "—")" }
        return LocalizedText(en: shown.joined(separator: ", "), zh: shown.joined(separator: "，"))
    }

    /// Answers that break a rule of the form (`form-rules:`): the rule's own message,
    /// with the answers it reads.
    static func answerBreaksRule(
        _ rule: ConditionRule, readings: [(field: FormField, value: ConditionValue?)], at span: SourceSpan
    ) -> Diagnostic {
        let shown = shownAnswers(readings)
        return Diagnostic(
            code: .answerBreaksRule, severity: .error, span: span,
            message: rule.message,
            hint: .init(
                en: "the form's rule \(rule.check.text) does not hold for these answers (\(shown.en))",
                zh: "这些答案（\(shown.zh)）不符合表单规则 \(rule.check.text)"),
            notes: [
                DiagnosticNote(
                    span: rule.check.scalar.span,
                    message: .init(en: "the rule is written here", zh: "该规则写在这里"))
            ])
    }

    /// An answer outside the field's bounds.
    static func answerOutOfRange(_ node: YAMLNode, field: FormField, bound: String) -> Diagnostic {
        let shown = node.scalar?.value ?? ""
        return Diagnostic(
            code: .answerOutOfRange, severity: .error, span: node.span,
            message: .init(
                en: "the answer \(shown) to '\(field.id)' (\(field.label)) must be \(bound)",
                zh: "问题“\(field.id)”（\(field.label)）的答案 \(shown) 应 \(bound)"),
            hint: .init(en: "check the answer; the form allows only \(bound)", zh: "请核对答案；表单只允许 \(bound)"),
            notes: [fieldNote(field)])
    }

    /// An answer to an enum field that is not one of its values.
    static func answerUndeclaredValue(_ s: YAMLScalar, field: FormField) -> Diagnostic {
        let ids = field.values.map(\.id)
        let byLabel = field.values.first { $0.label == s.value }
        let hint: LocalizedText =
            byLabel.map { .init(en: "write the value, not its label: \($0.id)", zh: "请写选项值而不是名称：\($0.id)") }
            ?? Suggestion.hint(for: s.value, among: ids)
            ?? .init(en: "answer with \(expected(field).en)", zh: "请填写\(expected(field).zh)")
        return Diagnostic(
            code: .answerUndeclaredValue, severity: .error, span: s.span,
            message: .init(
                en: "'\(s.value)' is not a value of '\(field.id)' (\(field.label))",
                zh: "“\(s.value)”不是问题“\(field.id)”（\(field.label)）的可选值"),
            hint: hint, notes: [fieldNote(field)])
    }

    /// An answer to a question the form does not ask.
    static func answerUnknownField(_ answer: Answer, among ids: [String]) -> Diagnostic {
        Diagnostic(
            code: .answerUnknownField, severity: .error, span: answer.span,
            message: .init(
                en: "the form has no question '\(answer.field)'", zh: "表单中没有问题“\(answer.field)”"),
            hint: Suggestion.hint(for: answer.field, among: ids)
                ?? .init(
                    en: "the form asks: \(ids.joined(separator: ", "))",
                    zh: "表单的问题有：\(ids.joined(separator: "、"))"))
    }
}
