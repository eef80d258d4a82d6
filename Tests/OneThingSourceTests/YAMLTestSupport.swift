@testable import OneThingSource

/// The path every test file is composed under.
let testPath = "test.yaml"

/// Composes `text` as the file `test.yaml`.
func compose(_ text: String, limits: YAMLLimits = .default) -> YAMLDocument {
    YAMLComposer.compose(SourceFile(path: testPath, text: text), limits: limits)
}

/// A location, shorter to write.
func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(line: line, column: column)
}

/// A span in `test.yaml`, shorter to write.
func span(_ start: SourceLocation, _ end: SourceLocation) -> SourceSpan {
    SourceSpan(file: testPath, start: start, end: end)
}

/// The codes of a document's findings, in order.
func codes(_ document: YAMLDocument) -> [DiagnosticCode] {
    document.diagnostics.map(\.code)
}
