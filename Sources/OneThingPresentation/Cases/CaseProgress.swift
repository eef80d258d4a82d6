import OneThing
import OneThingRuntime

/// Where a case stands, in one line: the steps done of all, and what is waiting on
/// whom — `3/8 步完成；等待：消防救援机构（消防检查）`.
public struct CaseProgress: Sendable, Hashable {
    /// One thing the case waits for: who, and for what.
    public struct Wait: Sendable, Hashable {
        /// A department, or the applicant.
        public var who: String
        /// The task, supplement or material.
        public var what: String
    }

    /// Tasks that have ended (approved, rejected, cancelled or failed).
    public var done: Int
    /// All tasks of the case.
    public var total: Int
    /// What the case waits for.
    public var waiting: [Wait]

    /// The progress of `state`.
    public init(_ state: CaseState, names: CaseNames, language: Language) {
        let tasks = state.blueprint.tasks
        done = state.tasks.filter(\.status.isFinal).count
        total = tasks.count
        var waiting: [Wait] = []
        guard !state.isClosed else {
            self.waiting = []
            return
        }
        let applicant = language == .zh ? "申请人" : "the applicant"
        for (index, task) in state.tasks.enumerated() {
            let spec = tasks[index]
            let name = names.task(spec, in: language)
            let department = names.department(spec.department, in: language)
            switch task.status {
            case .dispatched, .inReview:
                waiting.append(Wait(who: department, what: name))
            case .ready where task.attempts > 0:  // sent before, failed, to be sent again
                waiting.append(Wait(who: department, what: name))
            case .supplementRequested:
                waiting.append(
                    Wait(who: applicant, what: language == .zh ? "补正：\(name)" : "supplement for \(name)"))
            case .held:
                let missing = spec.deferred.filter { !state.supplied.contains($0) }
                    .map { names.material($0, in: language) }
                    .joined(separator: language == .zh ? "、" : ", ")
                guard !missing.isEmpty else {  // everything is in: the department issues it now
                    waiting.append(Wait(who: department, what: name))
                    break
                }
                waiting.append(
                    Wait(who: applicant, what: language == .zh ? "容缺材料：\(missing)" : "deferred \(missing)"))
            default:
                break
            }
        }
        self.waiting = waiting
    }

    /// The line, in `language`: up to three waits with what they are for, more as the
    /// list of who is waited on.
    public func text(in language: Language) -> String {
        let steps = language == .zh ? "\(done)/\(total) 步完成" : "\(done)/\(total) steps done"
        guard !waiting.isEmpty else { return steps }
        let separator = language == .zh ? "、" : ", "
        let list: String
        if waiting.count <= 3 {
            list = waiting.map { language == .zh ? "\($0.who)（\($0.what)）" : "\($0.who) (\($0.what))" }
                .joined(separator: language == .zh ? "、" : "; ")
        } else {
            var seen = Set<String>()
            list = waiting.map(\.who).filter { seen.insert($0).inserted }.joined(separator: separator)
        }
        return language == .zh ? "\(steps)；等待：\(list)" : "\(steps); waiting on: \(list)"
    }
}
