@_exported import OneThingModel
@_exported import OneThingPlan
@_exported import OneThingSource

/// What validation found in one file.
public struct FileReport: Sendable {
    /// The path as the user named it (or as found under a named folder).
    public var path: String
    /// The file's text, when it could be read as text; renderers quote lines from it.
    public var source: SourceFile?
    /// The findings, in source order.
    public var diagnostics: [Diagnostic]

    /// Creates a file report.
    public init(path: String, source: SourceFile?, diagnostics: [Diagnostic]) {
        self.path = path
        self.source = source
        self.diagnostics = diagnostics
    }
}

/// What validation found in every file it was given, in path order.
public struct ValidationReport: Sendable {
    /// One report per file.
    public var files: [FileReport]

    /// Creates a report.
    public init(files: [FileReport]) {
        self.files = files
    }

    /// Every finding of every file, in file and source order.
    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }

    /// The number of errors.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }

    /// The number of warnings.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// The source of a file by path, for renderers that quote lines.
    public func source(of path: String) -> SourceFile? {
        files.first { $0.path == path }?.source
    }
}

/// A path named on the command line that cannot be read at all (exit status 2).
public struct ValidationInputError: Error, Sendable, CustomStringConvertible {
    /// The path.
    public var path: String
    /// Why it cannot be read.
    public var reason: LocalizedText

    /// Creates an input error.
    public init(path: String, reason: LocalizedText) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason.en)" }
}
