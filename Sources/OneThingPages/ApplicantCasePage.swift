import OneThing
import OneThingPresentation
import OneThingRuntime

/// What the applicant's own case page shows (the view model of
/// ``ApplicantCasePageRenderer``): how far the case is (steps done of all, which
/// department has what, the due dates), what the applicant must bring and by when
/// (deferred materials 容缺 with their deadlines, supplements 补正 with what is
/// missing), the outcome and the outputs once delivered, the one-time notice when the
/// server has it, and the answers given — whole, since the page is the applicant's own.
public struct ApplicantCasePage: Sendable {
    /// One step of the case.
    public struct Step: Sendable, Hashable {
        /// The step's id.
        public var id: String
        /// Its names.
        public var name: LocalizedText
        /// Its department's names.
        public var department: LocalizedText
        /// An item or a joint inspection.
        public var kind: CaseBlueprint.StepKind
        /// Where it stands.
        public var status: StepStatus
        /// Whether it waits for the applicant (a supplement, a deferred material).
        public var waitsOnApplicant: Bool
        /// When it is due, once sent (moved by supplements as the case recorded).
        public var due: Timestamp?
        /// When it ended.
        public var finishedAt: Timestamp?
        /// The department's reason, if it rejected the step.
        public var reason: String?
        /// The deferred material whose absence failed it, if it failed.
        public var missingMaterial: LocalizedText?
        /// Whether it is overdue now.
        public var overdue: Bool
    }

    /// A deferred material (容缺) the applicant brings after acceptance.
    public struct Material: Sendable, Hashable {
        /// The material's id.
        public var id: String
        /// Its names.
        public var name: LocalizedText
        /// Its deadline.
        public var dueBy: Timestamp
        /// Whether it has arrived.
        public var supplied: Bool
        /// Whether its deadline passed before it arrived.
        public var late: Bool
        /// The steps that need it.
        public var neededBy: [LocalizedText]
        /// For a material the platform meant to fetch (电子证照, 数据共享) and could not:
        /// why, as the service said; the applicant brings it instead.
        public var notFetched: String? = nil
    }

    /// A supplement (补正) a department asked for and waits for.
    public struct Supplement: Sendable, Hashable {
        /// The step.
        public var step: LocalizedText
        /// Its department.
        public var department: LocalizedText
        /// What is missing, as the department wrote it.
        public var missing: String
        /// When it was asked for.
        public var askedAt: Timestamp?
    }

    /// Something the case waits for: who, and for what.
    public struct Wait: Sendable, Hashable {
        /// A department, or the applicant.
        public var who: LocalizedText
        /// The step, supplement or material.
        public var what: LocalizedText
    }

    /// One answer of the form (一表申报).
    public struct Answer: Sendable, Hashable {
        /// The form field's id.
        public var field: String
        /// The answer as given.
        public var value: String

        /// The answers of `state`'s case by field, each value through `mask`.
        static func all(of state: CaseState, mask: (String) -> String) -> [Answer] {
            (state.start?.answers ?? [:]).sorted { $0.key < $1.key }.map {
                Answer(field: $0.key, value: mask($0.value))
            }
        }
    }

    /// The case.
    public var caseID: CaseID
    /// The bundle's title (with its id and version in English).
    public var title: LocalizedText
    /// The lead department.
    public var lead: LocalizedText
    /// The moment the page shows the case at.
    public var now: Timestamp
    /// When the case was accepted.
    public var acceptedAt: Timestamp?
    /// When the case's promise is due.
    public var promisedBy: Timestamp?
    /// How it ended, once delivered.
    public var outcome: CaseOutcome?
    /// When it was delivered.
    public var deliveredAt: Timestamp?
    /// The core materials intake found missing, when it did not accept the case.
    public var missingAtIntake: [LocalizedText]
    /// Steps approved (an inspection: passed).
    public var approved: Int
    /// Steps rejected, failed or cancelled.
    public var ended: Int
    /// Steps not needed: the results of the case (an assessed grade) rule them out.
    public var notNeeded: Int
    /// All steps.
    public var total: Int
    /// Every step, in the case's order.
    public var steps: [Step]
    /// What the case waits for now.
    public var waiting: [Wait]
    /// The deferred materials, in order of their deadline.
    public var deferred: [Material]
    /// The supplements asked for and not yet given.
    public var supplements: [Supplement]
    /// An output delivered: its name, and its number when the department gave one.
    public struct Output: Sendable, Hashable {
        /// The output's name.
        public var name: LocalizedText
        /// The document's number (a licence number), when the approval recorded it.
        public var number: String?
        /// The result of the case it carries (an assessed grade: 三级), when it carries one.
        public var result: LocalizedText?
    }

