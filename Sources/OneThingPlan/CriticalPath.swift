import OneThingModel
import OneThingSource

/// The longest chain of promised limits through the items that apply: the time a
/// case takes when every department uses its full promise.
///
/// Steps and their order: intake (综合收件) and delivery (统一出件) take no time;
/// each item takes its promised limit after every item it waits for
/// (``ItemDependencies``); a joint inspection (联合勘验) is one shared step that
/// starts when every participating item's predecessors are done and takes the
/// inspection's duration, and the participating items start after it. Limits are
/// added in working-day equivalents (`TimeLimit.workdayEquivalent`).
///
/// The validator's worst-case promise check and the planner's schedule both use
/// this one computation.
public struct CriticalPath: Hashable, Sendable {
    /// A step on the path.
    public enum Step: Hashable, Sendable {
        /// An item, by index into the bundle's items.
        case item(Int)
        /// A joint inspection, by index into the bundle's inspections.
        case inspection(Int)
    }

    /// The path's length in working days.
    public var workdays: Double
    /// The steps along the path, first to last.
    public var steps: [Step]
    /// The earliest finish of every applicable item, in working days from intake.
    public var finish: [Int: Double]

    /// The critical path through the items of `bundle` for which `applies` is true.
    /// The items must not wait for each other in a circle (the validator reports cycles
    /// before it asks for a path).
    public init(bundle: ServiceBundle, dependencies: ItemDependencies, applies: [Bool]) {
        let items = bundle.items
        let n = items.count
        let inspectionIndex = Dictionary(
            bundle.inspections.enumerated().map { ($0.element.id.value, $0.offset) },
            uniquingKeysWith: { a, _ in a })
        // Participants of each inspection among the applicable items.
        var participants = [[Int]](repeating: [], count: bundle.inspections.count)
        var inspectionOf = [Int?](repeating: nil, count: n)
        for i in 0..<n where applies[i] {
            if let name = items[i].inspection?.value, let k = inspectionIndex[name] {
                participants[k].append(i)
                inspectionOf[i] = k
            }
        }
        // Order the items: Kahn's algorithm over the applicable items, treating an
        // inspection's participants as waiting for every participant's predecessors.
        var predecessors = [[Int]](repeating: [], count: n)
        for i in 0..<n where applies[i] {
            var preds = Set(dependencies.incoming[i].map(\.predecessor).filter { applies[$0] })
            if let k = inspectionOf[i] {
                for j in participants[k] where j != i {
                    preds.formUnion(dependencies.incoming[j].map(\.predecessor).filter { applies[$0] })
                }
            }
            preds.remove(i)
            predecessors[i] = preds.sorted()
        }
        var remaining = predecessors.map(\.count)
        var successors = [[Int]](repeating: [], count: n)
        for i in 0..<n { for p in predecessors[i] { successors[p].append(i) } }
        var queue = (0..<n).filter { applies[$0] && remaining[$0] == 0 }
        var finish: [Int: Double] = [:]
        var cause: [Int: Step] = [:]  // the step that decided an item's start
        var inspectionFinish = [Double?](repeating: nil, count: bundle.inspections.count)
        var inspectionCause = [Int?](repeating: nil, count: bundle.inspections.count)
        var head = 0
        while head < queue.count {
            let i = queue[head]
            head += 1
            var start = 0.0
            var startCause: Step?
            for p in predecessors[i] where startCause == nil || finish[p]! > start {
                start = finish[p]!
                startCause = .item(p)
            }
            if let k = inspectionOf[i] {
                if inspectionFinish[k] == nil {
                    inspectionFinish[k] = start + bundle.inspections[k].duration.value.workdayEquivalent
                    if case .item(let p) = startCause { inspectionCause[k] = p }
                }
                start = inspectionFinish[k]!
                startCause = .inspection(k)
            }
            finish[i] = start + items[i].promised.value.workdayEquivalent
            if let startCause { cause[i] = startCause }
            for s in successors[i] {
                remaining[s] -= 1
                if remaining[s] == 0 { queue.append(s) }
            }
        }
        // The last item to finish ends the path; walk back through the causes.
        var last: Int?
        for (i, f) in finish where last == nil || f > finish[last!]! || (f == finish[last!]! && i < last!) {
            last = i
        }
        var steps: [Step] = []
        var cursor = last
        while let i = cursor {
            steps.append(.item(i))
            switch cause[i] {
            case .item(let p): cursor = p
            case .inspection(let k):
                steps.append(.inspection(k))
                cursor = inspectionCause[k]
            case nil: cursor = nil
            }
        }
        self.workdays = last.map { finish[$0]! } ?? 0
        self.steps = steps.reversed()
        self.finish = finish
    }
}
