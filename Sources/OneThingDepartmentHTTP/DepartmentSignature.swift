import Crypto
import Foundation
import OneThingRuntime
import OneThingSource

/// The signature on every message between the platform and a department's system, both
/// ways (a pushed task, a callback): HMAC-SHA256 with the department's shared secret
/// over the timestamp's decimal digits, one full stop, and the body's bytes exactly as
/// sent; written as `v1=` and 64 lower-case hexadecimal digits. The README's
/// "Connecting a department system over HTTP" writes the scheme out for departments.
public enum DepartmentSignature {
    /// The header with the moment of signing, whole seconds since 1970-01-01T00:00:00Z.
    public static let timestampHeader = "OneThing-Timestamp"
    /// The header with the signature, `v1=` and the hexadecimal HMAC.
    public static let signatureHeader = "OneThing-Signature"
    /// The header with the task's idempotency key, `case/step/attempt`, on a pushed task.
    public static let keyHeader = "Idempotency-Key"
    /// How far a message's timestamp may lie from the receiver's clock, either way, in seconds.
    public static let window: Int64 = 300

    /// The bytes signed: `timestamp`'s decimal digits, `.`, and `body`.
    public static func signedBytes(timestamp: Int64, body: some Collection<UInt8>) -> [UInt8] {
        Array("\(timestamp).".utf8) + Array(body)
    }

    /// The signature header's value of `body` sent at `timestamp` (seconds), under `secret`.
    public static func sign(_ body: some Collection<UInt8>, timestamp: Int64, secret: DepartmentSecret)
        -> String
    {
        let code = HMAC<SHA256>.authenticationCode(
            for: signedBytes(timestamp: timestamp, body: body), using: secret.key)
        return "v1=" + Hexadecimal.text(code)
    }

    /// Whether `header` is the signature of `body` sent at `timestamp` under `secret`,
    /// compared in constant time.
    public static func isValid(
        _ header: String, body: some Collection<UInt8>, timestamp: Int64, secret: DepartmentSecret
    ) -> Bool {
        guard header.hasPrefix("v1="), let code = Hexadecimal.bytes(header.dropFirst(3)), code.count == 32
        else {
            return false
        }
        return HMAC<SHA256>.isValidAuthenticationCode(
            code, authenticating: signedBytes(timestamp: timestamp, body: body), using: secret.key)
    }

    /// Whole seconds since 1970 of `moment`.
    public static func seconds(_ moment: Timestamp) -> Int64 { moment.milliseconds / 1000 }
}

/// A department's shared secret: held as a key, never printed (its description says
/// only where it came from).
public struct DepartmentSecret: Sendable, CustomStringConvertible {
    /// The secret's bytes (kept private; ``description`` never shows them).
    private let bytes: [UInt8]
    /// The key the HMAC is computed with.
    var key: SymmetricKey { SymmetricKey(data: bytes) }
    /// Where it came from, for messages.
    public let source: String

    /// A secret of `bytes`, from `source` (a name for messages).
    public init(bytes: some Collection<UInt8>, source: String) {
        self.bytes = Array(bytes)
        self.source = source
    }

    /// The secret `settings` name: an environment variable's value or a file's content,
    /// white space around it removed.
    ///
    /// - Throws: ``SecretError`` (naming the department and the source, never a value)
    ///   when none is named, the variable is unset or empty, or the file cannot be read.
    public init(
        department: String, from source: HTTPDepartmentSettings.SecretSource?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SecretError) {
        guard let source else { throw SecretError(department: department, source: nil) }
        let text: String?
        switch source {
        case .environment(let name): text = environment[name]
        case .file(let path):
            text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        }
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !trimmed.isEmpty else { throw SecretError(department: department, source: source) }
        self.init(bytes: Array(trimmed.utf8), source: source.description)
    }

    /// Where the secret came from; never the secret.
    public var description: String { "secret from \(source)" }
}

/// A department's secret could not be had: which department, and where it was looked
/// for (never a value).
public struct SecretError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The department.
    public var department: String
    /// Where the secret was looked for; `nil` when the adapters file names no source.
    public var source: HTTPDepartmentSettings.SecretSource?

    /// What went wrong, in both languages.
    public var text: LocalizedText {
        guard let source else {
            return .init(
                en:
                    "department \(department) has no secret: give secret-env or secret-file in the adapters file",
                zh: "部门 \(department) 未配置密钥：请在适配器配置文件中给出 secret-env 或 secret-file")
        }
        switch source {
        case .environment(let name):
            return .init(
                en:
                    "the secret of department \(department) is missing: environment variable \(name) is unset or empty",
                zh: "部门 \(department) 的密钥缺失：环境变量 \(name) 未设置或为空")
        case .file(let path):
            return .init(
                en:
                    "the secret of department \(department) is missing: file \(path) cannot be read or is empty",
                zh: "部门 \(department) 的密钥缺失：文件 \(path) 无法读取或为空")
        }
    }

    public var description: String { text.en }
}
