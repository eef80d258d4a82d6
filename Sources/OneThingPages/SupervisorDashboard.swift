import OneThing
import OneThingPresentation
import OneThingRuntime

/// What the supervisor's dashboard (督办看板) shows (the view model of
/// ``SupervisorDashboardRenderer``): the ``SupervisionFigures`` of the cases, with
/// every department, bundle and step named in both languages, departments in order of
/// concern (most overdue first). It shows no answers and nothing a person typed, so
/// there is no identity or phone number on it to mask.
public struct SupervisorDashboard: Sendable, Hashable {
    /// A department's row.
    public struct Department: Sendable, Hashable {
        /// Its names.
        public var name: LocalizedText
        /// Its figures.
        public var figures: DepartmentFigures
    }

    /// A bundle's row.
    public struct Bundle: Sendable, Hashable {
        /// Its title, with its id in English.
        public var title: LocalizedText
        /// Its figures.
        public var figures: BundleFigures
    }

    /// A step at risk, named.
    public struct StepAtRisk: Sendable, Hashable {
        /// The step's names: its name, and its id in English.
        public var name: LocalizedText
        /// Its department's names.
        public var department: LocalizedText
        /// Its figures.
        public var figures: CaseAtRisk.Step
    }

    /// A case at risk, named.
    public struct CaseRisk: Sendable, Hashable {
        /// The bundle's title.
        public var title: LocalizedText
        /// The lead department's names.
        public var lead: LocalizedText
        /// Its steps at risk.
        public var steps: [StepAtRisk]
        /// Its figures.
        public var figures: CaseAtRisk
    }

    /// An escalation, named.
    public struct Escalation: Sendable, Hashable {
        /// The step's names.
        public var step: LocalizedText
        /// The department whose step was late.
        public var from: LocalizedText
        /// The department asked to supervise.
        public var to: LocalizedText
        /// The record.
        public var record: EscalationRecord
    }

    /// The figures shown.
    public var figures: SupervisionFigures
    /// The departments, most overdue first, then most open, then by id.
    public var departments: [Department]
    /// The bundles, by id.
    public var bundles: [Bundle]
    /// The cases at risk, the most urgent first.
    public var atRisk: [CaseRisk]
    /// The escalations in the period, the latest first.
    public var escalations: [Escalation]

    /// The dashboard of `figures`.
    public init(figures: SupervisionFigures) {
        self.figures = figures
        var names: [String: LocalizedText] = [:]
        for department in figures.departments {
            let id = department.department
            names[id] = LocalizedText(en: department.name?.en ?? id, zh: department.name?.zh ?? id)
        }
        func name(_ id: String) -> LocalizedText { names[id] ?? LocalizedText(en: id, zh: id) }
        var titles: [String: LocalizedText] = [:]
        for bundle in figures.bundles { titles[bundle.bundle] = LocalizedText(en: bundle.bundle, zh: bundle.title) }
        departments = figures.departments.map { Department(name: name($0.department), figures: $0) }.sorted { a, b in
            (-a.figures.overdue, -a.figures.open, a.figures.department)
                < (-b.figures.overdue, -b.figures.open, b.figures.department)
        }
        bundles = figures.bundles.map { Bundle(title: titles[$0.bundle] ?? LocalizedText(en: $0.bundle, zh: $0.title), figures: $0) }
        atRisk = figures.atRisk.map { risk in
            CaseRisk(
                title: LocalizedText(en: risk.bundle, zh: risk.title), lead: name(risk.lead),
                steps: risk.steps.map {
                    StepAtRisk(name: LocalizedText(en: $0.step, zh: $0.name), department: name($0.department), figures: $0)
                }, figures: risk)
        }
        escalations = figures.escalations.reversed().map {
            Escalation(step: LocalizedText(en: $0.step, zh: $0.name), from: name($0.from), to: name($0.to), record: $0)
        }
    }

    /// The dashboard of `cases` at `now` over `period` (see
    /// ``SupervisionFigures/init(cases:calendars:now:period:dueSoonWorkdays:)``).
    public init(
        cases: [CaseState], calendars: [String: WorkdayCalendar], now: Timestamp, period: SupervisionPeriod,
        dueSoonWorkdays: Int = 2
    ) {
        self.init(
            figures: SupervisionFigures(
                cases: cases, calendars: calendars, now: now, period: period, dueSoonWorkdays: dueSoonWorkdays))
    }
}
