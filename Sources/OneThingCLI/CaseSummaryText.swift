import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation

/// The end of `onething run` and of a command that acts on a case: how the case ended
/// (when, against its promised date, the outputs delivered, what did not succeed) or,
/// while it is open, who must do what by when, with the commands that do it.
struct CaseSummaryText {
    let state: CaseState
    let names: CaseNames
    let clock: CaseClockText
    /// What people must do (from the driver).
    let waits: [CaseDriver.PersonWait]
    /// Options to repeat in the commands printed (`--db`, `--catalogue`).
    let repeated: [String]

    var language: Language { clock.language }

    var lines: [String] {
        let promise = WorkDays.limit(state.blueprint.promise, in: language)
        let by = state.promisedBy.map { clock.promised($0) }
        guard let outcome = state.outcome, let delivered = state.deliveredAt else {
            return openLines(promise, by)
        }
        let taken = clock.workingDays(to: delivered).map {
            language.say(", \(WorkDays.format($0)) working days", "，用时 \(WorkDays.format($0)) 个工作日")
        }
        var line =
            language.say("Outcome: ", "结果：") + CaseEventText.outcome(outcome, in: language)
            + language.say(" on \(delivered.chinaDate)", "，\(delivered.chinaDate) 出件") + (taken ?? "")
        if let promisedBy = state.promisedBy, let by {
            line += language.say("; promised within \(promise), by \(by) — ", "；承诺 \(promise)内，即 \(by) 前——")
            line += delivered < promisedBy ? language.say("on time", "按时办结") : language.say("late", "超期")
        }
        var lines = [line]
        let outputs = state.outputs.map { names.output($0, in: language) }
        lines.append(
            language.say("Delivered: ", "出件：")
                + (outputs.isEmpty
                    ? language.say("nothing", "无") : outputs.joined(separator: language.say(", ", "、"))))
        for (index, step) in state.steps.enumerated() where step.status.isFinal && step.status != .approved {
            var why = ""
            if let reason = step.reason { why = PrintableText.escaped(reason) }
            if let cause = step.cancelledBy {
                why = language.say(
                    "\(names.step(cause, in: .en)) did not succeed", "“\(names.step(cause, in: .zh))”未办成")
            }
            if step.status == .notNeeded {
                lines.append(
                    "  ○ \(names.step(index, in: language)): "
                        + language.say(
                            "not needed (the results of the case rule it out)", "无需办理（依本件事已作出的结果）"))
                continue
            }
            if let material = step.missingMaterial {
                why = language.say(
                    "\(names.material(material, in: .en)) did not arrive in time",
                    "\(names.material(material, in: .zh)) 未按期补交")
            }
            lines.append(
                "  ✘ \(names.step(index, in: language)): \(step.status.rawValue)"
                    + (why.isEmpty ? "" : " (\(why))"))
        }
        return lines
    }

    func openLines(_ promise: String, _ by: String?) -> [String] {
        let sofar = clock.workingDays(to: state.lastEventAt ?? clock.origin).map {
            language.say("\(WorkDays.format($0)) working days so far; ", "已用 \(WorkDays.format($0)) 个工作日，")
        }
        var lines = [
            language.say("Outcome: open (", "结果：办理中（") + (sofar ?? "")
                + language.say("promised within \(promise)", "承诺 \(promise)内")
                + (by.map { language.say(", by \($0))", "，即 \($0) 前）") } ?? language.say(")", "）")),
            CaseProgress(state, names: names, language: language).text(in: language),
        ]
        guard !waits.isEmpty else { return lines }
        lines.append(language.say("Waiting for people:", "等待人工办理："))
        let options = repeated.isEmpty ? "" : " " + repeated.map(Self.quoted).joined(separator: " ")
        let id = state.id
        for wait in waits where wait.caseID == id {
            let deadline = wait.by.map { language.say(" by \(clock.due($0))", "（\(clock.due($0)) 前）") } ?? ""
            switch wait.action {
            case .decide(let department):
                guard let stepID = wait.stepID, let index = state.blueprint.stepIndex(stepID) else {
                    continue
                }
                let name = names.department(department, in: language)
                lines.append(
                    language.say(
                        "  \(name) must decide on \(names.step(index, in: .en))\(deadline):",
                        "  \(name) 审查“\(names.step(index, in: .zh))”\(deadline)："))
                // A result a later step waits for: the approval must say it, one of its values.
                let results = state.blueprint.awaitedResults(of: index).map { output in
                    let values = state.blueprint.resultValues[output]?.map(\.id) ?? []
                    return " --result \(output)=" + (values.isEmpty ? "VALUE" : values.joined(separator: "|"))
                }
                lines.append("    onething case approve \(id) \(stepID)\(results.joined())\(options)")
                lines.append(
                    "    onething case reject \(id) \(stepID) --reason \(language.say("TEXT", "理由"))\(options)"
                )
                lines.append(
                    "    onething case request-supplement \(id) \(stepID) --reason \(language.say("TEXT", "需补正的内容"))\(options)"
                )
            case .supplement:
                guard let stepID = wait.stepID, let index = state.blueprint.stepIndex(stepID) else {
                    continue
                }
                lines.append(
                    language.say(
                        "  the applicant must supplement \(names.step(index, in: .en)) (its clock stands still):",
                        "  申请人须补正“\(names.step(index, in: .zh))”（该事项计时暂停）："))
                lines.append("    onething case supplement \(id) \(stepID)\(options)")
            case .supply(let material):
                lines.append(
                    language.say(
                        "  the applicant must bring \(names.material(material, in: .en))\(deadline):",
                        "  申请人须补交容缺材料“\(names.material(material, in: .zh))”\(deadline)："))
                lines.append("    onething case supply \(id) \(material)\(options)")
            }
        }
        return lines
    }

    /// A word as a shell reads it back.
    static func quoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@".contains($0) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
