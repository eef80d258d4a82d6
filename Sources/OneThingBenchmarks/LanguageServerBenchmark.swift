import Foundation
import OneThing
import OneThingLanguageServer

/// Measures the language server's latency as an editor sees it: the time from a
/// `didChange` of a bundle (the whole text, as full sync sends it) to its
/// `publishDiagnostics` encoded and framed, ready to write.
public struct LanguageServerBenchmark: Sendable {
    /// The figures of one run.
    public struct Figures: Sendable {
        /// The bundle edited.
        public var path: String
        /// Its number of lines.
        public var lines: Int
        /// The latency of every edit, in seconds, in the order measured.
        public var latencies: [Double]
        /// How many findings the last edit published (the edits alternate between the
        /// clean file and one with a misspelt key, so every other one publishes one).
        public var lastFindings: Int

        /// The median latency.
        public var median: Double { percentile(0.5) }
        /// The 95th percentile.
        public var p95: Double { percentile(0.95) }
        /// The longest.
        public var maximum: Double { latencies.max() ?? 0 }

        /// The latency below which `fraction` of the edits fall.
        func percentile(_ fraction: Double) -> Double {
            let sorted = latencies.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
        }
    }

    /// The goal: findings within 50 ms of an edit.
    public static let goal = 0.050

    /// The bundle file to edit.
    public var path: String
    /// How many edits to time.
    public var edits: Int

    /// Creates a benchmark of `edits` edits of the bundle at `path`.
    public init(path: String, edits: Int = 50) {
        self.path = path
        self.edits = edits
    }

    /// Opens the bundle in a server, then times each edit; every other edit misspells
    /// the first `name:` key, so both a clean and a failing check are measured.
    public func run() throws -> Figures {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "  name:", with: "  nmae:")
        let uri = URL(fileURLWithPath: path).absoluteString
        var server = LanguageServer(language: .zh)
        _ = server.handle(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["locale": "zh-CN"]])
        _ = server.handle(
            [
                "jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": [
                    "textDocument": [
                        "uri": .string(uri), "languageId": "yaml", "version": 1, "text": .string(text),
                    ]
                ],
            ])
        let clock = ContinuousClock()
        var latencies: [Double] = []
        var lastFindings = 0
        for edit in 0..<edits {
            let change: JSONValue = [
                "jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": [
                    "textDocument": ["uri": .string(uri), "version": .integer(edit + 2)],
                    "contentChanges": [["text": .string(edit % 2 == 0 ? broken : text)]],
                ],
            ]
            var framed: [[UInt8]] = []
            let elapsed = clock.measure {
                framed = server.handle(change).map { MessageFramer.frame(Array($0.serialized.utf8)) }
            }
            guard
                let published = framed.last.flatMap({
                    JSONValue.parse(Array($0.drop { $0 != UInt8(ascii: "{") }))
                })
            else {
                throw ValidationInputError(
                    path: path, reason: .init(en: "the edit published no findings", zh: "编辑后没有发布检查结果"))
            }
            lastFindings = published["params"]?["diagnostics"]?.array?.count ?? 0
            latencies.append(
                Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        }
        return Figures(
            path: path, lines: text.split(separator: "\n", omittingEmptySubsequences: false).count,
            latencies: latencies, lastFindings: lastFindings)
    }
}
