import Dispatch
import Foundation
import Synchronization

/// Validates bundle files and catalogues: every stage's findings, collected.
///
/// `validate` takes files and folders; a folder is searched for `.yaml` and `.yml`
/// files. Files inside a folder named `catalogue` are read as catalogue files; every
/// other file as a bundle, checked against the nearest `catalogue` folder found in
/// its own folder or one above it (or the folder given as ``Options/catalogue``).
public struct Validator: Sendable {
    /// How to validate.
    public struct Options: Sendable {
        /// A catalogue folder to use for every bundle instead of searching for one.
        public var catalogue: String?
        /// Limits for reading YAML.
        public var limits: YAMLLimits
        /// Whether to validate files on several cores.
        public var parallel: Bool
        /// Whether an item that states no fee is a finding (OT508), as a review before a
        /// bundle goes live asks.
        public var requireFees: Bool

        /// Creates options.
        public init(
            catalogue: String? = nil, limits: YAMLLimits = .default, parallel: Bool = true,
            requireFees: Bool = false
        ) {
            self.catalogue = catalogue
            self.limits = limits
            self.parallel = parallel
            self.requireFees = requireFees
        }
    }

    /// The options.
    public var options: Options

    /// Creates a validator.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Validates the files and folders at `paths`.
    ///
    /// - Throws: ``ValidationInputError`` when a path does not exist or cannot be read.
    public func validate(paths: [String]) throws(ValidationInputError) -> ValidationReport {
        let tree = try SourceTree(paths: paths)
        if let folder = options.catalogue { try CatalogueLoader.requireFolder(folder) }
        var display: [String: String] = [:]
        for file in tree.files { display[file.canonical] = file.path }
        let displayPath = { (canonical: String) in display[canonical] ?? canonical }

        // Catalogues first: each folder once, shared by the bundles that use it.
        var folders: [String: CatalogueLoader.Loaded] = [:]
        func loaded(_ folder: String) -> CatalogueLoader.Loaded {
            if let done = folders[folder] { return done }
            let result = CatalogueLoader.load(
                folder: folder, displayPath: displayPath, limits: options.limits)
            folders[folder] = result
            return result
        }
        let bundleFiles = tree.files.filter { !$0.isCatalogue }
        // Bundles in one folder share its catalogue: each folder is searched once.
        let given = options.catalogue.map(SourceTree.canonical)
        var catalogueIn: [String: String?] = [:]
        let catalogueOf: [String?] = bundleFiles.map { file in
            if let given { return given }
            let folder = (file.canonical as NSString).deletingLastPathComponent
            if let found = catalogueIn[folder] { return found }
            let found = SourceTree.catalogueFolder(in: folder)
            catalogueIn[folder] = found
            return found
        }
        var catalogues: [String: Catalogue] = [:]
        for folder in Set(catalogueOf.compactMap { $0 }) { catalogues[folder] = loaded(folder).catalogue }
        for file in tree.files where file.isCatalogue {
            _ = loaded((file.canonical as NSString).deletingLastPathComponent)
        }

        // Bundles, on every core.
        let limits = options.limits
        let requireFees = options.requireFees
        let catalogueByFolder = catalogues
        let results = Mutex([FileReport?](repeating: nil, count: bundleFiles.count))
        let work = { @Sendable (index: Int) in
            let catalogue = catalogueOf[index].flatMap { catalogueByFolder[$0] }
            var (report, bundle, _) = BundleValidation.validate(
                path: bundleFiles[index].path, catalogue: catalogue, limits: limits)
            if requireFees, let bundle {
                report.diagnostics += BundleChecker.missingFees(bundle)
                report.diagnostics.sort(by: Diagnostic.sourceOrder)
            }
            results.withLock { $0[index] = report }
        }
        if options.parallel, bundleFiles.count > 1 {
            DispatchQueue.concurrentPerform(iterations: bundleFiles.count, execute: work)
        } else {
            for index in bundleFiles.indices { work(index) }
        }
        let bundleReports = results.withLock { $0 }
        var byPath: [String: FileReport] = [:]
        for (file, report) in zip(bundleFiles, bundleReports) { byPath[file.path] = report }
        for file in tree.files where file.isCatalogue {
            let folder = (file.canonical as NSString).deletingLastPathComponent
            byPath[file.path] = folders[folder]?.reports[file.canonical]
        }
        // A catalogue folder that cannot be read has a report of its own.
        let unreadableFolders = folders.keys.sorted().compactMap { folders[$0]?.reports[$0] }
        return ValidationReport(files: unreadableFolders + tree.files.compactMap { byPath[$0.path] })
    }

    /// Validates one bundle from the bytes of its file, with the same findings as the
    /// file would have: `name` is what findings show as its file (a path, or the name
    /// of an upload), and `catalogue` the catalogue it is checked against (see
    /// ``CatalogueLoader/load(files:limits:)``). ``Options/limits`` hold as for a file:
    /// bytes over the size limit are not read (OT105).
    public func validate(bytes: [UInt8], name: String, catalogue: Catalogue) -> FileReport {
        BundleValidation.validate(bytes: bytes, name: name, catalogue: catalogue, limits: options.limits)
            .report
    }

    /// Validates one bundle from the bytes of its file as
    /// ``validate(bytes:name:catalogue:)`` does, and keeps the bundle as decoded, with
    /// errors or not, for a tool that shows its names and places (an editor). Without a
    /// catalogue the bundle has the finding a file without one has (OT604).
    public func analyse(bytes: [UInt8], name: String, catalogue: Catalogue?) -> BundleAnalysis {
        let result = BundleValidation.validate(
            bytes: bytes, name: name, catalogue: catalogue, limits: options.limits)
        return BundleAnalysis(report: result.report, bundle: result.decoded)
    }
}

/// One bundle file's findings together with the bundle decoded from it.
public struct BundleAnalysis: Sendable {
    /// The findings, as ``Validator/validate(bytes:name:catalogue:)`` gives them.
    public var report: FileReport
    /// The bundle as decoded, even when it has errors; `nil` when the file is not YAML or
    /// not shaped like a bundle at all.
    public var bundle: ServiceBundle?

    /// Creates an analysis.
    public init(report: FileReport, bundle: ServiceBundle?) {
        self.report = report
        self.bundle = bundle
    }
}
