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
        // The size of the entry itself, as FileManager's attributes give it (lstat),
        // without building every attribute.
        var entry = stat()
        guard lstat(path, &entry) == 0 else { return .unreadable(cannotRead(path)) }
        let size = Int(entry.st_size)
        if size > limits.maxBytes {
            return .unreadable(.fileTooLarge(path, size: size, limit: limits.maxBytes))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .unreadable(cannotRead(path))
        }
        return .bytes([UInt8](data))
    }

    /// OT106: the file at `path` cannot be read at all, with why: a folder, a symbolic
    /// link that leads nowhere, a file that is gone, or one that may not be read.
    static func cannotRead(_ path: String) -> Diagnostic {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let message: LocalizedText
        let hint: LocalizedText
        if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            message = .init(en: "this is a folder, not a file", zh: "这是一个文件夹，不是文件")
            hint = .init(
                en: "names ending in .yaml are read as bundle or catalogue files: rename the folder",
                zh: "以 .yaml 结尾的名称会被当作事项或共享目录文件读取，请重命名该文件夹")
        } else if isDanglingLink(path) {
            message = .init(
                en: "a symbolic link that leads nowhere (a loop, or a target that does not exist)",
                zh: "符号链接无法到达文件（链接成环，或目标不存在）")
            hint = .init(en: "point the link at a file, or remove it", zh: "请让链接指向一个文件，或删除该链接")
        } else if !manager.fileExists(atPath: path) {
            message = .init(en: "the file does not exist", zh: "文件不存在")
            hint = .init(en: "check the path", zh: "请检查路径")
        } else {
            message = .init(en: "cannot read the file", zh: "无法读取该文件")
            hint = .init(en: "check that it may be read", zh: "请检查文件的读取权限")
        }
        return Diagnostic(
            code: .notText, severity: .error, span: .wholeFile(path), message: message, hint: hint)
    }

    /// Whether `path` is a symbolic link whose target cannot be reached.
    static func isDanglingLink(_ path: String) -> Bool {
        do {
            _ = try FileManager.default.destinationOfSymbolicLink(atPath: path)
        } catch {
            return false  // not a link
        }
        return !FileManager.default.fileExists(atPath: path)
    }
}
