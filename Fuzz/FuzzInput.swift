// What every fuzz target shares: the real catalogue and bundles, loaded once, and the
// renderers every finding goes through (text in both languages, JSON, SARIF), so that a
// finding the fuzzer reaches is also shown as a user would see it.
import Foundation
import OneThing
import OneThingSource

/// The repository the fuzz targets read their real bundles from: `ONETHING_ROOT`, or
/// the current folder.
enum FuzzInput {
    static let root = ProcessInfo.processInfo.environment["ONETHING_ROOT"] ?? FileManager.default.currentDirectoryPath

    /// The real catalogue, `bundles/catalogue`.
    static let catalogue: Catalogue = CatalogueLoader.load(folder: root + "/bundles/catalogue").catalogue

    /// The real bundles that load clean, in name order.
    static let bundles: [BundleLoader.Loaded] = {
        let folder = root + "/bundles"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return names.compactMap { name in
            guard let bytes = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
            if case .loaded(let loaded) = BundleLoader.load(bytes: Array(bytes), name: name, catalogue: catalogue) {
                return loaded
            }
            return nil
        }
    }()

    /// Renders `diagnostics` every way the CLI can, in both languages.
    static func renderAll(_ diagnostics: [Diagnostic], sources: [SourceFile]) {
        let byPath = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for language in [Language.en, .zh] {
            _ = TextDiagnosticRenderer(language: language, usesColor: true).render(diagnostics, fileCount: 1) { byPath[$0] }
            _ = JSONDiagnosticRenderer(language: language).render(diagnostics, fileCount: 1) { byPath[$0] }
            _ = SARIFDiagnosticRenderer(language: language, toolVersion: "fuzz").render(diagnostics, fileCount: 1) { byPath[$0] }
        }
    }
}

/// Loads the catalogue and the real bundles before the first input, so that their
/// one-time cost is not taken for a hang of the first input (libFuzzer's -timeout).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    _ = FuzzInput.catalogue.calendar(region: "CN")
    _ = FuzzInput.bundles.count
    return 0
}
