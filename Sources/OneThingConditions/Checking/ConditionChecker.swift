import OneThingModel
import OneThingSource

/// The validator's entry point to the condition stage: parses and checks every
/// condition of a bundle against its form, and reports what it finds with exact
/// positions in the YAML file.
///
/// ```swift
/// let checker = ConditionChecker(form: bundle.form, file: file)
/// let result = checker.check(OwnedCondition.all(in: bundle))
/// diagnostics += result.diagnostics
/// diagnostics += checker.declarationDiagnostics()
/// diagnostics += checker.unusedFieldDiagnostics(read: result.readFields, alsoUsed: noticeFields)
/// ```
public struct ConditionChecker: Sendable {
    /// The form conditions read.
    public let form: Form
    /// The file the conditions were written in.
    public let file: SourceFile
    /// The limits on each condition's length and nesting.
    public var limits: ConditionLimits
    /// The most answer combinations searched per condition for `OT405`.
    public var searchLimit: Int
    private let typeChecker: ConditionTypeChecker

    /// Creates a checker.
    public init(form: Form, file: SourceFile, limits: ConditionLimits = .default, searchLimit: Int = 100_000)
    {
        self.form = form
        self.file = file
        self.limits = limits
        self.searchLimit = searchLimit
        self.typeChecker = ConditionTypeChecker(form: form)
    }

    /// Parses and checks one condition; `nil` with the problems when it does not
    /// parse or type check. Does not look for `OT405` (see ``check(_:)``).
    public func check(_ source: ConditionSource, diagnostics: inout [Diagnostic]) -> CheckedCondition? {
        var issues: [ConditionIssue] = []
        let parser = ConditionParser(limits: limits)
        var checked: CheckedCondition?
        if let expression = parser.parse(source.text, issues: &issues) {
            checked = typeChecker.check(expression, text: source.text, issues: &issues)
        }
        diagnostics += issues.map { Diagnostic($0, in: source, file: file) }
        return checked
    }

    /// Parses and checks every condition (`OT401`–`OT404`, `OT407`), then looks for
    /// conditions that can never be true (`OT405`), searching the answers of every
    /// applicant the conditions tell apart.
    ///
    /// The items' conditions are searched together once, for every outcome they have
    /// (``AnswerSpace/satisfiableOutcomes(of:limit:)`` with ``searchLimit``): a condition
    /// that holds in one of those outcomes can be true, so its own `OT405` search is
    /// skipped, and the result keeps the outcomes for the plan stage, which asks for
    /// the same search (``ConditionCheckResult/satisfiableOutcomes(of:limit:)``).
    public func check(_ conditions: [OwnedCondition]) -> ConditionCheckResult {
        var diagnostics: [Diagnostic] = []
        var entries: [ConditionCheckResult.Entry] = []
        for condition in conditions {
            let checked = check(condition.source, diagnostics: &diagnostics)
            entries.append(.init(owner: condition.owner, source: condition.source, checked: checked))
        }
        let checked = entries.compactMap { $0.checked }
        let space = AnswerSpace(form: form, layout: typeChecker.layout, conditions: checked)
        var result = ConditionCheckResult(entries: entries, diagnostics: [], space: space)
        let items = result.itemSearch(limit: searchLimit)
        var canBeTrue = Set<Int>()
        for group in items.outcomes.groups {
            for (position, condition) in group.conditions.enumerated()
            where group.outcomes.contains(where: { $0.holds[position] }) {
                canBeTrue.insert(items.entries[condition])
            }
        }
        for (index, entry) in entries.enumerated() where !canBeTrue.contains(index) {
            guard let condition = entry.checked,
                let parts = space.contradiction(in: condition, limit: searchLimit), !parts.isEmpty
            else { continue }
            diagnostics.append(
                .neverTrue(condition, parts: parts, owner: entry.owner, source: entry.source, file: file))
        }
        result.diagnostics = diagnostics
        result.search = items
        return result
    }
}
