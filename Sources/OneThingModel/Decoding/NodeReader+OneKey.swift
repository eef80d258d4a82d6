import OneThingSource

extension NodeReader {
    /// The first of `keys` written in the mapping `f`, when a mapping must have exactly
    /// one of them (a need's `material`/`one-of`/…, a period's `lasts`/`at-most`).
    /// Reports `missing` and returns `nil` when none is written, and `twice(first,
    /// second, span of the second key)` when more than one is (the first is still read).
    mutating func oneKey(
        of keys: [String], in f: Fields, missing: Diagnostic,
        twice: (String, String, SourceSpan) -> Diagnostic
    ) -> String? {
        let written = keys.filter { f[$0] != nil }
        guard let first = written.first else {
            report(missing)
            return nil
        }
        if written.count > 1, let second = f.keySpan(written[1]) {
            report(twice(first, written[1], second))
        }
        return first
    }
}
