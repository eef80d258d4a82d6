import OneThing
import OneThingAccess
import OneThingRuntime

extension Problem {
    /// The problem a refusal of the access policy is answered with: 401, 403 or 404,
    /// with the policy's reason in both languages.
    init(_ refusal: AccessRefusal) {
        switch refusal.kind {
        case .unauthenticated: self.init(.unauthorized, refusal.reason)
        case .forbidden: self.init(.forbidden, refusal.reason)
        case .notFound: self.init(.notFound, refusal.reason)
        }
    }

    /// The problem a refusal of a department's work queue is answered with: 409 for a
    /// task that is not (or no longer) the caller's to decide, 422 for a decision that
    /// lacks what it needs, 404 for a task nobody knows; the task's key as a member.
    init(_ refusal: WorkQueue.Refusal) {
        let kind: ProblemKind
        var members = ["taskKey": refusal.key, "reason": Self.slug(of: refusal.reason)]
        switch refusal.reason {
        case .unknownKey: kind = .notFound
        case .notClaimed, .leaseExpired: kind = .taskNotClaimed
        case .claimedByAnother(let worker):
            kind = .taskNotClaimed
            members["claimedBy"] = worker
        case .withdrawn: kind = .taskCancelled
        case .decidedOtherwise: kind = .taskDecided
        case .awaitingSupplement: kind = .stepNotWaiting
        case .reasonRequired: kind = .reasonRequired
        case .outputsWithoutApproval, .results: kind = .invalidRequest
        case .notConnected: kind = .notReady
        case .unavailable(let error):
            self.init(error)
            self.members.merge(members) { first, _ in first }
            return
        }
        self.init(kind, refusal.text, members: members)
    }

    /// The reason's stable name, for a client to match (`lease-expired`).
    static func slug(of reason: WorkQueue.Refusal.Reason) -> String {
        switch reason {
        case .unknownKey: "unknown-task"
        case .notClaimed: "not-claimed"
        case .claimedByAnother: "claimed-by-another"
        case .leaseExpired: "lease-expired"
        case .withdrawn: "withdrawn"
        case .decidedOtherwise: "decided-otherwise"
        case .awaitingSupplement: "awaiting-supplement"
        case .reasonRequired: "reason-required"
        case .outputsWithoutApproval: "outputs-without-approval"
        case .results: "results-refused"
        case .notConnected: "not-connected"
        case .unavailable: "unavailable"
        }
    }
}
