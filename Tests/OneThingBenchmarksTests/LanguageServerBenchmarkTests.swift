import Foundation
import Testing

@testable import OneThingBenchmarks

/// The language server benchmark edits a real bundle and times each edit to its findings.
struct LanguageServerBenchmarkTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("each edit of the real 500-line bundle is timed, and the misspelt key's finding is published")
    func timesEveryEdit() throws {
        let path = Self.root.appendingPathComponent("bundles/school-enrolment.yaml").path
        let figures = try LanguageServerBenchmark(path: path, edits: 3).run()
        #expect(figures.latencies.count == 3)
        #expect(figures.latencies.allSatisfy { $0 > 0 })
        #expect(figures.lines > 500)
        // Edits 0 and 2 misspell a key: the last one published its finding.
        #expect(figures.lastFindings >= 1)
        #expect(figures.median <= figures.maximum)
    }
}
