import OneThingRuntime

/// A department's circuit breaker: closed while calls succeed; open after
/// ``failureLimit`` failed calls in a row, when calls fail at once without reaching the
/// department; half-open after ``coolDown``, when one trial call goes through and its
/// outcome closes or opens the breaker again.
public struct CircuitBreaker: Sendable, Hashable {
    /// Where a breaker stands.
    public enum State: Sendable, Hashable {
        /// Calls go through.
        case closed
        /// Calls fail at once until `until`.
        case open(until: Timestamp)
        /// One trial call is on its way; others fail at once.
        case halfOpen
    }

    /// After how many failures in a row it opens.
    public let failureLimit: Int
    /// How long it stays open, in milliseconds.
    public let coolDown: Int64
    /// Where it stands.
    public private(set) var state: State = .closed
    /// Failed calls since the last success.
    public private(set) var failuresInRow = 0
    /// How many times it opened.
    public private(set) var openings = 0

    /// A closed breaker.
    public init(failureLimit: Int, coolDown: Int64) {
        self.failureLimit = max(1, failureLimit)
        self.coolDown = max(1, coolDown)
    }

    /// When a call could go out, seen at `now` without changing the breaker.
    public enum Admission: Sendable, Hashable {
        /// Now: the breaker is closed, or its cool-down has passed and a trial may go.
        case now
        /// Once the cool-down ends at the moment given.
        case after(Timestamp)
        /// Once the trial call under way has ended.
        case afterTrial
    }

    /// When a call could go out, seen at `now`; ``admits(at:)`` is what lets one through.
    public func admission(at now: Timestamp) -> Admission {
        switch state {
        case .closed: .now
        case .halfOpen: .afterTrial
        case .open(let until): now >= until ? .now : .after(until)
        }
    }

    /// Whether a call may go out at `now`; an open breaker whose cool-down has passed
    /// lets this one call through as its trial (and becomes half-open).
    public mutating func admits(at now: Timestamp) -> Bool {
        switch state {
        case .closed: return true
        case .halfOpen: return false
        case .open(let until):
            guard now >= until else { return false }
            state = .halfOpen
            return true
        }
    }

    /// A call went through: the breaker closes.
    public mutating func recordSuccess() {
        failuresInRow = 0
        state = .closed
    }

    /// A call failed at `now`: a failed trial, or the limit of failures in a row, opens it.
    public mutating func recordFailure(at now: Timestamp) {
        failuresInRow += 1
        if state == .halfOpen || (state == .closed && failuresInRow >= failureLimit) {
            state = .open(until: now.adding(milliseconds: coolDown))
            openings += 1
        }
    }

    /// Whether it is open or half-open: the department is taken as down.
    public var isOpen: Bool { state != .closed }

    /// The state's name: `closed`, `open`, `half-open`.
    public var name: String {
        switch state {
        case .closed: "closed"
        case .open: "open"
        case .halfOpen: "half-open"
        }
    }
}
