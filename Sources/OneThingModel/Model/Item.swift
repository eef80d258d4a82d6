import OneThingSource

/// The kind of an item (事项类型).
public enum ItemKind: String, Sendable, Hashable, CaseIterable {
    /// An administrative permit (行政许可).
    case permit
    /// A filing (备案).
    case filing
    /// A registration (登记).
    case registration
    /// A certificate or proof issued (证明).
    case certificate
    /// A payment or benefit (给付).
    case benefit
    /// A public service (公共服务).
    case publicService = "public-service"
    /// Anything else.
    case other
}

/// One department's service inside a bundle (事项).
public struct Item: Hashable, Sendable {
    /// The item's id.
    public var id: Located<String>
    /// The name: `食品经营许可`.
    public var name: String
    /// The department that handles it.
    public var department: Located<String>
    /// Its kind.
    public var kind: ItemKind
    /// The legal limit (法定时限) that binds the office in every case, if the bundle
    /// states one: the limit when the item cannot be done on the spot, before any
    /// extension (see ``legalTerms`` and ``legalStatus``).
    public var legal: Located<TimeLimit>?
    /// What the law says besides the limit: none, on the spot first, an extension.
    public var legalTerms = LegalTerms()
    /// The time its step takes that no limit counts (公示, 检验, 专家评审), in the order it
    /// follows the promised limit; empty for most items.
    public var notCounted: [UncountedTime] = []
    /// The periods of the year in which this item can be applied for (`windows:`),
    /// while the item applies; none when it can be applied for on any day.
    public var windows: [ApplicationWindow] = []
    /// The promised limit (承诺时限); with ``promisedRules``, the longest of their limits.
    public var promised: Located<TimeLimit>
    /// The rules choosing the promised limit for each applicant; empty when there is one
    /// limit for every applicant.
    public var promisedRules: [LimitRule] = []
    /// The condition under which it applies; always when `nil`.
    public var when: ConditionSource?
    /// The materials and outputs it needs, each one id or a choice of several.
    public var needs: [Need]
    /// The outputs it issues.
    public var produces: [Located<String>]
    /// Items it waits for explicitly.
    public var after: [Located<String>]
    /// The joint inspection it takes part in.
    public var inspection: Located<String>?
    /// The fee, if one was stated.
    public var fee: Fee?
    /// Whether it is fully online.
    public var online: Bool
    /// Its legal basis.
    public var basis: [LegalBasis]
    /// The basis of its legal time limit, when another text than the item's sets it.
    public var legalBasis: [LegalBasis] = []
    /// Where the applicant must go for this item when it is not the one window (另需前往):
    /// a recycler the owner chooses, another province's registry. `nil`: at the window.
    public var place: String?
    /// The locality, when the item is local practice.
    public var locality: String?
    /// A note for readers.
    public var note: String?
    /// What a rejection of this item does to the rest of the case, when it differs
    /// from the bundle's `on-rejection`; `nil` to follow the bundle.
    public var onRejection: RejectionPolicy? = nil

    /// Creates an item.
    public init(
        id: Located<String>, name: String, department: Located<String>, kind: ItemKind,
        legal: Located<TimeLimit>? = nil, promised: Located<TimeLimit>, when: ConditionSource? = nil,
        needs: [Need] = [], produces: [Located<String>] = [],
        after: [Located<String>] = [], inspection: Located<String>? = nil, fee: Fee? = nil,
        online: Bool = false, basis: [LegalBasis] = [], locality: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.name = name
        self.department = department
        self.kind = kind
        self.legal = legal
        self.promised = promised
        self.when = when
        self.needs = needs
        self.produces = produces
        self.after = after
        self.inspection = inspection
        self.fee = fee
        self.online = online
        self.basis = basis
        self.locality = locality
        self.note = note
    }
}

/// How the materials of one need combine.
public enum NeedKind: String, Sendable, Hashable, CaseIterable {
    /// One material or output (`needs: [floor-plan]`, or `{material: floor-plan, when: …}`).
    case single = "material"
    /// `one-of`: the case decides which: the one this case issues, else one fetched
    /// electronically, else the first (the death certificate of whichever item applies).
    case oneOf = "one-of"
    /// `any-of`: the applicant brings any one of them (房屋租赁合同、就业证明或就读证明,
    /// 任选其一); none to bring when the case issues one, one is fetched electronically,
    /// or the applicant brings one anyway for another need.
    case anyOf = "any-of"
    /// `all-that-apply`: the applicant brings each of them that fits their situation, at
    /// least one; those fetched electronically or issued in the case are not brought.
    case allThatApply = "all-that-apply"
}

/// One thing an item needs: a material or output, or a group of several, perhaps
/// only for the applicants a condition describes (`{material: cremation-certificate,
/// when: funeral.cremation}`).
public struct Need: Hashable, Sendable {
    /// The ids it may be, in the order written; one for a plain need.
    public var choices: [Located<String>]
    /// How the choices combine.
    public var kind: NeedKind
    /// The condition under which the item needs it; always (when the item applies)
    /// when `nil`.
    public var when: ConditionSource?
    /// Where the need was written.
    public var span: SourceSpan
    /// The parties who bring it (`from:`), in the order written; empty when it is brought
    /// once for the application as a whole (and always in a bundle without `parties:`).
    public var from: [Located<String>] = []

    /// A need of one material or output, always or under a condition.
    public init(_ id: Located<String>, when: ConditionSource? = nil, span: SourceSpan? = nil) {
        self.choices = [id]
        self.kind = .single
        self.when = when
        self.span = span ?? id.span
    }

    /// A need of one of several materials or outputs, chosen by the case (`one-of`).
    public init(oneOf choices: [Located<String>], span: SourceSpan) {
        self.init(choices, kind: .oneOf, span: span)
    }

    /// A need of several materials or outputs combined as `kind` says.
    public init(_ choices: [Located<String>], kind: NeedKind, when: ConditionSource? = nil, span: SourceSpan)
    {
        self.choices = choices
        self.kind = kind
        self.when = when
        self.span = span
    }

    /// Whether this is a choice of several.
    public var isChoice: Bool { choices.count > 1 }

    /// Whether the applicant chooses among the materials (`any-of`, `all-that-apply`),
    /// rather than the case (`one-of`).
    public var isApplicantsChoice: Bool { kind == .anyOf || kind == .allThatApply }

    /// The need's ids as written, for messages: `a`, `a, b`.
    public var label: String { choices.map(\.value).joined(separator: ", ") }

    /// The id of a checklist line that stands for a group the applicant chooses from:
    /// the members' ids joined by `|` (`residence-address-proof|employment-proof`), as
    /// plans show it and test cases expect it.
    public static func lineID(_ members: [String]) -> String { members.joined(separator: "|") }

    /// The member ids of a checklist line's id: one for a single material.
    public static func members(ofLine id: String) -> [String] {
        id.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }
}

extension Item {
    /// Every id the item's needs name, choices flattened.
    public var neededIDs: [Located<String>] { needs.flatMap(\.choices) }
}
