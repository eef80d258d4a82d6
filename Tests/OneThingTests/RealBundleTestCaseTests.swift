import Foundation
import OneThing
import Testing

/// The test cases that every real bundle carries pass: `swift test` runs the policy
/// staff's own tests of `bundles/`, as `onething test bundles/` does.
struct RealBundleTestCaseTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let suite = Result {
        try BundleTestSuite.run(paths: [root.appendingPathComponent("bundles").path])
    }

    @Test func everyRealBundleRunsItsCases() throws {
        let suite = try Self.suite.get()
        #expect(suite.bundles.count >= 3)
        for bundle in suite.bundles {
            #expect(
                bundle.ran,
                "\(bundle.report.path) did not validate: \(bundle.report.diagnostics.map(\.message.en))")
            #expect(bundle.cases.count >= 3, "\(bundle.report.path) has fewer than three test cases")
        }
    }

    @Test func everyCaseOfTheRealBundlesPasses() throws {
        let suite = try Self.suite.get()
        let failures = suite.bundles.flatMap(\.report.diagnostics).filter { $0.severity == .error }
        #expect(failures.map { "\($0.span): \($0.message.en)" } == [])
        #expect(suite.failed == 0)
        #expect(suite.passed >= 9)
    }
}
