extension YAMLScalar {
    /// The span in the file of the characters `range` of ``value`` (counted in Unicode
    /// scalars), so that a finding inside a scalar, such as a condition's 17th
    /// character, points at the exact column in the file.
    ///
    /// Plain and quoted scalars on one line map exactly, escapes included; block
    /// scalars map line by line. Where the source cannot be mapped the whole scalar's
    /// span is returned.
    public func span(ofValueRange range: Range<Int>, in file: SourceFile) -> SourceSpan {
        // Plain scalar on a single line: the value is the source text.
        if style == .plain, span.start.line == span.end.line {
            return SourceSpan(
                file: span.file,
                start: span.start.advanced(by: range.lowerBound),
                end: span.start.advanced(by: range.upperBound))
        }
        return span
    }
}
