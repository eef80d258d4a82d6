/// Turns the findings of one validation run into text for a person or a tool.
///
/// Every renderer takes the findings in the order it should show them (file, then
/// position: see ``Diagnostic/sourceOrder(_:_:)``), the number of files the run read,
/// and a way to find a file's text by the path its findings name, for renderers that
/// quote source lines. The language is a property of each renderer.
public protocol DiagnosticRenderer {
    /// Renders `diagnostics`, found in `fileCount` files, as one piece of text that
    /// ends with a line break.
    ///
    /// - Parameters:
    ///   - diagnostics: The findings, in the order to show them.
    ///   - fileCount: How many files were read, with or without findings.
    ///   - sources: The text of the file at a path, or `nil` when it is not at hand
    ///     (a binary file); the finding is then shown without a quoted line.
    func render(
        _ diagnostics: [Diagnostic], fileCount: Int, sources: (String) -> SourceFile?
    ) -> String
}
