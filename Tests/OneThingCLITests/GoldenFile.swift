import Foundation
import Testing

/// Expected output kept in `Tests/OneThingCLITests/Golden/`, compared exactly.
///
/// Run the tests with `ONETHING_UPDATE_GOLDEN=1` to rewrite the files from the actual
/// output after a deliberate change; review the difference before committing it.
enum GoldenFile {
    /// Whether this run rewrites golden files instead of comparing with them.
    static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["ONETHING_UPDATE_GOLDEN"] == "1"
    }

    /// Checks that `actual` is exactly the content of the golden file `name`.
    static func expect(
        _ actual: String, matches name: String, filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        if isUpdating {
            let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(
                "Golden")
            try actual.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            return
        }
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden"),
            "golden file \(name) is missing; run with ONETHING_UPDATE_GOLDEN=1 to create it",
            sourceLocation: sourceLocation)
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual == expected, "\(name) differs: \(firstDifference(actual, expected))",
            sourceLocation: sourceLocation)
    }

    /// The first line where two texts differ, for a readable failure.
    private static func firstDifference(_ actual: String, _ expected: String) -> String {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            if got != want {
                return "line \(index + 1): got \(got.debugDescription), expected \(want.debugDescription)"
            }
        }
        return "no line differs"
    }
}
