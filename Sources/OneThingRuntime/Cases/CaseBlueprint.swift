import Foundation
import OneThingModel
import OneThingPlan

/// What the runtime needs of a plan, fixed when a case starts: its tasks, their
/// order, departments, limits and deferred materials. A case is pinned to it, so a
/// new bundle version never changes a running case.
public struct CaseBlueprint: Sendable, Hashable, Codable {
    /// One task: an item that applies.
    public struct Task: Sendable, Hashable, Codable {
        /// The item's id.
        public let item: String
        /// The item's name.
        public let name: String
        /// The department that handles it.
        public let department: String
        /// The promised limit in working days (the joint inspection it takes part in included).
        public let promised: WorkTime
        /// The tasks it waits for, by index.
        public let predecessors: [Int]
        /// The tasks that wait for it, by index.
        public let successors: [Int]
        /// The deferred materials its approval needs.
        public let deferred: [String]
        /// The outputs it issues.
        public let outputs: [String]
    }

    /// The bundle's id.
    public let bundle: String
    /// The bundle's version.
    public let version: String
    /// The lead department.
    public let lead: String
    /// Whether a rejection stops every other task.
    public let stopAllOnRejection: Bool
    /// The tasks in an order where every task comes after those it waits for.
    public let tasks: [Task]
    /// Deferred materials (容缺) and their deadlines in working days after acceptance.
    public let deferredDeadlines: [String: WorkTime]
    /// Core materials the applicant must bring at intake.
    public let core: [String]
    /// The bundle's promise in working days.
    public let promise: WorkTime

    /// A stable id of this blueprint's content, under which stores keep it once for
    /// every case that uses it.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a over the canonical JSON
        for byte in canonicalJSON.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "\(bundle)@\(version)#" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The blueprint as JSON with sorted keys.
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

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
        self.bundle = bundle.id.value
        self.version = bundle.version
        self.lead = plan.lead.department
        self.stopAllOnRejection = bundle.onRejection == .stopAll
        self.tasks = tasks
        self.deferredDeadlines = plan.materials.reduce(into: [:]) { result, entry in
            if entry.status == .later, let deadline = entry.deadline {
                result[entry.id] = deadline.workdayEquivalent
            }
        }
        self.core = plan.materials.filter { $0.core && $0.status == .bring }.map(\.id)
        self.promise = bundle.promise.value.workdayEquivalent
    }
}
