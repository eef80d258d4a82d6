/// What the runtime needs of a plan, fixed when a case starts: its steps (the items
/// that apply, and the joint inspections they share), their order, departments and
/// limits, the deferred materials, and the names to show them by. A case is pinned to
/// it, so a new bundle version never changes a running case, and a store can show its
/// cases wherever it is opened.
public struct CaseBlueprint: Sendable, Hashable, Codable {
    /// What a step is.
    public enum StepKind: String, Sendable, Hashable, Codable {
        /// An item (事项) of one department.
        case item
        /// A joint inspection (联合勘验): one visit for the items that take part in it,
        /// which wait for it; its outcome reaches each of them.
        case inspection
    }

    /// One step of the case.
    public struct Step: Sendable, Hashable, Codable {
        /// An item or a joint inspection.
        public let kind: StepKind
        /// The item's or the inspection's id.
        public let id: String
        /// Its name (in Chinese, as the bundle writes it).
        public let name: String
        /// The department that handles it (for an inspection, the one that organises it).
        public let department: String
        /// The promised limit.
        public let limit: TimeLimit
        /// The steps it waits for, by index.
        public let predecessors: [Int]
        /// The steps that wait for it, by index.
        public let successors: [Int]
        /// The deferred materials its approval needs.
        public let deferred: [String]
        /// The outputs it issues.
        public let outputs: [String]

        /// Creates a step.
        public init(
            kind: StepKind = .item, id: String, name: String, department: String, limit: TimeLimit,
            predecessors: [Int], successors: [Int], deferred: [String] = [], outputs: [String] = []
        ) {
            self.kind = kind
            self.id = id
            self.name = name
            self.department = department
            self.limit = limit
            self.predecessors = predecessors
            self.successors = successors
            self.deferred = deferred
            self.outputs = outputs
        }
    }

    /// A department's names.
    public struct DepartmentName: Sendable, Hashable, Codable {
        /// The Chinese name: `市场监督管理局`.
        public var zh: String
        /// The English name, when the catalogue has one.
        public var en: String?

        /// Creates the names.
        public init(zh: String, en: String? = nil) {
            self.zh = zh
            self.en = en
        }
    }

    /// The bundle's id.
    public let bundle: String
    /// The bundle's version.
    public let version: String
    /// The bundle's title.
    public let title: String
    /// The region whose working-day calendar the case's limits are counted on.
    public let region: String
    /// The lead department.
    public let lead: String
    /// The office that supervises (督办) the lead department's own late steps.
    public let supervisor: String
    /// Whether a rejection stops every other step.
    public let stopAllOnRejection: Bool
    /// The steps, in an order where every step comes after those it waits for.
    public let steps: [Step]
    /// Deferred materials (容缺) and their deadlines, counted from acceptance.
    public let deferredDeadlines: [String: TimeLimit]
    /// Core materials the applicant must bring at intake.
    public let core: [String]
    /// The bundle's promise, counted from acceptance.
    public let promise: TimeLimit
    /// The departments' names, by id.
    public let departments: [String: DepartmentName]
    /// The materials' names, by id.
    public let materials: [String: String]
    /// The outputs' names, by id.
    public let outputs: [String: String]

    /// Creates a blueprint.
    public init(
        bundle: String, version: String, title: String, region: String = "CN", lead: String,
        supervisor: String, stopAllOnRejection: Bool, steps: [Step], deferredDeadlines: [String: TimeLimit],
        core: [String], promise: TimeLimit, departments: [String: DepartmentName] = [:],
        materials: [String: String] = [:], outputs: [String: String] = [:]
    ) {
        self.bundle = bundle
        self.version = version
        self.title = title
        self.region = region
        self.lead = lead
        self.supervisor = supervisor
        self.stopAllOnRejection = stopAllOnRejection
        self.steps = steps
        self.deferredDeadlines = deferredDeadlines
        self.core = core
        self.promise = promise
        self.departments = departments
        self.materials = materials
        self.outputs = outputs
        self.fingerprint = computedFingerprint()
    }

    /// A stable id of this blueprint's content, under which stores keep it once for
    /// every case that uses it: `bundle@version#` and a 64-bit hash of its canonical
    /// form. Computed once, when the blueprint is made or read.
    public private(set) var fingerprint = ""

    /// The fingerprint of the fields as they are.
    func computedFingerprint() -> String {
        var writer = PayloadWriter()
        writeCanonical(into: &writer)
        return "\(bundle)@\(version)#" + StableHash.hex(StableHash.fnv1a(writer.bytes))
    }

    enum CodingKeys: String, CodingKey {
        case bundle, version, title, region, lead, supervisor, stopAllOnRejection, steps, deferredDeadlines,
            core
        case promise, departments, materials, outputs
    }

    /// Reads a blueprint (its fingerprint is computed from what is read, never taken on trust).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            bundle: try container.decode(String.self, forKey: .bundle),
            version: try container.decode(String.self, forKey: .version),
            title: try container.decode(String.self, forKey: .title),
            region: try container.decode(String.self, forKey: .region),
            lead: try container.decode(String.self, forKey: .lead),
            supervisor: try container.decode(String.self, forKey: .supervisor),
            stopAllOnRejection: try container.decode(Bool.self, forKey: .stopAllOnRejection),
            steps: try container.decode([Step].self, forKey: .steps),
            deferredDeadlines: try container.decode([String: TimeLimit].self, forKey: .deferredDeadlines),
            core: try container.decode([String].self, forKey: .core),
            promise: try container.decode(TimeLimit.self, forKey: .promise),
            departments: try container.decode([String: DepartmentName].self, forKey: .departments),
            materials: try container.decode([String: String].self, forKey: .materials),
            outputs: try container.decode([String: String].self, forKey: .outputs))
    }

    /// Every field in a fixed order (dictionaries by sorted key), for the fingerprint.
    func writeCanonical(into writer: inout PayloadWriter) {
        writer.strings([bundle, version, title, region, lead, supervisor])
        writer.byte(stopAllOnRejection ? 1 : 0)
        writer.unsigned(UInt64(steps.count))
        for step in steps {
            writer.strings([step.kind.rawValue, step.id, step.name, step.department, step.limit.description])
            writer.ints(step.predecessors)
            writer.ints(step.successors)
            writer.strings(step.deferred)
            writer.strings(step.outputs)
        }
        writer.table(deferredDeadlines.mapValues(\.description))
        writer.strings(core)
        writer.string(promise.description)
        writer.table(departments.mapValues { $0.zh + "\u{1F}" + ($0.en ?? "") })
        writer.table(materials)
        writer.table(outputs)
    }

    /// The index of the step with id `id`.
    public func stepIndex(_ id: String) -> Int? { steps.firstIndex { $0.id == id } }
}
