import OneThingModel

/// A condition that parsed and type checked against a form: ready to evaluate and to
/// reason about.
///
/// Evaluation follows the rules in `grammar/condition.ebnf`: a comparison that reads
/// an absent answer is false, `not` of it is true, and a comparison that divides by
/// zero is false.
public struct CheckedCondition: Sendable {
    /// The condition's text as written.
    public let text: String
    /// The checked tree.
    public let expression: CheckedExpression
    /// The ids of the fields the condition reads, each once, in order of first reading.
    public let fields: [String]
    /// The fields it reads, with their types and slots.
    let references: [FieldReference]
    /// The layout of the form it was checked against.
    let layout: FieldLayout
    /// The compiled condition.
    let predicate: PredicateCode
    /// What the condition compares each field with, for ``AnswerSpace``.
    let analysis: ConditionAnalysis

    /// Compiles and analyses a checked tree.
    init(text: String, expression: CheckedExpression, layout: FieldLayout) {
        self.text = text
        self.expression = expression
        self.references = expression.fieldReferences
        self.fields = references.map(\.id)
        self.layout = layout
        self.predicate = ConditionEvaluator.compile(expression)
        self.analysis = ConditionAnalysis(expression)
    }

    /// Whether the condition holds for `answers`.
    ///
    /// Answers made for the same form (``ConditionAnswers/init(form:)``) are read by
    /// index; others are matched by field id first.
    public func evaluate(_ answers: ConditionAnswers) -> Bool {
        predicate(answers.slots(for: layout))
    }

    /// Whether the condition holds for slots laid out by ``layout``.
    func evaluate(slots: Slots) -> Bool { predicate(slots) }

    /// The part of the condition text that `range` covers.
    func excerpt(_ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
        return result
    }

    /// The condition made of one part of this one's tree, for explaining findings.
    func part(_ expression: CheckedExpression) -> CheckedCondition {
        CheckedCondition(text: text, expression: expression, layout: layout)
    }
}
