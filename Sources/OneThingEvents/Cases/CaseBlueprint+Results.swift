extension CaseBlueprint {
    /// What is wrong with the results a decision on a step reports
    /// (``CaseEvent/Kind/resultRecorded(step:results:)``).
    public enum ResultProblem: Sendable, Hashable, CustomStringConvertible {
        /// `output` is not one of the step's outputs that carry a result (`produced`).
        case notProduced(output: String, produced: [String])
        /// `value` is not one of the values `output` declares (`declared`).
        case undeclaredValue(output: String, value: String, declared: [String])
        /// The approval does not say the result of `output`, which a later step waits
        /// for: one of `declared` is needed.
        case missing(output: String, declared: [String])
        /// Only an approval records results; this decision is not one.
        case notAnApproval(outputs: [String])

        public var description: String {
            switch self {
            case .notProduced(let output, let produced):
                "a result of '\(output)', which the step does not produce"
                    + (produced.isEmpty
                        ? " (it produces no result)" : " (its results: \(produced.joined(separator: ", ")))")
            case .undeclaredValue(let output, let value, let declared):
                "'\(value)' as the result of '\(output)', which declares \(declared.joined(separator: ", "))"
            case .missing(let output, let declared):
                "no result of '\(output)', which later steps wait for (one of \(declared.joined(separator: ", ")))"
            case .notAnApproval(let outputs):
                "results (\(outputs.joined(separator: ", "))) with a decision that is not an approval"
            }
        }
    }

    /// The outputs of step `step` that carry a result produced in the case (those with
    /// declared values), in the step's order.
    public func resultOutputs(of step: Int) -> [String] {
        steps[step].outputs.filter { resultValues[$0] != nil }
    }

    /// The outputs of step `step` whose results some step of the case waits for
    /// (``Step/awaiting``): an approval of the step must say them.
    public func awaitedResults(of step: Int) -> [String] {
        let awaited = Set(steps.compactMap(\.awaiting).flatMap(\.outputs))
        return resultOutputs(of: step).filter { awaited.contains($0) }
    }

    /// What is wrong with `results` recorded for step `step`: outputs it does not
    /// produce, values they do not declare. Empty when they may be recorded.
    public func undeclaredResults(_ results: [String: String], of step: Int) -> [ResultProblem] {
        let produced = resultOutputs(of: step)
        return results.sorted { $0.key < $1.key }.compactMap { output, value in
            guard produced.contains(output), let declared = resultValues[output] else {
                return .notProduced(output: output, produced: produced)
            }
            guard declared.contains(where: { $0.id == value }) else {
                return .undeclaredValue(output: output, value: value, declared: declared.map(\.id))
            }
            return nil
        }
    }

    /// What is wrong with `results` reported with a decision on step `step`
    /// (`approving` when it is an approval): the problems of ``undeclaredResults(_:of:)``;
    /// for an approval, the awaited results it leaves out; for any other decision, any
    /// result at all.
    public func resultProblems(_ results: [String: String], of step: Int, approving: Bool) -> [ResultProblem]
    {
        guard approving else {
            return results.isEmpty ? [] : [.notAnApproval(outputs: results.keys.sorted())]
        }
        let missing = awaitedResults(of: step).filter { results[$0] == nil }.map { output in
            ResultProblem.missing(output: output, declared: resultValues[output]?.map(\.id) ?? [])
        }
        return undeclaredResults(results, of: step) + missing
    }
}
