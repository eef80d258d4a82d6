import OneThing

extension NoticeGraphLayout {
    /// Where the columns are and how the edges run between them.
    struct Routing {
        /// The left edge of each column.
        var columnX: [Double]
        /// The routes, one per edge that has both ends.
        var routes: [Route]
    }

    /// Which edges share a vertical track in one gap between columns.
    enum Track: Hashable {
        /// The edges leaving one node (a fan-out).
        case from(Int)
        /// The edges entering one node (a fan-in).
        case into(Int)
        /// One edge alone.
        case alone(Int)
    }

    /// Routes every edge with right angles: level out of its source, along a vertical
    /// track in each gap where it changes height, level into its target. Edges that
    /// leave one node together share a track (a bus), and so do edges that enter one
    /// node together; each gap is as wide as its tracks need.
    ///
    /// - Parameters:
    ///   - chains: For each edge, the virtual nodes it runs through, source first.
    ///   - layer: The column of every virtual node.
    ///   - centres: The vertical centre of every virtual node.
    ///   - isReal: Whether a virtual node is a node of the graph (not a waypoint).
    static func route(
        chains: [[Int]], layer: [Int], centres: [Double], isReal: (Int) -> Bool, columnCount: Int,
        metrics: Metrics
    ) -> Routing {
        struct Segment {
            let edge: Int
            let from: Int
            let to: Int
        }
        let gapCount = max(0, columnCount - 1)
        var segments = [[Segment]](repeating: [], count: gapCount)
        for (e, chain) in chains.enumerated() {
            for (a, b) in zip(chain, chain.dropFirst()) where layer[b] == layer[a] + 1 && layer[a] >= 0 {
                segments[layer[a]].append(Segment(edge: e, from: a, to: b))
            }
        }
        // Tracks per gap: a segment that changes height joins the bus of its source or
        // its target, whichever gathers more edges.
        var track: [[Int: Track]] = Array(repeating: [:], count: gapCount)  // edge → track, per gap
        var tracks: [[Track]] = Array(repeating: [], count: gapCount)
        for g in 0..<gapCount {
            var out: [Int: Int] = [:]
            var into: [Int: Int] = [:]
            for s in segments[g] {
                if isReal(s.from) { out[s.from, default: 0] += 1 }
                if isReal(s.to) { into[s.to, default: 0] += 1 }
            }
            var used: [Track: Double] = [:]  // track → the height that orders it
            for s in segments[g] where abs(centres[s.from] - centres[s.to]) > 0.5 {
                let fanOut = out[s.from] ?? 0
                let fanIn = into[s.to] ?? 0
                let chosen: Track
                let key: Double
                if fanOut >= 2, fanOut >= fanIn {
                    (chosen, key) = (.from(s.from), centres[s.from])
                } else if fanIn >= 2 {
                    (chosen, key) = (.into(s.to), centres[s.to])
                } else {
                    (chosen, key) = (.alone(s.edge), centres[s.from])
                }
                track[g][s.edge] = chosen
                used[chosen] = key
            }
            // Fan-outs nearest their sources, fan-ins nearest their targets.
            func rank(_ t: Track) -> Int {
                switch t {
                case .from: 0
                case .alone: 1
                case .into: 2
                }
            }
            tracks[g] = used.keys.sorted { a, b in
                rank(a) != rank(b) ? rank(a) < rank(b) : (used[a] ?? 0, "\(a)") < (used[b] ?? 0, "\(b)")
            }
        }
        var columnX: [Double] = [metrics.margin]
        var gapWidth: [Double] = []
        for g in 0..<gapCount {
            let width = max(
                metrics.columnGap, 2 * metrics.trackMargin + Double(tracks[g].count - 1) * metrics.trackGap)
            gapWidth.append(width)
            columnX.append(columnX[g] + metrics.boxWidth + width)
        }
        func trackX(_ g: Int, _ t: Track) -> Double {
            let index = tracks[g].firstIndex(of: t) ?? 0
            let left = columnX[g] + metrics.boxWidth + metrics.trackMargin
            let span = gapWidth[g] - 2 * metrics.trackMargin
            return tracks[g].count == 1
                ? left + span / 2 : left + span * Double(index) / Double(tracks[g].count - 1)
        }
        var routes: [Route] = []
        for (e, chain) in chains.enumerated() where chain.count >= 2 {
            let first = chain[0]
            var points = [Point(x: columnX[max(0, layer[first])] + metrics.boxWidth, y: centres[first])]
            for (a, b) in zip(chain, chain.dropFirst()) {
                let g = layer[a]
                if g >= 0, g < gapCount, let t = track[g][e] {
                    let x = trackX(g, t)
                    points.append(Point(x: x, y: centres[a]))
                    points.append(Point(x: x, y: centres[b]))
                }
                points.append(Point(x: columnX[max(0, layer[b])], y: centres[b]))
                if !isReal(b) { points.append(Point(x: columnX[layer[b]] + metrics.boxWidth, y: centres[b])) }
            }
            routes.append(Route(edge: e, points: points))
        }
        return Routing(columnX: columnX, routes: routes)
    }
}
