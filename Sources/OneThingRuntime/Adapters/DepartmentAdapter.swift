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
    /// The idempotency key, `case/step/attempt`: a system that sees the same key twice
    /// must treat it as one submission.
    public var key: String

    /// The submission of `step` of case `caseID` (of `blueprint`), attempt `attempt`.
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

/// Why a department's system could not take a submission; the runtime tries again
/// with exponential backoff and jitter.
public struct AdapterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for the case's history.
    public var reason: String

    /// Creates an error.
    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

/// A department's system, as the runtime talks to it. A platform implements one per
/// kind of system; which department uses which adapter is configuration, never part
/// of a bundle.
///
/// Outcomes come back by callback (the adapter, or whoever hears from the system,
/// calls `Engine.report(_:for:)`) or by polling (the engine calls ``poll(_:)`` for
/// steps under review after a restart).
public protocol DepartmentAdapter: Sendable {
    /// Submits a step. Must be idempotent: the same `submission.key` twice is one submission.
    func submit(_ submission: Submission) async throws(AdapterError)
    /// The outcome of a submission so far, if the system has one to report.
    func poll(_ submission: Submission) async throws(AdapterError) -> AdapterOutcome?
    /// Withdraws a submission (the step was cancelled).
    func cancel(_ submission: Submission) async throws(AdapterError)
}

/// Which adapter serves which department: configuration, never part of a bundle.
public struct AdapterDirectory: Sendable {
    /// Adapters by department id.
    public var byDepartment: [String: any DepartmentAdapter]
    /// The adapter of every other department.
    public var fallback: any DepartmentAdapter

    /// Creates a directory.
    public init(byDepartment: [String: any DepartmentAdapter] = [:], fallback: any DepartmentAdapter) {
        self.byDepartment = byDepartment
        self.fallback = fallback
    }

    /// The adapter of `department`.
    public func adapter(for department: String) -> any DepartmentAdapter {
        byDepartment[department] ?? fallback
    }
}
