import OneThing
import OneThingRuntime

/// A case's whole history as a timeline a supervisor can audit: who started it with
/// what, then every event numbered, with its time (working days after the start and,
/// where the working-day calendar covers it, the date and hour), the task and its
/// department, the idempotency key of every submission and the reason of every
/// refusal, failure or supplement.
public struct CaseTimeline: Sendable {
    /// The case's events, in order.
    public let events: [CaseEvent]
    /// The blueprint the case is pinned to.
    public let blueprint: CaseBlueprint
    /// The names to tell it in.
    public let names: CaseNames
    /// The calendar times are dated on, if known.
    public let dates: WorkTimeCalendar?
    /// The language.
    public let language: Language

    /// A timeline of `events`.
    public init(
        events: [CaseEvent], blueprint: CaseBlueprint, names: CaseNames, dates: WorkTimeCalendar?,
        language: Language
    ) {
        self.events = events
        self.blueprint = blueprint
        self.names = names
        self.dates = dates
        self.language = language
    }

    func say(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    /// When the case started.
    public var origin: WorkTime { events.first?.at ?? 0 }

    /// The time of an event: working days after the start, and the date and hour.
    public func time(_ at: WorkTime) -> String {
        Self.time(at, origin: origin, dates: dates, language: language)
    }

    /// The time `at` of a case that started at `origin`: working days after the start,
    /// and the date and hour when `dates` covers it.
    public static func time(_ at: WorkTime, origin: WorkTime, dates: WorkTimeCalendar?, language: Language)
        -> String
    {
        let days = WorkDays.format(at - origin)
        let relative = language == .zh ? "第 \(days) 工作日" : "day \(days)"
        guard let date = dates?.text(at: at) else { return relative }
        return "\(relative)  \(date)"
    }

    /// One event as a line, without its number: the time and what happened.
    public func line(_ event: CaseEvent) -> String {
        let text = CaseEventText(
            event, blueprint: blueprint, names: names, dates: dates, origin: origin, language: language)
        return "\(time(event.at))  \(text.summary)"
    }

    /// The whole timeline.
    public var text: String {
        var lines = header
        lines.append("")
        let width = String(events.count).count
        for (number, event) in zip(1..., events) {
            let text = CaseEventText(
                event, blueprint: blueprint, names: names, dates: dates, origin: origin, language: language)
            let label = String(repeating: " ", count: width - String(number).count) + "\(number)"
            lines.append("\(label)  \(time(event.at))  \(text.summary)")
            let indent = String(repeating: " ", count: width + 2)
            if let key = text.key { lines.append(indent + say("idempotency key: ", "幂等键：") + key) }
            if let reason = text.reason { lines.append(indent + say("reason: ", "原因：") + reason) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Who, what and when, above the events.
    var header: [String] {
        var state = CaseState(id: events.first?.caseID ?? "?", blueprint: blueprint)
        for event in events { state.apply(event) }
        var lines = [say("Case ", "案件 ") + state.id]
        let bundle = "\(blueprint.bundle) \(blueprint.version)"
        lines.append(say("Bundle: ", "一件事：") + (names.title.map { "\($0)（\(bundle)）" } ?? bundle))
        lines.append(say("Lead department: ", "牵头部门：") + names.department(blueprint.lead, in: language))
        if let start = state.start {
            let answers = start.answers.keys.sorted().map { "\($0)=\(start.answers[$0]!)" }
            if !answers.isEmpty { lines.append(say("Answers: ", "答案：") + answers.joined(separator: ", ")) }
            let brought = start.provided.map { names.material($0, in: language) }
            lines.append(say("Materials brought: ", "收件材料：") + brought.joined(separator: say(", ", "、")))
        }
        lines.append(
            say("Started: ", "受理：") + time(origin) + say("; promised within ", "；承诺 ")
                + WorkDays.limit(blueprint.promise) + say(" working days", " 个工作日内办结"))
        if let outcome = state.outcome, let delivered = state.deliveredAt {
            let taken = WorkDays.format(delivered - origin)
            lines.append(
                say("Outcome: ", "结果：") + CaseEventText.outcome(outcome, in: language)
                    + say(" after \(taken) working days", "，用时 \(taken) 个工作日"))
        } else {
            lines.append(
                say("Open: ", "办理中：")
                    + CaseProgress(state, names: names, language: language).text(in: language))
        }
        return lines
    }
}
