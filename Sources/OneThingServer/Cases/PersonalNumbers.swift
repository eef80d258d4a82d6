import OneThingAccess
import OneThingRuntime

/// Identity and phone numbers in what the server shows to others than the applicant.
enum PersonalNumbers {
    /// `event` with the personal numbers in its text masked: a start's answers, and the
    /// words people wrote (a rejection's reason, a supplement request, a withdrawal's
    /// reason, a failure a department system reported), where an officer may have
    /// copied an identity or phone number; and a fetched licence's number and an
    /// unavailable one's reason.
    static func masked(_ event: CaseEvent) -> CaseEvent {
        let mask = PersonalNumberMask.masked as (String) -> String
        var copy = event
        switch event.kind {
        case .started(var start):
            start.answers = masked(start.answers)
            copy.kind = .started(start)
        case .supplementRequested(let step, let note):
            copy.kind = .supplementRequested(step: step, note: mask(note))
        case .rejected(let step, let reason):
            copy.kind = .rejected(step: step, reason: mask(reason))
        case .withdrawn(let reason):
            copy.kind = .withdrawn(reason: mask(reason))
        case .dispatchFailed(let step, let attempt, let reason, let retryAt):
            copy.kind = .dispatchFailed(step: step, attempt: attempt, reason: mask(reason), retryAt: retryAt)
        case .outcomeIgnored(let step, let key, let outcome, let status):
            copy.kind = .outcomeIgnored(step: step, key: key, outcome: mask(outcome), status: status)
        case .materialFetched(let material, let reference):
            // The licence number of a 居民身份证 is the identity number itself.
            copy.kind = .materialFetched(material: material, reference: mask(reference))
        case .materialUnavailable(let material, let reason, let fallback):
            copy.kind = .materialUnavailable(material: material, reason: mask(reason), fallback: fallback)
        case .intake, .dispatched, .inReview, .supplementSupplied, .decidedBy, .issued, .approved,
            .approvalHeld,
            .cancelled, .failed, .materialSupplied, .dueSoon, .overdue, .escalated, .dueChanged, .delivered,
            .resultRecorded, .notNeeded:
            // A result is one of the values the bundle declares, never words people wrote.
            return event
        }
        return copy
    }

    /// `answers` with personal numbers masked.
    static func masked(_ answers: [String: String]) -> [String: String] {
        PersonalNumberMask.masked(answers)
    }
}
