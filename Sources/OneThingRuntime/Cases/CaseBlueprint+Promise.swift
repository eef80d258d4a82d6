import OneThingCalendar
import OneThingEvents

extension CaseBlueprint {
    /// When the promise of a case accepted at `accepted` is due, on `calendar`: where the
    /// promise ends counted from the end of the day of acceptance
    /// (`WorkdayCalendar.acceptance(on:)`), moved as the plan moves it when steps take
    /// time that no limit counts
    /// (`WorkdayCalendar.promisedDate(counted:countedDelivery:delivery:)`), so that the
    /// case is not called late for time the law does not count.
    ///
    /// - Throws: ``WorkdayCalendar/OutOfRange`` when a date is outside the calendar's years.
    public func promisedBy(acceptedAt accepted: Timestamp, on calendar: WorkdayCalendar)
        throws(WorkdayCalendar
        .OutOfRange) -> Timestamp
    {
        let origin = try calendar.acceptance(on: accepted.chinaDate)
        let counted = try calendar.end(of: promise, from: origin)
        guard steps.contains(where: { $0.notCounted != nil }) else { return counted.timestamp }
        let delivery = try lastDue(from: origin, on: calendar) { $0.lengths }
        let countedDelivery = try lastDue(from: origin, on: calendar) { [$0.limit] }
        return WorkdayCalendar.end(
            of: try calendar.promisedDate(
                counted: counted.date, countedDelivery: countedDelivery.date, delivery: delivery.date))
    }

    /// The moment the last step is due when every step starts where the last one it
    /// waits for is due (`origin` when it waits for none) and takes `lengths` one after
    /// another: the delivery the plan predicts, when the steps are the plan's (a step
    /// waits for a joint inspection through its predecessors).
    func lastDue(
        from origin: WorkingMoment, on calendar: WorkdayCalendar, lengths: (Step) -> [TimeLimit]
    ) throws(WorkdayCalendar.OutOfRange) -> WorkingMoment {
        var due: [WorkingMoment] = []
        for step in steps {
            // Steps are in the plan's order: what a step waits for comes before it.
            var moment = step.predecessors.compactMap { $0 < due.count ? due[$0] : nil }.max() ?? origin
            for length in lengths(step) { moment = try calendar.end(of: length, from: moment) }
            due.append(moment)
        }
        return due.max() ?? origin
    }
}
