import Foundation
import OneThingCalendar
import OneThingConditions
import OneThingModel
import OneThingSource

// The findings of the plan stage.

extension Diagnostic {
    /// The bundle's promise is shorter than the critical path for some applicant.
    static func promiseBroken(
        bundle: ServiceBundle, promise: Located<TimeLimit>, path: CriticalPath, answers: ConditionAnswers
    ) -> Diagnostic {
        let days = CriticalPath.format(path.workdays)
        let steps = path.steps.map { step -> (en: String, zh: String, span: SourceSpan) in
            switch step {
            case .item(let i):
                let item = bundle.items[i]
                return (
                    "\(item.id.value) (\(path.limits[i]))",
                    "\(item.name)（\(path.limits[i].chineseDescription)）",
                    item.promised.span
                )
            case .inspection(let k):
                let inspection = bundle.inspections[k]
                return (
                    "\(inspection.id.value) (\(inspection.duration.value))",
                    "\(inspection.name)（\(inspection.duration.value.chineseDescription)）",
                    inspection.duration.span
                )
            }
        }
        // A promise chosen by rule is these applicants' own, not the bundle's only one.
        let byRule = !bundle.promiseRules.isEmpty
        let answersText = answers.description
        let none = answers.values.isEmpty
        let whoEN = none ? "for every applicant" : "for the answers \(answersText)"
        let whoZH = none ? "对每位申请人" : "当答案为 \(answersText) 时"
        return Diagnostic(
            code: .promiseBrokenInWorstCase, severity: .error, span: promise.span,
            message: .init(
                en:
                    "the bundle promises \(byRule ? "these applicants " : "")\(promise.value), but \(whoEN) its critical path takes \(days) workdays: \(steps.map(\.en).joined(separator: " → "))",
                zh:
                    "本件事\(byRule ? "按规则向这些申请人" : "")承诺\(promise.value.chineseDescription)，但\(whoZH)，关键路径需要\(days)个工作日：\(steps.map(\.zh).joined(separator: " → "))"
            ),
            hint: .init(
                en: "promise at least \(days) workdays, or shorten the promised limits on this path",
                zh: "请把承诺时限设为至少\(days)个工作日，或缩短该路径上事项的承诺时限"),
            notes: steps.map {
                DiagnosticNote(
                    span: $0.span, message: .init(en: "on the critical path: \($0.en)", zh: "关键路径上：\($0.zh)"))
            })
    }

    /// The worst case could not be searched completely.
    static func worstCaseIncomplete(bundle: ServiceBundle, fields: [String], combinations: Int) -> Diagnostic
    {
        let count = combinations == Int.max ? "too many" : String(combinations)
        return Diagnostic(
            code: .worstCaseIncomplete, severity: .warning, span: bundle.promise.span,
            message: .init(
                en:
                    "the promise could not be checked for every applicant: conditions read \(fields.count) fields together (\(count) combinations of answers, more than the \(AnswerSpace.defaultLimit) searched)",
                zh:
                    "未能对所有申请人核对承诺时限：条件共同涉及 \(fields.count) 个字段（\(count) 种答案组合，超过可搜索的 \(AnswerSpace.defaultLimit) 种）"
            ),
            hint: .init(
                en: "split conditions that read many fields at once, so each reads only the fields it needs",
                zh: "请拆分同时涉及大量字段的条件，让每个条件只涉及必要的字段"))
    }

    /// The worst case was searched with representatives that may miss outcomes.
    static func worstCaseHeuristic(bundle: ServiceBundle) -> Diagnostic {
        Diagnostic(
            code: .worstCaseIncomplete, severity: .warning, span: bundle.promise.span,
            message: .init(
                en:
                    "the promise was checked with sample answers only: a condition compares number or date fields with each other, so some applicants may not have been tried",
                zh: "承诺时限只按抽样答案核对：有条件在数字或日期字段之间相互比较，部分申请人情形可能未覆盖"),
            hint: .init(
                en:
                    "compare each field with fixed values where the policy allows it (area >= 150), not with other fields",
                zh: "如政策允许，请让字段与固定数值比较（如 面积 >= 150），而不是与其他字段比较"))
    }

    /// Two items that apply to one applicant issue the same output.
    static func outputProducedTwice(_ output: String, items: [Item], answers: ConditionAnswers) -> Diagnostic
    {
        let second = items[1]
        let span = second.produces.first { $0.value == output }?.span ?? second.id.span
        let names = items.map(\.id.value).joined(separator: ", ")
        return Diagnostic(
            code: .outputProducedTwice, severity: .error, span: span,
            message: .init(
                en:
                    "output '\(output)' is issued by \(items.count) items at once (\(names)) for the answers \(answers)",
                zh: "当答案为 \(answers) 时，证照/结果“\(output)”由 \(items.count) 个事项同时出具（\(names)）"),
            hint: .init(
                en: "give the items exclusive conditions, or let only one of them produce '\(output)'",
                zh: "请让这些事项的条件互斥，或只让其中一个事项产出“\(output)”"),
            notes: items.dropLast(items.count - 1).map { item in
                DiagnosticNote(
                    span: item.produces.first { $0.value == output }?.span ?? item.id.span,
                    message: .init(en: "also issued by '\(item.id.value)'", zh: "“\(item.id.value)”也出具它"))
            })
    }
}

extension CriticalPath {
    /// A number of working days as people write it: `6`, `6.5`, `7.14`.
    public static func format(_ workdays: Double) -> String {
        DecimalText.trimmed(workdays, places: 2)
    }
}

extension Diagnostic {
    /// The applicant does not meet an eligibility rule of the bundle: the rule's own
    /// message, with the answers it reads.
    static func notEligible(
        _ rule: ConditionRule, bundle: ServiceBundle, readings: [(field: FormField, value: ConditionValue?)],
        at span: SourceSpan
    ) -> Diagnostic {
        let shown = shownAnswers(readings)
        return Diagnostic(
            code: .notEligible, severity: .error, span: span,
            message: .init(
                en: "not eligible for \(bundle.title): \(rule.message.en)",
                zh: "不符合\(bundle.title)的申请条件：\(rule.message.zh)"),
            hint: .init(
                en:
                    "the eligibility rule \(rule.check.text) does not hold for these answers (\(shown.en))",
                zh: "这些答案（\(shown.zh)）不满足申请条件 \(rule.check.text)"),
            notes: [
                DiagnosticNote(
                    span: rule.check.scalar.span,
                    message: .init(en: "the eligibility rule is written here", zh: "该申请条件写在这里"))
            ])
    }
}
