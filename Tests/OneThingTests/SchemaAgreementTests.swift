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
        // 0 valid, 1 rejected with a finding per line; anything else (2, a Python
        // traceback, a missing python3) is a checker that did not run, never a rejection.
        let ran =
            process.terminationStatus == 0
            || (process.terminationStatus == 1 && !text.contains("Traceback") && text.contains(": $"))
        #expect(ran, "check-schema.py could not run (exit \(process.terminationStatus)): \(text)")
        return (process.terminationStatus == 0, text)
    }

    /// The `.yaml` files of a folder under the repository, sorted.
    static func yamlFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// Every bundle in `bundles/`.
    static let realBundles = yamlFiles(in: "bundles")
    /// Every catalogue file in `bundles/catalogue/`.
    static let catalogueFiles = yamlFiles(in: "bundles/catalogue")

    @Test func everyBundleAndCatalogueFileIsChecked() {
        #expect(Self.realBundles.count >= 16, "\(Self.realBundles)")
        #expect(
            Self.catalogueFiles.contains("departments.yaml") && Self.catalogueFiles.contains("materials.yaml")
        )
    }

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
    /// With what the schema's finding must say: the fixture's mistake, not another.
    static let shapeFixtures: [String: String] = [
        "OT201-unknown-key": "'descripton' was unexpected",
        "OT202-missing-key": "'promise' is a required property",
        "OT203-wrong-type": "$.items.tobacco.online: 'yes' is not of type 'boolean'",
        "OT204-bad-duration": "$.items.tobacco.promised: '5 weeks' is not a valid",
        "OT206-bad-identifier": "'Tobacco_Permit' is not a valid",
        "OT202-baseline-without-source": "'source' is a required property",
        "OT202-form-rule-without-english": "'en' is a required property",
        "OT202-eligibility-without-message": "'message' is a required property",
        "OT509-uncounted-without-basis": "not-counted[0]: 'basis' is a required property",
        "OT205-party-kind": "$.parties.owner.kind: 'applicnt' is not one of",
        "OT207-party-named-twice":
            "$.items.register.needs[0]: {'material': 'id-card', 'from': ['owner', 'owner']} is not valid",
    ]

    @Test(arguments: shapeFixtures.keys.sorted())
    func invalidFixtureFailsTheSchemaAndTheLoader(_ name: String) throws {
        let file = Self.path("Tests/OneThingTests/Fixtures/diagnostics/\(name).yaml")
        let (accepted, output) = try Self.schemaAccepts(file, schema: "grammar/bundle.schema.json")
        #expect(!accepted)
        #expect(output.contains(try #require(Self.shapeFixtures[name])), "\(output)")
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
