import Foundation
import OneThingRuntime

/// A task of a department's work queue as the API shows it: the step, its case, where
/// it stands (waiting, claimed by whom until when, awaiting the applicant's supplement)
/// and the path its decision is posted to.
struct TaskBody: Encodable, Sendable {
    /// The idempotency key, `case/step/attempt`.
    var key: String
    /// The case.
    var caseId: String
    /// The step's id.
    var step: String
    /// The step's name.
    var name: String
    /// `item` or `inspection` (联合勘验).
    var kind: String
    /// The department.
    var department: String
    /// The attempt, from 1.
    var attempt: Int
    /// When the step is due.
    var due: Timestamp
    /// When the task entered the queue.
    var queuedAt: Timestamp
    /// `waiting`, `claimed` or `awaiting-supplement`.
    var status: String
    /// Who holds the claim.
    var claimedBy: String?
    /// When the claim's lease ends and the task returns to the queue.
    var leaseUntil: Timestamp?
    /// Where a decision on it is posted.
    var decision: String
    /// The results of the case its approval decides: output id → the value ids to choose
    /// from (absent when it decides none).
    var resultValues: [String: [String]]?

    /// The body of `job`.
    init(_ job: WorkQueue.Job) {
        let submission = job.submission
        key = job.key
        caseId = submission.caseID
        step = submission.stepID
        name = submission.name
        kind = submission.kind.rawValue
        department = submission.department
        attempt = submission.attempt
        due = submission.due
        resultValues = submission.resultValues
        queuedAt = job.queuedAt
        switch job.status {
        case .waiting: status = "waiting"
        case .claimed(let worker, let until):
            status = "claimed"
            claimedBy = worker
            leaseUntil = until
        case .awaitingSupplement: status = "awaiting-supplement"
        }
        decision = Self.decisionPath(department: submission.department, key: job.key)
    }

    /// The path of the decision on the task with `key` of `department`: the key's three
    /// parts (case, step, attempt) as path segments, each percent-encoded.
    static func decisionPath(department: String, key: String) -> String {
        let parts =
            [department] + key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let encoded = parts.map {
            $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? $0
        }
        return "/v1/departments/\(encoded[0])/tasks/" + encoded.dropFirst().joined(separator: "/")
            + "/decision"
    }
}

/// `GET /v1/departments/{department}/tasks` and the answer of an activation.
struct TaskList: Encodable, Sendable {
    /// The department.
    var department: String
    /// Its tasks, oldest first.
    var tasks: [TaskBody]
}

/// The answer of a decision: what was decided, by whom, when, and the outputs an
/// approval issued.
struct DecisionBody: Encodable, Sendable {
    /// The task's key.
    var key: String
    /// The case.
    var caseId: String
    /// `approve`, `reject`, `request-supplement` or `in-review`.
    var decision: String
    /// Why (a rejection), or what is missing (a supplement request).
    var reason: String?
    /// What an approval issued: output id → the document's number.
    var outputs: [String: String]
    /// What an approval decided of the results of the case: output id → value id (absent
    /// when it decided none).
    var results: [String: String]?
    /// Who decided: the principal's id.
    var decidedBy: String
    /// When.
    var decidedAt: Timestamp

    /// The body of `decision` on a task of case `caseID`.
    init(_ decision: WorkQueue.Decision, caseID: CaseID) {
        key = decision.key
        caseId = caseID
        outputs = decision.outputs
        results = decision.results.isEmpty ? nil : decision.results
        decidedBy = decision.worker
        decidedAt = decision.decidedAt
        switch decision.outcome {
        case .approved: self.decision = "approve"
        case .rejected(let why):
            self.decision = "reject"
            reason = why
        case .supplementRequested(let missing):
            self.decision = "request-supplement"
            reason = missing
        case .inReview: self.decision = "in-review"
        }
    }
}
