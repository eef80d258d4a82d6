/// A task as sent to a department's system.
public struct TaskRequest: Sendable, Hashable, Codable {
    /// The case.
    public var caseID: CaseID
    /// The task's index in the case.
    public var task: Int
    /// The item's id.
    public var item: String
    /// The department.
    public var department: String
    /// The attempt, from 1.
    public var attempt: Int
    /// The idempotency key, `case/item/attempt`: a system that sees the same key twice
    /// must treat it as one submission.
    public var key: String

    /// Creates a request.
    public init(caseID: CaseID, task: Int, item: String, department: String, attempt: Int) {
        self.caseID = caseID
        self.task = task
        self.item = item
        self.department = department
        self.attempt = attempt
        self.key = TaskRequest.key(caseID: caseID, item: item, attempt: attempt)
    }

    /// The idempotency key of an attempt.
    public static func key(caseID: CaseID, item: String, attempt: Int) -> String {
        "\(caseID)/\(item)/\(attempt)"
    }
}

/// What a department's system reports about a submitted task.
public enum AdapterOutcome: Sendable, Hashable, Codable {
    /// It started reviewing.
    case inReview
    /// It asks the applicant for a supplement (补正).
    case supplementRequested(note: String)
    /// It approved.
    case approved
    /// It rejected.
    case rejected(reason: String)
}

/// Why a department's system could not take a submission; the runtime tries again
/// with exponential backoff and jitter.
public struct AdapterError: Error, Sendable, Hashable {
    /// What went wrong, for the case's history.
    public var reason: String

    /// Creates an error.
    public init(_ reason: String) {
        self.reason = reason
    }
}

/// A department's system, as the runtime talks to it. A platform implements one per
/// kind of system; which department uses which adapter is configuration, never part
/// of a bundle.
///
/// Outcomes come back by callback (the adapter calls `Engine.report`) or by polling
/// (the engine calls ``poll(_:)`` for tasks without an answer).
public protocol DepartmentAdapter: Sendable {
    /// Submits a task. Must be idempotent: the same `request.key` twice is one submission.
    func submit(_ request: TaskRequest) async throws(AdapterError)
    /// The outcome of a submission so far, if the system has one to report.
    func poll(_ request: TaskRequest) async throws(AdapterError) -> AdapterOutcome?
    /// Withdraws a submission (the task was cancelled).
    func cancel(_ request: TaskRequest) async throws(AdapterError)
}
