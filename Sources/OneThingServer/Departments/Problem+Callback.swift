import OneThingDepartmentHTTP

extension Problem {
    /// The problem a refused department callback is answered with: 401 for a signature
    /// that does not hold (missing, wrong, outside the window), 409 for a replayed id or
    /// a task that no longer waits, 403 for another department's task, 404 for an
    /// unknown department or task, 422 for a malformed body; the reason's code as
    /// the member `reason`.
    init(_ refusal: CallbackRefusal) {
        let kind: ProblemKind
        var members = ["reason": refusal.code]
        switch refusal.reason {
        case .unsigned, .badSignature, .outsideWindow: kind = .callbackSignatureInvalid
        case .replayed: kind = .callbackReplayed
        case .notCurrent(let key):
            kind = .taskNotCurrent
            members["taskKey"] = key
        case .notTheirs(let key):
            kind = .forbidden
            members["taskKey"] = key
        case .unknownTask(let key):
            kind = .notFound
            members["taskKey"] = key
        case .unknownDepartment, .noMaterialService: kind = .notFound
        case .malformed, .malformedDelivery: kind = .invalidRequest
        }
        self.init(kind, refusal.text, members: members)
    }
}