    /// The outputs delivered.
    public var outputs: [Output]
    /// The answers, by field.
    public var answers: [Answer]
    /// The number of the newest event shown: the live update asks for later ones.
    public var sequence: Int
    /// The case's event stream.
    public var eventsURL: String
    /// The one-time notice (一次性告知书, written from the case's plan), shown folded on
    /// the page; `nil` when there is none to show (a bundle version no longer served).
    public var notice: NoticeDocument?

    /// The page of the case `state` at `now`, linking through `routes`, with the case's
    /// one-time `notice` inside it when given.
    public init(
        state: CaseState, now: Timestamp, routes: PageRoutes = PageRoutes(), notice: NoticeDocument? = nil
    ) {
        let names = CaseNames(blueprint: state.blueprint)
        let blueprint = state.blueprint
        caseID = state.id
        title = names.bundleTitle
        lead = names.department(blueprint.lead)
        self.now = now
        acceptedAt = state.acceptedAt
        promisedBy = state.promisedBy
        outcome = state.outcome
        deliveredAt = state.deliveredAt
        if case .rejectedIncomplete(let missing)? = state.intake {
            missingAtIntake = missing.map(names.material)
        } else {
            missingAtIntake = []
        }
        let zh = CaseProgress(state, names: names, language: .zh)
        let en = CaseProgress(state, names: names, language: .en)
        approved = zh.approved
        ended = zh.rejected + zh.failed + zh.cancelled
        notNeeded = zh.notNeeded
        total = zh.total
        waiting = zip(zh.waiting, en.waiting).map {
            Wait(who: LocalizedText(en: $1.who, zh: $0.who), what: LocalizedText(en: $1.what, zh: $0.what))
        }
        steps = state.steps.enumerated().map { index, step in
            Step(
                id: blueprint.steps[index].id, name: names.step(index),
                department: names.department(blueprint.steps[index].department),
                kind: blueprint.steps[index].kind,
                status: step.status, waitsOnApplicant: state.waitsOnApplicant(step: index), due: step.due,
                finishedAt: step.finishedAt, reason: step.reason,
                missingMaterial: step.missingMaterial.map(names.material),
                overdue: step.isOverdue(at: now))
        }
        deferred = state.deferredDue.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map {
            material, dueBy in
            let supplied = state.supplied.contains(material)
            return Material(
                id: material, name: names.material(material), dueBy: dueBy, supplied: supplied,
                late: !supplied && !CaseState.isOnTime(finishedAt: now, due: dueBy),
                neededBy: blueprint.steps.indices.filter { state.awaitedMaterials(of: $0).contains(material) }
                    .map(names.step), notFetched: state.fetchFailures[material]?.reason)
        }
        supplements = state.steps.indices.compactMap { index in
            let step = state.steps[index]
            guard step.status == .supplementRequested else { return nil }
            return Supplement(
                step: names.step(index), department: names.department(blueprint.steps[index].department),
                missing: step.supplementNote ?? "", askedAt: step.pausedAt)
        }
        outputs = state.outputs.map { id in
            Output(
                name: names.output(id), number: state.documentNumber(of: id),
                result: state.results[id].map { names.result($0, of: id) })
        }
        answers = Answer.all(of: state) { $0 }  // the applicant's own page: nothing masked
        sequence = state.sequence
        eventsURL = routes.events(of: state.id)
        self.notice = notice
    }

    /// Whether the case has ended.
    public var isClosed: Bool { outcome != nil }

    /// The deferred materials still to bring.
    public var toBring: [Material] { deferred.filter { !$0.supplied } }
}
