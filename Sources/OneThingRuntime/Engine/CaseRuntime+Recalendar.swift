/// Due moments counted again on today's calendar: when a year's State Council notice
/// replaces the provisional calendar the law gave (or corrects a notice), the working
/// days of an open case fall on other dates, and the case says so.
extension CaseRuntime {
    /// Counts the due moments of the open case in `slot` again — its promise and every step under
    /// way, from the moment its clock started and through the spells it stood still —
    /// and records a ``CaseEvent/Kind/dueChanged(step:from:to:)`` for each that moved.
    /// A due moment the calendar cannot count (beyond its years) stays as it was.
    mutating func recalendar(_ slot: Int, at now: Timestamp) {
        let state = cases.slots[slot]
        guard !state.isClosed, let calendar = calendar(region: state.blueprint.region) else {
            return  // a region without a calendar: the case's next step says so
        }
        if let acceptedAt = state.acceptedAt, let promisedBy = state.promisedBy,
            let counted = Self.promise(acceptedAt: acceptedAt, in: state, on: calendar),
            counted != promisedBy
        {
            emit(slot, at: now, .dueChanged(step: nil, from: promisedBy, to: counted))
        }
        for (index, step) in state.steps.enumerated() where !step.status.isFinal {
            guard let started = step.dispatchedAt, let due = step.due,
                let counted = Self.due(
                    of: index, startedAt: started, pauses: step.pauses, in: state, on: calendar),
                counted != due
            else { continue }
            emit(slot, at: now, .dueChanged(step: index, from: due, to: counted))
        }
    }

    /// The promise of the case of `state` accepted at `acceptedAt`, on `calendar`; `nil`
    /// beyond the calendar's years.
    static func promise(acceptedAt: Timestamp, in state: CaseState, on calendar: WorkdayCalendar)
        -> Timestamp?
    {
        do {
            return try state.blueprint.promisedBy(acceptedAt: acceptedAt, on: calendar)
        } catch {
            return nil
        }
    }

    /// The due moment of `step` first sent at `start` whose clock stood still for
    /// `pauses`, on `calendar`; `nil` beyond the calendar's years.
    static func due(
        of step: Int, startedAt start: Timestamp, pauses: [CaseState.Pause], in state: CaseState,
        on calendar: WorkdayCalendar
    ) -> Timestamp? {
        do {
            var due = try calendar.dueMoment(
                startingAt: start, acceptedAt: state.acceptedAt, limits: state.blueprint.steps[step].lengths)
            for pause in pauses {
                due = try calendar.postponing(due, pausedAt: pause.from, resumedAt: pause.to)
            }
            return due
        } catch {
            return nil
        }
    }
}
