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
    /// `catalogue` folder beside or above it): the catalogue folder and the file are
    /// read, then loaded as ``load(bytes:name:catalogue:limits:)`` loads bytes.
    ///
    /// - Throws: ``ValidationInputError`` when the path or the catalogue folder cannot be
    ///   read, or the catalogue has an error.
    public static func load(path: String, catalogue: String? = nil, limits: YAMLLimits = .default)
        throws(ValidationInputError) -> Result
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            throw ValidationInputError(path: path, reason: .init(en: "no such bundle file", zh: "一件事文件不存在"))
        }
        if let catalogue { try CatalogueLoader.requireFolder(catalogue) }
        var loadedCatalogue: Catalogue?
        if let folder = catalogue ?? SourceTree.catalogueFolder(for: path) {
            let loaded = CatalogueLoader.load(folder: folder, limits: limits)
            if loaded.hasErrors {
                let findings = loaded.reports.values.flatMap(\.diagnostics).filter { $0.severity == .error }
                throw ValidationInputError(
                    path: folder,
                    reason: .init(
                        en: "the catalogue has \(findings.count) error(s); run 'onething validate \(folder)'",
                        zh: "共享目录有 \(findings.count) 个错误；请运行“onething validate \(folder)”"))
            }
            loadedCatalogue = loaded.catalogue
        }
        switch SourceReader.contents(path: path, limits: limits) {
        case .bytes(let bytes):
            return load(bytes: bytes, name: path, catalogue: loadedCatalogue, limits: limits)
        case .unreadable(let diagnostic):
            return .invalid(FileReport(path: path, source: nil, diagnostics: [diagnostic]))
        }
    }

    /// Loads a bundle from the bytes of its file, with the same findings as the file
    /// would have: `name` is what findings show as its file (a path, or the name of an
    /// upload), and `catalogue` is an already loaded catalogue (see
    /// ``CatalogueLoader/load(files:limits:)``; a catalogue with errors should not be
    /// used). The ``YAMLLimits`` hold as for a file: bytes over the size limit are not
    /// read (OT105).
    public static func load(bytes: [UInt8], name: String, catalogue: Catalogue, limits: YAMLLimits = .default)
        -> Result
    {
        load(bytes: bytes, name: name, catalogue: Optional(catalogue), limits: limits)
    }

    /// Loads a bundle from bytes; without a catalogue the bundle is invalid (OT604).
    static func load(bytes: [UInt8], name: String, catalogue: Catalogue?, limits: YAMLLimits) -> Result {
        let (report, bundle, _) = BundleValidation.validate(
            bytes: bytes, name: name, catalogue: catalogue, limits: limits)
        guard let bundle, let source = report.source, let catalogue else { return .invalid(report) }
        do {
            let builder = try PlanBuilder(bundle: bundle, source: source, catalogue: catalogue)
            return .loaded(
                Loaded(source: source, bundle: bundle, catalogue: catalogue, builder: builder, report: report)
            )
        } catch {
            return .invalid(
                FileReport(path: name, source: source, diagnostics: report.diagnostics + error.diagnostics))
        }
    }
}
