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

    /// A file found in a folder has the canonical form that resolving its whole path
    /// gives, whether it, or a folder on the way to it, is a symbolic link or not; and
    /// the same file found twice, through a link, is one file.
    @Test func filesFoundInAFolderHaveTheirResolvedCanonicalForm() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createDirectory(
            at: folder.appendingPathComponent("real/sub"), withIntermediateDirectories: true)
        for name in ["plain.yaml", "real/sub/deep.yaml"] {
            try Data("id: x\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("linked.yaml").path, withDestinationPath: "plain.yaml")
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("real/alias").path, withDestinationPath: "sub")
        let tree = try SourceTree(paths: [folder.path])
        for file in tree.files {
            #expect(file.canonical == SourceTree.canonical(file.path), "\(file.path)")
        }
        let canonicals = tree.files.map(\.canonical)
        #expect(Set(canonicals).count == canonicals.count)
        #expect(canonicals.contains(SourceTree.canonical(folder.appendingPathComponent("plain.yaml").path)))
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
