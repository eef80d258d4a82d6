import OneThing
import OneThingPresentation
import OneThingRuntime

/// `GET /v1/cases/{id}/timeline`: the case's history as a supervisor audits it (the
/// command line's `onething case show`), in the request's language: the whole text, and
/// each event's line with its idempotency key and reason.
struct TimelineBody: Encodable {
    struct Entry: Encodable {
        var sequence: Int
        var at: Timestamp
        var moment: String
        var text: String
        var key: String?
        var reason: String?
    }

    var id: CaseID
    var language: String
    var text: String
    var events: [Entry]

    init(events: [CaseEvent], blueprint: CaseBlueprint, calendar: WorkdayCalendar, language: Language) {
        let timeline = CaseTimeline(
            events: events, blueprint: blueprint, calendar: calendar, language: language)
        id = events.first?.caseID ?? ""
        self.language = language.rawValue
        text = timeline.text
        self.events = events.map { event in
            let words = CaseEventText(event, names: timeline.names, clock: timeline.clock)
            return Entry(
                sequence: event.sequence, at: event.at, moment: timeline.clock.moment(event.at),
                text: words.summary,
                key: words.key, reason: words.reason)
        }
    }

    enum CodingKeys: CodingKey { case id, language, text, events }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(language, forKey: .language)
        try container.encode(text, forKey: .text)
        try container.encode(events, forKey: .events)
    }
}
