import OneThing
import OneThingAccess
import OneThingPresentation
import OneThingRuntime

/// What the supervisor's dashboard (督办看板) shows (the view model of
/// ``SupervisorDashboardRenderer``): the ``SupervisionFigures`` of the cases, with
/// every department, bundle and step named in both languages, departments in order of
/// concern (most overdue first). It shows no answers; what departments wrote on a case
/// at risk (a supplement asked for, a reason to reject) is masked, since a supervisor
/// is not the applicant.
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

    /// What a department wrote on a case at risk, that a supervisor reads to see why it
    /// stands: a supplement it asked for and waits for, or why it rejected a step.
    public struct Note: Sendable, Hashable {
        /// What the note is.
        public enum Kind: String, Sendable, Hashable {
            /// A supplement (补正) asked for and not yet given.
            case supplement
            /// A step's rejection (不予许可) and its reason.
            case rejection
        }

        /// The step's names.
        public var step: LocalizedText
        /// The department that wrote it.
        public var department: LocalizedText
        /// What the note is.
        public var kind: Kind
        /// The text as the department wrote it, masked.
        public var text: String
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
        /// What its departments wrote on it, masked; empty when the dashboard was made
        /// from figures alone.
        public var notes: [Note]
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

    /// A department system connected over HTTP, as its circuit breaker stands.
    public struct DepartmentLink: Sendable, Hashable {
        /// Where a breaker stands.
        public enum Breaker: String, Sendable, Hashable {
            /// Calls go through.
            case closed
            /// Calls fail at once: the system is taken as down.
            case open
            /// One trial call goes through.
            case halfOpen = "half-open"
        }

        /// The department's id.
        public var department: String
        /// Its breaker.
        public var breaker: Breaker
        /// Failed calls since the last success.
        public var failuresInRow: Int
        /// Pushes that failed after their last try (escalated).
        public var escalations: Int

        /// Creates a row.
        public init(department: String, breaker: Breaker, failuresInRow: Int, escalations: Int) {
            self.department = department
            self.breaker = breaker
            self.failuresInRow = failuresInRow
            self.escalations = escalations
        }
    }

    /// The figures shown.
    public var figures: SupervisionFigures
    /// The department systems connected over HTTP, by id; empty when none is.
    public var links: [DepartmentLink] = []
    /// The departments, most overdue first, then most open, then by id.
    public var departments: [Department]
    /// The bundles, by id.
    public var bundles: [Bundle]
    /// The cases at risk, the most urgent first.
    public var atRisk: [CaseRisk]
    /// The escalations in the period, the latest first.
    public var escalations: [Escalation]

    /// The dashboard of `figures`, with the notes on the cases at risk read from
    /// `cases` (those figures' cases, or none) and passed through `mask` (identity and
    /// phone numbers masked by ``PersonalNumberMask``, unless the server masks otherwise).
    public init(
        figures: SupervisionFigures, cases: [CaseState] = [],
        mask: (String) -> String = PersonalNumberMask.masked
    ) {
        self.figures = figures
        var names: [String: LocalizedText] = [:]
        for department in figures.departments {
            let id = department.department
            names[id] = LocalizedText(en: department.name?.en ?? id, zh: department.name?.zh ?? id)
        }
        func name(_ id: String) -> LocalizedText { names[id] ?? LocalizedText(en: id, zh: id) }
        var titles: [String: LocalizedText] = [:]
        for bundle in figures.bundles {
            titles[bundle.bundle] = LocalizedText(en: bundle.bundle, zh: bundle.title)
        }
        departments = figures.departments.map { Department(name: name($0.department), figures: $0) }.sorted {
            a, b in
            (-a.figures.overdue, -a.figures.open, a.figures.department)
                < (-b.figures.overdue, -b.figures.open, b.figures.department)
        }
        bundles = figures.bundles.map {
            Bundle(title: titles[$0.bundle] ?? LocalizedText(en: $0.bundle, zh: $0.title), figures: $0)
        }
        let states = Dictionary(cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        atRisk = figures.atRisk.map { risk in
            CaseRisk(
                title: LocalizedText(en: risk.bundle, zh: risk.title), lead: name(risk.lead),
                steps: risk.steps.map {
                    StepAtRisk(
                        name: LocalizedText(en: $0.step, zh: $0.name), department: name($0.department),
                        figures: $0)
                }, figures: risk, notes: states[risk.caseID].map { Self.notes(of: $0, mask: mask) } ?? [])
        }
        escalations = figures.escalations.reversed().map {
            Escalation(
                step: LocalizedText(en: $0.step, zh: $0.name), from: name($0.from), to: name($0.to),
                record: $0)
        }
    }

    /// The dashboard of `cases` at `now` over `period` (see
    /// ``SupervisionFigures/init(cases:calendars:now:period:dueSoonWorkdays:)``), notes
    /// through `mask`.
    public init(
        cases: [CaseState], calendars: [String: WorkdayCalendar], now: Timestamp, period: SupervisionPeriod,
        dueSoonWorkdays: Int = 2, mask: (String) -> String = PersonalNumberMask.masked
    ) {
        self.init(
            figures: SupervisionFigures(
                cases: cases, calendars: calendars, now: now, period: period, dueSoonWorkdays: dueSoonWorkdays
            ),
            cases: cases, mask: mask)
    }

    /// The supplements `state` waits for and the reasons of its rejected steps, in the
    /// case's order of steps, each text through `mask`.
    static func notes(of state: CaseState, mask: (String) -> String) -> [Note] {
        let names = CaseNames(blueprint: state.blueprint)
        return state.steps.indices.compactMap { index in
            let step = state.steps[index]
            let written: (Note.Kind, String?) =
                step.status == .supplementRequested
                ? (.supplement, step.supplementNote) : (.rejection, step.reason)
            guard step.status == .supplementRequested || step.status == .rejected, let text = written.1 else {
                return nil
            }
            return Note(
                step: names.step(index),
                department: names.department(state.blueprint.steps[index].department),
                kind: written.0, text: mask(text))
        }
    }
}
