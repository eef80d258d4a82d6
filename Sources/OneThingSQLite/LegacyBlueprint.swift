import OneThingEvents

/// A blueprint as the first format kept it (JSON of OneThing 0.1's `CaseBlueprint`):
/// tasks whose limits are working days, a joint inspection folded into each task that
/// took part.
struct LegacyBlueprint: Decodable {
    /// One task.
    struct Task: Decodable {
        let item: String
        let name: String
        let department: String
        let promised: Double
        let predecessors: [Int]
        let successors: [Int]
        let deferred: [String]
        let outputs: [String]
    }

    let bundle: String
    let version: String
    let lead: String
    let stopAllOnRejection: Bool
    let tasks: [Task]
    let deferredDeadlines: [String: Double]
    let core: [String]
    let promise: Double

    /// The limit of `amount` working days.
    private static func limit(_ amount: Double, of what: String) throws(LegacyMigration.BadValue) -> TimeLimit
    {
        guard amount.isFinite, amount >= 0, amount <= TimeLimit.largestAmount else {
            throw LegacyMigration.BadValue(
                reason: "the limit of \(what) (\(amount) working days) is not a limit")
        }
        return TimeLimit(amount, .workdays)
    }

    /// The blueprint of the current format: each task an item step with its limit in
    /// working days, named by its ids (and `conversion`'s department names).
    func converted(_ conversion: SQLiteEventStore.LegacyConversion) throws(LegacyMigration.BadValue)
        -> CaseBlueprint
    {
        var steps: [CaseBlueprint.Step] = []
        for (index, task) in tasks.enumerated() {
            for other in task.predecessors + task.successors
            where !tasks.indices.contains(other) || other == index {
                throw LegacyMigration.BadValue(
                    reason: "task \(task.item) names task \(other), which it cannot wait on")
            }
            steps.append(
                CaseBlueprint.Step(
                    kind: .item, id: task.item, name: task.name, department: task.department,
                    limit: try Self.limit(task.promised, of: task.item), predecessors: task.predecessors,
                    successors: task.successors, deferred: task.deferred, outputs: task.outputs))
        }
        var deferred: [String: TimeLimit] = [:]
        for (material, days) in deferredDeadlines { deferred[material] = try Self.limit(days, of: material) }
        var departments: [String: CaseBlueprint.DepartmentName] = [:]
        for id in Set(tasks.map(\.department) + [lead]) {
            departments[id] = conversion.departmentNames[id] ?? CaseBlueprint.DepartmentName(zh: id)
        }
        var materials: [String: String] = [:]
        for id in core + Array(deferredDeadlines.keys) + tasks.flatMap(\.deferred) { materials[id] = id }
        var outputs: [String: String] = [:]
        for id in tasks.flatMap(\.outputs) { outputs[id] = id }
        return CaseBlueprint(
            bundle: bundle, version: version, title: bundle, region: "CN", lead: lead,
            supervisor: conversion.supervisor, stopAllOnRejection: stopAllOnRejection, steps: steps,
            deferredDeadlines: deferred, core: core, promise: try Self.limit(promise, of: "the promise"),
            departments: departments, materials: materials, outputs: outputs)
    }
}
