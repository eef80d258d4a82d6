/// Where a task of a case stands.
public enum TaskStatus: String, Sendable, Hashable, Codable {
    /// Waiting for the tasks before it.
    case waiting
    /// Ready to be sent to its department.
    case ready
    /// Sent; the department has not answered yet.
    case dispatched
    /// The department is reviewing it.
    case inReview = "in-review"
    /// The department waits for the applicant's supplement (补正); its clock is stopped.
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

    /// Whether nothing more will happen to the task.
    public var isFinal: Bool {
        self == .approved || self == .rejected || self == .cancelled || self == .failed
    }
}
