import Foundation
import OneThing
import OneThingAccess
import OneThingSimulation

/// What the access tests share: the real catalogue's departments, principals of each
/// role with their tokens, and files in memory.
enum AccessFixtures {
    /// The package's root folder.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The department ids of the real catalogue (`bundles/catalogue`).
    static let departments: Set<String> = Set(
        CatalogueLoader.load(folder: root.appendingPathComponent("bundles/catalogue").path).catalogue
            .departments.keys)

    /// A principal of `role` (of `department`) with a token drawn from `seed`, and the token.
    static func principal(_ id: String, _ role: Role, department: String? = nil, seed: UInt64)
        -> (Principal, String)
    {
        var generator = SplitMix64(seed: seed)
        let (token, hash) = TokenHash.newToken(using: &generator)
        return (
            Principal(id: id, name: "测试 \(id)", role: role, department: department, tokenHash: hash), token
        )
    }

    /// The principals file `text`, read as `principals.yaml` against the real catalogue.
    static func read(_ text: String) -> PrincipalsFile.Loaded {
        PrincipalsFile.decode(path: "principals.yaml", bytes: Array(text.utf8), departments: departments)
    }

    /// A hash written as 64 hexadecimal digits, for files written by hand in tests.
    static let someHash = String(repeating: "ab", count: 32)
}
