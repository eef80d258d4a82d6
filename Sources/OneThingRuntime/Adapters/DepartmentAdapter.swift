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
    /// Whether the engine hands this adapter the submissions of one commit for one
    /// department in one call, ``submit(batch:)``, instead of one call each. `false`
    /// by default. An adapter that says `true` returns from the batch promptly: a
    /// failure is recorded only when the whole batch returns.
    var submitsInBatches: Bool { get }
    /// Submits the steps of one commit of the engine for one department at once, and
    /// returns the submissions that failed, by key (called when ``submitsInBatches``).
    func submit(batch: [Submission]) async -> [String: AdapterError]
}

extension DepartmentAdapter {
    public var submitsInBatches: Bool { false }

    /// Each submission on its own, all at once, so that one slow call holds up no other.
    public func submit(batch: [Submission]) async -> [String: AdapterError] {
        if batch.count == 1, let only = batch.first {
            do throws(AdapterError) {
                try await submit(only)
                return [:]
            } catch {
                return [only.key: error]
            }
        }
        return await withTaskGroup(of: (String, AdapterError?).self) { group in
            for submission in batch {
                group.addTask {
                    do throws(AdapterError) {
                        try await submit(submission)
                        return (submission.key, nil)
                    } catch {
                        return (submission.key, error)
                    }
                }
            }
            var failures: [String: AdapterError] = [:]
            for await (key, error) in group {
                if let error { failures[key] = error }
            }
            return failures
        }
    }
}
