/// A step as sent to a department's system.
public struct Submission: Sendable, Hashable, Codable {
    /// The case.
    public var caseID: CaseID
    /// The step's index in the case.
    public var step: Int
    /// The step's id: the item's, or the joint inspection's.
    public var stepID: String
    /// Whether it is an item or a joint inspection.
    public var kind: CaseBlueprint.StepKind
    /// The step's name.
    public var name: String
    /// The department.
    public var department: String
    /// The attempt, from 1.
    public var attempt: Int
    /// The step's promised limit.
    public var limit: TimeLimit
    /// When the step is due.
    public var due: Timestamp
    /// When this attempt was sent, when known.
    public var sentAt: Timestamp?
    /// The idempotency key, `case/step/attempt` with the attempt that first sent the
    /// step (`…/1`): every later attempt of the step is sent under the same key, and a
    /// system that sees the same key twice must treat it as one submission.
    public var key: String
    /// The results produced in the case that the department decides with its approval:
    /// output id → the value ids it may give (its `values:`); an approval must say each
    /// of them that a later step waits for. `nil` when the step decides none.
    public var resultValues: [String: [String]]?

    /// The submission of `step` of case `caseID` (of `blueprint`), attempt `attempt`,
    /// under the key of that attempt (a retry sets ``key`` to the step's first key).
    public init(caseID: CaseID, step: Int, of blueprint: CaseBlueprint, attempt: Int, due: Timestamp) {
        let spec = blueprint.steps[step]
        self.caseID = caseID
        self.step = step
        self.stepID = spec.id
        self.kind = spec.kind
        self.name = spec.name
        self.department = spec.department
        self.limit = spec.limit
        self.attempt = attempt
        self.due = due
        self.key = Submission.key(caseID: caseID, stepID: spec.id, attempt: attempt)
        let results = blueprint.resultOutputs(of: step)
        self.resultValues =
            results.isEmpty
            ? nil
            : Dictionary(
                uniqueKeysWithValues: results.map { ($0, blueprint.resultValues[$0]?.map(\.id) ?? []) })
    }

    /// The idempotency key of an attempt: `C20260302-0001/food-permit/1`.
    public static func key(caseID: CaseID, stepID: String, attempt: Int) -> String {
        "\(caseID)/\(stepID)/\(attempt)"
    }

    /// The case and step id of an idempotency key, or `nil` when it is not one.
    public static func parse(key: String) -> (caseID: CaseID, stepID: String, attempt: Int)? {
        // From the end: a case id may hold a slash, a step id and an attempt cannot. The
        // UTF-8 view: `/` is one byte, and no grapheme needs breaking.
        let bytes = key.utf8
        let slash = UInt8(ascii: "/")
        guard let last = bytes.lastIndex(of: slash), let middle = bytes[..<last].lastIndex(of: slash),
            let attempt = Int(Substring(bytes[bytes.index(after: last)...])), attempt >= 1
        else { return nil }
        return (
            String(Substring(bytes[..<middle])), String(Substring(bytes[bytes.index(after: middle)..<last])),
            attempt
        )
    }
}
