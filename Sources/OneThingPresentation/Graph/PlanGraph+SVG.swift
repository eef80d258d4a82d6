import Foundation
import OneThing
import OneThingCalendar

extension PlanGraph {
    /// The graph as a self-contained SVG, drawn left to right in layers (see
    /// ``NoticeGraphLayout``): one box per node with its text wrapped, arrows between
    /// them, the critical path red and bold, steps that do not apply dashed and grey.
    ///
    /// The drawing scales with its `viewBox`: set its CSS width to fit the page.
    ///
    /// - Parameters:
    ///   - title: The accessible title of the drawing.
    ///   - notes: An extra line of detail for the nodes it names (a due date).
    public func svg(title: String, notes: [Kind: String] = [:]) -> String {
        let layout = NoticeGraphLayout(graph: self, notes: notes)
        let metrics = layout.metrics
        let width = Self.number(layout.width)
        let height = Self.number(layout.height)
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="plan-graph" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-label="\(NoticeMarkup.escape(title))" \
            font-family="\(Self.fonts)">
            <title>\(NoticeMarkup.escape(title))</title>
            <defs>
            \(Self.marker("pg-arrow", color: Self.ink))
            \(Self.marker("pg-arrow-critical", color: Self.red))
            \(Self.marker("pg-arrow-skipped", color: Self.grey))
            </defs>

            """
        // Edges that do not apply first, the critical path last, so that it is on top.
        let routes = layout.routes.sorted { a, b in
            rank(edges[a.edge]) != rank(edges[b.edge])
                ? rank(edges[a.edge]) < rank(edges[b.edge]) : a.edge < b.edge
        }
        out += "<g class=\"edges\" fill=\"none\">\n"
        for route in routes {
            let edge = edges[route.edge]
            let style: String
            if edge.critical {
                style =
                    "class=\"edge critical\" stroke=\"\(Self.red)\" stroke-width=\"2.6\" marker-end=\"url(#pg-arrow-critical)\""
            } else if edge.applies {
                style =
                    "class=\"edge\" stroke=\"\(Self.ink)\" stroke-width=\"1.1\" marker-end=\"url(#pg-arrow)\""
            } else {
                style =
                    "class=\"edge skipped\" stroke=\"\(Self.grey)\" stroke-width=\"1\" stroke-dasharray=\"4 3\" marker-end=\"url(#pg-arrow-skipped)\""
            }
            out +=
                "<path data-from=\"\(edge.from)\" data-to=\"\(edge.to)\" \(style) d=\"\(Self.path(route.points))\"/>\n"
        }
        out += "</g>\n<g class=\"nodes\">\n"
        for box in layout.boxes {
            out += nodeSVG(nodes[box.node], box: box, metrics: metrics)
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// The drawing order of an edge: not applying, applying, critical.
    private func rank(_ edge: Edge) -> Int { edge.critical ? 2 : edge.applies ? 1 : 0 }

    /// One node: its shape and its lines of text.
    private func nodeSVG(_ node: Node, box: NoticeGraphLayout.Box, metrics: NoticeGraphLayout.Metrics)
        -> String
    {
        var classes = ["node"]
        switch node.kind {
        case .intake: classes.append("intake")
        case .delivery: classes.append("delivery")
        case .item: classes.append("item")
        case .inspection: classes.append("inspection")
        }
        if node.critical { classes.append("critical") }
        if !node.applies { classes.append("skipped") }
        let stroke = node.critical ? Self.red : node.applies ? Self.ink : Self.grey
        let fill: String
        switch (node.applies, node.critical, node.kind) {
        case (false, _, _): fill = "#f7f7f7"
        case (true, true, _): fill = "#fff1f0"
        case (true, false, .intake), (true, false, .delivery): fill = "#eef3fb"
        case (true, false, .inspection): fill = "#fdf8e8"
        default: fill = "#ffffff"
        }
        var paint = "fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(node.critical ? "2.6" : "1.2")\""
        if !node.applies { paint += " stroke-dasharray=\"5 3\"" }
        let (x, y, w, h) = (box.x, box.y, box.width, box.height)
        let shape: String
        switch node.kind {
        case .intake, .delivery:
            shape =
                "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(w))\" height=\"\(Self.number(h))\" rx=\"\(Self.number(min(h / 2, 18)))\" \(paint)/>"
        case .inspection:
            let inset = min(metrics.hexagonInset, h / 3)
            let points = [
                (x + inset, y), (x + w - inset, y), (x + w, y + h / 2), (x + w - inset, y + h),
                (x + inset, y + h),
                (x, y + h / 2),
            ].map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
            shape = "<polygon points=\"\(points)\" \(paint)/>"
        case .item:
            shape =
                "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(w))\" height=\"\(Self.number(h))\" rx=\"5\" \(paint)/>"
        }
        var text = ""
        let centreX = Self.number(x + w / 2)
        var baseline = y + metrics.padding
        let labelColour = node.applies ? "#111111" : "#777777"
        let detailColour = node.applies ? "#444444" : "#8a8a8a"
        for line in box.label {
            baseline += metrics.labelSize * metrics.lineHeight
            text +=
                "<text x=\"\(centreX)\" y=\"\(Self.number(baseline - metrics.labelSize * 0.28))\" font-size=\"\(Self.number(metrics.labelSize))\" font-weight=\"600\" fill=\"\(labelColour)\">\(NoticeMarkup.escape(line))</text>"
        }
        for line in box.detail {
            baseline += metrics.detailSize * metrics.lineHeight
            text +=
                "<text x=\"\(centreX)\" y=\"\(Self.number(baseline - metrics.detailSize * 0.28))\" font-size=\"\(Self.number(metrics.detailSize))\" fill=\"\(detailColour)\">\(NoticeMarkup.escape(line))</text>"
        }
        return
            "<g class=\"\(classes.joined(separator: " "))\" id=\"pg-\(node.id)\" text-anchor=\"middle\">\(shape)\(text)</g>\n"
    }

    /// A path through `points`, which turn at right angles: straight lines with
    /// rounded corners.
    private static func path(_ points: [NoticeGraphLayout.Point]) -> String {
        var kept: [NoticeGraphLayout.Point] = []
        for point in points {
            if let last = kept.last, abs(last.x - point.x) < 0.05, abs(last.y - point.y) < 0.05 { continue }
            if kept.count >= 2 {
                let (a, b) = (kept[kept.count - 2], kept[kept.count - 1])
                let collinear =
                    (abs(a.x - b.x) < 0.05 && abs(b.x - point.x) < 0.05)
                    || (abs(a.y - b.y) < 0.05 && abs(b.y - point.y) < 0.05)
                if collinear { kept.removeLast() }
            }
            kept.append(point)
        }
        guard let first = kept.first else { return "" }
        var d = "M\(number(first.x)),\(number(first.y))"
        for index in kept.indices.dropFirst() {
            let point = kept[index]
            guard index + 1 < kept.count else {
                d += " L\(number(point.x)),\(number(point.y))"
                break
            }
            let (previous, next) = (kept[index - 1], kept[index + 1])
            let incoming = hypot(point.x - previous.x, point.y - previous.y)
            let outgoing = hypot(next.x - point.x, next.y - point.y)
            let radius = min(6, incoming / 2, outgoing / 2)
            let before = NoticeGraphLayout.Point(
                x: point.x - (point.x - previous.x) / incoming * radius,
                y: point.y - (point.y - previous.y) / incoming * radius)
            let after = NoticeGraphLayout.Point(
                x: point.x + (next.x - point.x) / outgoing * radius,
                y: point.y + (next.y - point.y) / outgoing * radius)
            d +=
                " L\(number(before.x)),\(number(before.y)) Q\(number(point.x)),\(number(point.y)) \(number(after.x)),\(number(after.y))"
        }
        return d
    }

    /// An arrowhead whose tip is the end of the line.
    private static func marker(_ id: String, color: String) -> String {
        """
        <marker id="\(id)" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" \
        markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="\(color)"/></marker>
        """
    }

    /// A coordinate with at most one decimal.
    private static func number(_ value: Double) -> String {
        DecimalText.trimmed(value, places: 1)
    }

    private static let ink = "#3c4450"
    private static let red = "#c8102e"
    private static let grey = "#9a9a9a"
    private static let fonts =
        "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
}
