/// What an enumeration callback wants next.
public enum EnumerationStep: Sendable {
    /// Go on with the next combination.
    case next
    /// Stop here.
    case stop
}

/// How far an enumeration went.
public struct EnumerationSummary: Hashable, Sendable {
    /// The combinations visited.
    public var visited: Int
    /// The combinations there are (saturating at `Int.max`).
    public var total: Int
    /// Whether the callback asked to stop before the end.
    public var stopped: Bool

    /// Creates a summary.
    public init(visited: Int, total: Int, stopped: Bool) {
        self.visited = visited
        self.total = total
        self.stopped = stopped
    }

    /// Whether every combination was visited.
    public var isExhaustive: Bool { visited >= total }
}
