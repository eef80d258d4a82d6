import OneThingModel

/// How time advances over a plan's steps: in working-day equivalents without a
/// calendar (the validator's worst case), or on dates with a working-day calendar
/// (the planner's schedule). ``StepTimes`` runs the same longest-path computation
/// with either.
public protocol PlanClock {
    /// A point in time.
    associatedtype Instant: Comparable & Sendable
    /// Why time could not advance (a date the calendar does not cover).
    associatedtype Failure: Error

    /// When the case was accepted: the start of every step with nothing before it.
    var origin: Instant { get }

    /// The end of a step that starts at `start` and takes `limit`.
    func advance(_ start: Instant, by limit: TimeLimit) throws(Failure) -> Instant
}

/// Time in working days from acceptance, with limits converted to working-day
/// equivalents (`TimeLimit.workdayEquivalent`): the clock of the validator.
public struct WorkdayEquivalentClock: PlanClock {
    /// Creates the clock.
    public init() {}

    /// Zero working days.
    public var origin: Double { 0 }

    /// `start` plus the limit's working-day equivalent.
    public func advance(_ start: Double, by limit: TimeLimit) -> Double {
        start + limit.workdayEquivalent
    }
}
