/// How a failed submission is tried again: exponential backoff with jitter, capped.
public struct RetryPolicy: Sendable, Hashable {
    /// The delay after the first failure, in working days.
    public var base: WorkTime
    /// The longest delay.
    public var cap: WorkTime
    /// The fraction of the delay drawn at random (0.5: between 0.5× and 1.5×).
    public var jitter: Double

    /// Creates a policy.
    public init(base: WorkTime = 1.0 / 8 / 60, cap: WorkTime = 1.0 / 8, jitter: Double = 0.5) {
        self.base = base
        self.cap = cap
        self.jitter = jitter
    }

    /// The default: a minute (of working time) first, doubling up to an hour, ±50 %.
    public static let standard = RetryPolicy()

    /// The delay before attempt `attempt + 1`, given a random number in 0..<1.
    public func delay(after attempt: Int, random: Double) -> WorkTime {
        let exponential = min(cap, base * Double(1 << min(max(attempt - 1, 0), 30)))
        return exponential * (1 - jitter + 2 * jitter * random)
    }
}
