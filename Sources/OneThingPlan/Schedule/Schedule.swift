import OneThingModel

/// A plan on the calendar: from the day of acceptance, the earliest start and due
/// date of every step, the critical path, each item's slack, and the promised
/// completion date.
///
/// Dates come from the same longest-path computation as the validator's check
/// (``StepTimes``), run on a ``CalendarClock``. Slack, the working days an item may
/// slip without delaying delivery, is computed in working-day equivalents.
public struct Schedule: Sendable {
    /// The day the case was accepted (综合收件).
    public let accepted: CalendarDate
    /// Start and due dates of the steps, and the critical path.
    public let times: StepTimes<CalendarClock>
    /// The date by which the bundle's promise to the applicant is due.
    public let promisedBy: CalendarDate
    /// The predicted delivery date (统一出件): when the last step is due.
    public var delivery: CalendarDate { times.end }
    /// For each applicable item, the working days it may slip without delaying delivery.
    public let slack: [Int: Double]
    /// The provisional years of the calendar (no State Council notice) from acceptance
    /// through the later of delivery and the promised date, ascending: when not empty,
    /// the dates are provisional and whoever shows them says so.
    public let provisionalYears: [Int]

    /// Schedules `plan` on `calendar` from the day `accepted`.
    ///
    /// - Throws: ``WorkdayCalendar/OutOfRange`` when a date falls outside the years the
    ///   calendar covers: a schedule is never guessed.
    public init(plan: Plan, calendar: WorkdayCalendar, accepted: CalendarDate) throws(WorkdayCalendar
        .OutOfRange)
    {
        try self.init(bundle: plan.bundle, steps: plan.graph, calendar: calendar, accepted: accepted)
    }

    /// Schedules the steps `graph` of `bundle` on `calendar` from the day `accepted`
    /// (see ``PlanBuilder/steps(for:)``).
    ///
    /// - Throws: ``WorkdayCalendar/OutOfRange`` when a date falls outside the years the
    ///   calendar covers: a schedule is never guessed.
    public init(
        bundle: ServiceBundle, steps graph: StepGraph, calendar: WorkdayCalendar, accepted: CalendarDate
    ) throws(WorkdayCalendar.OutOfRange) {
        let clock = CalendarClock(calendar: calendar, accepted: accepted)
        self.accepted = accepted
        self.times = try StepTimes(bundle: bundle, graph: graph, clock: clock)
        self.promisedBy = try calendar.due(after: accepted, limit: graph.promise)
        self.slack = Schedule.slack(bundle: bundle, graph: graph)
        self.provisionalYears = calendar.provisionalYears(from: accepted, through: max(times.end, promisedBy))
    }

    /// Whether a date of the schedule lies in a provisional year of the calendar.
    public var isProvisional: Bool { !provisionalYears.isEmpty }

    /// Whether delivery is due within the promise.
    public var keepsPromise: Bool { delivery <= promisedBy }

    /// The slack of every applicable item, by a backward pass in working-day equivalents.
    static func slack(bundle: ServiceBundle, graph: StepGraph) -> [Int: Double] {
        let times = StepTimes(bundle: bundle, graph: graph, clock: WorkdayEquivalentClock())
        let end = times.end
        var latestFinish: [Int: Double] = [:]
        var inspectionLatestStart: [Int: Double] = [:]
        for i in graph.order.reversed() {
            var finish = end
            // A successor comes later in the order, so its latest finish is known; one left
            // out of the order (it waits for a circle of items) never starts and bounds nothing.
            for s in graph.successors[i] {
                guard let successorFinish = latestFinish[s] else { continue }
                let successorStart = successorFinish - graph.limits[s].workdayEquivalent
                // A successor in a joint inspection must wait for the inspection first.
                let bound = graph.inspectionOf[s].flatMap { inspectionLatestStart[$0] } ?? successorStart
                finish = min(finish, min(successorStart, bound))
            }
            latestFinish[i] = finish
            if let k = graph.inspectionOf[i] {
                let start =
                    finish - graph.limits[i].workdayEquivalent
                    - bundle.inspections[k].duration.value.workdayEquivalent
                inspectionLatestStart[k] = min(inspectionLatestStart[k] ?? start, start)
            }
        }
        // Both passes go over the items of the graph's order: each has both finishes.
        var slack: [Int: Double] = [:]
        for (i, earliest) in times.itemFinish {
            if let latest = latestFinish[i] { slack[i] = max(0, latest - earliest) }
        }
        return slack
    }
}
