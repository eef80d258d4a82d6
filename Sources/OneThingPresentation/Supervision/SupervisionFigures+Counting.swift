import OneThingRuntime

extension SupervisionFigures {
    /// The figures of `cases` at `now` and over `period`, counting working days on the
    /// calendar of each case's region in `calendars` (see ``SupervisionFigures`` for
    /// every rule).
    ///
    /// - Parameter dueSoonWorkdays: How many working days ahead a due date counts as
    ///   soon; 0 means due today. A negative value counts as 0.
    public init(
        cases: [CaseState], calendars: [String: WorkdayCalendar], now: Timestamp, period: SupervisionPeriod,
        dueSoonWorkdays: Int = 2
    ) {
        var tally = Tally(now: now, period: period, dueSoonWorkdays: max(0, dueSoonWorkdays))
        for state in cases { tally.count(state, calendar: calendars[state.blueprint.region]) }
        self.init(
            now: now, period: period, dueSoonWorkdays: tally.dueSoonWorkdays, totals: tally.totals,
            departments: tally.departments.values.sorted { $0.department < $1.department },
            bundles: tally.bundles.values.sorted { $0.bundle < $1.bundle },
            atRisk: tally.atRisk.sorted { a, b in
                (a.workdaysLeft, a.caseID) < (b.workdaysLeft, b.caseID)
            },
            escalations: tally.escalations.sorted { a, b in
                (a.at, a.caseID, a.step) < (b.at, b.caseID, b.step)
            })
    }

    /// The figures as they are counted, case by case.
    struct Tally {
        let now: Timestamp
        let period: SupervisionPeriod
        let dueSoonWorkdays: Int
        var totals = SupervisionTotals()
        var departments: [String: DepartmentFigures] = [:]
        var bundles: [String: BundleFigures] = [:]
        var atRisk: [CaseAtRisk] = []
        var escalations: [EscalationRecord] = []

        init(now: Timestamp, period: SupervisionPeriod, dueSoonWorkdays: Int) {
            self.now = now
            self.period = period
            self.dueSoonWorkdays = dueSoonWorkdays
        }

        /// The figures of `department`, named from `blueprint` when it names it.
        mutating func department(
            _ id: String, of blueprint: CaseBlueprint, _ change: (inout DepartmentFigures) -> Void
        ) {
            var figures = departments[id] ?? DepartmentFigures(department: id)
            if figures.name == nil { figures.name = blueprint.departments[id] }
            change(&figures)
            departments[id] = figures
        }

        mutating func count(_ state: CaseState, calendar: WorkdayCalendar?) {
            let blueprint = state.blueprint
            var bundle =
                bundles[blueprint.bundle] ?? BundleFigures(bundle: blueprint.bundle, title: blueprint.title)
            var risky: [CaseAtRisk.Step] = []
            for (index, step) in state.steps.enumerated() {
                let spec = blueprint.steps[index]
                department(spec.department, of: blueprint) { _ in }
                if let kept = step.decidedOnTime, let finishedAt = step.finishedAt,
                    period.contains(finishedAt)
                {
                    department(spec.department, of: blueprint) { $0.steps.count(onTime: kept) }
                    bundle.steps.count(onTime: kept)
                    totals.steps.count(onTime: kept)
                }
                for escalation in step.escalations where period.contains(escalation.at) {
                    department(spec.department, of: blueprint) { $0.escalated += 1 }
                    department(escalation.to, of: blueprint) { $0.supervising += 1 }
                    totals.escalations += 1
                    escalations.append(
                        EscalationRecord(
                            caseID: state.id, bundle: blueprint.bundle, step: spec.id, name: spec.name,
                            from: spec.department, to: escalation.to, at: escalation.at, due: escalation.due,
                            open: step.isOpen && !state.isClosed))
                }
                guard step.isOpen, !state.isClosed else { continue }
                let withApplicant = state.waitsOnApplicant(step: index)
                let at = risk(of: step, spec, calendar: calendar)
                department(spec.department, of: blueprint) { figures in
                    figures.open += 1
                    if withApplicant { figures.withApplicant += 1 }
                    if let at { if at.overdue { figures.overdue += 1 } else { figures.dueSoon += 1 } }
                }
                totals.open += 1
                if withApplicant { totals.withApplicant += 1 }
                if let at {
                    if at.overdue { totals.overdue += 1 } else { totals.dueSoon += 1 }
                    risky.append(at)
                }
            }
            if let kept = state.deliveredOnTime, let deliveredAt = state.deliveredAt,
                period.contains(deliveredAt)
            {
                bundle.cases.count(onTime: kept)
                totals.cases.count(onTime: kept)
            }
            if !state.isClosed {
                bundle.openCases += 1
                totals.openCases += 1
                let promiseLeft = state.promisedBy.map {
                    CaseState.workdaysLeft(from: now, to: $0, on: calendar)
                }
                let promiseOverdue =
                    state.promisedBy.map { !CaseState.isOnTime(finishedAt: now, due: $0) } ?? false
                if promiseOverdue {
                    bundle.overdueCases += 1
                    totals.overdueCases += 1
                }
                if !risky.isEmpty || promiseOverdue || (promiseLeft.map { $0 <= dueSoonWorkdays } ?? false) {
                    atRisk.append(
                        CaseAtRisk(
                            caseID: state.id, bundle: blueprint.bundle, title: blueprint.title,
                            lead: blueprint.lead, promisedBy: state.promisedBy,
                            promiseWorkdaysLeft: promiseLeft,
                            promiseOverdue: promiseOverdue,
                            steps: risky.sorted { a, b in
                                (a.overdue ? 0 : 1, a.due, a.step) < (b.overdue ? 0 : 1, b.due, b.step)
                            }))
                }
            }
            bundles[blueprint.bundle] = bundle
        }

        /// An open step as a step at risk, when its clock runs and it is overdue or due soon.
        func risk(of step: CaseState.StepState, _ spec: CaseBlueprint.Step, calendar: WorkdayCalendar?)
            -> CaseAtRisk.Step?
        {
            guard step.pausedAt == nil, let due = step.due else { return nil }
            let overdue = step.isOverdue(at: now)
            let left = CaseState.workdaysLeft(from: now, to: due, on: calendar)
            guard overdue || left <= dueSoonWorkdays else { return nil }
            return CaseAtRisk.Step(
                step: spec.id, name: spec.name, department: spec.department, due: due,
                dueDate: WorkdayCalendar.date(endingAt: due).description, workdaysLeft: left,
                overdue: overdue,
                escalated: step.escalated)
        }
    }
}
