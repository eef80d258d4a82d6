import OneThing
import OneThingRuntime

/// One thing an open case waits for, as data: who must act (a department, or the
/// applicant), on which step, for what, and by when. The one rule behind the progress
/// line (``CaseProgress``) and the `waiting` list of the case's JSON (``CaseDocument``).
public struct CaseWait: Sendable, Hashable {
    /// What is awaited.
    public enum Reason: String, Sendable, Hashable {
        /// The department's decision on the step (sent, under review, or to be sent again
        /// after a failed submission, or issued once held materials are in).
        case decision
        /// The applicant's supplement (补正) the department asked for.
        case supplement
        /// Deferred materials (容缺) the department's approval is held for.
        case deferredMaterials = "deferred-materials"
    }

    /// The department that must act, or `nil` when the applicant must.
    public var department: String?
    /// The step concerned, by index into the case's blueprint.
    public var step: Int
    /// What is awaited.
    public var reason: Reason
    /// The deferred materials awaited (for ``Reason/deferredMaterials``).
    public var materials: [String]
    /// When the step is due; `nil` while its clock stands still (a supplement).
    public var due: Timestamp?

    /// What the open case `state` waits for, step by step; nothing for a closed case.
    public static func waits(of state: borrowing CaseState) -> [CaseWait] {
        guard !state.isClosed else { return [] }
        var waits: [CaseWait] = []
        for (index, step) in state.steps.enumerated() {
            let spec = state.blueprint.steps[index]
            let department = CaseWait(
                department: spec.department, step: index, reason: .decision, materials: [], due: step.due)
            switch step.status {
            case .dispatched, .inReview:
                waits.append(department)
            case .ready where step.attempts > 0:  // sent before, failed, to be sent again
                waits.append(department)
            case .supplementRequested:
                waits.append(
                    CaseWait(department: nil, step: index, reason: .supplement, materials: [], due: nil))
            case .held:
                let missing = state.missingDeferred(ofStep: index)
                guard !missing.isEmpty else {  // everything is in: the department issues it now
                    waits.append(department)
                    break
                }
                waits.append(
                    CaseWait(
                        department: nil, step: index, reason: .deferredMaterials, materials: missing,
                        due: step.due))
            default:
                break
            }
        }
        return waits
    }
}
