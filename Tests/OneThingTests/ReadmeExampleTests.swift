import Foundation
import OneThing
import Testing

/// The annotated example bundle in the README is a bundle that validates clean, so
/// what policy staff copy from it works.
struct ReadmeExampleTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theReadmeExampleValidatesClean() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\n"))
        let end = try #require(readme[start.upperBound...].range(of: "```"))
        let example = String(readme[start.upperBound..<end.lowerBound])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("example.yaml")
        try Data(example.utf8).write(to: file)
        let catalogue = Self.root.appendingPathComponent("bundles/catalogue").path
        let report = try Validator(options: .init(catalogue: catalogue)).validate(paths: [file.path])
        #expect(report.diagnostics.map { "\($0.span.start): \($0.message.en)" } == [])
    }

    @Test func aYAMLListIsNotABundle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-list-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("list.yaml")
        try Data("- id: open-restaurant\n- title: 开办餐饮店\n".utf8).write(to: file)
        let catalogue = Self.root.appendingPathComponent("bundles/catalogue").path
        let report = try Validator(options: .init(catalogue: catalogue)).validate(paths: [file.path])
        let finding = try #require(report.diagnostics.first)
        #expect(report.diagnostics.count == 1)
        #expect(finding.code == .wrongType)
        #expect(finding.span.start == SourceLocation(line: 1, column: 1))
        #expect(finding.hint?.en.contains("not a list") == true)
    }
}
