import OneThingModel
import OneThingSource

/// The longest chain of promised limits through the items that apply, in working
/// days without a calendar: the time a case takes when every department uses its
/// full promise. The validator's worst-case promise check asks for it for every
/// combination of applicable items; it is ``StepTimes`` on a
/// ``WorkdayEquivalentClock``, the same computation as the planner's schedule.
///
/// It counts what the limits count (``TimeCounting/counted``): time the law leaves out
/// of the limits (`not-counted:`) is not on it, as it is not in the promise it is
/// compared with nor in the reform figures.
public struct CriticalPath: Hashable, Sendable {
    /// A step on the path.
    public typealias Step = StepTimes<WorkdayEquivalentClock>.Step

    /// The path's length in working days.
    public var workdays: Double
    /// The steps along the path, first to last.
    public var steps: [Step]
    /// The earliest finish of every applicable item, in working days from acceptance.
    public var finish: [Int: Double]
    /// Each item's promised limit the path was computed with (the applicant's own).
    public var limits: [TimeLimit]

    /// The critical path through the items of `bundle` for which `applies` is true,
    /// waiting through the needs in `needs`.
    public init(
        bundle: ServiceBundle, dependencies: ItemDependencies, applies: [Bool], needs: NeedSelection = .all,
        limits: [TimeLimit]? = nil
    ) {
        self.init(
            bundle: bundle,
            graph: StepGraph(
                bundle: bundle, dependencies: dependencies, applies: applies, needs: needs, limits: limits))
    }

    /// The critical path through `graph`, of what `counting` counts: what the limits count
    /// (the promise's measure, the default), or all the applicant waits (the chain that
    /// decides the delivery, which a graph draws).
    public init(bundle: ServiceBundle, graph: StepGraph, counting: TimeCounting = .counted) {
        let times = StepTimes(
            bundle: bundle, graph: graph, clock: WorkdayEquivalentClock(), counting: counting)
        self.workdays = times.end
        self.steps = times.criticalPath
        self.finish = times.itemFinish
        self.limits = graph.limits
    }
}
