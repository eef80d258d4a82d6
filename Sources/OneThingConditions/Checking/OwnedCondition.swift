import OneThingModel
import OneThingSource

/// What a condition belongs to, for messages: "the condition of item 'food-permit'".
public enum ConditionOwner: Hashable, Sendable, CustomStringConvertible {
    /// The `when` of an item, by item id.
    case item(String)
    /// The `when` of a need of an item: the item's id, the need's 0-based position in
    /// the item's `needs`, and what it needs (``Need/label``).
    case need(item: String, index: Int, label: String)
    /// The `when` of a rule choosing the bundle's promise, by its 0-based position.
    case promiseRule(Int)
    /// The `when` of a rule choosing an item's promised limit: the item's id and the
    /// rule's 0-based position.
    case limitRule(item: String, index: Int)
    /// The `when` of a rule choosing the lead department, by its 0-based position.
    case leadRule(Int)
    /// The `when` of a party (it takes part only when it holds), by the party's id.
    case party(String)
    /// The `when` of an applicant's deadline, by its id.
    case deadline(String)
    /// The `when` of a window (`windows:`): of the bundle (`item` `nil`) or of an item, by
    /// the window's 0-based position in its list.
    case window(item: String?, index: Int)
    /// The `when` of a material's commitment (the applicant signs it instead), by the
    /// material's id.
    case commitment(String)
    /// The `required: {when: …}` of a form field, by field id.
    case requiredWhen(field: String)
    /// The `check` of a rule of `form-rules:`, by its 0-based position.
    case formRule(Int)
    /// The `check` of a rule of `eligibility:`, by its 0-based position.
    case eligibility(Int)
    /// Anything else, named as the caller likes.
    case other(String)

    /// How messages name the condition: "the condition of item 'x'", "事项“x”的条件".
    public var phrase: LocalizedText {
        switch self {
        case .item(let id): .init(en: "the condition of item '\(id)'", zh: "事项“\(id)”的条件")
        case .need(let item, _, let label):
            .init(
                en: "the condition of the need '\(label)' of item '\(item)'",
                zh: "事项“\(item)”所需材料“\(label)”的条件")
        case .promiseRule(let index):
            .init(en: "the condition of promise rule \(index + 1)", zh: "第 \(index + 1) 条承诺时限规则的条件")
        case .limitRule(let item, let index):
            .init(
                en: "the condition of rule \(index + 1) of the promised limit of item '\(item)'",
                zh: "事项“\(item)”第 \(index + 1) 条承诺时限规则的条件")
        case .leadRule(let index):
            .init(en: "the condition of lead rule \(index + 1)", zh: "第 \(index + 1) 条牵头部门规则的条件")
        case .party(let id): .init(en: "the condition of party '\(id)'", zh: "当事人“\(id)”的条件")
        case .deadline(let id): .init(en: "the condition of deadline '\(id)'", zh: "期限“\(id)”的条件")
        case .window(nil, let index):
            .init(en: "the condition of window \(index + 1)", zh: "第 \(index + 1) 段报名时间的条件")
        case .window(let item?, let index):
            .init(
                en: "the condition of window \(index + 1) of item '\(item)'",
                zh: "事项“\(item)”第 \(index + 1) 段报名时间的条件")
        case .commitment(let id):
            .init(en: "the condition of the commitment for material '\(id)'", zh: "材料“\(id)”告知承诺的条件")
        case .requiredWhen(let field):
            .init(en: "the condition under which '\(field)' is required", zh: "字段“\(field)”必填的条件")
        case .formRule(let index):
            .init(en: "the check of form rule \(index + 1)", zh: "第 \(index + 1) 条表单规则的检查条件")
        case .eligibility(let index):
            .init(en: "the condition of eligibility rule \(index + 1)", zh: "第 \(index + 1) 条申请条件")
        case .other(let name): .init(en: "the condition of \(name)", zh: "“\(name)”的条件")
        }
    }

    /// `item food-permit`, `lead rule 1`.
    public var description: String {
        switch self {
        case .item(let id): "item \(id)"
        case .need(let item, let index, _): "item \(item) need \(index + 1)"
        case .promiseRule(let index): "promise rule \(index + 1)"
        case .limitRule(let item, let index): "item \(item) limit rule \(index + 1)"
        case .leadRule(let index): "lead rule \(index + 1)"
        case .party(let id): "party \(id)"
        case .deadline(let id): "deadline \(id)"
        case .window(nil, let index): "window \(index + 1)"
        case .window(let item?, let index): "item \(item) window \(index + 1)"
        case .commitment(let id): "commitment \(id)"
        case .requiredWhen(let field): "field \(field) required"
        case .formRule(let index): "form rule \(index + 1)"
        case .eligibility(let index): "eligibility rule \(index + 1)"
        case .other(let name): name
        }
    }
}

