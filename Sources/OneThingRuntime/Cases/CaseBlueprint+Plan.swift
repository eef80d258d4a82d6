import OneThingPlan

extension CaseBlueprint {
    /// The blueprint of `plan`.
    public init(plan: Plan) {
        let bundle = plan.bundle
        let order = plan.graph.order
        var position: [Int: Int] = [:]
        for (p, item) in order.enumerated() { position[item] = p }
        let deferredByItem: [String: [String]] = plan.materials.filter { $0.status == .later }.reduce(
            into: [:]) {
                for item in $1.neededBy { $0[item, default: []].append($1.id) }
            }
        var tasks: [Task] = []
        for item in order {
            let source = bundle.items[item]
            var promised = source.promised.value.workdayEquivalent
            if let k = plan.graph.inspectionOf[item] {
                promised += bundle.inspections[k].duration.value.workdayEquivalent
            }
            tasks.append(
                Task(
                    item: source.id.value, name: source.name, department: source.department.value,
                    promised: promised,
                    predecessors: plan.graph.predecessors[item].compactMap { position[$0] }.sorted(),
                    successors: plan.graph.successors[item].compactMap { position[$0] }.sorted(),
                    deferred: deferredByItem[source.id.value] ?? [], outputs: source.produces.map(\.value)))
        }
        self.init(
            bundle: bundle.id.value, version: bundle.version, lead: plan.lead.department,
            stopAllOnRejection: bundle.onRejection == .stopAll, tasks: tasks,
            deferredDeadlines: plan.materials.reduce(into: [:]) { result, entry in
                if entry.status == .later, let deadline = entry.deadline {
                    result[entry.id] = deadline.workdayEquivalent
                }
            },
            core: plan.materials.filter { $0.core && $0.status == .bring }.map(\.id),
            promise: bundle.promise.value.workdayEquivalent)
    }
}
