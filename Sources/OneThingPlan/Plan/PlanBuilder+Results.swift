import OneThingConditions
import OneThingModel
import OneThingSource

/// The results produced in the case that decide whether an item applies, when the plan
/// is made before they are known: the item applies once they are known, and only for
/// some of their values (`nursing-subsidy` once the 残疾等级 is known: if 一级 or 二级).
public struct AwaitedResults: Sendable, Hashable {
    /// The outputs whose results decide, in the order the condition first reads them.
    public let outputs: [Output]
    /// The combinations of their values (one per output, in the order of ``outputs``)
    /// for which the item applies, in the order the values are declared; never all of
    /// them, never none.
    public let holdsFor: [[EnumValue]]

    /// "applies once 残疾评定结果 is known: if 一级 or 二级", "待“残疾评定结果”作出后确定：为一级或二级时办理".
    public var text: LocalizedText {
        let names = outputs.map(\.name)
        let values = holdsFor.map { $0.map(\.label) }
        let en = values.map { $0.joined(separator: " and ") }.joined(separator: " or ")
        let zh = values.map { $0.joined(separator: "且") }.joined(separator: "或")
        return LocalizedText(
            en: "applies once \(names.joined(separator: " and ")) is known: if \(en)",
            zh: "待“\(names.joined(separator: "”“"))”作出后确定：为\(zh)时办理")
    }
}

/// Whether a condition holds before the results it reads are known: always, never, or
/// only for some of their values.
enum PendingTruth: Equatable {
    /// It holds, whatever the results.
    case holds
    /// It does not hold, whatever the results.
    case fails
    /// It holds only for some values of the results.
    case depends(AwaitedResults)

    /// Whether it may hold: the plan keeps what may apply (a superset), marked.
    var mayHold: Bool { self != .fails }
}

extension PlanBuilder {
    /// For each item of the bundle, in file order, whether it applies to `answers` when
    /// the results produced in the case that the answers do not give are not yet known.
    ///
    /// A result is awaited when its output declares values, the answers do not give it,
    /// and an item that may apply produces it; a result none of whose producers applies
    /// stays absent, as conditions read it. An item whose condition reads an awaited
    /// result is tried with every combination of their values. Also returns the ids of
    /// the outputs whose results are awaited.
    func itemTruths(for answers: ConditionAnswers) -> (items: [PendingTruth], awaited: Set<String>) {
        let unknown = bundle.outputs.filter {
            !$0.values.isEmpty && answers[CaseResult.fieldID(of: $0.id.value)] == nil
        }
        var awaited = Set<String>()
        var truths: [PendingTruth] = []
        // Whether a producer may apply can itself wait for a result: settle it in rounds
        // (as many as there are items at most).
        for _ in 0...bundle.items.count {
            truths = bundle.items.map { item in
                conditions[.item(item.id.value)].map { truth(of: $0, answers, awaited: awaited) } ?? .holds
            }
            let next = Set(
                unknown.map(\.id.value).filter { id in
                    (dependencies.producers[id] ?? []).contains { truths[$0].mayHold }
                })
            if next == awaited { break }
            awaited = next
        }
        return (truths, awaited)
    }

    /// Whether `condition` holds for `answers` with the results of the outputs `awaited`
    /// not yet known: it is tried with every combination of their declared values.
    func truth(of condition: CheckedCondition, _ answers: ConditionAnswers, awaited: Set<String>)
        -> PendingTruth
    {
        let outputs = condition.fields.compactMap { field -> Output? in
            guard let id = CaseResult.outputID(ofField: field), awaited.contains(id) else { return nil }
            return outputsByID[id]
        }
        guard !outputs.isEmpty else { return condition.evaluate(answers) ? .holds : .fails }
        var combinations: [[EnumValue]] = [[]]
        for output in outputs {
            combinations = combinations.flatMap { prefix in output.values.map { prefix + [$0] } }
        }
        let holding = combinations.filter { combination in
            var trying = answers
            for (output, value) in zip(outputs, combination) {
                trying[CaseResult.fieldID(of: output.id.value)] = .text(value.id)
            }
            return condition.evaluate(trying)
        }
        if holding.isEmpty { return .fails }
        if holding.count == combinations.count { return .holds }
        return .depends(AwaitedResults(outputs: outputs, holdsFor: holding))
    }
}
