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

    /// One row of the JSON listing.
    struct Row: Encodable {
        var id: String
        var bundle: String
        var version: String
        var title: String?
        var lead: String
        var startedAt: Timestamp
        var startedOn: String
        var promisedBy: Timestamp?
        var dueOn: String?
        var outcome: CaseOutcome?
        var deliveredAt: Timestamp?
        var waitingOn: [String]
        var events: Int

        enum CodingKeys: String, CodingKey {
            case id, bundle, version, title, lead, startedAt, startedOn, promisedBy, dueOn, outcome,
                deliveredAt
            case waitingOn, events
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(bundle, forKey: .bundle)
            try container.encode(version, forKey: .version)
            try container.encode(title, forKey: .title)
            try container.encode(lead, forKey: .lead)
            try container.encode(startedAt, forKey: .startedAt)
            try container.encode(startedOn, forKey: .startedOn)
            try container.encode(promisedBy, forKey: .promisedBy)
            try container.encode(dueOn, forKey: .dueOn)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(deliveredAt, forKey: .deliveredAt)
            try container.encode(waitingOn, forKey: .waitingOn)
            try container.encode(events, forKey: .events)
        }
    }

    /// `{"cases": [...]}`, keys sorted.
    func json() throws -> String {
        let rows = cases.map { summary in
            Row(
                id: summary.id, bundle: summary.bundle, version: summary.version,
                title: blueprints[summary.blueprint]?.title, lead: summary.lead, startedAt: summary.startedAt,
                startedOn: summary.startedAt.chinaDate.description, promisedBy: summary.promisedBy,
                dueOn: summary.promisedBy.map { WorkdayCalendar.date(endingAt: $0).description },
                outcome: summary.outcome, deliveredAt: summary.deliveredAt, waitingOn: summary.waitingOn,
                events: summary.events)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(["cases": rows]), as: UTF8.self) + "\n"
    }
}
