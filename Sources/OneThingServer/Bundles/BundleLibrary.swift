import Foundation
import OneThing
import OneThingRuntime

/// The bundles a server serves: every bundle file of a folder, each validated against
/// the folder's catalogue. A bundle with errors is refused and named with its
/// findings; the others serve.
///
/// Reloading (``reload()``, on SIGHUP or the admin call) validates everything first: a
/// catalogue with errors changes nothing; a bundle that now has errors keeps serving
/// its previous version, and its findings are reported. A case already running stays
/// pinned to the bundle version it started on (its blueprint is in the store), whatever
/// is loaded later.
public actor BundleLibrary {
    /// A bundle the library serves.
    public struct Entry: Sendable {
        /// The bundle, validated, with its catalogue and plan builder.
        public let loaded: BundleLoader.Loaded
        /// The file it was read from.
        public let path: String

        /// The bundle's id.
        public var id: String { loaded.bundle.id.value }
    }

    /// What a load or reload found.
    public struct Report: Sendable {
        /// The ids of the bundles served, in order.
        public var served: [String]
        /// The files refused, with their findings (for a reload: those that keep their
        /// previous version, or are not served).
        public var refused: [FileReport]
        /// Whether the reload changed what is served (a load always does).
        public var applied: Bool
    }

    /// Why the folder could not be served at all.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        /// What went wrong, in both languages.
        public var reason: LocalizedText
        /// Findings about the catalogue, when it has errors.
        public var reports: [FileReport]

        public var description: String { reason.en }
    }

    /// The folder the bundles come from.
    public let folder: String
    /// The catalogue the bundles were validated against.
    public private(set) var catalogue: Catalogue
    /// The bundles served, by id.
    public private(set) var bundles: [String: Entry]
    /// The files refused at the last load or reload.
    public private(set) var refused: [FileReport]
    /// How many times the bundles were loaded (1 after the first load).
    public private(set) var generation = 1

    /// Loads every bundle of `folder` against its `catalogue` folder.
    ///
    /// - Throws: ``LoadError`` when the folder cannot be read or its catalogue has errors.
    public init(folder: String) throws(LoadError) {
        let loaded = try Self.load(folder: folder)
        self.folder = folder
        self.catalogue = loaded.catalogue
        self.bundles = loaded.bundles
        self.refused = loaded.refused
    }

    /// What is served now.
    public var report: Report {
        Report(served: bundles.keys.sorted(), refused: refused, applied: true)
    }

    /// The bundle `id`, if served.
    public func entry(_ id: String) -> Entry? { bundles[id] }

    /// Every bundle served, by id.
    public var entries: [Entry] { bundles.keys.sorted().compactMap { bundles[$0] } }

    /// Validates the folder again, then serves what is valid: new bundles and new
    /// versions replace the old; a bundle now refused keeps its previous version.
    ///
    /// - Throws: ``LoadError`` when the folder cannot be read or its catalogue has
    ///   errors; then nothing changes.
    @discardableResult
    public func reload() throws(LoadError) -> Report {
        let loaded = try Self.load(folder: folder)
        var next = loaded.bundles
        for report in loaded.refused {
            // A file that served before keeps its previous version.
            if let previous = bundles.values.first(where: { $0.path == report.path }),
                next[previous.id] == nil
            {
                next[previous.id] = previous
            }
        }
        catalogue = loaded.catalogue
        bundles = next
        refused = loaded.refused
        generation += 1
        return Report(served: next.keys.sorted(), refused: loaded.refused, applied: true)
    }

    /// Validates an uploaded bundle text against the catalogue: the findings, as the
    /// command line's `validate` gives them for a file named `name`.
    public func validate(_ bytes: [UInt8], name: String) -> FileReport {
        Validator().validate(bytes: bytes, name: name, catalogue: catalogue)
    }

    struct Loaded {
        var catalogue: Catalogue
        var bundles: [String: Entry]
        var refused: [FileReport]
    }

    /// Reads and validates the folder.
    static func load(folder: String) throws(LoadError) -> Loaded {
        let tree: SourceTree
        do {
            tree = try SourceTree(paths: [folder])
        } catch {
            throw LoadError(
                reason: LocalizedText(
                    en: "\(folder): \(error.reason.en)", zh: "\(folder)：\(error.reason.zh)"), reports: [])
        }
        let catalogueFolder = (folder.hasSuffix("/") ? folder : folder + "/") + "catalogue"
        let catalogue = CatalogueLoader.load(folder: catalogueFolder)
        if catalogue.hasErrors {
            let reports = catalogue.reports.values.sorted { $0.path < $1.path }
            let errors = reports.flatMap(\.diagnostics).filter { $0.severity == .error }.count
            throw LoadError(
                reason: LocalizedText(
                    en:
                        "the catalogue \(catalogueFolder) has \(errors) error(s); run 'onething validate \(folder)'",
                    zh: "共享目录 \(catalogueFolder) 有 \(errors) 个错误；请运行“onething validate \(folder)”"),
                reports: reports)
        }
        var bundles: [String: Entry] = [:]
        var refused: [FileReport] = []
        for file in tree.files where !file.isCatalogue {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                refused.append(
                    FileReport(
                        path: file.path, source: nil,
                        diagnostics: [
                            Diagnostic(
                                code: .notText, severity: .error, span: .wholeFile(file.path),
                                message: LocalizedText(en: "the file cannot be read", zh: "无法读取该文件"))
                        ]))
                continue
            }
            switch BundleLoader.load(bytes: Array(data), name: file.path, catalogue: catalogue.catalogue) {
            case .loaded(let loaded):
                let id = loaded.bundle.id.value
                if let first = bundles[id] {
                    refused.append(
                        FileReport(
                            path: file.path, source: loaded.source,
                            diagnostics: [
                                Diagnostic(
                                    code: .duplicateName, severity: .error, span: loaded.bundle.id.span,
                                    message: LocalizedText(
                                        en: "bundle '\(id)' is served from \(first.path) already",
                                        zh: "一件事“\(id)”已由 \(first.path) 提供"))
                            ]))
                } else {
                    bundles[id] = Entry(loaded: loaded, path: file.path)
                }
            case .invalid(let report):
                refused.append(report)
            }
        }
        return Loaded(catalogue: catalogue.catalogue, bundles: bundles, refused: refused)
    }
}
