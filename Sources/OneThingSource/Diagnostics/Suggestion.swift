/// "Did you mean …?": the closest known name to a misspelt one.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance over characters (so CJK
    /// names work), if it is close enough to be a plausible misspelling: at most a
    /// third of the longer name's length, and at least one edit allowed.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = Array(candidate.lowercased())
            let limit = max(1, max(target.count, other.count) / 3)
            guard abs(target.count - other.count) <= limit else { continue }
            let d = distance(target, other)
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// The Levenshtein distance between two character arrays, with adjacent
    /// transpositions counted as one edit.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// The `count` candidates closest to `word`, nearest first (ties in the candidates'
    /// order), however far they are: for "the closest known ones are …". A candidate
    /// is a name with its other spellings (an id and its Chinese name); its distance is
    /// that of its closest spelling.
    public static func nearest(
        to word: String, among candidates: [(name: String, spellings: [String])], count: Int
    ) -> [String] {
        let target = Array(word.lowercased())
        let ranked = candidates.enumerated().map { index, candidate in
            let distance =
                candidate.spellings.map { Self.distance(target, Array($0.lowercased())) }.min() ?? Int.max
            return (candidate.name, distance, index)
        }
        return ranked.sorted { ($0.1, $0.2) < ($1.1, $1.2) }.prefix(count).map(\.0)
    }

    /// A hint "did you mean `x`?" in both languages, or `nil` when nothing is close.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> LocalizedText? {
        closest(to: word, among: candidates).map(hint(for:))
    }

    /// The hint "did you mean `match`?" in both languages.
    public static func hint(for match: String) -> LocalizedText {
        LocalizedText(en: "did you mean '\(match)'?", zh: "是否应为“\(match)”？")
    }
}
