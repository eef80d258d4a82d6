import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation

/// The end of `onething run` and of an officer's decision: how the case ended (the
/// working days it took against the promise, the outputs delivered) or, while it is
/// open, what it waits for and the commands that continue it.
struct CaseSummaryText {
    let state: CaseState
    let names: CaseNames
    let settings: AdapterSettings
    let language: Language
    /// Options to repeat in the commands printed (`--db`, `--adapters`, `--seed`).
    let repeated: [String]
    /// The time of the case's latest event.
    let now: WorkTime

    func say(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    var lines: [String] {
        let blueprint = state.blueprint
        let promise = WorkDays.limit(blueprint.promise)
        let started = state.startedAt ?? 0
        guard let outcome = state.outcome, let delivered = state.deliveredAt else {
            return openLines(started: started, promise: promise)
        }
        let taken = delivered - started
        let onTime = taken <= blueprint.promise + 1e-9
        var lines = [
            say("Outcome: ", "结果：") + CaseEventText.outcome(outcome, in: language)
                + say(
                    " in \(WorkDays.format(taken)) working days; promised within \(promise) — ",
                    "，用时 \(WorkDays.format(taken)) 个工作日；承诺 \(promise) 个工作日内办结——")
                + (onTime ? say("on time", "按时办结") : say("late", "超期"))
        ]
        let outputs = state.outputs.map { names.output($0, in: language) }
        lines.append(
            say("Delivered: ", "出件：")
                + (outputs.isEmpty ? say("nothing", "无") : outputs.joined(separator: say(", ", "、"))))
        let unfinished = state.tasks.indices.filter {
            state.tasks[$0].status != .approved && state.tasks[$0].status.isFinal
        }
        for index in unfinished {
            let task = state.tasks[index]
            let name = names.task(blueprint.tasks[index], in: language)
            lines.append("  ✘ \(name)：\(task.status.rawValue)" + (task.reason.map { " (\($0))" } ?? ""))
        }
        return lines
    }

    func openLines(started: WorkTime, promise: String) -> [String] {
        let blueprint = state.blueprint
        var lines = [
            say("Outcome: open", "结果：办理中")
                + say(
                    " (\(WorkDays.format(now - started)) working days so far; promised within \(promise))",
                    "（已用 \(WorkDays.format(now - started)) 个工作日，承诺 \(promise) 个工作日内办结）"),
            CaseProgress(state, names: names, language: language).text(in: language),
        ]
        var commands: [String] = []
        let options = repeated.isEmpty ? "" : " " + repeated.map(Self.quoted).joined(separator: " ")
        let id = state.id
        for (index, task) in state.tasks.enumerated() {
            let spec = blueprint.tasks[index]
            let name = names.task(spec, in: language)
            let department = names.department(spec.department, in: language)
            switch task.status {
            case .dispatched, .inReview:
                guard settings.kind(of: spec.department) == .manual else { break }
                commands.append("  \(department) — \(name)")
                commands.append("    onething case approve \(id) \(spec.item)\(options)")
                commands.append(
                    "    onething case reject \(id) \(spec.item) --reason \(say("TEXT", "理由"))\(options)")
                commands.append(
                    "    onething case request-supplement \(id) \(spec.item) --reason \(say("TEXT", "需补正的内容"))\(options)"
                )
            case .supplementRequested:
                commands.append(say("  once the applicant supplements \(name):", "  申请人补正“\(name)”后："))
                commands.append("    onething case supplement \(id) \(spec.item)\(options)")
            case .held:
                for material in spec.deferred where !state.supplied.contains(material) {
                    let named = names.material(material, in: language)
                    commands.append(say("  once the applicant brings \(named):", "  申请人补交“\(named)”后："))
                    commands.append("    onething case supply \(id) \(material)\(options)")
                }
            default:
                break
            }
        }
        if !commands.isEmpty {
            lines.append(say("Waiting for decisions (manual departments):", "待人工处理："))
            lines += commands
        }
        return lines
    }

    /// A word as a shell reads it back.
    static func quoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@".contains($0) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
