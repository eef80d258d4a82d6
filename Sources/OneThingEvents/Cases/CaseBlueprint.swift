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
        /// Whether its rejection stops every other step, when the item says so itself
        /// (`on-rejection:` on the item); `nil` to follow the bundle
        /// (``CaseBlueprint/stopAllOnRejection``).
        public let stopsAllOnRejection: Bool?
        /// The periods the step takes after its limit that no limit counts (`not-counted:`:
        /// a 公示, a 专家评审), in order; `nil` when it has none.
        public let notCounted: [TimeLimit]?
        /// When the step applies only once results produced in the case are known, and
        /// only for some of their values (``ResultCondition``); `nil` for a step that
        /// applies whatever they are.
        public let awaiting: ResultCondition?

        /// Creates a step.
        public init(
            kind: StepKind = .item, id: String, name: String, department: String, limit: TimeLimit,
            predecessors: [Int], successors: [Int], deferred: [String] = [], outputs: [String] = [],
            stopsAllOnRejection: Bool? = nil, notCounted: [TimeLimit]? = nil, awaiting: ResultCondition? = nil
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
            self.stopsAllOnRejection = stopsAllOnRejection
            self.notCounted = notCounted
            self.awaiting = awaiting
        }

        /// What the step takes, in order, until it is due: its limit, then each period
        /// not counted, as the plan's dates count it (`StepGraph.lengths(ofItem:counting:)`).
        public var lengths: [TimeLimit] { [limit] + (notCounted ?? []) }
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

    /// The fields, held once however often the blueprint is copied: every case's state
    /// carries its blueprint, and the runtime reads it on every decision, so a copy is
    /// one reference rather than one per field. Immutable, hence shareable across threads.
    final class Storage: Sendable {
        let bundle: String
        let version: String
        let title: String
        let region: String
        let lead: String
        let supervisor: String
        let stopAllOnRejection: Bool
        let steps: [Step]
        let deferredDeadlines: [String: TimeLimit]
        let core: [String]
        let promise: TimeLimit
        let departments: [String: DepartmentName]
        let materials: [String: String]
        let outputs: [String: String]
        let fetched: [FetchedMaterial]
        let resultValues: [String: [ResultValue]]
        let fingerprint: String

        init(
            bundle: String, version: String, title: String, region: String, lead: String, supervisor: String,
            stopAllOnRejection: Bool, steps: [Step], deferredDeadlines: [String: TimeLimit], core: [String],
            promise: TimeLimit, departments: [String: DepartmentName], materials: [String: String],
            outputs: [String: String], fetched: [FetchedMaterial], resultValues: [String: [ResultValue]]
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
            self.fetched = fetched
            self.resultValues = resultValues
            var writer = PayloadWriter()
            Self.writeCanonical(
                into: &writer, bundle: bundle, version: version, title: title, region: region, lead: lead,
                supervisor: supervisor, stopAllOnRejection: stopAllOnRejection, steps: steps,
                deferredDeadlines: deferredDeadlines, core: core, promise: promise, departments: departments,
                materials: materials, outputs: outputs, fetched: fetched, resultValues: resultValues)
            self.fingerprint = "\(bundle)@\(version)#" + StableHash.hex(StableHash.fnv1a(writer.bytes))
        }

        /// Every field in a fixed order (dictionaries by sorted key), for the fingerprint.
        /// The fetched materials are written only when there are some, so a blueprint
        /// without any keeps the fingerprint it had before they existed.
        static func writeCanonical(
            into writer: inout PayloadWriter, bundle: String, version: String, title: String, region: String,
            lead: String, supervisor: String, stopAllOnRejection: Bool, steps: [Step],
            deferredDeadlines: [String: TimeLimit], core: [String], promise: TimeLimit,
            departments: [String: DepartmentName], materials: [String: String], outputs: [String: String],
            fetched: [FetchedMaterial], resultValues: [String: [ResultValue]]
        ) {
            writer.strings([bundle, version, title, region, lead, supervisor])
            writer.byte(stopAllOnRejection ? 1 : 0)
            writer.unsigned(UInt64(steps.count))
            for step in steps {
                writer.strings([
                    step.kind.rawValue, step.id, step.name, step.department, step.limit.description,
                ])
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
            if !fetched.isEmpty {
                writer.unsigned(UInt64(fetched.count))
                for entry in fetched { writer.strings(entry.canonical) }
            }
            // Steps with their own rejection policy, only when there are some, so a
            // blueprint without any keeps the fingerprint it had before they existed.
            let own = steps.indices.compactMap { index in
                steps[index].stopsAllOnRejection.map { (index, $0) }
            }
            if !own.isEmpty {
                writer.strings(["on-rejection"])
                writer.unsigned(UInt64(own.count))
                for (index, stops) in own {
                    writer.unsigned(UInt64(index))
                    writer.byte(stops ? 1 : 0)
                }
            }
            // Steps with time not counted, likewise only when there are some.
            let uncounted = steps.indices.compactMap { index in steps[index].notCounted.map { (index, $0) } }
            if !uncounted.isEmpty {
                writer.strings(["not-counted"])
                writer.unsigned(UInt64(uncounted.count))
                for (index, periods) in uncounted {
                    writer.unsigned(UInt64(index))
                    writer.strings(periods.map(\.description))
                }
            }
            // Steps waiting for results of the case, likewise only when there are some.
            let awaiting = steps.indices.compactMap { index in steps[index].awaiting.map { (index, $0) } }
            if !awaiting.isEmpty {
                writer.strings(["awaiting"])
                writer.unsigned(UInt64(awaiting.count))
                for (index, condition) in awaiting {
                    writer.unsigned(UInt64(index))
                    writer.strings(condition.canonical)
                }
            }
            // The values of results produced in the case, likewise only when there are some.
            if !resultValues.isEmpty {
                writer.strings(["result-values"])
                writer.unsigned(UInt64(resultValues.count))
                for (output, values) in resultValues.sorted(by: { $0.key < $1.key }) {
                    writer.string(output)
                    writer.strings(values.flatMap { [$0.id, $0.name] })
                }
            }
        }
    }

    let storage: Storage

    /// The bundle's id.
    public var bundle: String { storage.bundle }
    /// The bundle's version.
    public var version: String { storage.version }
    /// The bundle's title.
    public var title: String { storage.title }
    /// The region whose working-day calendar the case's limits are counted on.
    public var region: String { storage.region }
    /// The lead department.
    public var lead: String { storage.lead }
    /// The office that supervises (督办) the lead department's own late steps.
    public var supervisor: String { storage.supervisor }
    /// Whether a rejection stops every other step.
    public var stopAllOnRejection: Bool { storage.stopAllOnRejection }
    /// The steps, in an order where every step comes after those it waits for.
    public var steps: [Step] { storage.steps }
    /// Deferred materials (容缺) and their deadlines, counted from acceptance.
    public var deferredDeadlines: [String: TimeLimit] { storage.deferredDeadlines }
    /// Core materials the applicant must bring at intake.
    public var core: [String] { storage.core }
    /// The bundle's promise, counted from acceptance.
    public var promise: TimeLimit { storage.promise }
    /// The departments' names, by id.
    public var departments: [String: DepartmentName] { storage.departments }
    /// The materials' names, by id.
    public var materials: [String: String] { storage.materials }
    /// The outputs' names, by id.
    public var outputs: [String: String] { storage.outputs }
    /// The materials fetched when a case starts (电子证照, 数据共享), in the plan's order.
    public var fetched: [FetchedMaterial] { storage.fetched }
    /// The values each output that carries a result produced in the case can take
    /// (its `values:`, in the bundle's order), by output id: what a department's report
    /// of the result is checked against, and what a simulated department draws from.
    public var resultValues: [String: [ResultValue]] { storage.resultValues }

    /// Creates a blueprint.
    public init(
        bundle: String, version: String, title: String, region: String = "CN", lead: String,
        supervisor: String, stopAllOnRejection: Bool, steps: [Step], deferredDeadlines: [String: TimeLimit],
        core: [String], promise: TimeLimit, departments: [String: DepartmentName] = [:],
        materials: [String: String] = [:], outputs: [String: String] = [:], fetched: [FetchedMaterial] = [],
        resultValues: [String: [ResultValue]] = [:]
    ) {
        self.storage = Storage(
            bundle: bundle, version: version, title: title, region: region, lead: lead,
            supervisor: supervisor,
            stopAllOnRejection: stopAllOnRejection, steps: steps, deferredDeadlines: deferredDeadlines,
            core: core, promise: promise, departments: departments, materials: materials, outputs: outputs,
            fetched: fetched, resultValues: resultValues)
    }

    /// A stable id of this blueprint's content, under which stores keep it once for
    /// every case that uses it: `bundle@version#` and a 64-bit hash of its canonical
    /// form. Computed once, when the blueprint is made or read.
    public var fingerprint: String { storage.fingerprint }

    enum CodingKeys: String, CodingKey {
        case bundle, version, title, region, lead, supervisor, stopAllOnRejection, steps, deferredDeadlines,
            core
        case promise, departments, materials, outputs, fetched, resultValues
    }

    /// Reads a blueprint (its fingerprint is computed from what is read, never taken on
    /// trust). One stored before fetched materials (or result values) existed has none.
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
            outputs: try container.decode([String: String].self, forKey: .outputs),
            fetched: try container.decodeIfPresent([FetchedMaterial].self, forKey: .fetched) ?? [],
            resultValues: try container.decodeIfPresent([String: [ResultValue]].self, forKey: .resultValues)
                ?? [:])
    }

    /// Writes the fields to `encoder` under ``CodingKeys`` (the fetched materials only
    /// when there are some, so a blueprint without any is written as before).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bundle, forKey: .bundle)
        try container.encode(version, forKey: .version)
        try container.encode(title, forKey: .title)
        try container.encode(region, forKey: .region)
        try container.encode(lead, forKey: .lead)
        try container.encode(supervisor, forKey: .supervisor)
        try container.encode(stopAllOnRejection, forKey: .stopAllOnRejection)
        try container.encode(steps, forKey: .steps)
        try container.encode(deferredDeadlines, forKey: .deferredDeadlines)
        try container.encode(core, forKey: .core)
        try container.encode(promise, forKey: .promise)
        try container.encode(departments, forKey: .departments)
        try container.encode(materials, forKey: .materials)
        try container.encode(outputs, forKey: .outputs)
        if !fetched.isEmpty { try container.encode(fetched, forKey: .fetched) }
        if !resultValues.isEmpty { try container.encode(resultValues, forKey: .resultValues) }
    }

    /// Two blueprints are equal when every field is (the same storage, at once).
    public static func == (lhs: CaseBlueprint, rhs: CaseBlueprint) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.fingerprint == rhs.fingerprint && lhs.bundle == rhs.bundle && lhs.version == rhs.version
            && lhs.title == rhs.title && lhs.region == rhs.region && lhs.lead == rhs.lead
            && lhs.supervisor == rhs.supervisor && lhs.stopAllOnRejection == rhs.stopAllOnRejection
            && lhs.steps == rhs.steps && lhs.deferredDeadlines == rhs.deferredDeadlines
            && lhs.core == rhs.core
            && lhs.promise == rhs.promise && lhs.departments == rhs.departments
            && lhs.materials == rhs.materials
            && lhs.outputs == rhs.outputs && lhs.fetched == rhs.fetched
            && lhs.resultValues == rhs.resultValues
    }

    /// Hashes the fingerprint, which equal blueprints share.
    public func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }

    /// The index of the step with id `id`.
    public func stepIndex(_ id: String) -> Int? { steps.firstIndex { $0.id == id } }

    /// Whether a rejection of step `step` stops every other step: the step's own
    /// policy, else the bundle's.
    public func stopsAllOnRejection(of step: Int) -> Bool {
        steps[step].stopsAllOnRejection ?? stopAllOnRejection
    }
}
