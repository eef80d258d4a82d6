/// What a department's system reports about a submitted step.
public enum AdapterOutcome: Sendable, Hashable, Codable {
    /// It started reviewing.
    case inReview
    /// It asks the applicant for a supplement (补正).
    case supplementRequested(note: String)
    /// It approved (a joint inspection: passed).
    case approved
    /// It rejected (a joint inspection: not passed).
    case rejected(reason: String)
}

/// What a department's system reported on one submission: its outcome under the
/// submission's idempotency key, for ``Engine/report(batch:)``.
public struct AdapterReport: Sendable, Hashable {
    /// The submission's key, `case/step/attempt`.
    public var key: String
    /// What the system says.
    public var outcome: AdapterOutcome
    /// With an approval, the documents it issued: output id (of the step's outputs) →
    /// the document's number; empty when it names none.
    public var documents: [String: String]
    /// With an approval, the results produced in the case it decided: output id (of the
    /// step's outputs that declare `values:`) → value id; an approval must say those a
    /// later step waits for.
    public var results: [String: String]

    /// A report of `outcome` for the submission with `key`, with the `documents` an
    /// approval issued and the `results` it decided.
    public init(
        key: String, outcome: AdapterOutcome, documents: [String: String] = [:],
        results: [String: String] = [:]
    ) {
        self.key = key
        self.outcome = outcome
        self.documents = documents
        self.results = results
    }
}
