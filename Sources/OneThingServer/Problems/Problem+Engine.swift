import OneThing
import OneThingPresentation
import OneThingRuntime

extension Problem {
    /// The problem a refusal of the engine is answered with: what the caller asked that
    /// does not fit the case (409, 422), or a store that failed (503, 507, 500).
    public init(_ error: EngineError) {
        switch error {
        case .unknownCase(let id):
            self = .caseNotFound(id)
        case .unknownStep(let id, let step, let known):
            self.init(
                .notFound,
                en: "case \(id) has no step '\(step)'; its steps: \(known.joined(separator: ", "))",
                zh: "案件 \(id) 没有环节“\(step)”；其环节为：\(known.joined(separator: "、"))",
                members: ["caseId": id, "step": step])
        case .caseClosed(let id, let outcome):
            self.init(
                .caseClosed,
                en:
                    "case \(id) is closed (\(CaseEventText.outcome(outcome, in: .en))); nothing more happens to it",
                zh: "案件 \(id) 已办结（\(CaseEventText.outcome(outcome, in: .zh))），不再受理任何操作",
                members: ["caseId": id, "outcome": outcome.rawValue])
        case .stepNotWaiting(let id, let step, let status):
            self.init(
                .stepNotWaiting,
                en: "step \(step) of case \(id) is \(status.rawValue), not waiting for this",
                zh: "案件 \(id) 的环节“\(step)”当前状态为 \(status.rawValue)，不等待此操作",
                members: ["caseId": id, "step": step, "stepStatus": status.rawValue])
        case .materialNotAwaited(let id, let material):
            self.init(
                .materialNotAwaited,
                en:
                    "case \(id) does not wait for the material '\(material)' (in hand already, past its deadline, or neither deferred nor missing)",
                zh: "案件 \(id) 不在等待材料“\(material)”（已在手、已过期限，或既非容缺材料也未缺失）",
                members: ["caseId": id, "material": material])
        case .reasonRequired:
            self.init(
                .reasonRequired,
                en: "a refusal or a supplement request must tell the applicant why: give a reason",
                zh: "不予批准或要求补正时须告知申请人理由，请填写理由")
        case .documentsNotIssued(let id, let step, let documents, let outputs):
            self.init(
                .invalidRequest,
                en: error.description,
                zh: "案件 \(id) 的环节“\(step)”在此决定中不出具 \(documents.joined(separator: "、"))；"
                    + (outputs.isEmpty ? "只有准予许可时才出具证照" : "其出具：\(outputs.joined(separator: "、"))"),
                members: ["caseId": id, "step": step])
        case .results(let id, let step, let problems):
            self.init(
                .invalidRequest,
                en: error.description,
                zh: "案件 \(id) 的环节“\(step)”的决定无法记录办理结果："
                    + problems.map(\.text.zh).joined(separator: "；"),
                members: ["caseId": id, "step": step])
        case .store(let error):
            self.init(error)
        case .runtime(let error):
            self.init(.internalError, en: "the runtime could not decide: \(error)", zh: "运行时无法作出决定：\(error)")
        case .shuttingDown:
            self.init(
                .shuttingDown,
                LocalizedText(
                    en: "the server is shutting down and takes no new work; try again once it is back",
                    zh: "服务正在停止，不再受理新的操作，请在服务恢复后重试"),
                retryAfter: 5)
        case .subscriberTooSlow(let buffered):
            self.init(
                .internalError,
                en:
                    "the event stream fell \(buffered) events behind and was ended; reconnect with Last-Event-ID",
                zh: "事件流落后 \(buffered) 个事件，已被断开；请带 Last-Event-ID 重新连接")
        }
    }

    /// The problem a failed store is answered with. Nothing of the request was written.
    public init(_ error: StoreError) {
        let kind: ProblemKind
        var retryAfter: Int?
        switch error.kind {
        case .unavailable, .conflict:
            kind = .storeUnavailable
            retryAfter = 1
        case .full:
            kind = .storeFull
        default:
            kind = .storeFailed
        }
        var members = ["storeError": error.kind.description]
        if let code = error.underlyingCode { members["storeCode"] = code }
        self.init(
            kind,
            LocalizedText(
                en: "\(kind.title.en): \(error.message)", zh: "\(kind.title.zh)：\(error.message)"),
            members: members, retryAfter: retryAfter)
    }

    /// No case `id`, or none this caller may know of.
    public static func caseNotFound(_ id: CaseID) -> Problem {
        Problem(
            .notFound, en: "no case \(id)", zh: "没有案件 \(id)", members: ["caseId": id])
    }
}
