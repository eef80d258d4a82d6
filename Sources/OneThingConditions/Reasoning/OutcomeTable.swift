/// A set of outcome vectors, each packed into ``words`` 64-bit words (bit `i` of the
/// vector is bit `i % 64` of word `i / 64`): open addressing over one flat buffer, so
/// that asking whether an outcome is new hashes a few integers and allocates nothing.
struct OutcomeTable {
    /// The words per vector.
    let words: Int
    /// The vectors, in the order added, end to end.
    private var keys: ContiguousArray<UInt64> = []
    /// For each bucket, the index of its vector, or -1.
    private var buckets: ContiguousArray<Int32>
    /// The number of vectors.
    private(set) var count = 0

    /// An empty set of vectors of `words` words (at least 1).
    init(words: Int) {
        self.words = max(words, 1)
        self.buckets = ContiguousArray(repeating: -1, count: 16)
    }

    /// Adds the vector `key` (its first ``words`` words); whether it was not there yet.
    mutating func insert(_ key: UnsafeBufferPointer<UInt64>) -> Bool {
        if (count + 1) * 2 > buckets.count { grow() }
        let mask = buckets.count - 1
        var bucket = Self.hash(key, words: words) & mask
        while true {
            let index = Int(buckets[bucket])
            if index < 0 { break }
            if matches(index, key) { return false }
            bucket = (bucket + 1) & mask
        }
        buckets[bucket] = Int32(count)
        for word in 0..<words { keys.append(key[word]) }
        count += 1
        return true
    }

    private static func hash(_ key: UnsafeBufferPointer<UInt64>, words: Int) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for word in 0..<words {
            h = (h ^ key[word]) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
        }
        return Int(truncatingIfNeeded: h)
    }

    private func matches(_ index: Int, _ key: UnsafeBufferPointer<UInt64>) -> Bool {
        let start = index * words
        for word in 0..<words where keys[start + word] != key[word] { return false }
        return true
    }

    private mutating func grow() {
        var grown = ContiguousArray<Int32>(repeating: -1, count: buckets.count * 2)
        let mask = grown.count - 1
        let words = words
        keys.withUnsafeBufferPointer { keys in
            for index in 0..<count {
                let key = UnsafeBufferPointer(rebasing: keys[index * words..<(index + 1) * words])
                var bucket = Self.hash(key, words: words) & mask
                while grown[bucket] >= 0 { bucket = (bucket + 1) & mask }
                grown[bucket] = Int32(index)
            }
        }
        buckets = grown
    }
}
