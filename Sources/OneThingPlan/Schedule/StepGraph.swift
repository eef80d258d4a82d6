import OneThingModel

/// The steps of one applicant's plan and the order between them: the items that
/// apply, and one shared step per joint inspection they take part in.
///
/// Order: an item waits for the applicable items it depends on
/// (``ItemDependencies``); a joint inspection (联合勘验) starts when every
/// participating item's predecessors are done, and its participants start after it.
/// Intake (综合收件) before everything and delivery (统一出件) after everything take no
/// time and are not steps of the graph.
public struct StepGraph: Sendable {
    /// Whether each item of the bundle applies.
    public let applies: [Bool]
    /// Which needs with a condition apply: an item waits through those only.
    public let needs: NeedSelection
    /// Each item's promised limit for this applicant (its rules decided, where it has them).
    public let limits: [TimeLimit]
    /// The bundle's promise to this applicant (its rules decided, where it has them).
    public let promise: TimeLimit
    /// For each item, the periods its step takes that no limit counts (`not-counted:`),
    /// in the order they follow its promised limit.
    public let uncounted: [[TimeLimit]]
    /// For each item, the applicable items it waits for directly.
    public let predecessors: [[Int]]
    /// For each item, the joint inspection it takes part in (an index into the bundle's inspections).
    public let inspectionOf: [Int?]
    /// For each joint inspection, its applicable participants.
    public let participants: [[Int]]
    /// The applicable items in an order in which every item comes after what it waits for.
    public let order: [Int]
    /// For each item, the applicable items that come directly after it.
    public let successors: [[Int]]

    /// The graph of the items of `bundle` for which `applies` is true, waiting through
    /// the needs in `needs` (a need with a condition that does not hold makes no item
    /// wait). The items must not wait for each other in a circle (the validator reports
    /// cycles first); items on a circle are left out of ``order``.
    ///
    /// `limits` and `promise` are the applicant's own (chosen by the bundle's rules); the
    /// items' longest limits and the bundle's longest promise when not given.
    public init(
        bundle: ServiceBundle, dependencies: ItemDependencies, applies: [Bool], needs: NeedSelection = .all,
        limits: [TimeLimit]? = nil, promise: TimeLimit? = nil
    ) {
        let n = bundle.items.count
        let inspectionIndex = Dictionary(
            bundle.inspections.enumerated().map { ($0.element.id.value, $0.offset) },
            uniquingKeysWith: { a, _ in a })
        var participants = [[Int]](repeating: [], count: bundle.inspections.count)
        var inspectionOf = [Int?](repeating: nil, count: n)
        var predecessors = [[Int]](repeating: [], count: n)
        var successors = [[Int]](repeating: [], count: n)
        for i in 0..<n where applies[i] {
            if let name = bundle.items[i].inspection?.value, let k = inspectionIndex[name] {
                participants[k].append(i)
                inspectionOf[i] = k
            }
            var seen = Set<Int>()
            for edge in dependencies.incoming[i]
            where applies[edge.predecessor] && edge.predecessor != i && dependencies.holds(edge, in: needs) {
                if seen.insert(edge.predecessor).inserted { predecessors[i].append(edge.predecessor) }
            }
            for p in predecessors[i] { successors[p].append(i) }
        }
        // Ordering: a participant also comes after every other participant's predecessors.
        var waitsFor = predecessors
        for members in participants where members.count > 1 {
            let shared = Set(members.flatMap { predecessors[$0] }).subtracting(members)
            for i in members { waitsFor[i] = Array(Set(waitsFor[i]).union(shared)).sorted() }
        }
        var remaining = waitsFor.map(\.count)
        var after = [[Int]](repeating: [], count: n)
        for i in 0..<n { for p in waitsFor[i] { after[p].append(i) } }
        var order = (0..<n).filter { applies[$0] && remaining[$0] == 0 }
        var head = 0
        while head < order.count {
            let i = order[head]
            head += 1
            for s in after[i] {
                remaining[s] -= 1
                if remaining[s] == 0 { order.append(s) }
            }
        }
        self.applies = applies
        self.needs = needs
        self.limits = limits ?? bundle.items.map(\.promised.value)
        self.promise = promise ?? bundle.promise.value
        self.uncounted = bundle.items.map { $0.notCounted.map(\.period.value) }
        self.predecessors = predecessors
        self.inspectionOf = inspectionOf
        self.participants = participants
        self.order = order
        self.successors = successors
    }
}

/// Which time a computation over a plan's steps counts.
public enum TimeCounting: Sendable, Hashable {
    /// Only the time the limits count: each step's promised limit, without the time
    /// the law leaves out of it (`not-counted:`). The promise checks and the reform
    /// figures count this, as the law counts its limits.
    case counted
    /// All the time the applicant waits: each step's promised limit, then each period
    /// not counted. The dates the applicant is shown count this.
    case elapsed
}

extension StepGraph {
    /// What the step of the item at `index` takes, in order, as `counting` counts it:
    /// its promised limit, then (``TimeCounting/elapsed``) each period not counted. This
    /// is the one place where the time not counted joins a step.
    public func lengths(ofItem index: Int, counting: TimeCounting) -> [TimeLimit] {
        switch counting {
        case .counted: [limits[index]]
        case .elapsed: [limits[index]] + uncounted[index]
        }
    }

    /// Whether an applicable item's step takes time that no limit counts.
    public var hasUncountedTime: Bool { order.contains { !uncounted[$0].isEmpty } }
}
