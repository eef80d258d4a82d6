import OneThingModel

/// A plan on the calendar: from the day of acceptance, the earliest start and due
/// date of every step, the critical path, each item's slack, and the promised
/// completion date.
///
/// Dates come from the same longest-path computation as the validator's check
/// (``StepTimes``), run on a ``CalendarClock``. Slack, the working days an item may
/// slip without delaying delivery, is computed in working-day equivalents.
///
/// Time not counted (`not-counted:`, 行政许可法 §45): the steps' dates and the delivery
/// include it (``TimeCounting/elapsed``), since the applicant waits for it. Whether the
/// promise is kept is decided as the law decides it, without it (``countedDelivery``
/// against ``countedPromisedBy``); the promised date the applicant is told,
/// ``promisedBy``, is the promise's date moved by as many days as the time not counted
/// moves the delivery.
public struct Schedule: Sendable {
    /// The day the case was accepted (综合收件).
    public let accepted: CalendarDate
    /// The day the count starts from: ``accepted``, or the next working day when the
    /// case was accepted on a rest day (``WorkdayCalendar/acceptance(on:)``); it is not
    /// counted itself.
    public var countsFrom: CalendarDate { times.origin.date }
    /// Start and due dates of the steps, and the critical path.
    public let times: StepTimes<CalendarClock>
    /// The date by which the bundle's promise to the applicant is due, the time not
    /// counted included: ``countedPromisedBy`` moved by the days from
    /// ``countedDelivery`` to ``delivery`` (onto the next working day when it falls on
    /// a rest day). Without time not counted, ``countedPromisedBy``.
    public let promisedBy: CalendarDate
    /// The date the promise falls due counting only what the limits count.
    public var countedPromisedBy: CalendarDate { countedPromiseEnds.date }
    /// The moment the promise ends counting only what the limits count: the end of
    /// ``countedPromisedBy``, or an office hour of it for a promise in hours.
    public let countedPromiseEnds: WorkingMoment
    /// When the last step is due counting only what the limits count: the delivery
    /// the promise is checked against.
    public var countedDelivery: CalendarDate { countedDeliveryEnds.date }
    /// The moment the last step is due counting only what the limits count.
    public let countedDeliveryEnds: WorkingMoment
    /// The predicted delivery date (统一出件): when the last step is due.
    public var delivery: CalendarDate { times.end.date }
    /// For each applicable item, the working days it may slip without delaying delivery.
    public let slack: [Int: Double]
    /// The provisional years of the calendar (no State Council notice) from acceptance
    /// through the later of delivery and the promised date, ascending: when not empty,
    /// the dates are provisional and whoever shows them says so.
    public let provisionalYears: [Int]

    /// Schedules `plan` on `calendar` from the day `accepted`: the count starts at the
    /// end of that day (``WorkdayCalendar/acceptance(on:)``).
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
        let clock = try CalendarClock(calendar: calendar, accepted: accepted)
        self.accepted = accepted
        let times = try StepTimes(bundle: bundle, graph: graph, clock: clock, counting: .elapsed)
        let countedDelivery =
            graph.hasUncountedTime
            ? try StepTimes(bundle: bundle, graph: graph, clock: clock, counting: .counted).end : times.end
        let countedPromise = try calendar.end(of: graph.promise, from: clock.origin)
        let promisedBy = try calendar.promisedDate(
            counted: countedPromise.date, countedDelivery: countedDelivery.date, delivery: times.end.date)
        self.times = times
        self.countedDeliveryEnds = countedDelivery
        self.countedPromiseEnds = countedPromise
        self.promisedBy = promisedBy
        self.slack = Schedule.slack(bundle: bundle, graph: graph)
        self.provisionalYears = calendar.provisionalYears(
            from: accepted, through: max(times.end.date, promisedBy))
    }

    /// Whether a date of the schedule lies in a provisional year of the calendar.
    public var isProvisional: Bool { !provisionalYears.isEmpty }

    /// The working days the time limits count along ``times``' critical path, the chain
    /// that decides the delivery date. Time not counted can put a chain ahead on the
    /// dates that counts fewer days than the plan's critical path (a 公示 of 20日 before
    /// a registration of 1 working day, beside a 清税 of 10), so this can be less than
    /// ``Plan/criticalPath``'s working days; without such time they are equal.
    public func countedWorkdaysOfCriticalPath(of plan: Plan) -> Double {
        times.criticalPath.reduce(0) { total, step in
            switch step {
            case .item(let i):
                total
                    + plan.graph.lengths(ofItem: i, counting: .counted).reduce(0) {
                        $0 + $1.workdayEquivalent
                    }
            case .inspection(let k): total + plan.bundle.inspections[k].duration.value.workdayEquivalent
            }
        }
    }

    /// Whether delivery is due within the promise, as the law counts it: without the
    /// time not counted on either side.
    public var keepsPromise: Bool { countedDeliveryEnds <= countedPromiseEnds }

    /// The periods not counted of the items on the critical path, in its order: the
    /// time not counted that the applicant waits for beyond the promise.
    public func uncountedOnCriticalPath(of bundle: ServiceBundle) -> [UncountedTime] {
        times.criticalPath.flatMap { step -> [UncountedTime] in
            guard case .item(let i) = step else { return [] }
            return bundle.items[i].notCounted
        }
    }

    /// The slack of every applicable item, by a backward pass in working-day equivalents
    /// over the time the applicant waits (the time not counted included, as in the dates).
    static func slack(bundle: ServiceBundle, graph: StepGraph) -> [Int: Double] {
        let times = StepTimes(
            bundle: bundle, graph: graph, clock: WorkdayEquivalentClock(), counting: .elapsed)
        func length(_ i: Int) -> Double {
            graph.lengths(ofItem: i, counting: .elapsed).reduce(0) { $0 + $1.workdayEquivalent }
        }
        let end = times.end
        var latestFinish: [Int: Double] = [:]
        var inspectionLatestStart: [Int: Double] = [:]
        for i in graph.order.reversed() {
            var finish = end
            // A successor comes later in the order, so its latest finish is known; one left
            // out of the order (it waits for a circle of items) never starts and bounds nothing.
            for s in graph.successors[i] {
                guard let successorFinish = latestFinish[s] else { continue }
                let successorStart = successorFinish - length(s)
                // A successor in a joint inspection must wait for the inspection first.
                let bound = graph.inspectionOf[s].flatMap { inspectionLatestStart[$0] } ?? successorStart
                finish = min(finish, min(successorStart, bound))
            }
            latestFinish[i] = finish
            if let k = graph.inspectionOf[i] {
                let start =
                    finish - length(i)
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
