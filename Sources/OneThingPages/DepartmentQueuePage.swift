import OneThing
import OneThingAccess
import OneThingPresentation
import OneThingRuntime

/// A task claimed by an officer or a department system: the lease the work queue
/// granted (the server's queue keeps claims; the page only shows them).
public struct TaskClaim: Sendable, Hashable {
    /// The task's key: the step's idempotency key (`C20260302-0001/food-permit/1`).
    public var key: String
    /// Who claimed it, as the page names them.
    public var principal: String
    /// When the lease ends and the task returns to the queue.
    public var until: Timestamp

    /// Creates a claim.
    public init(key: String, principal: String, until: Timestamp) {
        self.key = key
        self.principal = principal
        self.until = until
    }
}

/// What a department's work queue page shows (the view model of
/// ``DepartmentQueuePageRenderer``): the tasks waiting for the department, those
/// claimed (by whom, until when), and those waiting for the applicant; each with the
/// case's materials and answers — identity and phone numbers masked, since the page is
/// not the applicant's own.
public struct DepartmentQueuePage: Sendable, Hashable {
    /// One task in the queue: a step of a case sent to the department.
    public struct WorkItem: Sendable, Hashable {
        /// The task's key (the step's idempotency key), which the forms post under.
        public var key: String
        /// The case.
        public var caseID: CaseID
        /// The bundle's title.
        public var bundle: LocalizedText
        /// The step's id.
        public var step: String
        /// Its names.
        public var name: LocalizedText
        /// An item or a joint inspection.
        public var kind: CaseBlueprint.StepKind
        /// Where it stands.
        public var status: StepStatus
        /// Whether it waits for the applicant: a supplement, or a deferred material
        /// its approval is held for.
        public var waitsOnApplicant: Bool
        /// The attempt the key names.
        public var attempt: Int
        /// When it was first sent.
        public var sentAt: Timestamp?
        /// When it is due, as the case recorded it.
        public var due: Timestamp?
        /// Working days from today through the due date (0: due today; negative: passed).
        public var workdaysLeft: Int?
        /// Whether it is overdue.
        public var overdue: Bool
        /// The claim on it, if any.
        public var claim: TaskClaim?
        /// The case's materials.
        public var materials: [Material]
        /// The case's answers, masked.
        public var answers: [ApplicantCasePage.Answer]
        /// The outputs an approval issues.
        public var outputs: [Output]
        /// What the department asked the applicant to supplement, masked, while pending.
        public var supplementNote: String?
    }

    /// A material of the case, as the department sees it.
    public struct Material: Sendable, Hashable {
        /// The material's id.
        public var id: String
        /// Its names.
        public var name: LocalizedText
        /// Whether it is in hand: brought at intake or supplied since.
        public var inHand: Bool
        /// The deadline of a deferred material (容缺), if it is one.
        public var dueBy: Timestamp?
        /// Whether this task's approval needs it (a deferred material the step waits for).
        public var neededHere: Bool
    }

    /// An output the step issues.
    public struct Output: Sendable, Hashable {
        /// The output's id.
        public var id: String
        /// Its names.
        public var name: LocalizedText
        /// The values of the result of the case it carries, when it declares some: the
        /// approval chooses one.
        public var values: [ResultChoice] = []
        /// Whether a later step waits for its result: the approval must choose one.
        public var awaited = false
    }

    /// A value the result of an output can take: its id, and its names (the bundle's
    /// name in Chinese, the id in English).
    public struct ResultChoice: Sendable, Hashable {
        /// The value's id.
        public var id: String
        /// Its names.
        public var name: LocalizedText
    }

    /// The department's id.
    public var department: String
    /// Its names.
    public var name: LocalizedText
    /// The moment the page shows the queue at.
    public var now: Timestamp
    /// Who looks at the page (a principal as claims name them); the decision forms show
    /// on their own claims, or on every claim when `nil`.
    public var viewer: String?
    /// Tasks the department can take: sent or under review, not claimed.
    public var waiting: [WorkItem]
    /// Tasks claimed.
    public var claimed: [WorkItem]
    /// Tasks waiting for the applicant: a supplement, or a deferred material an
    /// approval is held for.
    public var withApplicant: [WorkItem]
    /// Where the forms post.
    public var routes: PageRoutes
    /// A token the server wants back with every form (`csrf`), if any.
    public var formToken: String?
    /// Whether the viewer may claim and decide the department's tasks (an officer of it);
    /// a supervisor reads the queue without its forms.
    public var mayDecide: Bool
    /// How many of the department's open cases the page shows at most, when the
    /// department has more (the oldest are shown); `nil` when it shows them all.
    public var shownCasesLimit: Int?

