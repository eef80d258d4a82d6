import OneThingModel

/// The earliest start and finish of every step of a plan on a ``PlanClock``, and the
/// critical path: the chain of steps that decides when the last one finishes.
///
/// This is the one longest-path computation of OneThing: the validator's worst-case
/// promise check runs it in working-day equivalents, the planner's schedule on dates.
public struct StepTimes<Clock: PlanClock>: Sendable {
    /// A step of the plan.
    public enum Step: Hashable, Sendable {
        /// An item, by index into the bundle's items.
        case item(Int)
        /// A joint inspection, by index into the bundle's inspections.
        case inspection(Int)
    }

    /// The earliest start of each applicable item.
    public var itemStart: [Int: Clock.Instant] = [:]
    /// The earliest finish of each applicable item.
    public var itemFinish: [Int: Clock.Instant] = [:]
    /// The earliest start of each joint inspection that takes place.
    public var inspectionStart: [Int: Clock.Instant] = [:]
    /// The earliest finish of each joint inspection that takes place.
    public var inspectionFinish: [Int: Clock.Instant] = [:]
    /// When the last step finishes (the origin when nothing applies): delivery (统一出件).
    public var end: Clock.Instant
    /// The steps of the critical path, first to last.
    public var criticalPath: [Step]

    /// Runs the forward pass over `graph` on `clock`.
    public init(bundle: ServiceBundle, graph: StepGraph, clock: Clock) throws(Clock.Failure) {
        end = clock.origin
        criticalPath = []
        var cause: [Int: Step] = [:]
        var inspectionCause: [Int: Int] = [:]
        for i in graph.order {
            var start = clock.origin
            var startCause: Step?
            for p in graph.predecessors[i] where startCause == nil || itemFinish[p]! > start {
                start = itemFinish[p]!
                startCause = .item(p)
            }
            if let k = graph.inspectionOf[i] {
                if inspectionFinish[k] == nil {
                    // The inspection waits for every participant's predecessors.
                    var from = clock.origin
                    var fromCause: Int?
                    for member in graph.participants[k] {
                        for p in graph.predecessors[member] where fromCause == nil || itemFinish[p]! > from {
                            from = itemFinish[p]!
                            fromCause = p
                        }
                    }
                    inspectionStart[k] = from
                    inspectionFinish[k] = try clock.advance(from, by: bundle.inspections[k].duration.value)
                    if let fromCause { inspectionCause[k] = fromCause }
                }
                if inspectionFinish[k]! >= start {
                    start = inspectionFinish[k]!
                    startCause = .inspection(k)
                }
            }
            itemStart[i] = start
            itemFinish[i] = try clock.advance(start, by: bundle.items[i].promised.value)
            if let startCause { cause[i] = startCause }
        }
        // The last item to finish ends the path (the first in file order on a tie).
        var last: Int?
        for i in graph.order
        where last == nil || itemFinish[i]! > itemFinish[last!]!
            || (itemFinish[i]! == itemFinish[last!]! && i < last!)
        {
            last = i
        }
        var steps: [Step] = []
        var cursor = last
        while let i = cursor {
            steps.append(.item(i))
            switch cause[i] {
            case .item(let p): cursor = p
            case .inspection(let k):
                steps.append(.inspection(k))
                cursor = inspectionCause[k]
            case nil: cursor = nil
            }
        }
        if let last { end = itemFinish[last]! }
        criticalPath = steps.reversed()
    }
}
