import Foundation
import OneThing
import OneThingConditions

/// Why an item applies or not, in the applicant's words: made from the labels of the
/// form fields its condition read and the answers given, never from the condition's
/// syntax.
///
/// In Chinese, a yes-or-no question written as `是否……？` becomes a statement:
/// `是否已经取得营业执照？` answered no gives `您尚未取得营业执照`, `逝者是否有住房公积金账户？`
/// answered no gives `逝者没有住房公积金账户`. Other questions are quoted with the answer:
/// `您对“逝者在哪里去世？”的回答是“医疗卫生机构”`. In English the question is quoted with the
/// answer (the labels are Chinese).
struct NoticeReasons: Sendable {
    /// The language of the letter.
    let language: Language

    private var words: NoticeWords { NoticeWords(language: language) }

    /// The reason of one decision, as a sentence: `因您尚未取得营业执照，需要办理。`
    func sentence(for decision: ItemDecision) -> String {
        if let awaiting = decision.awaiting {
            let text = awaiting.text
            return words.say("It \(text.en).", "\(text.zh)。")
        }
        guard decision.condition != nil, !decision.readings.isEmpty else {
            return decision.applies
                ? words.say("Every applicant needs this item.", "每位申请人都需办理。")
                : words.say("Does not apply to this case.", "本次无需办理。")
        }
        let phrases = decision.readings.map { phrase(field: $0.field, value: $0.value) }
        switch language {
        case .zh:
            let verdict = decision.applies ? "需要办理" : "无需办理"
            if phrases.count == 1 { return "因\(phrases[0])，\(verdict)。" }
            return "根据您的回答（\(phrases.joined(separator: "；"))），\(verdict)。"
        case .en:
            let verdict = decision.applies ? "Applies" : "Does not apply"
            return "\(verdict) because \(words.join(phrases))."
        }
    }

    /// One answer in plain words: `您尚未取得营业执照`, `you answered “…” with “no”`.
    func phrase(field: FormField, value: ConditionValue?) -> String {
        guard let value else {
            return words.say(
                "the question “\(field.label)” was not answered", "您未回答“\(field.label)”")
        }
        if case .choices(let ids) = value {
            let question = Self.plain(field.label)
            if ids.isEmpty {
                return words.say("you ticked none of “\(question)”", "您在“\(question)”中一项也没有选")
            }
            let chosen = answer(field: field, value: value)
            return words.say("you ticked “\(chosen)” for “\(question)”", "您在“\(question)”中选了“\(chosen)”")
        }
        if language == .zh, case .bool(let yes) = value, let statement = Self.statement(field.label, yes: yes)
        {
            return statement
        }
        if language == .zh, field.type != .bool, !Self.isQuestion(field.label) {
            return "\(Self.plain(field.label))为\(answer(field: field, value: value))"
        }
        return words.say(
            "you answered “\(field.label)” with “\(answer(field: field, value: value))”",
            "您对“\(field.label)”的回答是“\(answer(field: field, value: value))”")
    }

    /// The answer as the applicant gave it: `是`, `医疗卫生机构`, `80平方米`.
    func answer(field: FormField, value: ConditionValue) -> String {
        let unit = field.unit.map { language == .zh ? $0 : " " + $0 } ?? ""
        switch value {
        case .bool(let yes): return yes ? words.say("yes", "是") : words.say("no", "否")
        case .number: return value.description + unit
        case .date(let date): return date.description
        case .choices(let ids):
            let labels = ids.map { id in
                field.values.first { $0.id == id }.map { Self.withoutAsides($0.label) } ?? id
            }
            if labels.isEmpty { return words.say("none", "都不是") }
            return labels.joined(separator: words.say(", ", "、"))
        case .text(let text):
            guard field.type == .enum, let declared = field.values.first(where: { $0.id == text }) else {
                return text
            }
            return Self.withoutAsides(declared.label)
        }
    }

    /// Whether a label is a question: it ends with a question mark.
    static func isQuestion(_ label: String) -> Bool {
        label.hasSuffix("？") || label.hasSuffix("?")
    }

    /// A label without its question mark, full stop and asides in brackets.
    static func plain(_ label: String) -> String {
        var text = withoutAsides(label)
        while let last = text.last, "？?。.：: ".contains(last) { text.removeLast() }
        return text
    }

    /// Text without its asides in brackets (`（如交通事故等）`), unless nothing else is left.
    static func withoutAsides(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            switch character {
            case "（", "(":
                depth += 1
            case "）", ")":
                depth = max(0, depth - 1)
            default:
                if depth == 0 { result.append(character) }
            }
        }
        let trimmed = result.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? text : trimmed
    }

    /// A `是否` question answered yes or no, as a statement; `nil` for other questions.
    ///
    /// The subject is what comes before `是否` (`逝者`), or the applicant (`您`) when
    /// nothing does. A predicate that says what something *is* (`为非正常死亡`) takes no
    /// applicant as its subject. Negation follows the predicate: `已经`/`已` → `尚未`,
    /// `有` → `没有`, `是`/`为` → `不是` (`不属于` without a subject), a verb with `了`
    /// → `未`; otherwise `不` for the applicant's own plans and `未` for a fact about
    /// someone else.
    static func statement(_ label: String, yes: Bool) -> String? {
        let text = plain(label)
        guard let marker = text.range(of: "是否") else { return nil }
        let subject = String(text[..<marker.lowerBound])
        var predicate = String(text[marker.upperBound...])
        guard !predicate.isEmpty else { return nil }
        if predicate.hasPrefix("为") || predicate.hasPrefix("是") {
            let rest = predicate.dropFirst()
            if subject.isEmpty { return (yes ? "属于" : "不属于") + rest }
            return subject + (yes ? "为" : "不是") + rest
        }
        let who = subject.isEmpty ? "您" : subject
        if yes { return who + predicate }
        for (prefix, negation) in [("已经", "尚未"), ("已", "尚未"), ("有", "没有")] where predicate.hasPrefix(prefix) {
            return who + negation + predicate.dropFirst(prefix.count)
        }
        if let particle = predicate.firstIndex(of: "了") {
            predicate.remove(at: particle)
            return who + "未" + predicate
        }
        return who + (subject.isEmpty ? "不" : "未") + predicate
    }
}
