import OneThingSource

/// Whom a bundle serves.
public enum BundleCategory: String, Sendable, Hashable, CaseIterable {
    /// Businesses and other market entities (经营主体).
    case business
    /// Individuals (个人).
    case individual
}

/// What happens to the rest of a case when one item is rejected.
public enum RejectionPolicy: String, Sendable, Hashable, CaseIterable {
    /// Items that do not depend on the rejected one go on.
    case `continue`
    /// Everything stops.
    case stopAll = "stop-all"

    /// What the applicant is told of an item with this policy, where it differs from
    /// the bundle's: `如本事项不予办理，整件事终止办理…`.
    public var consequence: LocalizedText {
        switch self {
        case .continue:
            .init(
                en: "If this item is refused, the other items go on (those that need what it issues stop).",
                zh: "本事项不予办理的，其他事项继续办理（需要其办理结果的事项除外）。")
        case .stopAll:
            .init(
                en: "If this item is refused, the whole application stops: every other item is withdrawn.",
                zh: "本事项不予办理的，整件事终止办理，其他事项一并撤回。")
        }
    }
}

/// A condition as written in the file, before the condition stage reads it.
public struct ConditionSource: Hashable, Sendable {
    /// The scalar holding the condition, with its location and quoting.
    public var scalar: YAMLScalar

    /// Creates a condition source.
    public init(scalar: YAMLScalar) {
        self.scalar = scalar
    }

    /// The condition's text.
    public var text: String { scalar.value }
}

/// The legal basis of an item, a limit or a bundle.
public struct LegalBasis: Hashable, Sendable {
    /// The law or regulation: `中华人民共和国消防法`.
    public var law: String
    /// The article: `第十五条`.
    public var article: String?
    /// The date the text cited took effect.
    public var effective: CalendarDate?
    /// Where it was written.
    public var span: SourceSpan

    /// Creates a basis.
    public init(law: String, article: String? = nil, effective: CalendarDate? = nil, span: SourceSpan) {
        self.law = law
        self.article = article
        self.effective = effective
        self.span = span
    }

    /// The law and its article as cited: `中华人民共和国消防法 第十五条`.
    public var cited: String {
        article.map { "\(law) \($0)" } ?? law
    }
}

/// A time limit chosen by rule, as the lead department may be: the limit of the first
/// rule whose condition holds for the applicant; the last rule has no condition.
///
/// ```yaml
/// promise:
///   - when: card.issue_mode == "central"
///     limit: 15 workdays
///   - limit: 即办
/// ```
public struct LimitRule: Hashable, Sendable {
    /// The condition; `nil` for the default rule.
    public var when: ConditionSource?
    /// The limit chosen.
    public var limit: Located<TimeLimit>

    /// Creates a rule.
    public init(when: ConditionSource?, limit: Located<TimeLimit>) {
        self.when = when
        self.limit = limit
    }

    /// The longest limit of `rules` (in working-day equivalents; the first of equal
    /// ones): what an applicant can be promised at most.
    public static func longest(_ rules: [LimitRule]) -> Located<TimeLimit>? {
        var longest: Located<TimeLimit>?
        for rule in rules
        where longest.map({ rule.limit.value.workdayEquivalent > $0.value.workdayEquivalent }) ?? true {
            longest = rule.limit
        }
        return longest
    }
}

/// How the lead department (牵头部门) is chosen.
public enum LeadDepartment: Hashable, Sendable {
    /// Always this department.
    case fixed(Located<String>)
    /// The first rule whose condition holds; the last rule has none.
    case rules([LeadRule])
}

/// One rule choosing the lead department.
public struct LeadRule: Hashable, Sendable {
    /// The condition; `nil` for the default rule.
    public var when: ConditionSource?
    /// The department chosen.
    public var department: Located<String>

    /// Creates a rule.
    public init(when: ConditionSource?, department: Located<String>) {
        self.when = when
        self.department = department
    }
}

