import OneThingModel

/// Every applicant at once: for each form field that conditions read, a finite set of
/// representative answers that reaches every outcome of those conditions.
///
/// The representatives of a field:
/// - bool: `true`, `false`; enum: every declared value;
/// - integer: for each threshold `t` the field is compared with (after normalising
///   `x op c`, `c op x`, `x + c op d`, `2 * x op c` …), `t - 1`, `t`, `t + 1` (or
///   ⌊t⌋ and ⌈t⌉ when `t` is not whole);
/// - number: the thresholds, the midpoints between them, and one below the lowest
///   and one above the highest;
/// - date: each date compared with, and the days before and after it;
/// - text: each text compared with, plus as many other values as the field has peers
///   it is compared with for equality (at least one);
/// - multi-choice: every subset of the values conditions test it for;
/// - every field that is not required: also "absent".
/// Numbers and dates are clipped to the field's `min` and `max`, and a bound is added
/// where clipping removed a value on its side.
///
/// For conditions whose comparisons are all exact (see `ConditionAnalysis`), this is
/// sound and complete: two answers that the representatives do not tell apart give
/// every such condition the same outcome. Comparisons of several number or date
/// fields, or non-linear ones, add the constants, their neighbours, 0 and 1 as a
/// heuristic; results that depend on them are reported as not exact.
public struct AnswerSpace: Sendable {
    /// The default cap on the combinations one search visits.
    public static let defaultLimit = 1_000_000

    /// The form.
    public let form: Form
    let layout: FieldLayout
    /// What the representatives of each field read by the conditions must include.
    let requirements: [Int: FieldRequirements]
    /// The representatives of each field read by the conditions, by slot.
    let candidates: [Int: [ConditionValue?]]
    /// The conditions the space was built with, which it covers without looking.
    private let built: Set<ObjectIdentifier>
    /// Them, kept alive so that their identities stay theirs.
    private let keep: [CheckedCondition.Storage]

    /// The space of answers to `form` as `conditions`, checked against that form, see it.
    public init(form: Form, conditions: [CheckedCondition]) {
        let layout =
            conditions.first.map { $0.layout.ids == form.fields.map { $0.id } ? $0.layout : nil } ?? nil
        self.init(form: form, layout: layout ?? FieldLayout(form: form), conditions: conditions)
    }

    init(
        form: Form, layout: FieldLayout, conditions: [CheckedCondition], base: [Int: FieldRequirements] = [:],
        built: [CheckedCondition.Storage] = []
    ) {
        var requirements = base
        self.keep = built + conditions.map { $0.storage }
        self.built = Set(keep.map { ObjectIdentifier($0) })
        for condition in conditions {
            precondition(condition.layout.matches(layout), "a condition checked against another form")
            for (slot, requirement) in condition.analysis.requirements {
                requirements[slot, default: FieldRequirements()].formUnion(requirement)
            }
        }
        self.form = form
        self.layout = layout
        self.requirements = requirements
        self.candidates = Representatives(layout: layout, requirements: requirements).all()
    }

    /// The ids of the fields the conditions read, in form order.
    public var fields: [String] { candidates.keys.sorted().map { layout.ids[$0] } }

    /// The representative answers of field `id`; `nil` in the list stands for "absent".
    /// Fields no condition reads get representatives as if compared with nothing.
    public func representatives(of id: String) -> [ConditionValue?] {
        guard let slot = layout.slots[id] else { return [] }
        return representatives(slot: slot)
    }

    func representatives(slot: Int) -> [ConditionValue?] {
        if let values = candidates[slot] { return values }
        return Representatives(layout: layout, requirements: requirements).values(slot: slot)
    }

    /// Whether the representatives reach every outcome of `conditions`: every
    /// comparison in them is exact, and what they compare with is part of this space.
    public func isExact(for conditions: [CheckedCondition]) -> Bool {
        conditions.allSatisfy { $0.analysis.isExact } && covers(conditions)
    }

    /// Whether this space was built with everything `conditions` compare with.
    func covers(_ conditions: [CheckedCondition]) -> Bool {
        conditions.allSatisfy { condition in
            if built.contains(ObjectIdentifier(condition.storage)) { return true }
            return condition.analysis.requirements.allSatisfy { slot, requirement in
                requirements[slot]?.covers(requirement) ?? false
            }
        }
    }

    /// This space, or one extended with what `conditions` compare with.
    func covering(_ conditions: [CheckedCondition]) -> AnswerSpace {
        if covers(conditions) { return self }
        return AnswerSpace(
            form: form, layout: layout, conditions: conditions, base: requirements, built: keep)
    }

    /// The number of combinations of the representatives of `fields` (saturating at
    /// `Int.max`); 1 for no fields.
    public func combinationCount(of fields: [String]) -> Int {
        Self.product(fields.compactMap { layout.slots[$0] }.map { representatives(slot: $0).count })
    }

    static func product(_ counts: [Int]) -> Int {
        var total = 1
        for count in counts {
            let (next, overflow) = total.multipliedReportingOverflow(by: count)
            if overflow { return Int.max }
            total = next
        }
        return total
    }
}
