import OneThingSource

/// The role a party plays in a bundle (`kind:` of an entry of `parties:`): a closed set,
/// so that every notice names the same role the same way.
public enum PartyKind: String, Sendable, Hashable, CaseIterable {
    /// The applicant (申请人): the one who applies, where there is one.
    case applicant
    /// A co-applicant (共同申请人): applies jointly with the applicant (the other owner
    /// of a shared home, the bank of a mortgage it applies for jointly).
    case coApplicant = "co-applicant"
    /// An agent (代理人、受托人) who acts for a party with a power of attorney.
    case agent
    /// A guardian (监护人) who acts for a minor or a person without full capacity.
    case guardian
    /// A spouse (配偶) whose consent or signature the law asks for.
    case spouse
    /// The buyer (买受人、买方) of a sale.
    case buyer
    /// The seller (出卖人、卖方) of a sale.
    case seller
    /// An heir (继承人) of an estate.
    case heir
    /// A bank or other financial institution (银行等金融机构): a lender, a mortgagee.
    case bank
    /// Any other party.
    case other

    /// The role's name in both languages: `买方` / `buyer`.
    public var name: LocalizedText {
        switch self {
        case .applicant: .init(en: "applicant", zh: "申请人")
        case .coApplicant: .init(en: "co-applicant", zh: "共同申请人")
        case .agent: .init(en: "agent", zh: "代理人")
        case .guardian: .init(en: "guardian", zh: "监护人")
        case .spouse: .init(en: "spouse", zh: "配偶")
        case .buyer: .init(en: "buyer", zh: "买方")
        case .seller: .init(en: "seller", zh: "卖方")
        case .heir: .init(en: "heir", zh: "继承人")
        case .bank: .init(en: "bank", zh: "银行")
        case .other: .init(en: "other party", zh: "其他当事人")
        }
    }
}

/// One party of a bundle (`parties:`): someone who takes part in the application and
/// brings materials of their own (the buyer, the seller, the bank of a mortgage).
///
/// ```yaml
/// parties:
///   buyer: {name: 买方, kind: buyer}
///   bank: {name: 贷款银行, kind: bank, when: buyer.loan}
///   heirs: {name: 继承人, kind: heir, several: true}
/// ```
///
/// A bundle without `parties:` has one implicit applicant, and every need is theirs.
public struct Party: Hashable, Sendable {
    /// The party's id, as needs (`from:`) and form fields (`party:`) name it.
    public var id: Located<String>
    /// The name the applicant reads: `买方`, `贷款银行`.
    public var name: String
    /// The name in English, when the bundle gives one; the id stands for it otherwise.
    public var englishName: String?
    /// The role it plays.
    public var kind: PartyKind
    /// The condition under which it takes part; always when `nil`.
    public var when: ConditionSource?
    /// Whether there may be several of it (heirs): each of them brings what the party
    /// brings.
    public var several: Bool

    /// Creates a party.
    public init(
        id: Located<String>, name: String, englishName: String? = nil, kind: PartyKind,
        when: ConditionSource? = nil, several: Bool = false
    ) {
        self.id = id
        self.name = name
        self.englishName = englishName
        self.kind = kind
        self.when = when
        self.several = several
    }

    /// The party's name in both languages: `卖方` / `seller`; `每位继承人` / `each heir`
    /// for a party there may be several of.
    public var title: LocalizedText {
        let en = englishName ?? id.value.replacingOccurrences(of: "-", with: " ")
        return several ? .init(en: "each \(en)", zh: "每位\(name)") : .init(en: en, zh: name)
    }
}