/// One "thing" (一件事): the bundle of items behind one applicant's need.
public struct ServiceBundle: Hashable, Sendable {
    /// The bundle's id.
    public var id: Located<String>
    /// The title: `开办餐饮店一件事`.
    public var title: String
    /// The version.
    public var version: String
    /// The day this version applies from.
    public var effective: CalendarDate
    /// Where ``effective`` was written; the whole file's span when not known.
    public var effectiveSpan: SourceSpan
    /// Whom it serves.
    public var category: BundleCategory
    /// The lead department or the rule that picks it.
    public var lead: LeadDepartment
    /// The bundle's promised limit; with ``promiseRules``, the longest of their limits.
    public var promise: Located<TimeLimit>
    /// The rules choosing each applicant's own promise; empty when there is one promise
    /// for every applicant.
    public var promiseRules: [LimitRule] = []
    /// What a rejection does to the rest, unless an item says otherwise
    /// (``Item/onRejection``).
    public var onRejection: RejectionPolicy
    /// The conditions every applicant must meet (`eligibility:`); one who does not is
    /// told "not eligible", with each rule's message, instead of a plan.
    public var eligibility: [ConditionRule] = []
    /// The locality, when the bundle is local practice.
    public var locality: String?
    /// The legal basis of the bundle.
    public var basis: [LegalBasis]
    /// The published pre-reform figures and their source, when the bundle declares them.
    public var baseline: DeclaredBaseline?
    /// A description for the applicant.
    public var description: String?
    /// The parties who take part (`parties:`), in file order; empty for a bundle with
    /// one implicit applicant.
    public var parties: [Party] = []
    /// The one form.
    public var form: Form
    /// The bundle's own materials.
    public var materials: [Material]
    /// What the items issue.
    public var outputs: [Output]
    /// The joint inspections.
    public var inspections: [Inspection]
    /// The items.
    public var items: [Item]
    /// The deadlines the law sets on the applicant (`deadlines:`).
    public var deadlines: [ApplicantDeadline] = []
    /// The periods of the year in which the bundle can be applied for at all (`windows:`);
    /// none when it can be applied for on any day.
    public var windows: [ApplicationWindow] = []
    /// The bundle's own test cases.
    public var tests: [TestCase]
    /// The span of the whole file's root mapping.
    public var span: SourceSpan

    /// Creates a bundle.
    public init(
        id: Located<String>, title: String, version: String, effective: CalendarDate,
        category: BundleCategory, lead: LeadDepartment, promise: Located<TimeLimit>,
        onRejection: RejectionPolicy = .continue, locality: String? = nil,
        basis: [LegalBasis] = [], description: String? = nil, form: Form,
        materials: [Material] = [], outputs: [Output] = [], inspections: [Inspection] = [],
        items: [Item], tests: [TestCase] = [], span: SourceSpan, effectiveSpan: SourceSpan? = nil
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.effective = effective
        self.effectiveSpan = effectiveSpan ?? span
        self.category = category
        self.lead = lead
        self.promise = promise
        self.onRejection = onRejection
        self.locality = locality
        self.basis = basis
        self.description = description
        self.form = form
        self.materials = materials
        self.outputs = outputs
        self.inspections = inspections
        self.items = items
        self.tests = tests
        self.span = span
    }

    /// The item with id `id`.
    public func item(_ id: String) -> Item? { items.first { $0.id.value == id } }

    /// The party with id `id`.
    public func party(_ id: String) -> Party? { parties.first { $0.id.value == id } }

    /// What a rejection of `item` does to the rest of a case: the item's own policy,
    /// else the bundle's.
    public func rejectionPolicy(of item: Item) -> RejectionPolicy { item.onRejection ?? onRejection }

    /// What the applicant is told about a refusal of `item`, where the item's policy
    /// differs from the bundle's (``RejectionPolicy/consequence``); `nil` elsewhere.
    public func rejectionNote(of item: Item) -> LocalizedText? {
        guard let own = item.onRejection, own != onRejection else { return nil }
        return own.consequence
    }
}
