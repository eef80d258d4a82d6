import Foundation

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

        /// Creates a task.
        public init(
            item: String, name: String, department: String, promised: WorkTime, predecessors: [Int],
            successors: [Int], deferred: [String], outputs: [String]
        ) {
            self.item = item
            self.name = name
            self.department = department
            self.promised = promised
            self.predecessors = predecessors
            self.successors = successors
            self.deferred = deferred
            self.outputs = outputs
        }
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

    /// Creates a blueprint.
    public init(
        bundle: String, version: String, lead: String, stopAllOnRejection: Bool, tasks: [Task],
        deferredDeadlines: [String: WorkTime], core: [String], promise: WorkTime
    ) {
        self.bundle = bundle
        self.version = version
        self.lead = lead
        self.stopAllOnRejection = stopAllOnRejection
        self.tasks = tasks
        self.deferredDeadlines = deferredDeadlines
        self.core = core
        self.promise = promise
    }
}
