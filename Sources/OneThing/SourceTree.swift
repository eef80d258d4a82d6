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
        /// The path's ``SourceTree/canonical(_:)`` form, worked out once (it asks the
        /// file system about every folder on the way).
        public var canonical: String
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
            // Each file as named, and its canonical form when known without resolving it.
            let names: [(name: String, canonical: String?)]
            if isDirectory.boolValue {
                // A folder named through a symbolic link is walked where the link points.
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                let readable: Bool
                do {
                    _ = try manager.contentsOfDirectory(atPath: target)
                    readable = true
                } catch {
                    readable = false
                }
                guard readable, let enumerator = manager.enumerator(atPath: target) else {
                    throw ValidationInputError(
                        path: path,
                        reason: .init(
                            en: "cannot read the folder (check that it may be read)",
                            zh: "无法读取该文件夹（请检查读取权限）"))
                }
                var list: [(name: String, relative: String)] = []
                while let relative = enumerator.nextObject() as? String {
                    let last = (relative as NSString).lastPathComponent
                    if last.hasPrefix(".") {
                        enumerator.skipDescendants()
                        continue
                    }
                    if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                        list.append((path.hasSuffix("/") ? path + relative : path + "/" + relative, relative))
                    }
                }
                // An empty folder is a mistake (a wrong path, a checkout that failed), not a pass.
                guard !list.isEmpty else {
                    throw ValidationInputError(
                        path: path,
                        reason: .init(
                            en: "the folder holds no .yaml or .yml files to check",
                            zh: "该文件夹中没有可检查的 .yaml 或 .yml 文件"))
                }
                let folder = SourceTree.canonical(path)
                names = list.sorted { $0.name < $1.name }.map {
                    ($0.name, SourceTree.canonical(relative: $0.relative, inCanonical: folder))
                }
            } else {
                names = [(path, nil)]
            }
            for (name, known) in names {
                let canonical = known ?? SourceTree.canonical(name)
                guard seen.insert(canonical).inserted else { continue }
                found.append(
                    File(
                        path: name, isCatalogue: SourceTree.isInCatalogue(canonical: canonical),
                        canonical: canonical))
            }
        }
        self.files = found
    }

    /// Whether a path lies in a folder named `catalogue`.
    public static func isInCatalogue(_ path: String) -> Bool {
        isInCatalogue(canonical: canonical(path))
    }

    /// Whether a path already in ``canonical(_:)`` form lies in a folder named `catalogue`.
    static func isInCatalogue(canonical: String) -> Bool {
        canonical.split(separator: "/").dropLast().contains("catalogue")
    }

    /// An absolute, standardised form of a path, for comparing and searching.
    public static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }

    /// The ``canonical(_:)`` form of the path `relative` to a folder whose canonical form
    /// is `folder`: the folder's with `relative` added, when no part of `relative` is a
    /// symbolic link (asked of the file system part by part, as resolving does, without
    /// resolving the folder again for every file in it); `nil` when one is, or when
    /// `relative` is not plainly a path below the folder.
    static func canonical(relative: String, inCanonical folder: String) -> String? {
        guard folder.count > 1, folder.hasPrefix("/"), !folder.hasSuffix("/") else { return nil }
        var path = folder
        for part in relative.split(separator: "/", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part != ".", part != "..", !part.hasPrefix("~") else { return nil }
            path += "/" + part
            var entry = stat()
            guard lstat(path, &entry) == 0, entry.st_mode & S_IFMT != S_IFLNK else { return nil }
        }
        return path
    }

    /// The nearest `catalogue` folder in the folder of `path` or one above it.
    public static func catalogueFolder(for path: String) -> String? {
        catalogueFolder(in: (canonical(path) as NSString).deletingLastPathComponent)
    }

    /// The nearest `catalogue` folder in `folder`, a canonical path, or one above it.
    static func catalogueFolder(in folder: String) -> String? {
        var folder = folder
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
