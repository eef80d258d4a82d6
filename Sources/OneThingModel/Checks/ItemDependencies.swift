import OneThingSource

/// Which items wait for which: B waits for A when B names A in `after:`, or needs
/// an output A produces (directly, or through a material whose source is that output).
///
/// One implementation serves the validator's cycle check and the planner's DAG.
public struct ItemDependencies: Sendable {
    /// One reason an item waits for another.
    public struct Edge: Hashable, Sendable {
        /// The item waited for (by index into the bundle's items).
        public var predecessor: Int
        /// The waiting item.
        public var successor: Int
        /// The reference that makes it wait (the `after:` or `needs:` entry).
        public var via: Located<String>
        /// With a need that has a condition: its index in the waiting item's needs. The
        /// item waits through this edge only where that need applies (``NeedSelection``).
        public var need: Int? = nil
    }

    /// For each item, the edges into it.
    public let incoming: [[Edge]]
    /// The indices of the items that produce each output id.
    public let producers: [String: [Int]]

    /// Works out the edges of `bundle`; references to unknown things are left out
    /// (the reference checks report them).
    public init(bundle: ServiceBundle) {
        var producers: [String: [Int]] = [:]
        for (index, item) in bundle.items.enumerated() {
            for output in item.produces { producers[output.value, default: []].append(index) }
        }
        let itemIndex = Dictionary(
            bundle.items.enumerated().map { ($0.element.id.value, $0.offset) },
            uniquingKeysWith: { a, _ in a })
        var materialOutput: [String: String] = [:]
        for material in bundle.materials where material.source == .output {
            if let output = material.output { materialOutput[material.id.value] = output.value }
        }
        var incoming = [[Edge]](repeating: [], count: bundle.items.count)
        for (index, item) in bundle.items.enumerated() {
            // One edge per predecessor, and one more per conditional need through which
            // the item also waits for it (that edge holds only where the need applies).
            var seen = Set<Int>()
            var seenConditional = Set<[Int]>()
            func add(_ predecessor: Int, via: Located<String>, need: Int?) {
                if let need {
                    guard !seen.contains(predecessor), seenConditional.insert([predecessor, need]).inserted
                    else { return }
                } else {
                    guard seen.insert(predecessor).inserted else { return }
                }
                incoming[index].append(Edge(predecessor: predecessor, successor: index, via: via, need: need))
            }
            for name in item.after {
                if let p = itemIndex[name.value] { add(p, via: name, need: nil) }
            }
            // Unconditional needs first, so that a conditional need adds no edge to a
            // predecessor the item waits for anyway.
            let order =
                item.needs.indices.filter { item.needs[$0].when == nil }
                + item.needs.indices.filter { item.needs[$0].when != nil }
            for n in order {
                let need = item.needs[n]
                for id in need.choices {
                    let output = materialOutput[id.value] ?? id.value
                    for p in producers[output] ?? [] { add(p, via: id, need: need.when == nil ? nil : n) }
                }
            }
        }
        self.incoming = incoming
        self.producers = producers
    }

    /// Whether `edge` holds for an applicant: it does not come from a conditional need,
    /// or that need applies in `needs`.
    public func holds(_ edge: Edge, in needs: NeedSelection) -> Bool {
        edge.need.map { needs.applies(item: edge.successor, need: $0) } ?? true
    }

    /// Whether the item at `successor` waits for the one at `predecessor` for every
    /// applicant: through edges that hold everywhere (`after:`, needs without a
    /// condition), directly or through other items. An item does not wait for itself.
    public func alwaysWaits(_ successor: Int, for predecessor: Int) -> Bool {
        var seen = Set<Int>()
        var pending = [successor]
        while let item = pending.popLast() {
            for edge in incoming[item] where edge.need == nil && seen.insert(edge.predecessor).inserted {
                if edge.predecessor == predecessor { return true }
                pending.append(edge.predecessor)
            }
        }
        return false
    }

    /// Every cycle's path, found by depth-first search: each as the items in order,
    /// each with the reference through which it waits for the previous one.
    /// Each cycle is reported once, starting at its item that comes first in the file.
    public func cycles(in bundle: ServiceBundle) -> [[(item: Located<String>, via: Located<String>)]] {
        let n = incoming.count
        // outgoing[a] = edges a → b (b waits for a).
        var outgoing = [[Edge]](repeating: [], count: n)
        for edges in incoming { for edge in edges { outgoing[edge.predecessor].append(edge) } }
        var state = [UInt8](repeating: 0, count: n)  // 0 new, 1 on stack, 2 done
        var stack: [Edge] = []
        var found: [[(item: Located<String>, via: Located<String>)]] = []
        var reported = Set<[Int]>()

        func visit(_ a: Int) {
            state[a] = 1
            for edge in outgoing[a] {
                let b = edge.successor
                if state[b] == 1 {
                    // The cycle is b … a → b: the stack's edges from the one leaving b.
                    var path: [Edge] = []
                    if let start = stack.lastIndex(where: { $0.predecessor == b }) {
                        path = Array(stack[start...])
                    } else if a != b {
                        continue
                    }
                    path.append(edge)
                    let members = path.map(\.successor)
                    let key = members.sorted()
                    guard reported.insert(key).inserted else { continue }
                    // Rotate so the cycle starts at the member that comes first in the file.
                    guard let first = members.indices.min(by: { members[$0] < members[$1] }) else { continue }
                    let rotated = Array(path[first...] + path[..<first])
                    found.append(rotated.map { (item: bundle.items[$0.successor].id, via: $0.via) })
                } else if state[b] == 0 {
                    stack.append(edge)
                    visit(b)
                    stack.removeLast()
                }
            }
            state[a] = 2
        }
        for a in 0..<n where state[a] == 0 { visit(a) }
        return found
    }
}
