import Foundation
import OneThingSource

/// The principals file that `onething serve --principals FILE` reads and `onething
/// principals add|list|remove` keeps: who may use the service, in what role, and the
/// SHA-256 hash of each one's token. The format is in `grammar/principals-format.md`.
///
/// ```yaml
/// principals:
///   window-01:
///     name: "政务服务中心综合窗口 张敏"
///     role: window
///     token-sha256: 5e8b…(64 hexadecimal digits)
///   fire-system:
///     name: "消防救援机构业务系统"
///     role: department-system
///     department: fire-rescue
///     token-sha256: 9a41…
/// ```
///
/// YAML, read with the located composer every other file of OneThing goes through, so
/// that a mistake is a finding at its line and column with a hint: an unknown key, a
/// principal id given twice (OT102), an unknown role, a department the catalogue does
/// not list, a malformed hash, a token written where its hash belongs.
public enum PrincipalsFile {
    /// The keys of the file's top level.
    public static let topKeys = ["principals"]
    /// The keys of one principal.
    public static let principalKeys = ["name", "role", "department", "token-sha256"]

    /// A principals file, read.
    public struct Loaded: Sendable {
        /// The principals the file names without errors, in the file's order.
        public let principals: [Principal]
        /// The file's text, when it could be read as text (for quoting it in findings).
        public let source: SourceFile?
        /// The findings.
        public let diagnostics: [Diagnostic]

        /// Whether a finding is an error: the file must not be used (nor rewritten).
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Why the file could not be read or written at all.
    public enum FileError: Error, Sendable, Hashable, CustomStringConvertible {
        /// There is no file at the path, or it may not be read.
        case unreadable(path: String)
        /// The file could not be written (`detail`: the system's words).
        case unwritable(path: String, detail: String)

        /// The file.
        public var path: String {
            switch self {
            case .unreadable(let path), .unwritable(let path, _): path
            }
        }

        /// What went wrong.
        public var reason: LocalizedText {
            switch self {
            case .unreadable:
                .init(en: "no principals file can be read here", zh: "无法读取此身份文件（不存在或无权读取）")
            case .unwritable(_, let detail):
                .init(en: "the file cannot be written (\(detail))", zh: "无法写入该文件（\(detail)）")
            }
        }

        public var description: String { "\(path): \(reason.en)" }
    }

    /// Reads the principals file at `path`; `departments`, when given, are the
    /// department ids of the catalogue that officers and department systems must name.
    ///
    /// - Throws: ``FileError`` when there is no file at `path` or it cannot be read.
    public static func load(path: String, departments: Set<String>? = nil, limits: YAMLLimits = .default)
        throws(FileError) -> Loaded
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path)
        }
        return decode(path: path, bytes: Array(data), departments: departments, limits: limits)
    }

    /// Reads a principals file from its bytes, with the findings the file would have.
    public static func decode(
        path: String, bytes: [UInt8], departments: Set<String>? = nil, limits: YAMLLimits = .default
    ) -> Loaded {
        let (source, document) = YAMLComposer.compose(path: path, bytes: bytes, limits: limits)
        if document.root == nil, document.diagnostics.map(\.code) == [.emptyFile] {
            return Loaded(
                principals: [], source: source, diagnostics: [.principals(.emptyFile, at: .wholeFile(path))])
        }
        guard let root = document.root else {
            return Loaded(principals: [], source: source, diagnostics: document.diagnostics)
        }
        var reader = PrincipalsFileReader(departments: departments)
        let principals = reader.principals(in: root)
        let diagnostics = (document.diagnostics + reader.diagnostics).sorted(by: Diagnostic.sourceOrder)
        return Loaded(principals: principals, source: source, diagnostics: diagnostics)
    }

    /// The text of a principals file that names `principals`, in their order: what
    /// ``write(_:to:)`` writes. Names are double-quoted, so any text survives.
    public static func text(of principals: [Principal]) -> String {
        var lines = [
            "# 身份与权限 / Principals of onething serve (grammar/principals-format.md).",
            "# Kept by 'onething principals add|remove'; only SHA-256 hashes of tokens are stored.",
            principals.isEmpty ? "principals: {}" : "principals:",
        ]
        for principal in principals {
            lines.append("  \(principal.id):")
            // JSON's string literal is a YAML double-quoted scalar; names hold no control
            // characters (``Principal/problems(departments:)``), which YAML would refuse raw.
            lines.append("    name: \(JSONValue.string(principal.name).serialized)")
            lines.append("    role: \(principal.role.rawValue)")
            if let department = principal.department { lines.append("    department: \(department)") }
            lines.append("    token-sha256: \(principal.tokenHash.hex)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the file naming `principals` to `path` atomically: into a new file beside
    /// it (readable by its owner only, forced to disk), which then replaces `path` by a
    /// rename, so a reader sees the old file or the new one and never half of one.
    ///
    /// - Throws: ``FileError`` when the folder cannot be written.
    public static func write(_ principals: [Principal], to path: String) throws(FileError) {
        try AtomicFile.write(Array(text(of: principals).utf8), to: path)
    }
}
