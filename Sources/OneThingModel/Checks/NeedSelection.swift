/// Which needs with a condition (`{material: …, when: …}`) apply to one applicant: the
/// rest always apply where their item does. The planner fills it from the answers; the
/// worst-case search from the outcomes of the conditions.
public struct NeedSelection: Hashable, Sendable {
    /// The needs that do not apply, as item index and need index.
    private var skipped: Set<[Int]>

    /// Every need applies.
    public static let all = NeedSelection(skipped: [])

    private init(skipped: Set<[Int]>) {
        self.skipped = skipped
    }

    /// The selection of `bundle`'s needs for which `applies(item, need)` is true; it is
    /// asked only about needs that have a condition or are from parties (`from:`), who
    /// may not take part.
    public init(bundle: ServiceBundle, applies: (_ item: Int, _ need: Int) -> Bool) {
        var skipped = Set<[Int]>()
        for (i, item) in bundle.items.enumerated() {
            for (n, need) in item.needs.enumerated()
            where (need.when != nil || !need.from.isEmpty) && !applies(i, n) {
                skipped.insert([i, n])
            }
        }
        self.skipped = skipped
    }

    /// Whether the need at `need` of the item at `item` applies.
    public func applies(item: Int, need: Int) -> Bool { !skipped.contains([item, need]) }

    /// Sets whether the need at `need` of the item at `item` applies.
    public mutating func set(item: Int, need: Int, applies: Bool) {
        if applies { skipped.remove([item, need]) } else { skipped.insert([item, need]) }
    }
}
