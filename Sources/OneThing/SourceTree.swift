import Foundation

/// The files named on the command line, found and sorted: bundle files, and the
/// catalogue folders they use.
public struct SourceTree: Sendable {
    /// A file to validate.
    public struct File: Hashable, Sendable {
        /// The path as it will be shown: as named, or joined to the folder named.
        public var path: String
        /// Whether it lies in a `catalogue` folder.
        public var isCatalogue: Bool
    }

    /// The files, in path order, without repeats.
    public var files: [File]

    /// Finds the `.yaml` and `.yml` files under `paths` (files are taken as named).
    public init(paths: [String]) throws(ValidationInputError) {
        let manager = FileManager.default
        var found: [File] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationInputError(
                    path: path, reason: .init(en: "no such file or folder", zh: "文件或文件夹不存在"))
            }
            let names: [String]
            if isDirectory.boolValue {
                // A folder named through a symbolic link is walked where the link points.
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard let enumerator = manager.enumerator(atPath: target) else {
                    throw ValidationInputError(
                        path: path, reason: .init(en: "cannot read the folder", zh: "无法读取该文件夹"))
                }
                var list: [String] = []
                while let relative = enumerator.nextObject() as? String {
                    let last = (relative as NSString).lastPathComponent
                    if last.hasPrefix(".") {
                        enumerator.skipDescendants()
                        continue
                    }
                    if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                        list.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
                    }
                }
                names = list.sorted()
            } else {
                names = [path]
            }
            for name in names where seen.insert(SourceTree.canonical(name)).inserted {
                found.append(File(path: name, isCatalogue: SourceTree.isInCatalogue(name)))
            }
        }
        self.files = found
    }

    /// Whether a path lies in a folder named `catalogue`.
    public static func isInCatalogue(_ path: String) -> Bool {
        let parts = canonical(path).split(separator: "/")
        return parts.dropLast().contains("catalogue")
    }

    /// An absolute, standardised form of a path, for comparing and searching.
    public static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }

    /// The nearest `catalogue` folder in the folder of `path` or one above it.
    public static func catalogueFolder(for path: String) -> String? {
        var folder = (canonical(path) as NSString).deletingLastPathComponent
        let manager = FileManager.default
        while true {
            var isDirectory: ObjCBool = false
            let candidate = folder + "/catalogue"
            if manager.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { return nil }
            folder = parent
        }
    }
}
