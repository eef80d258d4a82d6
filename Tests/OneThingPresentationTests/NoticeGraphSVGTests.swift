import Foundation
import OneThing
import OneThingPlan
import OneThingPresentation
import Testing

@testable import OneThingPresentation

/// The task graph drawn for the notice: one box per node, none overlapping, the
/// critical path marked, and a drawing that scales.
@Suite struct NoticeGraphSVGTests {
    static let cases = [
        ("bundles/open-restaurant.yaml", NoticeFixture.restaurantWorstCase),
        ("bundles/after-death.yaml", NoticeFixture.afterDeathTypical),
    ]

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test(arguments: cases) func theSVGHasOneBoxPerNodeAndMarksTheCriticalPath(path: String, name: String)
        throws
    {
        let graph = try NoticeFixture.notice(path, case: name, start: "2026-09-25").notice.graph
        let svg = graph.svg(title: "流程图")
        #expect(Self.count("<g class=\"node ", in: svg) == graph.nodes.count)
        for node in graph.nodes {
            #expect(Self.count("id=\"pg-\(node.id)\"", in: svg) == 1)
        }
        let criticalNodes = graph.nodes.filter(\.critical)
        #expect(criticalNodes.count >= 3)  // intake, at least one step, delivery
        #expect(
            Self.count(" critical\" id=", in: svg) + Self.count(" critical skipped\" id=", in: svg)
                == criticalNodes.count)
        let criticalEdges = graph.edges.filter(\.critical)
        #expect(criticalEdges.count == criticalNodes.count - 1)
        #expect(Self.count("class=\"edge critical\"", in: svg) == criticalEdges.count)
        #expect(Self.count("marker-end=\"url(#pg-arrow-critical)\"", in: svg) == criticalEdges.count)
        #expect(Self.count("<path data-from=", in: svg) == graph.edges.count)
        let skipped = graph.nodes.filter { !$0.applies }.count
        #expect(Self.count(" skipped\" id=", in: svg) == skipped)
        #expect(
            svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plan-graph\" viewBox=\"0 0 "))
    }

    @Test(arguments: cases) func boxesDoNotOverlapAndFollowTheirLayers(path: String, name: String) throws {
        let c = try NoticeFixture.notice(path, case: name, start: "2026-09-25")
        let layout = NoticeGraphLayout(graph: c.notice.graph, notes: c.notice.graphNotes)
        let nodes = c.notice.graph.nodes
        #expect(layout.boxes.count == nodes.count)
        for a in layout.boxes {
            #expect(a.x >= 0 && a.y >= 0 && a.x + a.width <= layout.width && a.y + a.height <= layout.height)
            for b in layout.boxes where b.node > a.node {
                let apart =
                    a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y
                    || b.y + b.height <= a.y
                #expect(apart, "\(nodes[a.node].id) overlaps \(nodes[b.node].id)")
            }
        }
        // Columns by layer, left to right; every edge runs left to right.
        for a in layout.boxes {
            for b in layout.boxes where nodes[a.node].layer < nodes[b.node].layer {
                #expect(a.x < b.x)
            }
        }
        for route in layout.routes {
            #expect(route.points.count >= 2)
            #expect(zip(route.points, route.points.dropFirst()).allSatisfy { $0.x <= $1.x })
        }
        // Fits an A4 page at a readable scale: about 680 CSS pixels wide between margins.
        #expect(layout.width < 1000)
        #expect(680 / layout.width * layout.metrics.labelSize >= 9)
    }

    @Test func crossingsAreCountedBetweenAdjacentColumns() {
        // 0 → 3 and 1 → 2 cross when 2 is above 3.
        let successors = [[3], [2], [], []]
        #expect(NoticeGraphLayout.crossings([[0, 1], [2, 3]], successors: successors) == 1)
        #expect(NoticeGraphLayout.crossings([[0, 1], [3, 2]], successors: successors) == 0)
        let predecessors = [[], [], [1], [0]]
        let ordered = NoticeGraphLayout.order(
            [[0, 1], [2, 3]], predecessors: predecessors, successors: successors)
        #expect(NoticeGraphLayout.crossings(ordered, successors: successors) == 0)
    }

    @Test func isotonicRegressionPoolsViolators() {
        #expect(NoticeGraphLayout.isotonic([1, 3, 2, 4]) == [1, 2.5, 2.5, 4])
        #expect(NoticeGraphLayout.isotonic([5, 1]) == [3, 3])
    }
}
