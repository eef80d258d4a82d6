import OneThing

extension PlanGraph {
    /// The graph in Graphviz DOT: left to right, the critical path in bold red, steps
    /// that do not apply dashed and grey.
    public var dot: String {
        var out =
            "digraph plan {\n  rankdir=LR;\n  node [shape=box, style=\"rounded\", fontname=\"Noto Sans CJK SC, sans-serif\"];\n"
        for node in nodes {
            var attributes = ["label=\(Self.dotQuote(node.label + "\n" + node.detail))"]
            switch node.kind {
            case .intake, .delivery: attributes.append("shape=ellipse")
            case .inspection: attributes.append("shape=hexagon")
            case .item: break
            }
            if !node.applies { attributes.append("style=\"rounded,dashed\", color=gray60, fontcolor=gray50") }
            if node.critical { attributes.append("color=red3, penwidth=2.5") }
            out += "  \(node.id) [\(attributes.joined(separator: ", "))];\n"
        }
        for edge in edges {
            var attributes: [String] = []
            if !edge.applies { attributes.append("style=dashed, color=gray60") }
            if edge.critical { attributes.append("color=red3, penwidth=2.5") }
            out +=
                "  \(edge.from) -> \(edge.to)"
                + (attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]") + ";\n"
        }
        return out + "}\n"
    }

    /// The graph in Mermaid: a left-to-right flowchart, the critical path in a `critical`
    /// class and its edges thick, steps that do not apply in a `skipped` class.
    public var mermaid: String {
        var out = "flowchart LR\n"
        for node in nodes {
            let label = Self.mermaidQuote(node.label + "<br/>" + node.detail)
            switch node.kind {
            case .intake, .delivery: out += "  \(node.id)([\(label)])\n"
            case .inspection: out += "  \(node.id){{\(label)}}\n"
            case .item: out += "  \(node.id)[\(label)]\n"
            }
        }
        for edge in edges {
            let arrow = edge.critical ? "==>" : edge.applies ? "-->" : "-.->"
            out += "  \(edge.from) \(arrow) \(edge.to)\n"
        }
        out +=
            "  classDef critical stroke:#c00,stroke-width:3px\n  classDef skipped stroke-dasharray:4 3,color:#888\n"
        let critical = nodes.filter(\.critical).map(\.id)
        if !critical.isEmpty { out += "  class \(critical.joined(separator: ",")) critical\n" }
        let skipped = nodes.filter { !$0.applies }.map(\.id)
        if !skipped.isEmpty { out += "  class \(skipped.joined(separator: ",")) skipped\n" }
        return out
    }

    static func dotQuote(_ text: String) -> String {
        "\""
            + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    static func mermaidQuote(_ text: String) -> String {
        "\""
            + text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "<", with: "#lt;")
            .replacingOccurrences(of: ">", with: "#gt;").replacingOccurrences(
                of: "#lt;br/#gt;", with: "<br/>") + "\""
    }
}
