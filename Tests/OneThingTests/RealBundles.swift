import Foundation
import OneThing
import Testing

/// The real bundles of `bundles/`, and variants of them written in a test.
enum RealBundles {
    /// The path of `bundles/<name>`.
    static func path(_ name: String) -> String {
        PublishedFiguresTests.root.appendingPathComponent("bundles/\(name)").path
    }

    /// `bundles/<name>` loaded; with `text`, that text loaded instead (as `variant.yaml`)
    /// against the real bundle's catalogue. Throws when either is not valid.
    static func loaded(_ name: String, text: String? = nil) throws -> BundleLoader.Loaded {
        guard case .loaded(let real) = try BundleLoader.load(path: path(name)) else {
            throw LegalLimitDecodingTests.LoadFailure(legal: "bundles/\(name) is not valid")
        }
        guard let text else { return real }
        guard
            case .loaded(let loaded) = BundleLoader.load(
                bytes: Array(text.utf8), name: "variant.yaml", catalogue: real.catalogue)
        else {
            throw LegalLimitDecodingTests.LoadFailure(legal: "the variant of bundles/\(name) is not valid")
        }
        return loaded
    }
}
