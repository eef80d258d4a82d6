/// The timers of a case's steps: a warning when the due day begins, overdue at the due
/// moment, escalation (督办) at the end of the first working day after the due date;
/// retries after a failed submission; the deadlines of deferred materials.
extension CaseRuntime {
    /// The moments of a step's warnings for its due moment `due`.
    struct Warnings {
        /// The start of the due day.
        var dueSoon: Timestamp
        /// The due moment.
        var overdue: Timestamp
        /// The end of the first working day after the due date.
        var escalate: Timestamp
    }

    func warnings(for due: Timestamp, region: String) -> Warnings {
        let dueDate = WorkdayCalendar.date(endingAt: due)
        var escalate = WorkdayCalendar.end(of: dueDate.adding(days: 1))
        if let calendar = calendar(region: region) {
            do {
                escalate = WorkdayCalendar.end(
                    of: try calendar.nextWorkday(onOrAfter: dueDate.adding(days: 1)))
            } catch {
                // Beyond the calendar's years the next calendar day stands in for the next working day.
            }
        }
        return Warnings(dueSoon: Timestamp(china: dueDate), overdue: due, escalate: escalate)
    }

    /// Sets the timer of the next warning `step` of the case in `slot` is owed for its
    /// current due moment: due soon, else overdue, else escalation. Each warning, once
    /// given, sets the next, so a step holds one warning timer at a time.
    mutating func scheduleDeadlines(_ slot: Int, _ step: Int) {
        let id = cases.slots[slot].id
        let current = cases.slots[slot].steps[step]
        guard let due = current.due, !current.status.isFinal, current.pausedAt == nil else { return }
        let moments = warnings(for: due, region: cases.slots[slot].blueprint.region)
        // A step sent on its due day itself is not warned: it knew from the start.
        if !current.warned, let sent = current.dispatchedAt, moments.dueSoon > sent {
            timers.schedule(.dueSoon(step: step), for: id, at: moments.dueSoon)
        } else if !current.overdue {
            timers.schedule(.overdue(step: step), for: id, at: moments.overdue)
        } else if !current.escalated {
            timers.schedule(.escalate(step: step), for: id, at: moments.escalate)
        }
    }

    mutating func fire(_ timer: TimerQueue.Timer) {
        let id = timer.caseID
        guard let slot = cases.slot(of: id), !cases.slots[slot].isClosed else { return }
        let state = cases.slots[slot]
        let now = max(timer.at, state.lastEventAt ?? timer.at)
        switch timer.action {
        case .dueSoon(let step), .overdue(let step), .escalate(let step):
            let current = state.steps[step]
            // A paused step is looked at again when its supplement arrives.
            guard let due = current.due, !current.status.isFinal, current.pausedAt == nil else { return }
            let moments = warnings(for: due, region: state.blueprint.region)
            let (when, done): (Timestamp, Bool) =
                switch timer.action {
                case .dueSoon: (moments.dueSoon, current.warned)
                case .overdue: (moments.overdue, current.overdue)
                default: (moments.escalate, current.escalated)
                }
            guard !done else { return }
            guard timer.at >= when else {
                // The due moment moved later since the timer was set.
                timers.schedule(timer.action, for: id, at: when)
                return
            }
            switch timer.action {
            case .dueSoon:
                emit(slot, at: now, .dueSoon(step: step, due: due))
            case .overdue:
                emit(slot, at: now, .overdue(step: step, due: due))
            default:
                let blueprint = state.blueprint
                let to =
                    blueprint.steps[step].department == blueprint.lead ? blueprint.supervisor : blueprint.lead
                emit(slot, at: now, .escalated(step: step, to: to))
            }
            scheduleDeadlines(slot, step)
        case .retry(let step, let attempt):
            guard state.steps[step].status == .ready, state.steps[step].attempts == attempt else { return }
            dispatch(slot, step, attempt: attempt + 1, at: now)
        case .deadline(let material):
            guard !state.supplied.contains(material) else { return }
            for step in state.blueprint.steps.indices
            where state.awaitedMaterials(of: step).contains(material) {
                guard !cases.slots[slot].steps[step].status.isFinal else { continue }
                emit(slot, at: now, .failed(step: step, material: material))
                settleAfterRejection(slot, step, at: now)
            }
        }
    }
}
