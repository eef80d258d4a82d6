import OneThingConditions
import OneThingModel
import OneThingSource

/// Checks one applicant's answers against the bundle's form before a plan is built:
/// every answer names a question of the form and fits its type, its bounds and its
/// values; every required question is answered, and every question required under a
/// condition that holds, of those about the application or a party that takes part; the answers keep the form's rules (`form-rules:`).
///
/// This is the one check of answers: plans (and so `onething plan`, the server's
/// cases and the bundle's test cases) and the validator's check of test answers use it.
public struct AnswerChecker: Sendable {
    /// The form.
    public let form: Form
    /// The checked conditions of the form: of fields required under a condition
    /// (``ConditionOwner/requiredWhen(field:)``) and of its rules
    /// (``ConditionOwner/formRule(_:)``). A condition missing here (it did not check)
    /// is not applied.
    let conditions: [ConditionOwner: CheckedCondition]

    /// Creates a checker for `form`, whose conditions checked as `conditions` (by owner).
    public init(form: Form, conditions: [ConditionOwner: CheckedCondition] = [:]) {
        self.form = form
        self.conditions = conditions
    }

    /// The answers as conditions read them, and every problem with them. `missingAt`
    /// locates the findings about questions that were not answered (the start of an
    /// answers file, or a test case's `answers:`).
    public func check(_ answers: [Answer], missingAt: SourceSpan) -> (ConditionAnswers, [Diagnostic]) {
        var values = ConditionAnswers(form: form)
        var found: [Diagnostic] = []
        var answered = Set<String>()
        let ids = form.fields.map(\.id)
        for answer in answers {
            guard let field = form[answer.field] else {
                found.append(.answerUnknownField(answer, among: ids))
                continue
            }
            answered.insert(field.id)
            if case .scalar(let s) = answer.node, s.isNull { continue }  // an explicit "no answer"
            guard let value = ConditionValue(answer: answer.node, for: field) else {
                if field.type == .enum, let s = answer.node.scalar {
                    found.append(.answerUndeclaredValue(s, field: field))
                } else if field.type == .multiChoice, let s = Self.undeclaredChoice(answer.node, of: field) {
                    found.append(.answerUndeclaredValue(s, field: field))
                } else {
                    found.append(
                        .answerType(
                            answer.node, field: field,
                            problem: AnswerFormat.numberProblem(answer.node, for: field)))
                }
                continue
            }
            if let problem = AnswerFormat.problem(with: value, for: field) {
                found.append(.answerType(answer.node, field: field, problem: problem))
                continue
            }
            if let bound = outOfBounds(value, field) {
                found.append(.answerOutOfRange(answer.node, field: field, bound: bound))
                continue
            }
            values[field.id] = value
        }
        for field in form.fields where asksTakingPart(field, values) {
            let because = field.required ? nil : requiredBecause(field, values)
            guard field.required || because != nil else { continue }
            if !answered.contains(field.id) {
                found.append(.answerMissing(field, at: missingAt, because: because))
            } else if values[field.id] == nil, let answer = answers.first(where: { $0.field == field.id }),
                answer.node.scalar?.isNull == true
            {
                // Answered with null: as good as missing, unless already reported as wrong.
                found.append(.answerMissing(field, at: answer.span, because: because))
            }
        }
        found += ruleFindings(values, answers: answers, missingAt: missingAt)
        return (values, found)
    }

    /// Whether `field` asks about the application, or about a party that takes part
    /// for these answers (``ConditionOwner/party(_:)``): a question about a party that
    /// takes no part need not be answered.
    func asksTakingPart(_ field: FormField, _ values: ConditionAnswers) -> Bool {
        guard let party = field.party, let checked = conditions[.party(party.value)] else { return true }
        return checked.evaluate(values)
    }

    /// The condition that makes `field` required for these answers, when it has one
    /// and it holds.
    func requiredBecause(_ field: FormField, _ values: ConditionAnswers) -> ConditionSource? {
        guard let when = field.requiredWhen, let checked = conditions[.requiredWhen(field: field.id)],
            checked.evaluate(values)
        else { return nil }
        return when
    }

    /// The form rules the answers break. A rule is checked only when every field it
    /// reads has a valid answer: an unanswered optional field breaks no rule.
    func ruleFindings(_ values: ConditionAnswers, answers: [Answer], missingAt: SourceSpan) -> [Diagnostic] {
        form.rules.enumerated().compactMap { index, rule in
            guard let checked = conditions[.formRule(index)],
                checked.fields.allSatisfy({ values[$0] != nil }), !checked.evaluate(values)
            else { return nil }
            let read = checked.readings(in: form, values)
            let first = checked.fields.lazy.compactMap { id in answers.first { $0.field == id } }.first
            return .answerBreaksRule(rule, readings: read, at: first?.node.span ?? missingAt)
        }
    }

    /// The first element of a list answering a multi-choice field that is not one of
    /// its values, if the answer is a list of scalars with one.
    static func undeclaredChoice(_ node: YAMLNode, of field: FormField) -> YAMLScalar? {
        guard let elements = node.elements else { return nil }
        let scalars = elements.compactMap(\.scalar)
        guard scalars.count == elements.count else { return nil }
        return scalars.first { s in !field.values.contains { $0.id == s.value } }
    }

    /// The bound an answer breaks, as text, if it breaks one.
    func outOfBounds(_ value: ConditionValue, _ field: FormField) -> String? {
        switch (value, field.minimum, field.maximum) {
        case (.number(let x), .number(let low)?, _) where x < low: return "≥ \(Self.format(low))"
        case (.number(let x), _, .number(let high)?) where x > high: return "≤ \(Self.format(high))"
        case (.date(let d), .date(let low)?, _) where d < low: return "≥ \(low)"
        case (.date(let d), _, .date(let high)?) where d > high: return "≤ \(high)"
        default: return nil
        }
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }
}

extension CheckedCondition {
    /// The fields the condition reads, with their answers in `answers` (`nil` when
    /// absent), in order of first reading: what a finding or an explanation shows.
    func readings(in form: Form, _ answers: ConditionAnswers) -> [(field: FormField, value: ConditionValue?)]
    {
        fields.compactMap { id in form[id].map { (field: $0, value: answers[id]) } }
    }
}
