import OneThingCalendar
import OneThingConditions
import OneThingModel
import OneThingSource

/// One applicant's plan: which items apply and why, in what order, the lead
/// department, the materials checklist and the critical path.
///
/// Steps: intake (综合收件) before every item, the items that apply with one shared
/// step per joint inspection (see ``StepGraph``), delivery (统一出件) after them all.
public struct Plan: Sendable {
    /// The bundle planned.
    public let bundle: ServiceBundle
    /// The applicant's answers, checked against the form.
    public let answers: ConditionAnswers
    /// For every item of the bundle, in file order, whether it applies and why.
    public let decisions: [ItemDecision]
    /// The steps and their order.
    public let graph: StepGraph
    /// The lead department and the rule that chose it.
    public let lead: LeadDecision
    /// The materials checklist, deduplicated across items, in the order first needed.
    public let materials: [ChecklistEntry]
    /// The critical path in working days (promised limits, no calendar).
    public let criticalPath: CriticalPath

    /// The items that apply, in file order (those that apply only once a result is
    /// known among them, see ``awaitingDecisions``).
    public var applicableItems: [Item] { decisions.filter(\.applies).map { bundle.items[$0.index] } }

    /// The decisions of the items that apply only once results produced in the case are
    /// known (``ItemDecision/awaiting``), in file order: "以下事项视评定结果办理".
    public var awaitingDecisions: [ItemDecision] { decisions.filter { $0.awaiting != nil } }

    /// Which needs with a condition apply to the applicant.
    public var needs: NeedSelection { graph.needs }

    /// The bundle's promise to this applicant: its only promise, or the one its rules
    /// choose for these answers.
    public var promise: TimeLimit { graph.promise }

    /// The index of the rule that chose ``promise``, when the bundle promises by rule.
    public let promiseRule: Int?

    /// The ids of the materials (of the bundle and the catalogue) that are things, not
    /// documents (``MaterialKind/object``).
    public var objects: Set<String> = []

    /// For every party of the bundle (`parties:`), in file order, whether it takes part
    /// and why; empty for a bundle with one implicit applicant.
    public var parties: [PartyDecision] = []

    /// The parties that take part, in file order.
    public var partiesTakingPart: [Party] { parties.filter(\.takesPart).map(\.party) }

    /// The applicant's deadlines that apply to these answers, in file order, each with
    /// the date it counts from (see ``DeadlineDate`` for the day it falls on).
    public var deadlines: [PlanDeadline] = []

    /// The windows that apply to these answers (`windows:`): the bundle's first, then
    /// those of each item that applies, in file order, each list only with the windows
    /// whose condition holds; a list left empty is left out (see ``WindowOpening`` for
    /// where the day of acceptance falls).
    public var windows: [PlanWindows] = []

    /// The promised limit of the item at `index` for this applicant.
    public func promised(ofItem index: Int) -> TimeLimit { graph.limits[index] }

    /// The needs of the item at `index` that apply to the applicant: those without a
    /// condition, and those whose condition holds.
    public func applicableNeeds(ofItem index: Int) -> [Need] {
        bundle.items[index].needs.indices.filter { needs.applies(item: index, need: $0) }.map {
            bundle.items[index].needs[$0]
        }
    }

    /// The materials the applicant brings: those to bring now and those that may follow later.
    public var materialsToBring: [ChecklistEntry] {
        materials.filter { $0.status == .bring || $0.status == .later }
    }

    /// The joint inspections that take place, by index into the bundle's inspections.
    public var inspections: [Int] { graph.participants.indices.filter { !graph.participants[$0].isEmpty } }
}

/// Whether one item applies to the applicant, and what decided it.
public struct ItemDecision: Sendable {
    /// The item's index in the bundle.
    public let index: Int
    /// Whether it applies.
    public let applies: Bool
    /// The condition that decided, if the item has one.
    public let condition: ConditionSource?
    /// The answers the condition read, in the order of the form: field and value (`nil` if not answered).
    public let readings: [(field: FormField, value: ConditionValue?)]
    /// When whether the item applies waits for results produced in the case that are not
    /// known yet: those results and the values for which it applies. Such an item
    /// ``applies`` in the plan (its steps, materials and dates are planned, the worst
    /// case), and is told as applying once the results are known.
    public var awaiting: AwaitedResults? = nil
}

/// Whether one party takes part in the application, and what decided it.
public struct PartyDecision: Sendable {
    /// The party.
    public let party: Party
    /// Whether it takes part: it has no condition, or its condition holds.
    public let takesPart: Bool
    /// The answers its condition read, in the order of the form: field and value (`nil`
    /// if not answered); empty when it has no condition.
    public let readings: [(field: FormField, value: ConditionValue?)]
}

