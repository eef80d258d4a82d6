import OneThing
import OneThingRuntime

/// One case of a list as JSON: what `onething case list --format json` prints and
/// `GET /v1/cases` answers, one shape for both. No answers, hence no personal numbers.
/// Moments are UTC; `startedOn` and `dueOn` are days in China Standard Time.
public struct CaseSummaryRow: Encodable, Sendable {
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

    /// The row of `summary`, with its bundle's `title` when known.
    public init(_ summary: CaseSummary, title: String?) {
        id = summary.id
        bundle = summary.bundle
        version = summary.version
        self.title = title
        lead = summary.lead
        startedAt = summary.startedAt
        startedOn = summary.startedAt.chinaDate.description
        promisedBy = summary.promisedBy
        dueOn = summary.promisedBy.map { WorkdayCalendar.date(endingAt: $0).description }
        outcome = summary.outcome
        deliveredAt = summary.deliveredAt
        waitingOn = summary.waitingOn
        events = summary.events
    }

    enum CodingKeys: String, CodingKey {
        case id, bundle, version, title, lead, startedAt, startedOn, promisedBy, dueOn, outcome, deliveredAt
        case waitingOn, events
    }

    /// Encodes every key, `null` where there is no value.
    public func encode(to encoder: any Encoder) throws {
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
