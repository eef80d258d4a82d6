import OneThingPresentation
import OneThingRuntime
import OneThingSimulation
import OneThingTestSupport
import Testing

/// The supervision figures of simulated restaurant cases agree with what the runtime
/// itself recorded: its overdue warnings, its escalations, and the simulation's own
/// on-time rate.
struct SupervisionSimulationTests {
    static let start = CalendarDate(year: 2026, month: 3, day: 2)!

    /// Every event of `count` simulated cases accepted on 2026-03-02, by case, with a
    /// slow water office (so that some steps are late) and supplements and rejections.
    static func simulated(count: Int) throws -> (histories: [[CaseEvent]], results: [Simulation.CaseResult]) {
        let plan = try RuntimeFixtures.restaurant()
        var settings = SimulationSettings()
        settings.defaults.supplement = 0.3
        settings.defaults.rejection = 0.05
        settings.departments["water-drainage"] = SimulatedDepartment(
            latency: Triangular(min: 1, mode: 1.3, max: 2))
        let simulation = Simulation(
            blueprint: try RuntimeFixtures.restaurantBlueprint(), calendar: try RuntimeFixtures.calendar(),
            start: start, settings: settings, seed: 5, answers: plan.answers.values.mapValues(\.description),
            provided: plan.materials.filter { $0.status == .bring }.map(\.id))
        var events: [CaseEvent] = []
        var results: [Simulation.CaseResult] = []
        _ = try simulation.run(cases: count, sink: { events += $0 }, each: { results.append($0) })
        let histories = Dictionary(grouping: events, by: \.caseID).sorted { $0.key < $1.key }.map(\.value)
        return (histories, results)
    }

    /// The state of each case as it was at `now`: its events up to then.
    static func states(_ histories: [[CaseEvent]], at now: Timestamp) throws -> [CaseState] {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        return try histories.compactMap { events in
            let past = events.filter { $0.at <= now }
            guard let id = past.first?.caseID else { return nil }
            return try CaseState(id: id, blueprint: blueprint, events: past)
        }
    }

    static let spring = SupervisionPeriod(
        from: CalendarDate(year: 2026, month: 3, day: 1)!,
        through: CalendarDate(year: 2026, month: 6, day: 30)!)

    /// A moment when every simulated case has been delivered.
    static let end = RuntimeFixtures.at("2026-06-30 23:00")

    /// The figures of `histories` at ``end``, over spring.
    static func figuresAtTheEnd(of histories: [[CaseEvent]]) throws -> SupervisionFigures {
        SupervisionFigures(
            cases: try states(histories, at: end), calendars: ["CN": try RuntimeFixtures.calendar()],
            now: end,
            period: spring)
    }

    @Test func theCasesOnTimeRateIsTheSimulationsOwn() throws {
        let (histories, results) = try Self.simulated(count: 40)
        let figures = try Self.figuresAtTheEnd(of: histories)
        #expect(figures.totals.openCases == 0)
        #expect(figures.totals.cases.finished == results.count)
        #expect(figures.totals.cases.onTime == results.filter(\.onTime).count)
        // The slow water office makes some cases late, but not all.
        #expect(figures.totals.cases.late > 0)
        #expect(figures.totals.cases.onTime > 0)
        let restaurant = try #require(figures.bundle("open-restaurant"))
        #expect(restaurant.cases == figures.totals.cases)
    }

    @Test func everyStepIsDecidedCancelledOrFailedOnceTheCasesAreDelivered() throws {
        let (histories, _) = try Self.simulated(count: 40)
        let states = try Self.states(histories, at: Self.end)
        let figures = try Self.figuresAtTheEnd(of: histories)
        let decided = states.flatMap(\.steps).filter { $0.status == .approved || $0.status == .rejected }
        #expect(figures.totals.steps.finished == decided.count)
        let water = try #require(figures.department("water-drainage"))
        #expect(water.steps.late > 0)
        #expect(figures.departments.map(\.steps.finished).reduce(0, +) == decided.count)
        #expect(figures.totals.open == 0)
    }

    @Test func overdueTasksAreTheStepsTheRuntimeWarnedAbout() throws {
        let (histories, _) = try Self.simulated(count: 40)
        let calendar = try RuntimeFixtures.calendar()
        var overdueSeen = 0
        for day in stride(from: 3, through: 30, by: 3) {
            let now = Timestamp(china: CalendarDate(year: 2026, month: 3, day: day)!, hour: 15)
            let states = try Self.states(histories, at: now)
            let figures = SupervisionFigures(
                cases: states, calendars: ["CN": calendar], now: now, period: Self.spring)
            // The runtime warns at the due moment of a step whose clock runs; a step that
            // never paused keeps the due moment it was warned for.
            let warned = states.flatMap(\.steps).filter {
                $0.isOpen && $0.pausedAt == nil && $0.overdue && $0.pauses.isEmpty
            }.count
            let unpausedOverdue = states.flatMap(\.steps).filter {
                $0.isOverdue(at: now) && $0.pauses.isEmpty
            }.count
            #expect(unpausedOverdue == warned, "at \(now.chinaText)")
            #expect(figures.totals.overdue >= unpausedOverdue)
            #expect(figures.departments.map(\.overdue).reduce(0, +) == figures.totals.overdue)
            #expect(figures.departments.map(\.open).reduce(0, +) == figures.totals.open)
            overdueSeen += figures.totals.overdue
            for risk in figures.atRisk {
                for step in risk.steps {
                    #expect(step.overdue == (step.due <= now))
                    #expect(step.overdue || step.workdaysLeft <= figures.dueSoonWorkdays)
                }
            }
        }
        #expect(overdueSeen > 0)
    }

    @Test func theEscalationsAreTheRuntimesEscalations() throws {
        let (histories, _) = try Self.simulated(count: 40)
        let figures = try Self.figuresAtTheEnd(of: histories)
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        var escalated: [EscalationRecord] = []
        for events in histories {
            for event in events {
                guard case .escalated(let step, let to) = event.kind else { continue }
                escalated.append(
                    EscalationRecord(
                        caseID: event.caseID, bundle: blueprint.bundle, step: blueprint.steps[step].id,
                        name: blueprint.steps[step].name, from: blueprint.steps[step].department, to: to,
                        at: event.at,
                        due: nil, open: false))
            }
        }
        #expect(!escalated.isEmpty)
        func key(_ record: EscalationRecord) -> String {
            "\(record.caseID) \(record.step) \(record.to) \(record.at)"
        }
        #expect(figures.escalations.map(key).sorted() == escalated.map(key).sorted())
        #expect(figures.escalations.allSatisfy { record in record.due.map { $0 < record.at } ?? false })
        #expect(figures.escalations.allSatisfy { !$0.open })
    }
}
