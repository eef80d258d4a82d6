import Synchronization

/// A department whose officer decides by hand: a submission is only recorded, and
/// waits. The decision comes later from outside, as the department's report to the
/// engine (`Engine.report(_:for:)` with the task's current idempotency key); the
/// command line makes it with `onething case approve|reject|request-supplement`.
///
/// Nothing about a waiting submission has to survive a restart: the case's events say
/// which tasks wait at the department and under which key, and recovery sends the
/// unanswered ones again with the same key.
public final class ManualAdapter: DepartmentAdapter {
    struct State {
        var submissions: [String] = []
        var received: Set<String> = []
        var waiting: [String: Submission] = [:]
    }

    /// Where received keys are journaled, if anywhere.
    public let journal: AdapterJournal?
    private let state = Mutex(State())

    /// A manual department, journaling what it receives to `journal` if given.
    public init(journal: AdapterJournal? = nil) {
        self.journal = journal
    }

    /// Records the submission; it waits for the officer.
    public func submit(_ submission: Submission) async throws(AdapterError) {
        try journal?.record(submission.key)
        state.withLock { state in
            state.submissions.append(submission.key)
            state.received.insert(submission.key)
            state.waiting[submission.key] = submission
        }
    }

    /// Takes over a submission the officer had before a restart: it is on the officer's
    /// list again; the decision is reported when it is made, so there is nothing to answer.
    public func poll(_ submission: Submission) async throws(AdapterError) -> AdapterOutcome? {
        state.withLock { state in
            state.received.insert(submission.key)
            state.waiting[submission.key] = submission
        }
        return nil
    }

    /// Withdraws the submission from the officer's list.
    public func cancel(_ submission: Submission) async throws(AdapterError) {
        _ = state.withLock { $0.waiting.removeValue(forKey: submission.key) }
    }

    /// Every key received, in order, repeats included.
    public var submissions: [String] { state.withLock { $0.submissions } }

    /// Whether a submission with `key` has been received.
    public func hasReceived(_ key: String) -> Bool { state.withLock { $0.received.contains(key) } }

    /// The submissions received and not withdrawn, by key.
    public var waiting: [Submission] { state.withLock { $0.waiting.values.sorted { $0.key < $1.key } } }
}
