/// The wall clock sped up: time runs `speed` times as fast as the wall clock from the
/// moment the clock is made, so that a demonstration shows in minutes what takes days
/// (`onething serve --speed 600`: a working day of eight hours in 48 seconds). Never a
/// silent default: a server runs on ``LiveClock`` unless told otherwise, and says so.
///
/// Moments stay absolute and in order: the clock starts at the wall clock's reading
/// and only ever moves forward, so a store written at one speed reads back at another.
public struct ScaledClock: EngineClock {
    /// How many times faster than the wall clock time runs.
    public let speed: Double
    /// The wall clock's reading when the clock was made.
    public let origin: Timestamp
    /// The longest single nap, in wall time, so that a clock change of the machine is noticed.
    public var longestNap: Duration

    /// A clock `speed` times as fast as the wall clock (at least 1), reading `origin`
    /// when the wall clock does (by default: now). Instances that share a store and
    /// are given the same origin and speed read the same time.
    public init(speed: Double, origin: Timestamp = .now, longestNap: Duration = .seconds(5)) {
        self.speed = max(1, speed.isFinite ? speed : 1)
        self.origin = origin
        self.longestNap = longestNap
    }

    /// The moment now: the origin plus the wall time since, sped up.
    public var now: Timestamp {
        let elapsed = Double(Timestamp.now.milliseconds - origin.milliseconds)
        return origin.adding(milliseconds: Int64((max(0, elapsed) * speed).rounded(.down)))
    }

    /// Sleeps until the clock reads `deadline`.
    public func sleep(until deadline: Timestamp) async throws {
        while true {
            let left = Double(deadline.milliseconds - now.milliseconds) / speed
            guard left > 0 else { return }
            try await Task.sleep(for: min(.microseconds(Int64((left * 1000).rounded(.up))), longestNap))
        }
    }
}
