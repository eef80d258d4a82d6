import Foundation
import OneThing
import Testing

/// Bundles and catalogues given as bytes (an upload) are validated and loaded with
/// exactly the findings that the same files on disk get: the path-based entry points
/// only read the file and call the in-memory ones.
struct InMemoryLoadingTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bundles = root.appendingPathComponent("bundles").path
    static let fixtures = root.appendingPathComponent("Tests/OneThingTests/Fixtures").path

    /// The bytes of a file the test needs.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The `.yaml` files of `folder`, sorted, as paths joined to it.
    static func yamlFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { folder + "/" + $0 }
    }

    /// The files of a catalogue folder in memory, each named by the path the folder
    /// loader shows for it.
    static func catalogueFiles(_ folder: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in try yamlFiles(in: folder) { files[path] = try bytes(path) }
        return files
    }

    static let realCatalogue = CatalogueLoader.load(folder: bundles + "/catalogue")

    @Test func everyRealBundleGetsTheSameReportFromBytesAsFromItsFile() throws {
        let paths = try Self.yamlFiles(in: Self.bundles)
        #expect(paths.count >= 15)
        let fromFiles = try Validator(options: .init(parallel: false)).validate(paths: paths)
        #expect(fromFiles.files.map(\.path) == paths)
        let catalogue = CatalogueLoader.load(files: try Self.catalogueFiles(Self.bundles + "/catalogue"))
            .catalogue
        for (path, onDisk) in zip(paths, fromFiles.files) {
            let inMemory = Validator().validate(bytes: try Self.bytes(path), name: path, catalogue: catalogue)
            #expect(inMemory.path == onDisk.path)
            #expect(inMemory.source?.text == onDisk.source?.text)
            #expect(inMemory.diagnostics == onDisk.diagnostics, "\(path)")
        }
    }

    @Test func everyRealBundleLoadsFromBytesAsFromItsFile() throws {
        for path in try Self.yamlFiles(in: Self.bundles) {
            let fromFile = try BundleLoader.load(path: path)
            let fromBytes = BundleLoader.load(
                bytes: try Self.bytes(path), name: path, catalogue: Self.realCatalogue.catalogue)
            guard case .loaded(let file) = fromFile, case .loaded(let memory) = fromBytes else {
                Issue.record("\(path) should load both ways")
                continue
            }
            #expect(memory.bundle == file.bundle)
            #expect(memory.report.diagnostics == file.report.diagnostics)
            let worstFromFile = try file.builder.worstCasePlan()
            let worstFromMemory = try memory.builder.worstCasePlan()
            #expect(worstFromMemory.criticalPath == worstFromFile.criticalPath)
            #expect(worstFromMemory.materials == worstFromFile.materials)
        }
    }

    @Test func everyDiagnosticFixtureGetsTheSameFindingsFromBytes() throws {
        let folder = Self.fixtures + "/diagnostics"
        let paths = try Self.yamlFiles(in: folder)
        let catalogue = CatalogueLoader.load(files: try Self.catalogueFiles(folder + "/catalogue")).catalogue
        let fromFiles = try Validator(options: .init(parallel: false)).validate(paths: paths)
        var codes = Set<DiagnosticCode>()
        for (path, onDisk) in zip(paths, fromFiles.files) {
            let inMemory = Validator().validate(bytes: try Self.bytes(path), name: path, catalogue: catalogue)
            #expect(inMemory.diagnostics == onDisk.diagnostics, "\(path)")
            codes.formUnion(inMemory.diagnostics.map(\.code))
        }
        #expect(codes.count >= 40)
    }

    @Test func aCatalogueInMemoryHasTheFindingsAndContentOfItsFolder() throws {
        let folder = Self.fixtures + "/catalogue-errors/catalogue"
        let fromFolder = CatalogueLoader.load(folder: folder)
        let fromMemory = CatalogueLoader.load(files: try Self.catalogueFiles(folder))
        #expect(fromFolder.hasErrors && fromMemory.hasErrors)
        let byPath = Dictionary(
            uniqueKeysWithValues: fromFolder.reports.values.map { ($0.path, $0.diagnostics) })
        #expect(fromMemory.reports.count == byPath.count)
        for (name, report) in fromMemory.reports {
            #expect(report.path == name)
            #expect(report.diagnostics == byPath[name], "\(name)")
        }
        let real = try Self.catalogueFiles(Self.bundles + "/catalogue")
        let memory = CatalogueLoader.load(files: real)
        #expect(!memory.hasErrors)
        #expect(memory.catalogue.departments == Self.realCatalogue.catalogue.departments)
        #expect(memory.catalogue.materials == Self.realCatalogue.catalogue.materials)
        #expect(memory.catalogue.calendarYears == Self.realCatalogue.catalogue.calendarYears)
    }

    @Test func aBundleFromBytesPlansWithACatalogueFromMemory() throws {
        let catalogue = CatalogueLoader.load(
            files: [
                "departments.yaml": try Self.bytes(Self.fixtures + "/diagnostics/catalogue/departments.yaml"),
                "materials.yaml": try Self.bytes(Self.fixtures + "/diagnostics/catalogue/materials.yaml"),
            ])
        #expect(!catalogue.hasErrors)
        let upload = try Self.bytes(Self.fixtures + "/answers/applicant-form.yaml")
        guard
            case .loaded(let loaded) = BundleLoader.load(
                bytes: upload, name: "上传.yaml", catalogue: catalogue.catalogue)
        else {
            Issue.record("the uploaded bundle should load")
            return
        }
        #expect(loaded.source.path == "上传.yaml")
        let results = BundleTestRunner(builder: loaded.builder).run()
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.passed })
    }

    @Test func aBundleFromBytesWithAnErrorNamesItsUploadName() throws {
        let path = Self.fixtures + "/diagnostics/OT301-unknown-department.yaml"
        let catalogue = CatalogueLoader.load(
            files: try Self.catalogueFiles(Self.fixtures + "/diagnostics/catalogue"))
        guard
            case .invalid(let report) = BundleLoader.load(
                bytes: try Self.bytes(path), name: "upload-17.yaml", catalogue: catalogue.catalogue)
        else {
            Issue.record("the bundle has an unknown department")
            return
        }
        #expect(report.diagnostics.map(\.code).contains(.unknownDepartment))
        #expect(report.diagnostics.allSatisfy { $0.span.file == "upload-17.yaml" })
    }

    @Test func hostileBytesInMemoryAreRefusedAsHostileFilesAre() throws {
        let catalogue = Self.realCatalogue.catalogue
        let small = YAMLLimits(maxBytes: 1 << 10)
        var large = Array("id: big\n".utf8)
        while large.count <= 1 << 10 { large += Array("# 一行注释 a comment line\n".utf8) }
        let path = try GeneratedInputTests.temporaryFile("large.yaml", large)
        let fromFile = try Validator(options: .init(limits: small)).validate(paths: [path]).diagnostics
        let fromBytes = Validator(options: .init(limits: small)).validate(
            bytes: large, name: path, catalogue: catalogue)
        #expect(fromFile.map(\.code) == [.fileTooLarge])
        #expect(fromBytes.diagnostics == fromFile)
        #expect(fromBytes.source == nil)
        if case .invalid(let report) = BundleLoader.load(
            bytes: large, name: path, catalogue: catalogue, limits: small)
        {
            #expect(report.diagnostics == fromFile)
        } else {
            Issue.record("bytes over the limit should not load")
        }

        let binary: [UInt8] = [0x69, 0x64, 0x3A, 0x20, 0x00, 0x01]
        let binaryPath = try GeneratedInputTests.temporaryFile("binary.yaml", binary)
        let binaryFromFile = try Validator().validate(paths: [binaryPath]).diagnostics
        #expect(binaryFromFile.map(\.code) == [.notText])
        #expect(
            Validator().validate(bytes: binary, name: binaryPath, catalogue: catalogue).diagnostics
                == binaryFromFile)

        let bomb = try Self.bytes(Self.fixtures + "/diagnostics/OT103-alias-bomb.yaml")
        let bombReport = Validator().validate(bytes: bomb, name: "bomb.yaml", catalogue: catalogue)
        #expect(bombReport.diagnostics.map(\.code).contains(.aliasBudget))
    }
}
