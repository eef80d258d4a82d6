import Foundation
import OneThing
import Testing

/// Copies of the real bundles with one mistake each report that mistake, with its
/// code, at the line where the mistake was made.
struct MutatedBundleTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One mistake: replace `original` (which must occur in the file) by `mutated`;
    /// the finding is expected on the line holding `marker` in the mutated text.
    struct Mutation: CustomTestStringConvertible, Sendable {
        var bundle: String
        var original: String
        var mutated: String
        var code: String
        var marker: String
        var testDescription: String { "\(bundle): \(code) for \(mutated.split(separator: "\n").first ?? "")" }
    }

    static let mutations = [
        // A key misspelt.
        Mutation(
            bundle: "open-restaurant", original: "    promised: 6 workdays\n",
            mutated: "    promissed: 6 workdays\n",
            code: "OT201", marker: "promissed:"),
        Mutation(
            bundle: "elevator-retrofit", original: "\nversion:", mutated: "\nverison:", code: "OT201",
            marker: "verison:"),
        // A reference broken.
        Mutation(
            bundle: "open-restaurant", original: "    department: tobacco\n",
            mutated: "    department: tobbaco\n",
            code: "OT301", marker: "tobbaco"),
        Mutation(
            bundle: "after-death", original: "needs: [deceased-id-card, agent-id-card]",
            mutated: "needs: [deceased-id-card, agent-id-crad]", code: "OT302", marker: "agent-id-crad"),
        // A cycle added: registration waits for the seal, which needs the licence it issues.
        Mutation(
            bundle: "open-restaurant", original: "    produces: [business-licence]\n",
            mutated: "    produces: [business-licence]\n    after: [seal-engraving]\n", code: "OT310",
            marker: "after: [seal-engraving]"),
        // A condition misspelt.
        Mutation(
            bundle: "open-restaurant", original: "when: not business.has_licence",
            mutated: "when: not business.has_licenc", code: "OT402", marker: "business.has_licenc\n"),
        // A promise too short for the worst case.
        Mutation(
            bundle: "open-restaurant", original: "\npromise: 11 workdays", mutated: "\npromise: 10 workdays",
            code: "OT503", marker: "promise: 10 workdays"),
    ]

    @Test(arguments: mutations)
    func aMutatedBundleReportsItsMistakeWhereItWasMade(_ mutation: Mutation) throws {
        let original = try String(
            contentsOf: Self.root.appendingPathComponent("bundles/\(mutation.bundle).yaml"), encoding: .utf8)
        let range = try #require(
            original.range(of: mutation.original), "the bundle no longer has the text to mutate")
        let text = original.replacingCharacters(in: range, with: mutation.mutated)
        let markerRange = try #require(text.range(of: mutation.marker))
        let line = text[..<markerRange.lowerBound].filter { $0 == "\n" }.count + 1

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-mutated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(mutation.bundle).yaml")
        try Data(text.utf8).write(to: file)
        let catalogue = Self.root.appendingPathComponent("bundles/catalogue").path
        let report = try Validator(options: .init(catalogue: catalogue)).validate(paths: [file.path])
        let found = report.diagnostics.map { "\($0.code) \($0.span.start.line)" }
        #expect(found.contains("\(mutation.code) \(line)"), "found: \(found)")
    }
}