    /// The queue of `department` among `cases` at `now`, with `claims` in force; answers
    /// and notes pass through `mask` (identity and phone numbers masked by
    /// ``PersonalNumberMask``, unless the server masks otherwise). Working days count on
    /// `calendars` by the case's region; tasks come in order of their due moment. The
    /// forms show only when `mayDecide`.
    public init(
        department: String, cases: [CaseState], claims: [TaskClaim], now: Timestamp,
        calendars: [String: WorkdayCalendar], mask: (String) -> String = PersonalNumberMask.masked,
        viewer: String? = nil,
        routes: PageRoutes = PageRoutes(), formToken: String? = nil, mayDecide: Bool = true
    ) {
        self.department = department
        self.mayDecide = mayDecide
        self.now = now
        self.viewer = viewer
        self.routes = routes
        self.formToken = formToken
        var name: LocalizedText?
        var tasks: [WorkItem] = []
        let claimByKey = Dictionary(claims.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for state in cases where !state.isClosed {
            let names = CaseNames(blueprint: state.blueprint)
            for (index, step) in state.steps.enumerated()
            where step.isOpen && state.blueprint.steps[index].department == department {
                if name == nil { name = names.department(department) }
                tasks.append(
                    Self.task(
                        index, of: state, names: names, claim: step.key.flatMap { claimByKey[$0] }, now: now,
                        calendar: calendars[state.blueprint.region], mask: mask))
            }
        }
        self.name = name ?? LocalizedText(en: department, zh: department)
        tasks.sort { a, b in
            (a.due ?? now, a.caseID, a.step) < (b.due ?? now, b.caseID, b.step)
        }
        let decidable: Set<StepStatus> = [.dispatched, .inReview]
        waiting = tasks.filter { decidable.contains($0.status) && $0.claim == nil }
        claimed = tasks.filter { decidable.contains($0.status) && $0.claim != nil }
        withApplicant = tasks.filter { !decidable.contains($0.status) }
    }

    static func task(
        _ index: Int, of state: CaseState, names: CaseNames, claim: TaskClaim?, now: Timestamp,
        calendar: WorkdayCalendar?, mask: (String) -> String
    ) -> WorkItem {
        let blueprint = state.blueprint
        let spec = blueprint.steps[index]
        let step = state.steps[index]
        let key = step.key ?? ""
        let brought = state.start?.provided ?? []
        let deferred = state.deferredDue.keys.sorted()
        let materials =
            (brought + deferred.filter { !brought.contains($0) }).map { id in
                Material(
                    id: id, name: names.material(id), inHand: state.supplied.contains(id),
                    dueBy: state.deferredDue[id],
                    neededHere: spec.deferred.contains(id))
            }
        return WorkItem(
            key: key, caseID: state.id, bundle: names.bundleTitle, step: spec.id, name: names.step(index),
            kind: spec.kind, status: step.status, waitsOnApplicant: state.waitsOnApplicant(step: index),
            attempt: step.attempts, sentAt: step.dispatchedAt, due: step.due,
            workdaysLeft: step.due.map { CaseState.workdaysLeft(from: now, to: $0, on: calendar) },
            overdue: step.isOverdue(at: now), claim: claim, materials: materials,
            answers: ApplicantCasePage.Answer.all(of: state, mask: mask),
            outputs: spec.outputs.map { output in
                Output(
                    id: output, name: names.output(output),
                    values: (blueprint.resultValues[output] ?? []).map { value in
                        ResultChoice(id: value.id, name: LocalizedText(en: value.id, zh: value.name))
                    },
                    awaited: blueprint.awaitedResults(of: index).contains(output))
            },
            supplementNote: step.supplementNote.map(mask))
    }

    /// Every task, waiting, claimed and with the applicant.
    public var items: [WorkItem] { waiting + claimed + withApplicant }
}
