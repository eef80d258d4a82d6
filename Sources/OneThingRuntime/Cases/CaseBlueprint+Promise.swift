import OneThingCalendar
import OneThingEvents

extension CaseBlueprint {
    /// When the promise of a case accepted at `accepted` is due, on `calendar`: the end
    /// of the promise's due date, moved as the plan moves it when steps take time that
    /// no limit counts (`WorkdayCalendar.promisedDate(counted:countedDelivery:delivery:)`),
    /// so that the case is not called late for time the law does not count.
    ///
    /// - Throws: ``WorkdayCalendar/OutOfRange`` when a date is outside the calendar's years.
    public func promisedBy(acceptedAt accepted: Timestamp, on calendar: WorkdayCalendar)
        throws(WorkdayCalendar
        .OutOfRange) -> Timestamp
    {
        let counted = try calendar.due(after: accepted.chinaDate, limit: promise)
        guard steps.contains(where: { $0.notCounted != nil }) else { return WorkdayCalendar.end(of: counted) }
        let delivery = try lastDue(from: accepted.chinaDate, on: calendar) { $0.lengths }
        let countedDelivery = try lastDue(from: accepted.chinaDate, on: calendar) { [$0.limit] }
        return WorkdayCalendar.end(
            of: try calendar.promisedDate(
                counted: counted, countedDelivery: countedDelivery, delivery: delivery))
    }

    /// The due date of the last step when every step starts on the due date of the last
    /// one it waits for (the day of acceptance when it waits for none) and takes
    /// `lengths` one after another: the delivery the plan predicts, when the steps are
    /// the plan's (a step waits for a joint inspection through its predecessors).
    func lastDue(
        from start: CalendarDate, on calendar: WorkdayCalendar, lengths: (Step) -> [TimeLimit]
    ) throws(WorkdayCalendar.OutOfRange) -> CalendarDate {
        var due: [CalendarDate] = []
        for step in steps {
            // Steps are in the plan's order: what a step waits for comes before it.
            var date = step.predecessors.compactMap { $0 < due.count ? due[$0] : nil }.max() ?? start
            for length in lengths(step) { date = try calendar.due(after: date, limit: length) }
            due.append(date)
        }
        return due.max() ?? start
    }
}
