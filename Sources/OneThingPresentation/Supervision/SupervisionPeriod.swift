import OneThingRuntime

/// The days a supervision figure counts over: from one date through another, both
/// included, in China Standard Time. In JSON: `{"from": "2026-03-01", "through":
/// "2026-03-31"}`.
public struct SupervisionPeriod: Sendable, Hashable, Codable {
    /// The first day.
    public var from: CalendarDate
    /// The last day.
    public var through: CalendarDate

    /// The days from `from` through `through`.
    public init(from: CalendarDate, through: CalendarDate) {
        self.from = from
        self.through = through
    }

    /// The first moment of the period: 00:00 of its first day.
    public var start: Timestamp { Timestamp(china: from) }

    /// The first moment after the period: 24:00 of its last day.
    public var end: Timestamp { WorkdayCalendar.end(of: through) }

    /// Whether `moment` lies in the period.
    public func contains(_ moment: Timestamp) -> Bool { start <= moment && moment < end }

    enum CodingKeys: String, CodingKey {
        case from, through
    }

    /// Reads `{"from": "2026-03-01", "through": "2026-03-31"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func date(_ key: CodingKeys) throws -> CalendarDate {
            let text = try container.decode(String.self, forKey: key)
            guard let date = CalendarDate(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "'\(text)' is not a date such as 2026-03-01"
                )
            }
            return date
        }
        self.init(from: try date(.from), through: try date(.through))
    }

    /// Writes the days as `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(from.description, forKey: .from)
        try container.encode(through.description, forKey: .through)
    }
}
