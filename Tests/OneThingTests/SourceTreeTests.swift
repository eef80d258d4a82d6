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

    @Test func anEmptyFolderIsAnError() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ValidationInputError.self) { try SourceTree(paths: [folder.path]) }
    }

    /// A folder named like a bundle, and a link that loops, are named for what they are.
    @Test func aFolderNamedLikeABundleAndALinkLoopSayWhatTheyAre() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("x.yaml"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("a.yaml").path, withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("b.yaml").path, withDestinationPath: "a.yaml")
        let report = try Validator().validate(paths: [folder.path])
        let messages = report.diagnostics.map {
            "\(($0.span.file as NSString).lastPathComponent) \($0.code) \($0.message.en)"
        }
        #expect(messages.contains("x.yaml OT106 this is a folder, not a file"))
        #expect(
            messages.contains(
                "a.yaml OT106 a symbolic link that leads nowhere (a loop, or a target that does not exist)"))
        #expect(
            messages.contains(
                "b.yaml OT106 a symbolic link that leads nowhere (a loop, or a target that does not exist)"))
    }

    @Test func aMissingPathIsAnError() throws {
        #expect(throws: ValidationInputError.self) { try SourceTree(paths: ["/nonexistent/onething"]) }
    }
}
