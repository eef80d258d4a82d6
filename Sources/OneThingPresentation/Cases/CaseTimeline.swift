import OneThing
import OneThingRuntime

/// A case's whole history as a timeline a supervisor can audit: who started it with
/// what, then every event numbered, with its moment (the date and hour in China
/// Standard Time and, when the working-day calendar is at hand, the working days since
/// the start), the step and its department, the idempotency key of every submission
/// and the reason of every refusal, failure or supplement.
public struct CaseTimeline: Sendable {
    /// The case's events, in order.
    public let events: [CaseEvent]
    /// The names to tell it in (from the blueprint the case is pinned to).
    public let names: CaseNames
    /// How moments are shown.
    public let clock: CaseClockText

    /// A timeline of `events` of a case of `blueprint`, counting working days on
    /// `calendar` when given.
    public init(events: [CaseEvent], blueprint: CaseBlueprint, calendar: WorkdayCalendar?, language: Language)
    {
        self.events = events
        self.names = CaseNames(blueprint: blueprint)
        self.clock = CaseClockText(
            origin: events.first?.at ?? Timestamp(milliseconds: 0), calendar: calendar, language: language)
    }

    var language: Language { clock.language }

    /// One event as a line, without its number: the moment and what happened.
    public func line(_ event: CaseEvent) -> String {
        "\(clock.moment(event.at))  \(CaseEventText(event, names: names, clock: clock).summary)"
    }

    /// The whole timeline.
    public var text: String {
        var lines = header
        lines.append("")
        let width = String(events.count).count
        for event in events {
            let text = CaseEventText(event, names: names, clock: clock)
            let number = String(event.sequence)
            let label = String(repeating: " ", count: max(0, width - number.count)) + number
            lines.append("\(label)  \(clock.moment(event.at))  \(text.summary)")
            let indent = String(repeating: " ", count: width + 2)
            if let key = text.key { lines.append(indent + language.say("idempotency key: ", "幂等键：") + key) }
            if let reason = text.reason { lines.append(indent + language.say("reason: ", "原因：") + reason) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Who, what and when, above the events.
    var header: [String] {
        let blueprint = names.blueprint
        let id = events.first?.caseID ?? "?"
        var state = CaseState(id: id, blueprint: blueprint)
        for event in events { state.apply(event) }
        var lines = [language.say("Case ", "案件 ") + PrintableText.escaped(id)]
        let bundle = PrintableText.escaped("\(blueprint.bundle) \(blueprint.version)")
        lines.append(language.say("Bundle: \(bundle)", "一件事：\(names.title)（\(bundle)）"))
        lines.append(
            language.say("Lead department: ", "牵头部门：") + names.department(blueprint.lead, in: language))
        if let start = state.start {
            let answers = start.answers.keys.sorted().map {
                PrintableText.escaped("\($0)=\(start.answers[$0] ?? "")")
            }
            if !answers.isEmpty {
                lines.append(language.say("Answers: ", "答案：") + answers.joined(separator: ", "))
            }
            let brought = start.provided.map { names.material($0, in: language) }
            lines.append(
                language.say("Materials brought: ", "收件材料：")
                    + brought.joined(separator: language.say(", ", "、")))
        }
        let promise = WorkDays.limit(blueprint.promise, in: language)
        let started = clock.moment(clock.origin)
        if let promisedBy = state.promisedBy {
            lines.append(
                language.say(
                    "Started: \(started); promised within \(promise), by \(clock.promised(promisedBy))",
                    "受理：\(started)；承诺 \(promise)内办结，即 \(clock.promised(promisedBy)) 前"))
            if let note = clock.provisionalNote(through: promisedBy) { lines.append(note) }
        } else {
            lines.append(language.say("Started: \(started)", "受理：\(started)"))
        }
        let progress = CaseProgress(state, names: names, language: language).text(in: language)
        if let outcome = state.outcome, let delivered = state.deliveredAt {
            let taken = clock.workingDays(to: delivered).map {
                language.say(" after \(WorkDays.format($0)) working days", "，用时 \(WorkDays.format($0)) 个工作日")
            }
            lines.append(
                language.say("Outcome: ", "结果：") + CaseEventText.outcome(outcome, in: language)
                    + (taken ?? "")
                    + language.say("; ", "；") + progress)
        } else {
            lines.append(language.say("Open: ", "办理中：") + progress)
        }
        return lines
    }
}
