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

    /// The two sides that `--once` runs for an instruction counter see the same files:
    /// the raw parse reads every bundle, and validation finds the corpus clean.
    @Test func bothSidesRunOnAWrittenCorpus() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-corpus-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = BenchmarkCorpus(bundles: 5, seed: 2)
        try corpus.write(to: folder)
        let paths = corpus.files.filter { !$0.path.hasPrefix("catalogue/") }.map { folder + "/" + $0.path }
        let events = ValidationBenchmark.countedRun { ValidationBenchmark.rawParse(paths) }
        #expect(events > 5 * 100)
        #expect(try ValidationBenchmark.validation(of: folder, parallel: false) == 0)
    }

    @Test func twoThousandFilesMakeAboutElevenMegabytes() {
        let bytes = BenchmarkCorpus(bundles: 2_000).bundleBytes
        #expect((9_000_000...13_000_000).contains(bytes))
    }
}
