import Foundation
import OneThing
import Testing

/// The files a command line names: folders walked for YAML files, in path order.
struct SourceTreeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("onething-tree-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aFolderIsWalkedForYAMLFilesAndItsCatalogueIsMarked() throws {
        let tree = try SourceTree(paths: [Self.root.appendingPathComponent("bundles").path])
        #expect(tree.files.contains { $0.path.hasSuffix("bundles/open-restaurant.yaml") && !$0.isCatalogue })
        #expect(
            tree.files.contains { $0.path.hasSuffix("bundles/catalogue/departments.yaml") && $0.isCatalogue })
        #expect(tree.files.map(\.path) == tree.files.map(\.path).sorted())
    }

    @Test func aFolderNamedThroughASymbolicLinkIsWalkedWhereItPoints() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("bundles")
        try FileManager.default.createSymbolicLink(
            at: link, withDestinationURL: Self.root.appendingPathComponent("bundles"))
        let direct = try SourceTree(paths: [Self.root.appendingPathComponent("bundles").path])
        for named in [link.path, link.path + "/"] {
            let linked = try SourceTree(paths: [named])
            #expect(linked.files.count == direct.files.count)
            #expect(linked.files.allSatisfy { $0.path.hasPrefix(link.path + "/") })
        }
    }

    @Test func aMissingPathIsAnError() throws {
        #expect(throws: ValidationInputError.self) { try SourceTree(paths: ["/nonexistent/onething"]) }
    }
}
