import OneThingSource

/// An answer to one form field, as written in a test case or an answers file.
public struct Answer: Hashable, Sendable {
    /// The dotted field id.
    public var field: String
    /// The scalar or node as written; typed against the form by the condition stage.
    public var node: YAMLNode
    /// Where the field id was written.
    public var span: SourceSpan

    /// Creates an answer.
    public init(field: String, node: YAMLNode, span: SourceSpan) {
        self.field = field
        self.node = node
        self.span = span
    }
}

/// What a test case expects of the plan for its answers.
public struct TestExpectation: Hashable, Sendable {
    /// Exactly the items that apply.
    public var items: [Located<String>]?
    /// Exactly the materials the applicant brings.
    public var materials: [Located<String>]?
    /// The bundle's promise to this applicant (chosen by rule, where it has rules).
    public var promise: Located<TimeLimit>? = nil
    /// The lead department.
    public var lead: Located<String>?
    /// The promised completion in working days.
    public var workdays: Located<Double>?
    /// An expected error code instead of a plan.
    public var error: Located<String>?
    /// `false` when the answers are expected not to meet the bundle's eligibility
    /// rules (a "not eligible" outcome instead of a plan); `true` when they are
    /// expected to meet them.
    public var eligible: Located<Bool>? = nil
    /// Exactly the parties that take part (`parties:`), for a bundle with parties.
    public var parties: [Located<String>]? = nil
    /// For each party named, exactly the materials it brings, now or later (`brings:`).
    public var brings: [PartyMaterials] = []

    /// Creates an expectation.
    public init(
        items: [Located<String>]? = nil, materials: [Located<String>]? = nil,
        lead: Located<String>? = nil, workdays: Located<Double>? = nil, error: Located<String>? = nil
    ) {
        self.items = items
        self.materials = materials
        self.lead = lead
        self.workdays = workdays
        self.error = error
    }
}

/// What a test case expects one party to bring (an entry of `brings:`).
public struct PartyMaterials: Hashable, Sendable {
    /// The party's id.
    public var party: Located<String>
    /// Exactly the materials it brings, as checklist line ids.
    public var materials: [Located<String>]

    /// Creates an expectation of what `party` brings.
    public init(party: Located<String>, materials: [Located<String>]) {
        self.party = party
        self.materials = materials
    }
}

/// One of the bundle's own test cases: given answers, the expected plan.
public struct TestCase: Hashable, Sendable {
    /// The case's name.
    public var name: Located<String>
    /// The answers to the form.
    public var answers: [Answer]
    /// What is expected.
    public var expect: TestExpectation

    /// Creates a test case.
    public init(name: Located<String>, answers: [Answer], expect: TestExpectation) {
        self.name = name
        self.answers = answers
        self.expect = expect
    }
}
