extension YAMLScalar {
    /// The span in the file of the characters `range` of ``value`` (counted in Unicode
    /// scalars), so that a finding inside a scalar, such as a condition's 17th
    /// character, points at the exact column in the file.
    ///
    /// Plain and quoted scalars map exactly, escapes (`\u4E2D`, `''`) and line folding
    /// included; `|` and `>` blocks map line by line. The source is re-read and the
    /// mapping used only when it reproduces ``value``; otherwise, or when `range` lies
    /// outside the value, the whole scalar's span is returned.
    public func span(ofValueRange range: Range<Int>, in file: SourceFile) -> SourceSpan {
        YAMLValuePositions.of(self, in: file)?.span(of: range, file: span.file) ?? span
    }
}
