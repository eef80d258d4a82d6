import OneThingEvents
import Testing

@testable import OneThingBenchmarks

/// The failover benchmark's reading of a case's events: what a department or the
/// applicant would have seen twice.
struct FailoverCheckTests {
    static let start = Timestamp(milliseconds: 1_800_000_000_000)

    static func events(_ kinds: [CaseEvent.Kind]) -> [CaseEvent] {
        kinds.enumerated().map { index, kind in
            CaseEvent(
                caseID: "c", sequence: index + 1, at: start.adding(milliseconds: Int64(index)), kind: kind)
        }
    }

    @Test func aRetryAfterARecordedFailureIsNotATaskSentTwice() {
        let due = Self.start.adding(milliseconds: 86_400_000)
        let history = Self.events([
            .dispatched(step: 0, attempt: 1, key: "c/a/1", due: due),
            .dispatchFailed(step: 0, attempt: 1, reason: "503", retryAt: due),
            .dispatched(step: 0, attempt: 2, key: "c/a/2", due: due),
            .dueSoon(step: 0, due: due),
            .overdue(step: 0, due: due),
        ])
        #expect(FailoverCommand.doneTwice(history) == (sent: 0, timers: 0, decided: 0))
    }

    @Test func aNewAttemptWithoutAFailureIsATaskSentTwice() {
        let due = Self.start.adding(milliseconds: 86_400_000)
        let history = Self.events([
            .dispatched(step: 0, attempt: 1, key: "c/a/1", due: due),
            .dispatched(step: 0, attempt: 2, key: "c/a/2", due: due),
        ])
        #expect(FailoverCommand.doneTwice(history).sent == 1)
    }

    @Test func oneAttemptSentTwiceAndAWarningRecordedTwiceAreCounted() {
        let due = Self.start.adding(milliseconds: 86_400_000)
        let history = Self.events([
            .dispatched(step: 1, attempt: 1, key: "c/b/1", due: due),
            .dispatched(step: 1, attempt: 1, key: "c/b/1", due: due),
            .dueSoon(step: 1, due: due),
            .dueSoon(step: 1, due: due),
            .overdue(step: 1, due: due),
            .overdue(step: 1, due: due),
        ])
        #expect(FailoverCommand.doneTwice(history) == (sent: 1, timers: 2, decided: 0))
    }

    @Test func aStepDecidedTwiceIsCounted() {
        let due = Self.start.adding(milliseconds: 86_400_000)
        let history = Self.events([
            .dispatched(step: 0, attempt: 1, key: "c/a/1", due: due),
            .approved(step: 0),
            .approved(step: 0),
            .dispatched(step: 1, attempt: 1, key: "c/b/1", due: due),
            .approved(step: 1),
        ])
        #expect(FailoverCommand.doneTwice(history) == (sent: 0, timers: 0, decided: 1))
    }
}
