/// What is left of a step's condition when its case starts before results produced in
/// the case are known (an output's `values:`, read as `result.<output-id>`): the step is
/// in the blueprint, and applies once those results are known, only for some of their
/// values (`nursing-subsidy` once the assessment has decided the grade: 一级 or 二级).
///
/// The plan works out the combinations when the case starts, so the event core needs no
/// condition language to decide later.
public struct ResultCondition: Sendable, Hashable, Codable {
    /// The ids of the outputs whose results decide, in the order the condition reads them.
    public let outputs: [String]
    /// The combinations of their value ids (one per output, in the order of ``outputs``)
    /// for which the step applies.
    public let holdsFor: [[String]]

    /// Creates the condition.
    public init(outputs: [String], holdsFor: [[String]]) {
        self.outputs = outputs
        self.holdsFor = holdsFor
    }

    /// Whether the step applies once `results` (output id → value id) are known: `nil`
    /// while one of the results it waits for is not among them.
    public func holds(for results: [String: String]) -> Bool? {
        var combination: [String] = []
        for output in outputs {
            guard let value = results[output] else { return nil }
            combination.append(value)
        }
        return holdsFor.contains(combination)
    }

    /// The condition in the fixed form a blueprint's fingerprint is computed from.
    var canonical: [String] {
        outputs + ["|"] + holdsFor.map { $0.joined(separator: "\u{1F}") }
    }
}

/// One value a result produced in the case can take (one of an output's `values:`).
public struct ResultValue: Sendable, Hashable, Codable {
    /// The value's id, as conditions and reports write it: `one`.
    public let id: String
    /// Its name, as the bundle writes it: `一级`.
    public let name: String

    /// Creates a value.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
