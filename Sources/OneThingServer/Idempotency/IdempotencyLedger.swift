import Foundation
import OneThingRuntime

/// What the server remembers of requests that carried an `Idempotency-Key`, in the
/// store's metadata (so it survives a restart): per caller and key, a fingerprint of
/// the request, and once it was answered, the answer. A repeat of the same request
/// gets the first answer again; the same key with another request is refused; a
/// repeat that arrives while the first is still being answered is told to wait.
///
/// **Creating a case survives a crash.** Before a case is started, its id and the
/// applicant's access code are recorded under the key (``reserve(_:caseID:accessCode:)``);
/// the case's first events are appended after that, the answer last. A repeat after a
/// crash finds the reservation: if the case was stored, the answer is made again from
/// the case; if not, the case is started now under the reserved id. Either way the
/// applicant gets one case and one code, never two.
///
/// Records are kept as metadata under `idempotency/CALLER/KEY`; the access code in a
/// reservation is what lets a repeat show the applicant the same code (only its hash is
/// kept for checking codes).
public actor IdempotencyLedger {
    /// What is remembered of one request.
    public struct Record: Codable, Sendable, Hashable {
        /// The fingerprint of the request (method, path and body).
        public var fingerprint: String
        /// The case a creation reserved, if any.
        public var caseID: CaseID?
        /// The access code reserved for that case.
        public var accessCode: String?
        /// The answer's status, once answered.
        public var status: Int?
        /// The answer's `Location`, if any.
        public var location: String?
        /// The answer's body (JSON text), once answered.
        public var body: String?
        /// When the record was written.
        public var at: Timestamp
    }

    /// A key the caller sent, scoped to the caller.
    public struct Key: Sendable, Hashable {
        /// Who sent it: the principal's id, or an applicant's case.
        public var caller: String
        /// The key as sent.
        public var key: String

        var metadataKey: String { "idempotency/\(caller)/\(key)" }
    }

    let store: any EventStore
    var inFlight: Set<Key> = []

    /// A ledger in `store`'s metadata.
    public init(store: any EventStore) {
        self.store = store
    }

    /// The most characters an `Idempotency-Key` may have.
    public static let maximumKeyLength = 255

    /// Checks a key as sent: 1 to 255 visible ASCII characters.
    static func validate(_ key: String) throws(Problem) {
        guard !key.isEmpty, key.count <= maximumKeyLength,
            key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else {
            throw Problem(
                .invalidParameter,
                en: "an Idempotency-Key is 1 to \(maximumKeyLength) visible ASCII characters, such as a UUID",
                zh: "Idempotency-Key 应为 1 至 \(maximumKeyLength) 个可见 ASCII 字符，例如 UUID",
                members: ["header": "Idempotency-Key"])
        }
    }

    /// Starts answering a request with `key` and `fingerprint`: returns the record of an
    /// earlier request with the same key (the caller replays its answer or takes over
    /// its reservation), or `nil` for a new key. Every call that returns must be
    /// followed by ``finish(_:)``.
    ///
    /// - Throws: ``Problem`` ``ProblemKind/idempotencyKeyInUse`` while another request with
    ///   the key is being answered, ``ProblemKind/idempotencyKeyReused`` when the key was
    ///   used for another request, or the store's problem.
    func begin(_ key: Key, fingerprint: String) async throws(Problem) -> Record? {
        guard inFlight.insert(key).inserted else {
            throw Problem(
                .idempotencyKeyInUse,
                en:
                    "a request with Idempotency-Key '\(key.key)' is still being answered; repeat it in a moment",
                zh: "使用幂等键“\(key.key)”的请求仍在处理中，请稍后重试")
        }
        let record: Record?
        do {
            record = try await read(key)
        } catch {
            inFlight.remove(key)
            throw error
        }
        if let record, record.fingerprint != fingerprint {
            inFlight.remove(key)
            throw Problem(
                .idempotencyKeyReused,
                en:
                    "Idempotency-Key '\(key.key)' was used before for a different request; use a new key for a new request",
                zh: "幂等键“\(key.key)”已用于另一个不同的请求；新的请求请使用新的幂等键")
        }
        return record
    }

    /// Ends answering the request with `key`.
    func finish(_ key: Key) { inFlight.remove(key) }

    /// Records that a creation reserved `caseID` with `accessCode`.
    func reserve(_ key: Key, fingerprint: String, caseID: CaseID, accessCode: String) async throws(Problem) {
        try await write(
            Record(
                fingerprint: fingerprint, caseID: caseID, accessCode: accessCode, status: nil, location: nil,
                body: nil,
                at: .now), key)
    }

    /// Records the answer to the request with `key`.
    func answered(_ key: Key, record: Record) async throws(Problem) {
        try await write(record, key)
    }

    func read(_ key: Key) async throws(Problem) -> Record? {
        let text: String?
        do {
            text = try await store.metadata(key.metadataKey)
        } catch {
            throw Problem(error)
        }
        guard let text else { return nil }
        do {
            return try JSONDecoder().decode(Record.self, from: Data(text.utf8))
        } catch {
            throw Problem(
                .storeFailed,
                en: "the record of Idempotency-Key '\(key.key)' cannot be read: \(error)",
                zh: "幂等键“\(key.key)”的记录无法读取：\(error)")
        }
    }

    func write(_ record: Record, _ key: Key) async throws(Problem) {
        let text: String
        do {
            text = String(decoding: try JSONText.bytes(record), as: UTF8.self)
        } catch {
            throw Problem(
                .internalError, en: "the record could not be written: \(error)", zh: "记录无法写入：\(error)")
        }
        do {
            try await store.setMetadata(text, for: key.metadataKey)
        } catch {
            throw Problem(error)
        }
    }
}
