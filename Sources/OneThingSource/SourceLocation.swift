/// A position in a source file: 1-based line and column.
///
/// Columns count Unicode scalars (characters as a person sees them in an editor, with
/// `中` one column), not bytes, so a location reads the same in any UTF-8 editor.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The location `count` columns further along the same line.
    public func advanced(by count: Int) -> SourceLocation {
        SourceLocation(line: line, column: column + count)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// A range of text in one file: from `start` up to, not including, `end`.
///
/// `end` is exclusive, as in SARIF: a one-character span at 3:5 ends at 3:6.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    /// The path of the file as the user named it.
    public var file: String
    /// The first character of the span.
    public var start: SourceLocation
    /// The position just after the last character of the span.
    public var end: SourceLocation

    /// Creates a span in `file` from `start` up to `end` (exclusive).
    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// A zero-width span at one location, for "here" rather than "this text".
    public init(file: String, at location: SourceLocation) {
        self.init(file: file, start: location, end: location)
    }

    /// The span at the very start of a file, for findings about the whole file.
    public static func wholeFile(_ file: String) -> SourceSpan {
        SourceSpan(file: file, at: SourceLocation(line: 1, column: 1))
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(start)" }
}
