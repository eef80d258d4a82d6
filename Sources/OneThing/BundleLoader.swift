import Foundation
import OneThingPlan

/// Loads one bundle file for planning: reads it, validates it fully against its
/// catalogue, and prepares its ``PlanBuilder``. A bundle with an error is not planned;
/// its findings say why.
public enum BundleLoader {
    /// A bundle ready to plan.
    public struct Loaded: Sendable {
        /// The bundle file's text.
        public let source: SourceFile
        /// The bundle.
        public let bundle: ServiceBundle
        /// Its catalogue.
        public let catalogue: Catalogue
        /// The builder of its plans.
        public let builder: PlanBuilder
        /// Warnings the validator found (there are no errors).
        public let report: FileReport
    }

    /// The result of loading: a bundle ready to plan, or the report that says why not.
    public enum Result: Sendable {
        /// Ready to plan.
        case loaded(Loaded)
        /// Not valid: the validator's report.
        case invalid(FileReport)
    }

    /// Loads the bundle at `path` with the catalogue at `catalogue` (or the nearest
    /// `catalogue` folder beside or above it).
    ///
    /// - Throws: ``ValidationInputError`` when the path or the catalogue folder cannot be read.
    public static func load(path: String, catalogue: String? = nil, limits: YAMLLimits = .default)
        throws(ValidationInputError) -> Result
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            throw ValidationInputError(path: path, reason: .init(en: "no such bundle file", zh: "一件事文件不存在"))
        }
        if let catalogue { try CatalogueLoader.requireFolder(catalogue) }
        guard let folder = catalogue ?? SourceTree.catalogueFolder(for: path) else {
            let report = BundleValidation.validate(path: path, catalogue: nil, limits: limits)
            return .invalid(report)
        }
        let loadedCatalogue = CatalogueLoader.load(folder: folder, limits: limits)
        if loadedCatalogue.hasErrors {
            let findings = loadedCatalogue.reports.values.flatMap(\.diagnostics).filter {
                $0.severity == .error
            }
            throw ValidationInputError(
                path: folder,
                reason: .init(
                    en: "the catalogue has \(findings.count) error(s); run 'onething validate \(folder)'",
                    zh: "共享目录有 \(findings.count) 个错误；请运行“onething validate \(folder)”"))
        }
        let (report, bundle) = BundleValidation.validateKeepingBundle(
            path: path, catalogue: loadedCatalogue.catalogue, limits: limits)
        guard let bundle, let source = report.source else { return .invalid(report) }
        do {
            let builder = try PlanBuilder(
                bundle: bundle, source: source, catalogue: loadedCatalogue.catalogue)
            return .loaded(
                Loaded(
                    source: source, bundle: bundle, catalogue: loadedCatalogue.catalogue, builder: builder,
                    report: report))
        } catch {
            return .invalid(
                FileReport(path: path, source: source, diagnostics: report.diagnostics + error.diagnostics))
        }
    }
}
