/// Keeps a case's summary up to date as its events are appended: the one place that
/// says what the stores' query tables hold, so every store answers queries alike.
public struct CaseProjection: Sendable {
    /// The state folded so far.
    public private(set) var state: CaseState

    /// A projection of a case of `blueprint`.
    public init(id: CaseID, blueprint: CaseBlueprint) {
        self.state = CaseState(id: id, blueprint: blueprint)
    }

    /// Checks that `event` can be folded next (``CaseState/check(_:)``).
    public func check(_ event: CaseEvent) throws(CaseState.Refusal) { try state.check(event) }

    /// Folds an event.
    public mutating func apply(_ event: CaseEvent) { state.apply(event) }

    /// The summary after the events so far; `nil` before the case's start event.
    public var summary: CaseSummary? {
        guard let start = state.start, let startedAt = state.startedAt else { return nil }
        var waiting = Set<String>()
        for (index, step) in state.steps.enumerated() where step.isOpen {
            waiting.insert(state.blueprint.steps[index].department)
        }
        return CaseSummary(
            id: state.id, bundle: start.bundle, version: start.version, blueprint: start.blueprint,
            lead: start.lead, startedAt: startedAt, promisedBy: state.promisedBy, outcome: state.outcome,
            deliveredAt: state.deliveredAt, waitingOn: waiting.sorted(), events: state.sequence)
    }

    /// Whether `summary` matches `query`.
    public static func matches(_ summary: CaseSummary, _ query: CaseQuery) -> Bool {
        if let open = query.open, open != (summary.outcome == nil) { return false }
        if let department = query.department, !summary.waitingOn.contains(department) { return false }
        if let dueBy = query.dueBy {
            guard summary.outcome == nil, let promisedBy = summary.promisedBy, promisedBy <= dueBy else {
                return false
            }
        }
        return true
    }
}
