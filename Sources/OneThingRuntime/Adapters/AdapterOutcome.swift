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

    /// A report of `outcome` for the submission with `key`.
    public init(key: String, outcome: AdapterOutcome) {
        self.key = key
        self.outcome = outcome
    }
}
