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
    /// The legal limit (法定时限), if the law sets one.
    public var legal: Located<TimeLimit>?
    /// The promised limit (承诺时限).
    public var promised: Located<TimeLimit>
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
    /// The fee in yuan, if one was stated.
    public var fee: Double?
    /// Whether it is fully online.
    public var online: Bool
    /// Its legal basis.
    public var basis: [LegalBasis]
    /// The basis of its legal time limit, when another text than the item's sets it.
    public var legalBasis: [LegalBasis] = []
    /// The locality, when the item is local practice.
    public var locality: String?
    /// A note for readers.
    public var note: String?

    /// Creates an item.
    public init(
        id: Located<String>, name: String, department: Located<String>, kind: ItemKind,
        legal: Located<TimeLimit>? = nil, promised: Located<TimeLimit>, when: ConditionSource? = nil,
        needs: [Need] = [], produces: [Located<String>] = [],
        after: [Located<String>] = [], inspection: Located<String>? = nil, fee: Double? = nil,
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

/// One thing an item needs: a material or output, or a choice of several of which
/// the first that the case has is used (`{one-of: [medical-death-certificate,
/// police-death-certificate]}`: the certificate of whichever item applies).
public struct Need: Hashable, Sendable {
    /// The ids it may be, in order of preference; one for a plain need.
    public var choices: [Located<String>]
    /// Where the need was written.
    public var span: SourceSpan

    /// A need of one material or output.
    public init(_ id: Located<String>) {
        self.choices = [id]
        self.span = id.span
    }

    /// A need of one of several materials or outputs.
    public init(oneOf choices: [Located<String>], span: SourceSpan) {
        self.choices = choices
        self.span = span
    }

    /// Whether this is a choice of several.
    public var isChoice: Bool { choices.count > 1 }
}

extension Item {
    /// Every id the item's needs name, choices flattened.
    public var neededIDs: [Located<String>] { needs.flatMap(\.choices) }
}
