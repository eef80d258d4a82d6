import Foundation
import OneThing

/// Finds the bundle file of a stored case beside its catalogue, so that `onething case`
/// can name its materials and outputs: the `.yaml` files of the catalogue's parent
/// folder whose `id` and `version` are the case's.
enum BundleFinder {
    /// The bundle `id` at `version` in the folder above `catalogue`, if one is there and valid.
    static func bundle(id: String, version: String, catalogue: String) -> ServiceBundle? {
        let folder = (catalogue as NSString).deletingLastPathComponent
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = folder.isEmpty ? name : folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let root = YAMLComposer.compose(path: path, bytes: [UInt8](data)).1.root
            guard root?["id"]?.scalar?.value == id, root?["version"]?.scalar?.value == version,
                case .loaded(let loaded)? = try? BundleLoader.load(path: path, catalogue: catalogue)
            else { continue }
            return loaded.bundle
        }
        return nil
    }
}
