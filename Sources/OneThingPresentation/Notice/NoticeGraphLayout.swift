import OneThing

/// A layered left-to-right drawing of a ``PlanGraph``: columns by ``PlanGraph/Node/layer``,
/// rows ordered to reduce crossings, boxes sized to their wrapped text, and edges
/// routed around the boxes between them.
///
/// The steps are the usual ones for layered drawings (Sugiyama): an edge that spans
/// several columns gets a waypoint in every column it passes; the rows of each column
/// are ordered by the barycentre of their neighbours, sweeping left and right, keeping
/// the order with the fewest crossings; each column's rows are then placed as close to
/// their neighbours' centres as their heights allow (an isotonic regression), and
/// edges run at right angles along shared tracks between the columns
/// (`NoticeGraphLayout+Routing.swift`).
struct NoticeGraphLayout: Sendable {
    /// A point.
    struct Point: Sendable, Hashable {
        var x: Double
        var y: Double
    }

    /// A drawn node: its box and its lines of text.
    struct Box: Sendable {
        /// The index of the node in the graph's nodes.
        let node: Int
        /// The left edge.
        let x: Double
        /// The top edge.
        let y: Double
        /// The width.
        let width: Double
        /// The height.
        let height: Double
        /// The label's lines.
        let label: [String]
        /// The detail's lines.
        let detail: [String]
    }

    /// A drawn edge: the points it passes, first the source's port, last the target's.
    struct Route: Sendable {
        /// The index of the edge in the graph's edges.
        let edge: Int
        /// The points, at least two.
        let points: [Point]
    }

    /// Sizes of the drawing, in pixels.
    struct Metrics: Sendable {
        var boxWidth = 124.0
        var columnGap = 40.0
        var rowGap = 12.0
        var laneGap = 8.0
        var trackGap = 10.0
        var hexagonInset = 10.0
        var trackMargin = 14.0
        var padding = 8.0
        var labelSize = 12.5
        var detailSize = 10.5
        var lineHeight = 1.3
        var margin = 12.0
    }

    /// The boxes, one per node, in the order of the graph's nodes.
    let boxes: [Box]
    /// The routes, one per edge, in the order of the graph's edges.
    let routes: [Route]
    /// The width of the drawing.
    let width: Double
    /// The height of the drawing.
    let height: Double
    /// The sizes used.
    let metrics: Metrics

