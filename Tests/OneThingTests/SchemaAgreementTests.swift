import Foundation
import OneThing
import Testing

/// The JSON Schemas in `grammar/` and the loader agree: every real bundle and
/// catalogue file passes both, and every invalid fixture of a kind the schema can
/// express fails both. The schema is checked by Python's `jsonschema` (Draft
/// 2020-12) through `grammar/check-schema.py`, on the JSON the loader makes of the
/// YAML (`YAMLNode.json`).
struct SchemaAgreementTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Whether the schema accepts the loader's JSON of `file`; the checker's output when not.
    static func schemaAccepts(_ file: String, schema: String) throws -> (Bool, String) {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let (_, document) = YAMLComposer.compose(path: file, bytes: bytes)
        let root = try #require(document.root, "\(file) does not compose")
        let json = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-\(UUID().uuidString).json")
        try Data(root.json.serialized.utf8).write(to: json)
        defer { try? FileManager.default.removeItem(at: json) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path("grammar/check-schema.py"), path(schema), json.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 2, "check-schema.py could not run: \(text)")
        return (process.terminationStatus == 0, text)
    }

    static let realBundles = ["after-death.yaml", "elevator-retrofit.yaml", "open-restaurant.yaml"]
    static let catalogueFiles = [
        "departments.yaml", "materials.yaml", "calendar-2025.yaml", "calendar-2026.yaml",
    ]

    @Test(arguments: realBundles)
    func realBundlePassesTheSchemaAndTheLoader(_ name: String) throws {
        let file = Self.path("bundles/\(name)")
        let (accepted, output) = try Self.schemaAccepts(file, schema: "grammar/bundle.schema.json")
        #expect(accepted, "\(output)")
        let report = try Validator().validate(paths: [file])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message.en))")
    }

    @Test(arguments: catalogueFiles)
    func catalogueFilePassesTheSchemaAndTheLoader(_ name: String) throws {
        let file = Self.path("bundles/catalogue/\(name)")
        let (accepted, output) = try Self.schemaAccepts(file, schema: "grammar/catalogue.schema.json")
        #expect(accepted, "\(output)")
        let report = try Validator().validate(paths: [file])
        #expect(report.diagnostics.isEmpty)
    }

    /// Fixtures whose one mistake is about the shape of the file, which a schema can say.
    static let shapeFixtures = [
        "OT201-unknown-key", "OT202-missing-key", "OT203-wrong-type", "OT204-bad-duration",
        "OT206-bad-identifier",
    ]

    @Test(arguments: shapeFixtures)
    func invalidFixtureFailsTheSchemaAndTheLoader(_ name: String) throws {
        let file = Self.path("Tests/OneThingTests/Fixtures/diagnostics/\(name).yaml")
        let (accepted, _) = try Self.schemaAccepts(file, schema: "grammar/bundle.schema.json")
        #expect(!accepted)
        let report = try Validator().validate(paths: [file])
        #expect(report.diagnostics.contains { $0.code.rawValue == String(name.prefix(5)) })
    }

    @Test func theValidFixturePassesTheSchema() throws {
        let (accepted, output) = try Self.schemaAccepts(
            Self.path("Tests/OneThingTests/Fixtures/diagnostics/valid.yaml"),
            schema: "grammar/bundle.schema.json")
        #expect(accepted, "\(output)")
    }
}
