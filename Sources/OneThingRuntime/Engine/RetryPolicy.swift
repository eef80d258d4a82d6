/// How a failed submission is tried again: exponential backoff with jitter, capped, in
/// wall time (a department's system that is down comes back in real minutes, not in
/// working days).
public struct RetryPolicy: Sendable, Hashable, Codable {
    /// The delay after the first failure, in milliseconds.
    public var base: Int64
    /// The longest delay, in milliseconds.
    public var cap: Int64
    /// The fraction of the delay drawn at random (0.5: between 0.5× and 1.5×).
    public var jitter: Double

    /// Creates a policy; values out of range are brought into it (a delay of at least a
    /// millisecond, a cap of at least the base, a jitter between 0 and 1).
    public init(base: Int64 = 60_000, cap: Int64 = 3_600_000, jitter: Double = 0.5) {
        self.base = max(1, base)
        self.cap = max(self.base, cap)
        self.jitter = jitter.isFinite ? min(max(jitter, 0), 1) : 0
    }

    /// The default: a minute first, doubling up to an hour, ±50 %.
    public static let standard = RetryPolicy()

    /// The delay in milliseconds before attempt `attempt + 1`, given a random number in 0..<1.
    public func delay(after attempt: Int, random: Double) -> Int64 {
        let doublings = min(max(attempt - 1, 0), 40)
        let exponential = min(Double(cap), Double(base) * Double(1 << doublings))
        let factor = 1 - jitter + 2 * jitter * min(max(random, 0), 1)
        return max(1, Int64(exponential * factor))
    }

    /// The delay in milliseconds before attempt `attempt + 1` of `key`, its jitter drawn
    /// from `seed` and the key (and the attempt) alone: the project's one seeded random
    /// source, so that a run repeats for a seed and no two keys back off in step.
    public func delay(after attempt: Int, of key: String, seed: UInt64) -> Int64 {
        delay(after: attempt, random: StableHash.unit("\(key)#\(attempt)", seed: seed))
    }
}
