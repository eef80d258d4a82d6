import Foundation

/// Reads one file from disk into located nodes, within the limits: every file OneThing
/// reads (bundles, catalogues, answers, adapters files) comes through here, and then
/// goes the same way as bytes given in memory.
public enum SourceReader {
    /// A file's bytes, or the finding that says why they could not be read.
    enum Contents {
        /// The whole file.
        case bytes([UInt8])
        /// The file is larger than the limit (OT105, found before reading it) or
        /// cannot be read (OT106).
        case unreadable(Diagnostic)
    }

    /// The file's text (when it is text) and its YAML document.
    public static func read(path: String, limits: YAMLLimits) -> (SourceFile?, YAMLDocument) {
        switch contents(path: path, limits: limits) {
        case .bytes(let bytes):
            return YAMLComposer.compose(path: path, bytes: bytes, limits: limits)
        case .unreadable(let diagnostic):
            return (nil, YAMLDocument(root: nil, diagnostics: [diagnostic]))
        }
    }

    /// The bytes of the file at `path`; a file over the size limit is refused before
    /// it is read, with the finding that bytes over the limit in memory get.
    static func contents(path: String, limits: YAMLLimits) -> Contents {
        let size: Int?
        do {
            size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        } catch {
            return .unreadable(cannotRead(path))
        }
        if let size, size > limits.maxBytes {
            return .unreadable(.fileTooLarge(path, size: size, limit: limits.maxBytes))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .unreadable(cannotRead(path))
        }
        return .bytes([UInt8](data))
    }

    /// OT106: the file at `path` cannot be read at all.
    static func cannotRead(_ path: String) -> Diagnostic {
        Diagnostic(
            code: .notText, severity: .error, span: .wholeFile(path),
            message: .init(en: "cannot read the file", zh: "无法读取该文件"),
            hint: .init(en: "check that it exists and may be read", zh: "请检查文件是否存在、是否有读取权限"))
    }
}
