/// Where a step of a case stands.
public enum StepStatus: String, Sendable, Hashable, Codable {
    /// Waiting for the steps before it.
    case waiting
    /// Ready to be sent to its department.
    case ready
    /// Sent; the department has not answered yet.
    case dispatched
    /// The department is reviewing it.
    case inReview = "in-review"
    /// The department waits for the applicant's supplement (补正); its clock stands still.
    case supplementRequested = "supplement-requested"
    /// Approved by the department, held until a deferred material arrives.
    case held
    /// Approved.
    case approved
    /// Rejected.
    case rejected
    /// Cancelled.
    case cancelled
    /// Failed: a deferred material did not arrive in time.
    case failed
    /// Not needed: its condition on results produced in the case does not hold for the
    /// results recorded, so it was never sent.
    case notNeeded = "not-needed"

    /// Whether nothing more will happen to the step.
    public var isFinal: Bool {
        self == .approved || self == .rejected || self == .cancelled || self == .failed || self == .notNeeded
    }

    /// Whether the steps that wait for this one may go on: it was approved, or it is not
    /// needed (as if the plan, made with the results known, had left it out).
    public var letsSuccessorsGo: Bool { self == .approved || self == .notNeeded }
}
