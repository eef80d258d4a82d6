import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime

/// Case summaries as `onething case list` prints them.
struct CaseListing {
    let cases: [CaseSummary]
    let context: CaseContext

    func date(_ time: WorkTime) -> String? { context.dates?.date(at: time)?.description }

    func deadline(_ time: WorkTime) -> String? { context.dates?.deadline(at: time)?.description }

    var text: String {
        guard !cases.isEmpty else { return context.say("No cases.\n", "没有案件。\n") }
        var lines: [String] = []
        for summary in cases {
            let started = date(summary.startedAt) ?? WorkDays.format(summary.startedAt)
            let due = deadline(summary.dueAt) ?? WorkDays.format(summary.dueAt)
            let status: String
            if let outcome = summary.outcome {
                status = CaseEventText.outcome(outcome, in: context.language)
            } else {
                let waiting = summary.waitingOn.map { context.names.department($0, in: context.language) }
                status =
                    context.say("open", "办理中")
                    + (waiting.isEmpty
                        ? ""
                        : context.say(", waiting on ", "，等待 ")
                            + waiting.joined(separator: context.say(", ", "、")))
            }
            lines.append(
                "\(summary.id)  \(summary.bundle) \(summary.version)  "
                    + context.say("accepted \(started)  due \(due)  ", "受理 \(started)  承诺期限 \(due)  ")
                    + status + context.say("  (\(summary.events) events)", "（\(summary.events) 个事件）"))
        }
        lines.append(context.say("\(cases.count) case(s)", "共 \(cases.count) 件"))
        return lines.joined(separator: "\n") + "\n"
    }

    var json: String {
        let rows: [[String: Any]] = cases.map { summary in
            var row: [String: Any] = [
                "id": summary.id, "bundle": summary.bundle, "version": summary.version, "lead": summary.lead,
                "startedAt": summary.startedAt, "dueAt": summary.dueAt, "waitingOn": summary.waitingOn,
                "events": summary.events,
            ]
            row["outcome"] = summary.outcome?.rawValue ?? NSNull()
            row["deliveredAt"] = summary.deliveredAt ?? NSNull()
            row["startedOn"] = date(summary.startedAt) ?? NSNull()
            row["dueOn"] = deadline(summary.dueAt) ?? NSNull()
            return row
        }
        let data =
            (try? JSONSerialization.data(
                withJSONObject: ["cases": rows], options: [.sortedKeys, .prettyPrinted]))
            ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
