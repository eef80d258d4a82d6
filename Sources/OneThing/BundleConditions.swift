import OneThingConditions

/// The condition stage's checks of one bundle: every `when:` of items and lead
/// rules, against the form and the results produced in the case
/// (``ServiceBundle/conditionForm``), the form's declarations, the fields deadlines count
/// from, unused fields, where results are read (OT411), and the test cases' answers.
enum BundleConditions {
    /// What the condition stage found, and the checked conditions for the plan stage.
    struct Result {
        /// The findings.
        var diagnostics: [Diagnostic]
        /// The checks' result: checked conditions by owner, and the answer space.
        var conditions: ConditionCheckResult
    }

    static func check(
        _ bundle: ServiceBundle, source: SourceFile, reportUnused: Bool, dependencies: ItemDependencies
    ) -> Result {
        let checker = ConditionChecker(form: bundle.conditionForm, file: source)
        let result = checker.check(OwnedCondition.all(in: bundle))
        var diagnostics = result.diagnostics
        diagnostics += ConditionChecker.resultDiagnostics(
            bundle, conditions: result, dependencies: dependencies, file: source)
        diagnostics += checker.declarationDiagnostics()
        diagnostics += checker.deadlineDiagnostics(bundle.deadlines)
        // A condition that did not check may read fields that would look unused.
        if reportUnused, result.entries.allSatisfy({ $0.checked != nil }) {
            diagnostics += checker.unusedFieldDiagnostics(
                read: result.readFields, alsoUsed: ConditionChecker.deadlineFields(bundle.deadlines))
        }
        return Result(diagnostics: diagnostics, conditions: result)
    }
}
