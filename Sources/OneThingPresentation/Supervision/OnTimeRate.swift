/// An on-time rate (按时办结率): of what finished in a period, how much finished by its
/// due moment (``OneThingEvents/CaseState/isOnTime(finishedAt:due:)``). In JSON:
/// `{"finished": 8, "onTime": 6, "late": 2, "rate": 0.75}`; `rate` is `null` when
/// nothing finished.
public struct OnTimeRate: Sendable, Hashable, Codable {
    /// How many finished in the period.
    public var finished: Int
    /// How many of them finished by their due moment.
    public var onTime: Int

    /// A rate of `onTime` out of `finished`.
    public init(finished: Int = 0, onTime: Int = 0) {
        self.finished = finished
        self.onTime = onTime
    }

    /// How many finished after their due moment.
    public var late: Int { finished - onTime }

    /// `onTime / finished`, or `nil` when nothing finished.
    public var rate: Double? { finished == 0 ? nil : Double(onTime) / Double(finished) }

    /// Counts one thing that finished, on time or not.
    public mutating func count(onTime kept: Bool) {
        finished += 1
        if kept { onTime += 1 }
    }

    enum CodingKeys: String, CodingKey {
        case finished, onTime, late, rate
    }

    /// Reads `finished` and `onTime`; `late` and `rate` follow from them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            finished: try container.decode(Int.self, forKey: .finished),
            onTime: try container.decode(Int.self, forKey: .onTime))
    }

    /// Writes all four fields, `rate` as `null` when nothing finished.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(finished, forKey: .finished)
        try container.encode(onTime, forKey: .onTime)
        try container.encode(late, forKey: .late)
        try container.encode(rate, forKey: .rate)
    }
}
