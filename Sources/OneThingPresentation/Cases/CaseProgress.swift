import OneThing
import OneThingRuntime

/// Where a case stands, in one line: the steps approved of all, those that ended
/// otherwise (rejected, failed, cancelled, not needed — each counted apart), and what is waiting on
/// whom — `3/8 步已办结（1 项取消）；等待：消防救援机构（消防检查）`.
public struct CaseProgress: Sendable, Hashable {
    /// One thing the case waits for: who, and for what.
    public struct Wait: Sendable, Hashable {
        /// A department, or the applicant.
        public var who: String
        /// The step, supplement or material.
        public var what: String
    }

    /// Steps approved (an inspection: passed).
    public var approved: Int
    /// Steps rejected (an inspection: not passed).
    public var rejected: Int
    /// Steps failed (a deferred material did not arrive in time).
    public var failed: Int
    /// Steps cancelled.
    public var cancelled: Int
    /// Steps not needed: the results produced in the case rule them out.
    public var notNeeded: Int
    /// All steps of the case.
    public var total: Int
    /// What the case waits for.
    public var waiting: [Wait]

    /// The progress of `state`, told in `names`.
    public init(_ state: CaseState, names: CaseNames, language: Language) {
        let count = { (status: StepStatus) in state.steps.filter { $0.status == status }.count }
        approved = count(.approved)
        rejected = count(.rejected)
        failed = count(.failed)
        cancelled = count(.cancelled)
        notNeeded = count(.notNeeded)
        total = state.steps.count
        waiting = state.isClosed ? [] : Self.waits(state, names: names, language: language)
    }

    /// What an open case waits for (``CaseWait/waits(of:)``), in words.
    static func waits(_ state: CaseState, names: CaseNames, language: Language) -> [Wait] {
        let applicant = language.say("the applicant", "申请人")
        return CaseWait.waits(of: state).map { wait in
            let name = names.step(wait.step, in: language)
            switch wait.reason {
            case .decision:
                let department = names.department(state.blueprint.steps[wait.step].department, in: language)
                return Wait(who: department, what: name)
            case .supplement:
                return Wait(who: applicant, what: language.say("supplement for \(name)", "补正：\(name)"))
            case .deferredMaterials:
                let missing = wait.materials.map { names.material($0, in: language) }
                    .joined(separator: language.say(", ", "、"))
                return Wait(who: applicant, what: language.say("deferred \(missing)", "容缺材料：\(missing)"))
            }
        }
    }

    /// The line, in `language`: up to three waits with what they are for, more as the
    /// list of who is waited on.
    public func text(in language: Language) -> String {
        var steps = language.say("\(approved)/\(total) steps done", "\(approved)/\(total) 步已办结")
        let others = [
            (rejected, language.say("\(rejected) rejected", "\(rejected) 项不予")),
            (failed, language.say("\(failed) failed", "\(failed) 项失败")),
            (cancelled, language.say("\(cancelled) cancelled", "\(cancelled) 项取消")),
            (notNeeded, language.say("\(notNeeded) not needed", "\(notNeeded) 项无需办理")),
        ].filter { $0.0 > 0 }.map(\.1)
        if !others.isEmpty {
            steps += language.say(
                " (\(others.joined(separator: ", ")))", "（\(others.joined(separator: "，"))）")
        }
        guard !waiting.isEmpty else { return steps }
        let list: String
        if waiting.count <= 3 {
            list = waiting.map { language.say("\($0.who) (\($0.what))", "\($0.who)（\($0.what)）") }
                .joined(separator: language.say("; ", "、"))
        } else {
            var seen = Set<String>()
            list = waiting.map(\.who).filter { seen.insert($0).inserted }.joined(
                separator: language.say(", ", "、"))
        }
        return language.say("\(steps); waiting on: \(list)", "\(steps)；等待：\(list)")
    }
}
