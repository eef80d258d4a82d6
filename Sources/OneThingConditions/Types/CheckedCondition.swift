import OneThingModel

/// A condition that parsed and type checked against a form: ready to evaluate and to
/// reason about.
///
/// Evaluation follows the rules in `grammar/condition.ebnf`: a comparison that reads
/// an absent answer is false, `not` of it is true, and a comparison that divides by
/// zero is false.
///
/// A checked condition is immutable and shares its parts between copies, so copying
/// one costs one reference count.
public struct CheckedCondition: Sendable {
    /// The parts of a checked condition, made once.
    final class Storage: Sendable {
        let text: String
        let expression: CheckedExpression
        let fields: [String]
        let references: [FieldReference]
        let layout: FieldLayout
        let program: ConditionProgram
        let analysis: ConditionAnalysis

        init(text: String, expression: CheckedExpression, layout: FieldLayout) {
            self.text = text
            self.expression = expression
            self.references = expression.fieldReferences
            self.fields = references.map { $0.id }
            self.layout = layout
            self.program = ConditionCompiler.compile(expression)
            self.analysis = ConditionAnalysis(expression)
        }
    }

    /// The shared parts; also the condition's identity for ``AnswerSpace``.
    let storage: Storage

    /// The condition's text as written.
    public var text: String { storage.text }
    /// The checked tree.
    public var expression: CheckedExpression { storage.expression }
    /// The ids of the fields the condition reads, each once, in order of first reading.
    public var fields: [String] { storage.fields }
    /// The fields it reads, with their types and slots.
    var references: [FieldReference] { storage.references }
    /// The layout of the form it was checked against.
    var layout: FieldLayout { storage.layout }
    /// The compiled condition.
    var program: ConditionProgram { storage.program }
    /// What the condition compares each field with, for ``AnswerSpace``.
    var analysis: ConditionAnalysis { storage.analysis }

    /// Compiles and analyses a checked tree.
    init(text: String, expression: CheckedExpression, layout: FieldLayout) {
        storage = Storage(text: text, expression: expression, layout: layout)
    }

    /// Whether the condition holds for `answers`.
    ///
    /// Answers made for the same form (``ConditionAnswers/init(form:)``) are read by
    /// index; others are matched by field id first.
    public func evaluate(_ answers: ConditionAnswers) -> Bool {
        program.evaluate(answers.slots(for: layout), layout: layout)
    }

    /// The part of the condition text that `range` covers.
    func excerpt(_ range: Range<Int>) -> String {
        let scalars = [Unicode.Scalar](scalarsOf: text)
        return String(scalars: scalars[range.clamped(to: 0..<scalars.count)])
    }

    /// The condition made of one part of this one's tree, for explaining findings.
    func part(_ expression: CheckedExpression) -> CheckedCondition {
        CheckedCondition(text: text, expression: expression, layout: layout)
    }
}
