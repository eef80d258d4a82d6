import OneThingConditions
import OneThingModel
import OneThingSource

extension PlanBuilder {
    /// The plan of the applicant whose critical path is longest, in the working days the
    /// plan itself shows (``Plan/criticalPath``, months and calendar days in their
    /// working-day equivalents): the worst case of the figures, the graph and the
    /// catalogue. Where promises differ by applicant, the promise check may hold the
    /// bundle to another applicant, the one who misses their own promise by the most.
    public func worstCasePlan() throws(Failure) -> Plan {
        let conditions = ConditionChecker(form: bundle.conditionForm, file: source).check(
            OwnedCondition.all(in: bundle))
        let worst = WorstCase(bundle: bundle, conditions: conditions)
        return try plan(for: worst.longestExample, missingAt: bundle.id.span)
    }
}
