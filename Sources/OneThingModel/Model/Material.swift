import OneThingSource

/// Where a material comes from.
public enum MaterialSource: String, Sendable, Hashable, CaseIterable {
    /// The applicant brings it.
    case applicant
    /// It is fetched from an electronic licence (电子证照).
    case eLicence = "e-licence"
    /// It is fetched from shared government data (共享数据).
    case sharedData = "shared-data"
    /// An item of the same bundle issues it.
    case output

    /// Whether a material of this source is fetched by the platform from a service
    /// (an electronic licence or shared data) rather than brought or issued.
    public var isFetched: Bool { self == .eLicence || self == .sharedData }
}

/// What happens when the service behind a fetched material (``MaterialSource/eLicence``
/// or ``MaterialSource/sharedData``) cannot provide it for a case: `fallback:` of the
/// material. A material that declares none falls back to ``paper`` (documented in
/// `grammar/bundle-format.md`, and OT208 warns under `--strict`).
public enum MaterialFallback: Hashable, Sendable {
    /// The applicant is asked to bring it (纸质材料): the steps that need it are held
    /// before approval until it is brought, at the latest by the case's promise.
    case paper
    /// The steps that need it wait for the service, at most this long after acceptance;
    /// a step still waiting then fails, with the material as its reason.
    case wait(Located<TimeLimit>)

    /// Its name as the bundle writes it: `paper` or `wait`.
    public var name: String {
        switch self {
        case .paper: "paper"
        case .wait: "wait"
        }
    }
}

/// Whether a material is a paper or a thing.
public enum MaterialKind: String, Sendable, Hashable, CaseIterable {
    /// A document (申报材料): a paper, a certificate, a form.
    case document
    /// A thing the applicant brings or hands over that is not a document (实物): the old
    /// car delivered to the recycler, a vehicle to be inspected. It is on the checklist
    /// as a thing to bring, never among the materials the reform figures count.
    case object
}

/// Something the applicant provides or the system obtains (材料).
public struct Material: Hashable, Sendable {
    /// The material's id.
    public var id: Located<String>
    /// Its name: `食品安全规章制度目录`.
    public var name: String
    /// Where it comes from.
    public var source: MaterialSource
    /// With source `output`: the output it is.
    public var output: Located<String>?
    /// Whether it is a core material (主要材料).
    public var core: Bool
    /// The deadline within which it may follow later (容缺), if it may.
    public var deferrable: Located<TimeLimit>?
    /// Whether a signed commitment (告知承诺) may replace it.
    public var commitment: Bool
    /// A document, or a thing that is not one (`kind: object`).
    public var kind: MaterialKind = .document
    /// When the commitment is the applicant's choice (`commitment: {when: C}`), the
    /// condition that says they sign it; where it does not hold they bring the material.
    /// `nil` when a commitment replaces it for everyone (`commitment: true`).
    public var commitmentWhen: ConditionSource?
    /// A description for the applicant.
    public var description: String?
    /// With a fetched source: what happens when the service cannot provide it, as
    /// declared (`nil` when the bundle declares nothing; see ``effectiveFallback``).
    public var fallback: Located<MaterialFallback>?

    /// The fallback that applies: the declared one, else ``MaterialFallback/paper``.
    public var effectiveFallback: MaterialFallback { fallback?.value ?? .paper }

    /// Creates a material.
    public init(
        id: Located<String>, name: String, source: MaterialSource = .applicant,
        output: Located<String>? = nil, core: Bool = false, deferrable: Located<TimeLimit>? = nil,
        commitment: Bool = false, description: String? = nil, fallback: Located<MaterialFallback>? = nil
    ) {
        self.fallback = fallback
        self.id = id
        self.name = name
        self.source = source
        self.output = output
        self.core = core
        self.deferrable = deferrable
        self.commitment = commitment
        self.description = description
    }
}

/// The kind of an output.
public enum OutputKind: String, Sendable, Hashable, CaseIterable {
    /// A licence (许可证、执照).
    case licence
    /// A certificate (证明).
    case certificate
    /// A decision (决定书).
    case decision
    /// A record of a filing (备案回执).
    case record
    /// A payment.
    case payment
    /// Anything else.
    case other
}

/// What an item issues (证照/结果).
public struct Output: Hashable, Sendable {
    /// The output's id.
    public var id: Located<String>
    /// Its name: `营业执照`.
    public var name: String
    /// Its kind, if stated.
    public var kind: OutputKind?
    /// Whether it is issued as an electronic licence.
    public var eLicence: Bool
    /// The values the result it carries can take (`values:`), declared like an enum
    /// field's: the 残疾等级 an assessment decides. Conditions read it as
    /// `result.<output-id>` once it is known; empty when the output carries no such result.
    public var values: [EnumValue]

    /// Creates an output.
    public init(
        id: Located<String>, name: String, kind: OutputKind? = nil, eLicence: Bool = false,
        values: [EnumValue] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.eLicence = eLicence
        self.values = values
    }
}

/// A joint inspection (联合勘验): one shared step for the items that name it.
public struct Inspection: Hashable, Sendable {
    /// The inspection's id.
    public var id: Located<String>
    /// Its name.
    public var name: String
    /// Its promised time.
    public var duration: Located<TimeLimit>
    /// The department that organises it, if stated.
    public var department: Located<String>?

    /// Creates an inspection.
    public init(
        id: Located<String>, name: String, duration: Located<TimeLimit>, department: Located<String>? = nil
    ) {
        self.id = id
        self.name = name
        self.duration = duration
        self.department = department
    }
}
