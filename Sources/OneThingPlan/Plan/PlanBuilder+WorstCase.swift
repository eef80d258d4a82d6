import OneThingConditions
import OneThingModel
import OneThingSource

extension PlanBuilder {
    /// The plan of the applicant whose critical path is longest: the worst case the
    /// validator checks the bundle's promise against.
    public func worstCasePlan() throws(Failure) -> Plan {
        let conditions = ConditionChecker(form: bundle.form, file: source).check(
            OwnedCondition.all(in: bundle))
        let worst = WorstCase(bundle: bundle, conditions: conditions)
        return try plan(for: worst.example, missingAt: bundle.id.span)
    }
}
