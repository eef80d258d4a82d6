import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime

/// Case summaries as `onething case list` prints them: dates in China Standard Time and
/// names from the blueprints the store keeps, wherever the command runs.
struct CaseListing {
    let cases: [CaseSummary]
    let blueprints: [String: CaseBlueprint]
    let language: Language

    func department(_ id: String, of summary: CaseSummary) -> String {
        guard let blueprint = blueprints[summary.blueprint] else { return PrintableText.escaped(id) }
        return CaseNames(blueprint: blueprint).department(id, in: language)
    }

    var text: String {
        guard !cases.isEmpty else { return language.say("No cases.\n", "没有案件。\n") }
        var lines: [String] = []
        for summary in cases {
            let started = summary.startedAt.chinaDate
            let due = summary.promisedBy.map { WorkdayCalendar.date(endingAt: $0).description } ?? "-"
            let status: String
            if let outcome = summary.outcome {
                status = CaseEventText.outcome(outcome, in: language)
            } else {
                let waiting = summary.waitingOn.map { department($0, of: summary) }
                status =
                    language.say("open", "办理中")
                    + (waiting.isEmpty
                        ? ""
                        : language.say(", waiting on ", "，等待 ")
                            + waiting.joined(separator: language.say(", ", "、")))
            }
            let bundle = PrintableText.escaped("\(summary.bundle) \(summary.version)")
            lines.append(
                "\(PrintableText.escaped(summary.id))  \(bundle)  "
                    + language.say("accepted \(started)  due \(due)  ", "受理 \(started)  承诺期限 \(due)  ")
                    + status + language.say("  (\(summary.events) events)", "（\(summary.events) 个事件）"))
        }
        lines.append(language.say("\(cases.count) case(s)", "共 \(cases.count) 件"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"cases": [...]}`, keys sorted.
    func json() throws -> String {
        let rows = cases.map { CaseSummaryRow($0, title: blueprints[$0.blueprint]?.title) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(["cases": rows]), as: UTF8.self) + "\n"
    }
}
