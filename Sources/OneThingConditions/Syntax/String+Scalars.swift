extension String {
    /// The text of `scalars`, encoded in one pass into a string of the right size.
    init(scalars: ArraySlice<Unicode.Scalar>) {
        var count = 0
        for scalar in scalars { count += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[index] = byte
                    index += 1
                }
            }
            return index
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The Unicode scalars of `text`, read in one pass.
    init(scalarsOf text: String) {
        self.init()
        reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { append(scalar) }
    }
}
