import Foundation
import OneThingRuntime

/// A task as pushed to a department's system (JSON, keys in kebab case): what to do
/// (`submit` or `withdraw`), the idempotency key, and the step.
public struct PushedTask: Sendable, Hashable, Codable {
    /// `submit` or `withdraw`.
    public var action: String
    /// The idempotency key, `case/step/1` (also in the `Idempotency-Key` header): the
    /// same for every attempt of the step.
    public var key: String
    /// The case.
    public var caseID: String
    /// The step's id.
    public var step: String
    /// The step's name.
    public var name: String
    /// The department.
    public var department: String
    /// The attempt, from 1.
    public var attempt: Int
    /// When the step is due, milliseconds since 1970 (UTC).
    public var due: Int64
    /// Where the department posts its answer, when the platform has told the adapter.
    public var callback: String?
    /// The results produced in the case that the approval decides: output id → the value
    /// ids it may give (the answer's `results`); absent when the step decides none.
    public var resultValues: [String: [String]]?

    /// The `Idempotency-Key` header of this push: the task's key for a submission, the
    /// key followed by `/withdraw` for a withdrawal, so that a system keying on the
    /// header alone never takes a withdrawal for the task pushed again.
    public var requestKey: String { action == "withdraw" ? key + "/withdraw" : key }

    enum CodingKeys: String, CodingKey {
        case action, key
        case caseID = "case"
        case step, name, department, attempt, due, callback
        case resultValues = "result-values"
    }

    /// The push of `submission` (`action`: submit or withdraw), answered at `callback`.
    public init(_ submission: Submission, action: String, callback: String?) {
        self.action = action
        self.key = submission.key
        self.caseID = submission.caseID
        self.step = submission.stepID
        self.name = submission.name
        self.department = submission.department
        self.attempt = submission.attempt
        self.due = submission.due.milliseconds
        self.callback = callback
        self.resultValues = submission.resultValues
    }
}

/// A department's answer on a task: at once, in the body of its reply to the push, or
/// later, in a signed callback (then with a ``callbackID`` seen only once).
public struct DepartmentAnswer: Sendable, Hashable, Codable {
    /// The callback's own id (a nonce): a callback with an id seen before is a repeat.
    public var callbackID: String?
    /// The task's idempotency key.
    public var key: String?
    /// `in-review`, `supplement-requested`, `approved` or `rejected`; none for "taken,
    /// the answer comes later".
    public var outcome: String?
    /// Why (a rejection) or what is asked for (a supplement request).
    public var note: String?
    /// With an approval, the documents it issued: output id (of the step's outputs) →
    /// the document's number, such as a licence number.
    public var documents: [String: String]?
    /// With an approval, the results produced in the case it decided: output id (of the
    /// step's outputs that declare values, as the submission's `resultValues` lists them)
    /// → value id, such as `{"assessment-result": "two"}`.
    public var results: [String: String]?

    enum CodingKeys: String, CodingKey {
        case callbackID = "callback-id"
        case key, outcome, note, documents, results
    }

    /// Creates an answer.
    public init(
        callbackID: String? = nil, key: String?, outcome: String?, note: String? = nil,
        documents: [String: String]? = nil, results: [String: String]? = nil
    ) {
        self.callbackID = callbackID
        self.key = key
        self.outcome = outcome
        self.note = note
        self.documents = documents
        self.results = results
    }

    /// The answer as a report on the task with `key`: its outcome, documents and results.
    public func report(key: String) -> AdapterReport? {
        adapterOutcome.map {
            AdapterReport(key: key, outcome: $0, documents: documents ?? [:], results: results ?? [:])
        }
    }

    /// The answer as the runtime's outcome; `nil` when it gives none or one it does not
    /// know (or a rejection or a supplement request without a note).
    public var adapterOutcome: AdapterOutcome? {
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        switch outcome {
        case "in-review": return .inReview
        case "approved": return .approved
        case "rejected": return text.isEmpty ? nil : .rejected(reason: text)
        case "supplement-requested": return text.isEmpty ? nil : .supplementRequested(note: text)
        default: return nil
        }
    }

    /// The answer of `outcome` on `key`, with the `results` an approval decided.
    public init(
        callbackID: String? = nil, key: String, outcome: AdapterOutcome, results: [String: String]? = nil
    ) {
        self.callbackID = callbackID
        self.key = key
        self.results = results
        self.outcome = CaseRuntime.name(of: outcome)
        switch outcome {
        case .rejected(let reason): note = reason
        case .supplementRequested(let text): note = text
        case .approved, .inReview: note = nil
        }
    }
}

/// The e-licence or shared-data service's late delivery of a fetched material it could
/// not provide when the case started (JSON, keys in kebab case), posted signed to
/// `/v1/materials/deliveries` with a ``callbackID`` seen only once.
public struct MaterialDelivery: Sendable, Hashable, Codable {
    /// The delivery's own id (a nonce): a delivery with an id seen before is a repeat.
    public var callbackID: String?
    /// The case.
    public var caseID: String?
    /// The material's id, as the request named it.
    public var material: String?
    /// The licence number or the record's reference.
    public var reference: String?

    enum CodingKeys: String, CodingKey {
        case callbackID = "callback-id"
        case caseID = "case"
        case material, reference
    }

    /// Creates a delivery.
    public init(callbackID: String?, caseID: String?, material: String?, reference: String?) {
        self.callbackID = callbackID
        self.caseID = caseID
        self.material = material
        self.reference = reference
    }
}