    /// Lays out `graph`; `notes` adds a line to the detail of the nodes it names.
    init(graph: PlanGraph, notes: [PlanGraph.Kind: String] = [:], metrics: Metrics = Metrics()) {
        self.metrics = metrics
        let nodes = graph.nodes
        let index = Dictionary(
            nodes.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        // Text and heights of the real nodes.
        let labelWrap = NoticeTextWrapping(fontSize: metrics.labelSize)
        let detailWrap = NoticeTextWrapping(fontSize: metrics.detailSize)
        let textWidth = metrics.boxWidth - 2 * metrics.padding
        var labels: [[String]] = []
        var details: [[String]] = []
        var heights: [Double] = []
        for node in nodes {
            // A hexagon's slanted sides take room from its text.
            let width: Double
            if case .inspection = node.kind {
                width = textWidth - 2 * metrics.hexagonInset
            } else {
                width = textWidth
            }
            let label = labelWrap.lines(node.label, width: width)
            var detail = node.detail.components(separatedBy: " · ").flatMap {
                detailWrap.lines($0, width: width)
            }
            if let note = notes[node.kind] { detail += detailWrap.lines(note, width: width) }
            labels.append(label)
            details.append(detail)
            heights.append(
                2 * metrics.padding + Double(label.count) * metrics.labelSize * metrics.lineHeight
                    + Double(detail.count) * metrics.detailSize * metrics.lineHeight)
        }
        // Virtual nodes: the real ones, then one waypoint per column an edge passes.
        var layer = nodes.map(\.layer)
        var height = heights
        var chains: [[Int]] = []  // per edge: the virtual nodes it runs through, source to target
        var predecessors = [[Int]](repeating: [], count: nodes.count)
        var successors = [[Int]](repeating: [], count: nodes.count)
        for edge in graph.edges {
            guard let from = index[edge.from], let to = index[edge.to] else {
                chains.append([])
                continue
            }
            var chain = [from]
            if layer[to] - layer[from] > 1 {
                for column in (layer[from] + 1)..<layer[to] {
                    layer.append(column)
                    height.append(0)
                    predecessors.append([])
                    successors.append([])
                    chain.append(layer.count - 1)
                }
            }
            chain.append(to)
            for (a, b) in zip(chain, chain.dropFirst()) {
                successors[a].append(b)
                predecessors[b].append(a)
            }
            chains.append(chain)
        }
        let columnCount = (layer.max() ?? 0) + 1
        var columns = [[Int]](repeating: [], count: columnCount)
        for v in layer.indices { columns[max(0, layer[v])].append(v) }
        columns = Self.order(columns, predecessors: predecessors, successors: successors)
        let centres = Self.place(
            columns, heights: height, predecessors: predecessors, successors: successors, metrics: metrics)
        // Boxes, in columns as wide as their boxes and gaps as wide as their edges need.
        let top = (0..<layer.count).map { centres[$0] - height[$0] / 2 }.min() ?? 0
        let shifted = centres.map { $0 + metrics.margin - top }
        let routing = Self.route(
            chains: chains, layer: layer, centres: shifted, isReal: { $0 < nodes.count },
            columnCount: columnCount,
            metrics: metrics)
        boxes = nodes.indices.map { v in
            Box(
                node: v, x: routing.columnX[max(0, layer[v])], y: shifted[v] - height[v] / 2,
                width: metrics.boxWidth,
                height: height[v], label: labels[v], detail: details[v])
        }
        routes = routing.routes
        width = (routing.columnX.last ?? 0) + metrics.boxWidth + metrics.margin
        let bottom = (0..<layer.count).map { shifted[$0] + height[$0] / 2 }.max() ?? 0
        self.height = bottom + metrics.margin
    }

    // MARK: - Ordering

    /// The columns reordered by barycentre sweeps; the order with the fewest crossings wins.
    static func order(_ columns: [[Int]], predecessors: [[Int]], successors: [[Int]]) -> [[Int]] {
        var current = columns
        var best = columns
        var bestCrossings = crossings(columns, successors: successors)
        for sweep in 0..<12 {
            let rightward = sweep % 2 == 0
            let range =
                rightward ? Array(current.indices.dropFirst()) : Array(current.indices.dropLast().reversed())
            for c in range {
                let neighbourColumn = rightward ? c - 1 : c + 1
                var position: [Int: Double] = [:]
                for (row, v) in current[neighbourColumn].enumerated() { position[v] = Double(row) }
                let previous = Dictionary(current[c].enumerated().map { ($0.element, Double($0.offset)) }) {
                    a, _ in a
                }
                let keyed = current[c].map { v -> (Int, Double) in
                    let neighbours = (rightward ? predecessors[v] : successors[v]).compactMap { position[$0] }
                    guard !neighbours.isEmpty else { return (v, previous[v] ?? 0) }
                    return (v, neighbours.reduce(0, +) / Double(neighbours.count))
                }
                current[c] = keyed.enumerated().sorted { a, b in
                    a.element.1 != b.element.1 ? a.element.1 < b.element.1 : a.offset < b.offset
                }.map(\.element.0)
            }
            let count = crossings(current, successors: successors)
            if count < bestCrossings {
                best = current
                bestCrossings = count
            }
        }
        return best
    }

    /// The number of pairs of edges that cross between adjacent columns.
    static func crossings(_ columns: [[Int]], successors: [[Int]]) -> Int {
        var total = 0
        for c in columns.indices.dropLast() {
            var row: [Int: Int] = [:]
            for (r, v) in columns[c + 1].enumerated() { row[v] = r }
            var segments: [(Int, Int)] = []
            for (r, v) in columns[c].enumerated() {
                for s in successors[v] { if let target = row[s] { segments.append((r, target)) } }
            }
            for i in segments.indices {
                for j in segments.indices where j > i {
                    let (a, b) = (segments[i], segments[j])
                    if (a.0 - b.0) * (a.1 - b.1) < 0 { total += 1 }
                }
            }
        }
        return total
    }

    // MARK: - Placement

    /// The vertical centre of every virtual node: each column keeps its order and its
    /// gaps, and each node moves toward the mean centre of its neighbours.
    static func place(
        _ columns: [[Int]], heights: [Double], predecessors: [[Int]], successors: [[Int]], metrics: Metrics
    ) -> [Double] {
        var centre = [Double](repeating: 0, count: heights.count)
        func gap(_ a: Int, _ b: Int) -> Double {
            let lanes = heights[a] == 0 && heights[b] == 0
            return heights[a] / 2 + heights[b] / 2 + (lanes ? metrics.laneGap : metrics.rowGap)
        }
        for column in columns {
            var y = 0.0
            for (row, v) in column.enumerated() {
                if row > 0 { y += gap(column[row - 1], v) }
                centre[v] = y
            }
        }
        // Centre every column on the tallest one before relaxing.
        let extents = columns.map { column in
            guard let first = column.first, let last = column.last else { return 0.0 }
            return centre[last] - centre[first]
        }
        let tallest = extents.max() ?? 0
        for (c, column) in columns.enumerated() {
            for v in column { centre[v] += (tallest - extents[c]) / 2 }
        }
        // An odd number of rounds, so that the last sweeps rightward and every waypoint
        // ends level with where its edge comes from.
        let rounds = 17
        for round in 0..<rounds {
            let rightward = round % 2 == 0
            let order = rightward ? Array(columns.indices) : Array(columns.indices.reversed())
            for c in order where !columns[c].isEmpty {
                let column = columns[c]
                let wanted = column.map { v -> Double in
                    // A waypoint stays level with where its edge comes from, so that long
                    // edges run straight until they turn into their target; the last
                    // sweep levels every node with what it comes from.
                    let last = round == rounds - 1 && !predecessors[v].isEmpty
                    let neighbours =
                        heights[v] == 0 || last ? predecessors[v] : predecessors[v] + successors[v]
                    guard !neighbours.isEmpty else { return centre[v] }
                    return neighbours.map { centre[$0] }.reduce(0, +) / Double(neighbours.count)
                }
                var offsets = [0.0]
                for row in column.indices.dropFirst() {
                    offsets.append(offsets[row - 1] + gap(column[row - 1], column[row]))
                }
                let fitted = isotonic(zip(wanted, offsets).map { $0 - $1 })
                for row in column.indices { centre[column[row]] = fitted[row] + offsets[row] }
            }
        }
        return centre
    }

    /// The non-decreasing sequence closest to `values` in least squares (pool adjacent violators).
    static func isotonic(_ values: [Double]) -> [Double] {
        var blocks: [(sum: Double, count: Double)] = []
        for value in values {
            blocks.append((value, 1))
            while blocks.count > 1,
                blocks[blocks.count - 2].sum / blocks[blocks.count - 2].count
                    > blocks[blocks.count - 1].sum / blocks[blocks.count - 1].count
            {
                let last = blocks.removeLast()
                blocks[blocks.count - 1].sum += last.sum
                blocks[blocks.count - 1].count += last.count
            }
        }
        return blocks.flatMap { Array(repeating: $0.sum / $0.count, count: Int($0.count)) }
    }
}
