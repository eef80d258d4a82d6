import Foundation
import OneThing
import Testing

@testable import OneThingBenchmarks

/// The benchmark's generated corpus is deterministic and clean, so the benchmark
/// measures validation of good files, as CI sees them most of the time.
struct BenchmarkCorpusTests {
    @Test func theSameSeedGivesTheSameBytes() {
        let a = BenchmarkCorpus(bundles: 20, seed: 7)
        let b = BenchmarkCorpus(bundles: 20, seed: 7)
        #expect(a.files.map(\.text) == b.files.map(\.text))
        #expect(a.files.map(\.text) != BenchmarkCorpus(bundles: 20, seed: 8).files.map(\.text))
    }

    @Test func generatedBundlesValidateClean() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-corpus-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try BenchmarkCorpus(bundles: 40, seed: 3).write(to: folder)
        let report = try Validator().validate(paths: [folder])
        #expect(report.files.count == 42)
        #expect(report.diagnostics.map { "\($0.span): \($0.code) \($0.message.en)" } == [])
    }

    @Test func twoThousandFilesMakeAboutElevenMegabytes() {
        let bytes = BenchmarkCorpus(bundles: 2_000).bundleBytes
        #expect((9_000_000...13_000_000).contains(bytes))
    }
}
