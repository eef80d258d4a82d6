import OneThingConditions
import OneThingModel
import OneThingSource

/// Checks one applicant's answers against the bundle's form before a plan is built:
/// every answer names a question of the form and fits its type, its bounds and its
/// values; every required question is answered.
public struct AnswerChecker: Sendable {
    /// The form.
    public let form: Form

    /// Creates a checker for `form`.
    public init(form: Form) {
        self.form = form
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
        for field in form.fields where field.required && !answered.contains(field.id) {
            found.append(.answerMissing(field, at: missingAt))
        }
        for field in form.fields
        where field.required && answered.contains(field.id) && values[field.id] == nil {
            // Answered with null: as good as missing, unless already reported as wrong.
            if let answer = answers.first(where: { $0.field == field.id }), answer.node.scalar?.isNull == true
            {
                found.append(.answerMissing(field, at: answer.span))
            }
        }
        return (values, found)
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
