import OneThing

/// The task graph of a plan, ready to draw: intake, every item (those that do not
/// apply marked so), joint inspections, delivery, the edges between them, and the
/// critical path. DOT, Mermaid and the notice's SVG all draw this one graph.
public struct PlanGraph: Sendable {
    /// What a node stands for.
    public enum Kind: Sendable, Hashable {
        /// Comprehensive intake (综合收件).
        case intake
        /// An item, by index into the bundle's items.
        case item(Int)
        /// A joint inspection, by index into the bundle's inspections.
        case inspection(Int)
        /// Unified delivery (统一出件).
        case delivery
    }

    /// A node.
    public struct Node: Sendable, Hashable {
        /// A stable id for drawing tools: `intake`, `item_food_permit`, `inspection_site`, `delivery`.
        public let id: String
        /// What it stands for.
        public let kind: Kind
        /// The label: the name, and the department and limit for items.
        public let label: String
        /// A second line: department and promised limit.
        public let detail: String
        /// Whether the step takes place for this applicant.
        public let applies: Bool
        /// Whether it lies on the critical path.
        public let critical: Bool
        /// Its column when drawn left to right: the length of the longest chain of steps before it.
        public let layer: Int
    }

    /// An edge: `to` waits for `from`.
    public struct Edge: Sendable, Hashable {
        /// The node waited for.
        public let from: String
        /// The waiting node.
        public let to: String
        /// Whether both ends take place for this applicant.
        public let applies: Bool
        /// Whether it lies on the critical path.
        public let critical: Bool
    }

    /// The nodes, intake first and delivery last.
    public let nodes: [Node]
    /// The edges.
    public let edges: [Edge]

