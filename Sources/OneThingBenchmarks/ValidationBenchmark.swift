import Foundation
import OneThing

/// Measures full validation of a generated corpus against libyaml's bare event loop
/// over the same bytes, in one run, so the two figures are comparable.
public struct ValidationBenchmark: Sendable {
    /// What one run measured.
    public struct Figures: Sendable {
        /// Bundle files validated.
        public var files: Int
        /// Their total size in bytes.
        public var bytes: Int
        /// Seconds for libyaml's bare event loop over every file, on one core.
        public var rawParseSeconds: Double
        /// Seconds for full validation on one core.
        public var serialSeconds: Double
        /// Seconds for full validation on every core.
        public var parallelSeconds: Double
        /// Findings of the validation (the generated corpus is meant to be clean).
        public var findings: Int

        /// Full validation time over raw parse time, on one core each.
        public var serialRatio: Double { serialSeconds / rawParseSeconds }
        /// Full validation on every core over raw parse time on one.
        public var parallelRatio: Double { parallelSeconds / rawParseSeconds }
    }

    /// The number of bundle files to generate.
    public var files: Int
    /// The corpus seed.
    public var seed: UInt64
    /// How many times each measurement is repeated (the best time is kept).
    public var repetitions: Int

    /// Creates a benchmark.
    public init(files: Int = 2_000, seed: UInt64 = 1, repetitions: Int = 3) {
        self.files = files
        self.seed = seed
        self.repetitions = repetitions
    }

    /// Generates the corpus into a temporary folder, warms up, measures, and removes it.
    public func run() throws -> Figures {
        let corpus = BenchmarkCorpus(bundles: files, seed: seed)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-bench-\(UUID().uuidString)"
        ).path
        try corpus.write(to: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bundles = corpus.files.filter { !$0.path.hasPrefix("catalogue/") }
        let clock = ContinuousClock()

        func best(_ body: () throws -> Void) rethrows -> Double {
            try body()  // warm-up
            var fastest = Double.infinity
            for _ in 0..<max(1, repetitions) {
                let elapsed = try clock.measure(body)
                fastest = min(
                    fastest,
                    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            return fastest
        }

        let paths = bundles.map { folder + "/" + $0.path }
        var events = 0
        let raw = best { events = Self.rawParse(paths) }
        precondition(events > 0, "the raw parse saw no events")
        var findings = 0
        let serial = try best { findings = try Self.validation(of: folder, parallel: false) }
        let parallel = try best { _ = try Self.validation(of: folder, parallel: true) }
        return Figures(
            files: bundles.count, bytes: corpus.bundleBytes, rawParseSeconds: raw, serialSeconds: serial,
            parallelSeconds: parallel, findings: findings)
    }

    /// Runs `body`, one side after its warm-up, as the one call that an instruction
    /// counter counts (`scripts/validation-instructions.sh` reads this function's
    /// inclusive cost); not inlined, so that it is there to be counted.
    @inline(never)
    public static func countedRun(_ body: () throws -> Int) rethrows -> Int {
        try body()
    }

    /// The raw side: libyaml's bare event loop over the files at `paths`, each read from
    /// disk as validation reads it; the number of events.
    public static func rawParse(_ paths: [String]) -> Int {
        var events = 0
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            events += YAMLComposer.parseEventsOnly([UInt8](data))
        }
        return events
    }

    /// Our side: full validation of the corpus in `folder`; the number of findings.
    public static func validation(of folder: String, parallel: Bool) throws -> Int {
        try Validator(options: .init(parallel: parallel)).validate(paths: [folder]).diagnostics.count
    }
}
