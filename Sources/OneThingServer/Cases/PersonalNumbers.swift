import OneThingAccess
import OneThingRuntime

/// Identity and phone numbers in what the server shows to others than the applicant.
enum PersonalNumbers {
    /// `event` with the personal numbers of its answers masked (only a start event has answers).
    static func masked(_ event: CaseEvent) -> CaseEvent {
        guard case .started(var start) = event.kind else { return event }
        start.answers = masked(start.answers)
        var copy = event
        copy.kind = .started(start)
        return copy
    }

    /// `answers` with personal numbers masked.
    static func masked(_ answers: [String: String]) -> [String: String] {
        PersonalNumberMask.masked(answers)
    }
}
