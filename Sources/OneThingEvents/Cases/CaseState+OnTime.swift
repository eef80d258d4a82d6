/// On time and overdue: the one rule the simulation's on-time rate and the supervision
/// figures (督办) share, read from the due moments the case's events recorded.
///
/// A due moment is the end (24:00 China Standard Time) of the due date, or a moment in
/// office time for a limit in hours; something finished before it is on time, and from
/// that moment on it is late
/// (`WorkdayCalendar.dueMoment(startingAt:acceptedAt:limit:)`). The due moment is the state's
/// own: moved later by a supplement's stopped clock (补正) and by a change of the
/// working-day calendar, never computed again here.
extension CaseState {
    /// Whether something finished at `finishedAt` kept the due moment `due`: it did
    /// when it finished before it.
    public static func isOnTime(finishedAt: Timestamp, due: Timestamp) -> Bool { finishedAt < due }

    /// Whether the case was delivered (统一出件) by its promised moment; `nil` while it
    /// is open and for a case without a promise (intake did not accept it).
    public var deliveredOnTime: Bool? {
        guard let deliveredAt, let promisedBy else { return nil }
        return Self.isOnTime(finishedAt: deliveredAt, due: promisedBy)
    }
}

extension CaseState.StepState {
    /// Whether the department decided the step by its due moment: an approval (issued
    /// when the deferred materials it was held for arrived) or a rejection counts;
    /// `nil` for a step its department did not decide: open, cancelled, failed (a
    /// deferred material did not arrive) or never sent.
    public var decidedOnTime: Bool? {
        guard status == .approved || status == .rejected, let finishedAt, let due else { return nil }
        return CaseState.isOnTime(finishedAt: finishedAt, due: due)
    }

    /// Whether the step is sent and not finished: a task its department holds, even
    /// while it waits for the applicant.
    public var isOpen: Bool { dispatchedAt != nil && !status.isFinal }

    /// Whether the step is overdue at `now`: open, its clock running (no supplement is
    /// pending) and its due moment reached.
    public func isOverdue(at now: Timestamp) -> Bool {
        guard isOpen, pausedAt == nil, let due else { return false }
        return !CaseState.isOnTime(finishedAt: now, due: due)
    }
}
