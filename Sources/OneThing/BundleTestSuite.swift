import OneThingPlan

/// Runs the test cases of every bundle under some paths: each bundle is validated
/// first, and a bundle with an error runs no case.
public struct BundleTestSuite: Sendable {
    /// The outcome for one bundle file.
    public struct BundleResult: Sendable {
        /// The validator's report of the file; its findings include every failed expectation.
        public var report: FileReport
        /// The outcome of each test case, in file order; empty when the bundle is not valid.
        public var cases: [BundleTestRunner.CaseResult]
        /// Whether the bundle was valid, so its cases could run.
        public var ran: Bool
    }

    /// The outcome for every bundle file, in path order.
    public var bundles: [BundleResult]

    /// The number of cases that passed.
    public var passed: Int { bundles.reduce(0) { $0 + $1.cases.count { $0.passed } } }
    /// The number of cases that failed.
    public var failed: Int { bundles.reduce(0) { $0 + $1.cases.count { !$0.passed } } }

    /// Every finding, as one validation report (for the diagnostic renderers).
    public var report: ValidationReport { ValidationReport(files: bundles.map(\.report)) }

    /// Validates the bundles under `paths` and runs their test cases.
    ///
    /// - Throws: ``ValidationInputError`` when a path cannot be read.
    public static func run(paths: [String], catalogue: String? = nil) throws(ValidationInputError)
        -> BundleTestSuite
    {
        let tree = try SourceTree(paths: paths)
        var results: [BundleResult] = []
        for file in tree.files where !file.isCatalogue {
            switch try BundleLoader.load(path: file.path, catalogue: catalogue) {
            case .invalid(let report):
                results.append(BundleResult(report: report, cases: [], ran: false))
            case .loaded(let loaded):
                let cases = BundleTestRunner(builder: loaded.builder).run()
                var report = loaded.report
                report.diagnostics += cases.flatMap(\.diagnostics)
                report.diagnostics.sort(by: Diagnostic.sourceOrder)
                results.append(BundleResult(report: report, cases: cases, ran: true))
            }
        }
        return BundleTestSuite(bundles: results)
    }
}
