import OneThingSource

/// A department of the shared catalogue.
public struct Department: Hashable, Sendable {
    /// The id bundles name it by: `market-regulation`.
    public var id: Located<String>
    /// Its Chinese name: `市场监督管理局`.
    public var name: String
    /// Its English name, if given.
    public var englishName: String?

    /// Creates a department.
    public init(id: Located<String>, name: String, englishName: String? = nil) {
        self.id = id
        self.name = name
        self.englishName = englishName
    }
}
