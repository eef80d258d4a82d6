/// Why the runtime could not make a decision; nothing was emitted.
public enum RuntimeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A case with this id exists already.
    case caseExists(CaseID)
    /// The case's region has no working-day calendar.
    case noCalendar(region: String, known: [String])
    /// A due moment falls outside the years the calendar covers.
    case outsideCalendar(WorkdayCalendar.OutOfRange)
    /// A case's stored events do not fold.
    case damagedHistory(CaseID, reason: String)

    public var description: String {
        switch self {
        case .caseExists(let id): "case \(id) exists already"
        case .noCalendar(let region, let known):
            "no working-day calendar for region \(region) (known: \(known.joined(separator: ", ")))"
        case .outsideCalendar(let error): "\(error)"
        case .damagedHistory(let id, let reason): "case \(id): its stored history does not fold: \(reason)"
        }
    }
}

/// Why the engine refused a call: what was wrong, with what a caller needs to decide
/// (a case that does not exist, a step that waits for no decision, a store that
/// failed, an engine shutting down).
public enum EngineError: Error, Sendable, CustomStringConvertible {
    /// The store has no case with this id.
    case unknownCase(CaseID)
    /// The case has no step with this id.
    case unknownStep(CaseID, step: String, known: [String])
    /// The case is delivered: nothing more happens to it.
    case caseClosed(CaseID, CaseOutcome)
    /// The step is not waiting for what was asked (a decision, a supplement).
    case stepNotWaiting(CaseID, step: String, status: StepStatus)
    /// The material is not one the case waits for.
    case materialNotAwaited(CaseID, material: String)
    /// A refusal or a supplement request without a reason: the applicant must be told why.
    case reasonRequired
    /// A decision names documents it cannot issue: `documents` are not among the
    /// step's `outputs`, or the decision is not an approval (`outputs` is then empty).
    case documentsNotIssued(CaseID, step: String, documents: [String], outputs: [String])
    /// A decision reports results produced in the case it may not record, or an approval
    /// leaves out a result a later step waits for (what is wrong, in `problems`).
    case results(CaseID, step: String, problems: [CaseBlueprint.ResultProblem])
    /// The store failed; nothing of the call was stored.
    case store(StoreError)
    /// The runtime could not decide (a calendar, a damaged history).
    case runtime(RuntimeError)
    /// The engine is shutting down and takes no new work.
    case shuttingDown
    /// A subscriber did not keep up and was dropped after `buffered` events.
    case subscriberTooSlow(buffered: Int)

    /// Whether the same call may succeed when made again shortly: the store met another
    /// writer (the engine has reloaded the case) or was unavailable.
    public var isTransient: Bool {
        if case .store(let error) = self { return error.isTransient }
        return false
    }

    public var description: String {
        switch self {
        case .unknownCase(let id): "no case \(id) in the store"
        case .unknownStep(let id, let step, let known):
            "case \(id) has no step '\(step)'; its steps: \(known.joined(separator: ", "))"
        case .caseClosed(let id, let outcome): "case \(id) is delivered already (\(outcome.rawValue))"
        case .stepNotWaiting(let id, let step, let status):
            "step \(step) of case \(id) is \(status.rawValue), not waiting for that"
        case .materialNotAwaited(let id, let material):
            "case \(id) does not wait for the deferred material '\(material)'"
        case .reasonRequired: "a refusal or a supplement request needs a reason for the applicant"
        case .documentsNotIssued(let id, let step, let documents, let outputs):
            "step \(step) of case \(id) does not issue \(documents.joined(separator: ", ")) in this decision; "
                + (outputs.isEmpty
                    ? "only an approval issues documents" : "it issues: \(outputs.joined(separator: ", "))")
        case .results(let id, let step, let problems):
            "the decision on step \(step) of case \(id) cannot record its results: "
                + problems.map(\.description).joined(separator: "; ")
        case .store(let error): error.description
        case .runtime(let error): error.description
        case .shuttingDown: "the engine is shutting down and takes no new work"
        case .subscriberTooSlow(let buffered):
            "the subscriber fell \(buffered) commits behind and was dropped; read the store to catch up"
        }
    }
}
