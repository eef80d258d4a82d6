import Foundation

/// Reads one file from disk into located YAML, within the limits: every file OneThing
/// reads (bundles, catalogues, answers, adapters files) comes through here.
public enum SourceReader {
    /// The file's text (when it is text) and its document.
    public static func read(path: String, limits: YAMLLimits) -> (SourceFile?, YAMLDocument) {
        // The size, to refuse a large file before reading it. `nil` (its attributes
        // cannot be read) is a correct answer here: the read below then fails as well
        // and reports the file as one that cannot be read.
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > limits.maxBytes {
            return (
                nil,
                YAMLDocument(
                    root: nil, diagnostics: [.fileTooLarge(path, size: size, limit: limits.maxBytes)])
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (
                nil,
                YAMLDocument(
                    root: nil,
                    diagnostics: [
                        Diagnostic(
                            code: .notText, severity: .error, span: .wholeFile(path),
                            message: .init(en: "cannot read the file", zh: "无法读取该文件"),
                            hint: .init(en: "check that it exists and may be read", zh: "请检查文件是否存在、是否有读取权限"))
                    ])
            )
        }
        return YAMLComposer.compose(path: path, bytes: [UInt8](data), limits: limits)
    }
}