/// The lead department (牵头部门) of a case.
public struct LeadDecision: Sendable {
    /// The department's id.
    public let department: String
    /// The index of the rule that chose it, when the bundle chooses by rule.
    public let rule: Int?
}

/// How the applicant provides a material.
public enum MaterialStatus: String, Sendable, Hashable, CaseIterable {
    /// The applicant brings it.
    case bring
    /// The applicant may bring it later, within a deadline after acceptance (容缺).
    case later
    /// A signed commitment may replace it (告知承诺).
    case commitment
    /// It is fetched from an electronic licence or shared data: nothing to bring.
    case fetched
    /// An item of this case issues it: nothing to bring.
    case issued
}

/// One line of the materials checklist (一次性告知).
public struct ChecklistEntry: Sendable, Hashable {
    /// The material's (or output's) id.
    public let id: String
    /// Its name.
    public let name: String
    /// How the applicant provides it.
    public let status: MaterialStatus
    /// Whether it is a core material.
    public let core: Bool
    /// With ``MaterialStatus/later``: the deadline after acceptance.
    public let deadline: TimeLimit?
    /// With ``MaterialStatus/issued``: the id of the item that issues it.
    public let issuedBy: String?
    /// For a line that stands for a group the applicant chooses from (`any-of`,
    /// `all-that-apply`): the group; its ``id`` is then the members' ids joined by `|`
    /// and its ``name`` their names joined by ` / `.
    public var alternatives: MaterialAlternatives? = nil
    /// Whether a commitment could have replaced it and the applicant chose to bring it
    /// (a commitment that is the applicant's choice, declined on the form).
    public var commitmentDeclined = false
    /// Whether it is a thing, not a document (``MaterialKind/object``): the old car.
    public var isObject = false
    /// The ids of the parties that bring it (the `from:` of the needs it stands for,
    /// of the parties that take part), in the bundle's order; each brings their own.
    /// Empty when it is brought once, for the application as a whole.
    public var parties: [String] = []

    /// How many copies are brought: one for each party that brings it, one when it is
    /// brought for the application as a whole. A party there may be several of
    /// (`several: true`) counts once: the bundle does not know how many there are.
    public var copies: Int { max(1, parties.count) }
    /// The ids of the applicable items that need it, in file order.
    public let neededBy: [String]
    /// A description for the applicant.
    public let description: String?
}

/// A checklist line of several materials from which the applicant chooses: any one of
/// them (`any-of`), or each that fits their situation, at least one (`all-that-apply`).
public struct MaterialAlternatives: Sendable, Hashable {
    /// One material of the group.
    public struct Member: Sendable, Hashable {
        /// The material's (or output's) id.
        public let id: String
        /// Its name.
        public let name: String
        /// Its description, if it has one.
        public let description: String?
    }

    /// How the applicant chooses: ``NeedKind/anyOf`` or ``NeedKind/allThatApply``.
    public let kind: NeedKind
    /// The materials still to choose from, in the order written (those the case issues,
    /// fetches or has the applicant bring anyway are not among them).
    public let members: [Member]

    /// The id of the checklist line that stands for `members`.
    public static func lineID(_ members: [String]) -> String { Need.lineID(members) }
}

extension ChecklistEntry {
    /// The line as the applicant reads it: the material's name, or for a group to
    /// choose from, what to choose and among which ("one of: 就业证明 / 就读证明",
    /// "以下任选其一：就业证明、就读证明"). Every checklist the applicant sees (plan,
    /// notice) names a line by this.
    public var title: LocalizedText {
        guard let alternatives else { return LocalizedText(en: name, zh: name) }
        let names = alternatives.members.map(\.name)
        switch alternatives.kind {
        case .allThatApply:
            return LocalizedText(
                en: "all that apply to you, at least one: \(names.joined(separator: " / "))",
                zh: "以下材料符合哪项提交哪项（至少一项）：\(names.joined(separator: "、"))")
        default:
            return LocalizedText(
                en: "one of: \(names.joined(separator: " / "))", zh: "以下任选其一：\(names.joined(separator: "、"))")
        }
    }
}

/// The windows of the bundle or of one item that apply to one plan: those without a
/// condition and those whose condition holds.
public struct PlanWindows: Sendable, Hashable {
    /// The item whose windows they are; `nil` for the bundle's own.
    public let item: Item?
    /// The windows, in file order.
    public let windows: [ApplicationWindow]

    /// Creates the windows of `item` (`nil`: of the bundle).
    public init(item: Item?, windows: [ApplicationWindow]) {
        self.item = item
        self.windows = windows
    }
}

/// An applicant's deadline that applies to one plan, with the date the applicant gave
/// for the field it counts from (`nil` when the field was not answered).
public struct PlanDeadline: Sendable, Hashable {
    /// The deadline as the bundle declares it.
    public let deadline: ApplicantDeadline
    /// The date it counts from.
    public let from: CalendarDate?
}
