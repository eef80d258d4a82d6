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
    /// Where the steps that wait for nothing start: the clock's origin.
    public var origin: Clock.Instant
    /// The steps of the critical path, first to last.
    public var criticalPath: [Step]

    /// Runs the forward pass over `graph` on `clock`, each step taking what `counting`
    /// counts (``StepGraph/lengths(ofItem:counting:)``).
    public init(
        bundle: ServiceBundle, graph: StepGraph, clock: Clock, counting: TimeCounting
    ) throws(Clock.Failure) {
        end = clock.origin
        origin = clock.origin
        criticalPath = []
        // The finish of each item, by index; an item comes after everything it waits
        // for in the graph's order, so what it reads here is already computed.
        var finishOf = [Clock.Instant](repeating: clock.origin, count: bundle.items.count)
        var cause: [Int: Step] = [:]
        var inspectionCause: [Int: Int] = [:]
        for i in graph.order {
            var start = clock.origin
            var startCause: Step?
            for p in graph.predecessors[i] where startCause == nil || finishOf[p] > start {
                start = finishOf[p]
                startCause = .item(p)
            }
            if let k = graph.inspectionOf[i] {
                let inspectionEnd: Clock.Instant
                if let known = inspectionFinish[k] {
                    inspectionEnd = known
                } else {
                    // The inspection waits for every participant's predecessors.
                    var from = clock.origin
                    var fromCause: Int?
                    for member in graph.participants[k] {
                        for p in graph.predecessors[member] where fromCause == nil || finishOf[p] > from {
                            from = finishOf[p]
                            fromCause = p
                        }
                    }
                    inspectionEnd = try clock.advance(from, by: bundle.inspections[k].duration.value)
                    inspectionStart[k] = from
                    inspectionFinish[k] = inspectionEnd
                    if let fromCause { inspectionCause[k] = fromCause }
                }
                if inspectionEnd >= start {
                    start = inspectionEnd
                    startCause = .inspection(k)
                }
            }
            var finish = start
            for length in graph.lengths(ofItem: i, counting: counting) {
                finish = try clock.advance(finish, by: length)
            }
            itemStart[i] = start
            itemFinish[i] = finish
            finishOf[i] = finish
            if let startCause { cause[i] = startCause }
        }
        // The last item to finish ends the path (the first in file order on a tie).
        var last: (item: Int, finish: Clock.Instant)?
        for i in graph.order {
            let finish = finishOf[i]
            guard let current = last else {
                last = (i, finish)
                continue
            }
            if finish > current.finish || (finish == current.finish && i < current.item) {
                last = (i, finish)
            }
        }
        var steps: [Step] = []
        var cursor = last?.item
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
        if let last { end = last.finish }
        criticalPath = steps.reversed()
    }
}