/// A condition as written, with what it belongs to.
public struct OwnedCondition: Hashable, Sendable {
    /// What the condition belongs to.
    public var owner: ConditionOwner
    /// The condition as written in the file.
    public var source: ConditionSource

    /// Creates an owned condition.
    public init(owner: ConditionOwner, source: ConditionSource) {
        self.owner = owner
        self.source = source
    }

    /// Every condition of `bundle`: the items' `when`s in file order, then the `when`s
    /// of their needs in file order, then those of the rules of their promised limits,
    /// then those of the rules of the bundle's promise, then the lead rules' `when`s,
    /// then the parties', then the materials' commitments', then the deadlines', then the
    /// windows' (the bundle's, then each item's), then the form's (fields
    /// required under a condition, then the form rules), then
    /// the eligibility rules.
    public static func all(in bundle: ServiceBundle) -> [OwnedCondition] {
        var result: [OwnedCondition] = []
        for item in bundle.items {
            if let when = item.when {
                result.append(OwnedCondition(owner: .item(item.id.value), source: when))
            }
        }
        for item in bundle.items {
            for (index, need) in item.needs.enumerated() {
                if let when = need.when {
                    result.append(OwnedCondition(owner: .need(of: item, at: index), source: when))
                }
            }
        }
        for item in bundle.items {
            for (index, rule) in item.promisedRules.enumerated() {
                if let when = rule.when {
                    result.append(
                        OwnedCondition(owner: .limitRule(item: item.id.value, index: index), source: when))
                }
            }
        }
        for (index, rule) in bundle.promiseRules.enumerated() {
            if let when = rule.when {
                result.append(OwnedCondition(owner: .promiseRule(index), source: when))
            }
        }
        if case .rules(let rules) = bundle.lead {
            for (index, rule) in rules.enumerated() {
                if let when = rule.when {
                    result.append(OwnedCondition(owner: .leadRule(index), source: when))
                }
            }
        }
        for party in bundle.parties {
            if let when = party.when {
                result.append(OwnedCondition(owner: .party(party.id.value), source: when))
            }
        }
        for material in bundle.materials {
            if let when = material.commitmentWhen {
                result.append(OwnedCondition(owner: .commitment(material.id.value), source: when))
            }
        }
        for deadline in bundle.deadlines {
            if let when = deadline.when {
                result.append(OwnedCondition(owner: .deadline(deadline.id.value), source: when))
            }
        }
        for (index, window) in bundle.windows.enumerated() {
            if let when = window.when {
                result.append(OwnedCondition(owner: .window(item: nil, index: index), source: when))
            }
        }
        for item in bundle.items {
            for (index, window) in item.windows.enumerated() {
                if let when = window.when {
                    result.append(
                        OwnedCondition(owner: .window(item: item.id.value, index: index), source: when))
                }
            }
        }
        for field in bundle.form.fields {
            if let when = field.requiredWhen {
                result.append(OwnedCondition(owner: .requiredWhen(field: field.id), source: when))
            }
        }
        for (index, rule) in bundle.form.rules.enumerated() {
            result.append(OwnedCondition(owner: .formRule(index), source: rule.check))
        }
        for (index, rule) in bundle.eligibility.enumerated() {
            result.append(OwnedCondition(owner: .eligibility(index), source: rule.check))
        }
        return result
    }
}

extension ConditionOwner {
    /// The owner of the condition of the need at `index` of `item`.
    public static func need(of item: Item, at index: Int) -> ConditionOwner {
        .need(item: item.id.value, index: index, label: item.needs[index].label)
    }

    /// Whether the condition decides what one applicant's plan holds: an item's, a
    /// need's, a limit rule's, or an eligibility rule's, which decides whether there is
    /// a plan at all (the searches over every applicant take these together). A party's
    /// condition is not among them: the searches take a need from parties as applying
    /// wherever its own condition holds, which can only make an item wait longer.
    public var decidesPlan: Bool {
        switch self {
        case .item, .need, .limitRule, .promiseRule, .eligibility: true
        case .leadRule, .party, .deadline, .window, .commitment, .requiredWhen, .formRule, .other: false
        }
    }
}
