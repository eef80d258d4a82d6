import OneThingModel
import OneThingPlan

/// A step of a plan's graph: an item or a joint inspection, by index into the bundle.
private enum PlanStep: Hashable {
    case item(Int)
    case inspection(Int)
}

extension CaseBlueprint {
    /// The office that supervises (督办) a lead department's own late steps: the
    /// government services administration (政务服务管理局), which runs the one-window
    /// service and its 办不成事 window.
    public static let defaultSupervisor = "government-services"

    /// The blueprint of `plan`: its applicable items and the joint inspections they take
    /// part in as steps, in the plan's order, with the names of `catalogue` (departments,
    /// common materials) and of the bundle (title, materials, outputs).
    ///
    /// A joint inspection is one step: it waits for what any of its participants waits
    /// for, and its participants wait for it (as ``StepGraph`` orders them). Step ids
    /// are unique: an inspection whose id is also an item's is named `inspection-ID`.
    /// An item that applies only once results of the case are known is a step with what
    /// is left of its condition (``Step/awaiting``).
    public init(plan: Plan, catalogue: Catalogue, region: String = "CN") {
        let bundle = plan.bundle
        let graph = plan.graph
        let itemIDs = Set(bundle.items.map(\.id.value))
        // The steps in order: each inspection just before its first participant.
        var order: [PlanStep] = []
        var placed = Set<Int>()
        for item in graph.order {
            if let k = graph.inspectionOf[item], placed.insert(k).inserted { order.append(.inspection(k)) }
            order.append(.item(item))
        }
        var position: [PlanStep: Int] = [:]
        for (index, step) in order.enumerated() { position[step] = index }
        func predecessors(_ step: PlanStep) -> [Int] {
            var result = Set<Int>()
            switch step {
            case .item(let item):
                for p in graph.predecessors[item] { if let at = position[.item(p)] { result.insert(at) } }
                if let k = graph.inspectionOf[item], let at = position[.inspection(k)] { result.insert(at) }
            case .inspection(let k):
                let members = Set(graph.participants[k])
                for member in members {
                    for p in graph.predecessors[member] where !members.contains(p) {
                        if let at = position[.item(p)] { result.insert(at) }
                    }
                }
            }
            return result.sorted()
        }
        let deferredByItem: [String: [String]] = plan.materials.filter { $0.status == .later }.reduce(
            into: [:]
        ) { result, entry in
            for item in entry.neededBy { result[item, default: []].append(entry.id) }
        }
        let predecessorLists = order.map(predecessors)
        var successorLists = [[Int]](repeating: [], count: order.count)
        for (index, list) in predecessorLists.enumerated() {
            for p in list { successorLists[p].append(index) }
        }
        var steps: [Step] = []
        for (index, step) in order.enumerated() {
            switch step {
            case .item(let item):
                let source = bundle.items[item]
                steps.append(
                    Step(
                        kind: .item, id: source.id.value, name: source.name,
                        department: source.department.value,
                        limit: plan.promised(ofItem: item), predecessors: predecessorLists[index],
                        successors: successorLists[index], deferred: deferredByItem[source.id.value] ?? [],
                        outputs: source.produces.map(\.value),
                        stopsAllOnRejection: source.onRejection.map { $0 == .stopAll },
                        notCounted: source.notCounted.isEmpty ? nil : source.notCounted.map(\.period.value),
                        awaiting: plan.decisions[item].awaiting.map {
                            ResultCondition(
                                outputs: $0.outputs.map(\.id.value),
                                holdsFor: $0.holdsFor.map { $0.map(\.id) })
                        }))
            case .inspection(let k):
                let source = bundle.inspections[k]
                let id = itemIDs.contains(source.id.value) ? "inspection-\(source.id.value)" : source.id.value
                steps.append(
                    Step(
                        kind: .inspection, id: id, name: source.name,
                        department: source.department?.value ?? plan.lead.department,
                        limit: source.duration.value, predecessors: predecessorLists[index],
                        successors: successorLists[index]))
            }
        }
        var departments: [String: DepartmentName] = [:]
        for id in Set(steps.map(\.department) + [plan.lead.department, Self.defaultSupervisor]) {
            if let known = catalogue.departments[id] {
                departments[id] = DepartmentName(zh: known.name, en: known.englishName)
            }
        }
        var materials: [String: String] = [:]
        for entry in plan.materials { materials[entry.id] = entry.name }
        var outputs: [String: String] = [:]
        var resultValues: [String: [ResultValue]] = [:]
        for output in bundle.outputs {
            outputs[output.id.value] = output.name
            if !output.values.isEmpty {
                resultValues[output.id.value] = output.values.map { ResultValue(id: $0.id, name: $0.label) }
            }
        }
        let fetched = Self.fetchedMaterials(of: plan, catalogue: catalogue, steps: steps)
        self.init(
            bundle: bundle.id.value, version: bundle.version, title: bundle.title, region: region,
            lead: plan.lead.department,
            supervisor: Self.defaultSupervisor,
            stopAllOnRejection: bundle.onRejection == .stopAll, steps: steps,
            deferredDeadlines: plan.materials.reduce(into: [:]) { result, entry in
                if entry.status == .later, let deadline = entry.deadline { result[entry.id] = deadline }
            },
            core: plan.materials.filter { $0.core && $0.status == .bring }.map(\.id),
            promise: plan.promise, departments: departments, materials: materials, outputs: outputs,
            fetched: fetched, resultValues: resultValues)
    }

    /// The materials of `plan` fetched from an e-licence or shared data, each with the
    /// bundle's fallback (or the catalogue's, for a common material) and the item steps
    /// among `steps` that need it.
    static func fetchedMaterials(of plan: Plan, catalogue: Catalogue, steps: [Step]) -> [FetchedMaterial] {
        var stepOfItem: [String: Int] = [:]
        for (index, step) in steps.enumerated() where step.kind == .item { stepOfItem[step.id] = index }
        return plan.materials.compactMap { entry -> FetchedMaterial? in
            guard entry.status == .fetched,
                let material = plan.bundle.materials.first(where: { $0.id.value == entry.id })
                    ?? catalogue.materials[entry.id]
            else { return nil }
            let source: FetchedMaterial.Source
            switch material.source {
            case .eLicence: source = .eLicence
            case .sharedData: source = .sharedData
            case .applicant, .output: return nil
            }
            let fallback: FetchedMaterial.Fallback =
                switch material.effectiveFallback {
                case .paper: .paper
                case .wait(let bound): .wait(bound.value)
                }
            return FetchedMaterial(
                material: entry.id, source: source, fallback: fallback,
                steps: entry.neededBy.compactMap { stepOfItem[$0] }.sorted())
        }
    }
}