    /// The graph of `plan`, labelled with the catalogue's department names in `language`.
    public init(plan: Plan, catalogue: Catalogue, language: Language) {
        let bundle = plan.bundle
        let graph = plan.graph
        let dependencies = ItemDependencies(bundle: bundle)
        let applies = graph.applies
        var critical = Set<Kind>()
        // The chain that decides the delivery: with time not counted, it may differ from
        // the path the promise is checked on (plan.criticalPath).
        for step in CriticalPath(bundle: bundle, graph: graph, counting: .elapsed).steps {
            switch step {
            case .item(let i): critical.insert(.item(i))
            case .inspection(let k): critical.insert(.inspection(k))
            }
        }
        if !critical.isEmpty {
            critical.insert(.intake)
            critical.insert(.delivery)
        }
        func id(_ kind: Kind) -> String {
            switch kind {
            case .intake: "intake"
            case .delivery: "delivery"
            case .item(let i): "item_" + bundle.items[i].id.value.replacingOccurrences(of: "-", with: "_")
            case .inspection(let k):
                "inspection_" + bundle.inspections[k].id.value.replacingOccurrences(of: "-", with: "_")
            }
        }
        // Which inspection each item takes part in, among all items (drawn even when not applying).
        let inspectionIndex = Dictionary(
            bundle.inspections.enumerated().map { ($0.element.id.value, $0.offset) },
            uniquingKeysWith: { a, _ in a })
        var edges: [Edge] = []
        var predecessors: [Kind: [Kind]] = [:]
        func connect(_ from: Kind, _ to: Kind, applies: Bool) {
            guard !(predecessors[to]?.contains(from) ?? false) else { return }
            predecessors[to, default: []].append(from)
            let onPath =
                critical.contains(from) && critical.contains(to)
                && Self.adjacent(from, to, in: plan.criticalPath.steps)
            edges.append(Edge(from: id(from), to: id(to), applies: applies, critical: onPath))
        }
        var hasSuccessor = Set<Int>()
        for (i, item) in bundle.items.enumerated() {
            // Each item waited for once; the wait holds when one of its edges does (an
            // edge of a need with a condition holds only where the need applies).
            var waits: [Kind] = []
            var holds: [Kind: Bool] = [:]
            for edge in dependencies.incoming[i] {
                let kind = Kind.item(edge.predecessor)
                if holds[kind] == nil { waits.append(kind) }
                holds[kind] = (holds[kind] ?? false) || dependencies.holds(edge, in: graph.needs)
                hasSuccessor.insert(edge.predecessor)
            }
            if let name = item.inspection?.value, let k = inspectionIndex[name] {
                for p in waits {
                    connect(
                        p, .inspection(k), applies: applies[i] && Self.applies(p, applies) && holds[p] == true
                    )
                }
                if waits.isEmpty { connect(.intake, .inspection(k), applies: applies[i]) }
                waits = [.inspection(k)]
            }
            if waits.isEmpty { waits = [.intake] }
            for p in waits {
                connect(p, .item(i), applies: applies[i] && Self.applies(p, applies) && holds[p] != false)
            }
        }
        for (i, _) in bundle.items.enumerated() where !hasSuccessor.contains(i) {
            connect(.item(i), .delivery, applies: applies[i])
        }
        if bundle.items.isEmpty { connect(.intake, .delivery, applies: true) }
        // Layers: the longest chain of edges from intake.
        var layer: [Kind: Int] = [.intake: 0]
        var changed = true
        var rounds = 0
        while changed, rounds <= bundle.items.count + bundle.inspections.count + 2 {
            changed = false
            rounds += 1
            for (to, froms) in predecessors {
                let value = (froms.compactMap { layer[$0] }.max() ?? 0) + 1
                if layer[to] != value, froms.allSatisfy({ layer[$0] != nil }) {
                    layer[to] = value
                    changed = true
                }
            }
        }
        var kinds: [Kind] = [.intake]
        kinds += bundle.inspections.indices.filter { k in predecessors[.inspection(k)] != nil }.map {
            Kind.inspection($0)
        }
        kinds += bundle.items.indices.map { Kind.item($0) }
        kinds.append(.delivery)
        let say = { (en: String, zh: String) in language == .zh ? zh : en }
        let limit = { (l: TimeLimit) in
            l.amount == 0
                ? say("on the spot", "当场办结") : language == .zh ? l.chineseDescription : l.description
        }
        let nodes = kinds.map { kind -> Node in
            switch kind {
            case .intake:
                return Node(
                    id: id(kind), kind: kind, label: say("Intake", "综合收件"), detail: say("one window", "一窗受理"),
                    applies: true, critical: critical.contains(kind), layer: 0)
            case .delivery:
                return Node(
                    id: id(kind), kind: kind, label: say("Delivery", "统一出件"),
                    detail: say("one window", "一窗出件"),
                    applies: true, critical: critical.contains(kind), layer: layer[kind] ?? 1)
            case .item(let i):
                let item = bundle.items[i]
                let department =
                    catalogue.departments[item.department.value].map {
                        language == .zh ? $0.name : ($0.englishName ?? $0.name)
                    }
                    ?? item.department.value
                return Node(
                    id: id(kind), kind: kind, label: item.name,
                    detail: "\(department) · "
                        + UncountedTime.stepTime(
                            limit(plan.promised(ofItem: i)), item.notCounted, in: language),
                    applies: applies[i], critical: critical.contains(kind), layer: layer[kind] ?? 1)
            case .inspection(let k):
                let inspection = bundle.inspections[k]
                return Node(
                    id: id(kind), kind: kind, label: inspection.name,
                    detail: say("joint inspection", "联合勘验") + " · \(limit(inspection.duration.value))",
                    applies: !graph.participants[k].isEmpty, critical: critical.contains(kind),
                    layer: layer[kind] ?? 1)
            }
        }
        self.nodes = nodes
        self.edges = edges
    }

    static func applies(_ kind: Kind, _ applies: [Bool]) -> Bool {
        if case .item(let i) = kind { return applies[i] }
        return true
    }

    /// Whether `from` comes right before `to` on the critical path (intake before the
    /// first step, delivery after the last).
    static func adjacent(_ from: Kind, _ to: Kind, in steps: [CriticalPath.Step]) -> Bool {
        let path: [Kind] =
            [.intake]
            + steps.map {
                switch $0 {
                case .item(let i): Kind.item(i)
                case .inspection(let k): Kind.inspection(k)
                }
            } + [.delivery]
        return zip(path, path.dropFirst()).contains { $0 == from && $1 == to }
    }
}
