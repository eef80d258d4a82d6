import Foundation
import OneThingRuntime
import OneThingSource
import Synchronization

/// Checks the callbacks departments' systems post to the platform before anything of
/// theirs reaches the engine: the signature under the department's secret, the
/// timestamp within ``DepartmentSignature/window`` of the platform's clock, a well-formed
/// answer, and a callback id not seen before. A callback whose id was seen with the
/// same answer is a duplicate (answered as before, recorded once); with another answer,
/// a replay (refused). Whether the task is the department's and its attempt the current
/// one is the server's check, against the case.
public final class CallbackVerifier: Sendable {
    /// A callback that passed: the department's answer on one task.
    public struct Verified: Sendable, Hashable {
        /// The callback's id.
        public var callbackID: String
        /// The task's idempotency key.
        public var key: String
        /// The answer.
        public var outcome: AdapterOutcome
        /// With an approval, the documents it issued (output id → number).
        public var documents: [String: String] = [:]
        /// With an approval, the results it decided (output id → value id).
        public var results: [String: String] = [:]
        /// Whether the same callback came before (it must not take effect again).
        public var isDuplicate: Bool
        /// The department that sent it.
        public var department: String
    }

    let secrets: [String: DepartmentSecret]
    let clock: any EngineClock
    let seen: Mutex<Seen>

    struct Seen {
        /// Callback ids by department, with the digest of their body and when they came.
        var ids: [String: (digest: UInt64, at: Timestamp)] = [:]
        var log: [(id: String, at: Timestamp)] = []
        var head = 0
    }

    /// A verifier of the departments' callbacks, each under its secret, on `clock`.
    public init(secrets: [String: DepartmentSecret], clock: any EngineClock = LiveClock()) {
        self.secrets = secrets
        self.clock = clock
        self.seen = Mutex(Seen())
    }

    /// The departments whose callbacks are taken.
    public var departments: [String] { secrets.keys.sorted() }

    /// A late delivery that passed: the service's material for one case.
    public struct VerifiedDelivery: Sendable, Hashable {
        /// The delivery's id.
        public var callbackID: String
        /// The case.
        public var caseID: CaseID
        /// The material's id.
        public var material: String
        /// The licence number or the record's reference.
        public var reference: String
        /// Whether the same delivery came before (it must not take effect again).
        public var isDuplicate: Bool
        /// The service that sent it, as its secret is named here.
        public var service: String
    }

    /// Checks a callback of `department` with the headers' `timestamp` and `signature`
    /// and its raw `body`.
    ///
    /// - Throws: ``CallbackRefusal``, with why.
    public func verify(department: String, timestamp: String?, signature: String?, body: [UInt8])
        throws(CallbackRefusal) -> Verified
    {
        let now = try authenticate(sender: department, timestamp: timestamp, signature: signature, body: body)
        let answer: DepartmentAnswer
        do {
            answer = try JSONDecoder().decode(DepartmentAnswer.self, from: Data(body))
        } catch {
            throw CallbackRefusal(.malformed)
        }
        guard let id = answer.callbackID, !id.isEmpty, let key = answer.key,
            Submission.parse(key: key) != nil,
            let outcome = answer.adapterOutcome
        else { throw CallbackRefusal(.malformed) }
        // What the callback says, not its bytes: a department may encode the same answer
        // again with its keys in another order.
        let documents = answer.documents ?? [:]
        let results = answer.results ?? [:]
        func listed(_ pairs: [String: String]) -> String {
            pairs.keys.sorted().map { "\($0)=\(pairs[$0] ?? "")" }.joined(separator: "\u{0}")
        }
        // Results only when there are some, so an answer without keeps the digest it had.
        let decided = results.isEmpty ? "" : "\u{0}results\u{0}" + listed(results)
        let digest = StableHash.fnv1a(
            "\(key)\u{0}\(answer.outcome ?? "")\u{0}\(answer.note ?? "")\u{0}\(listed(documents))\(decided)")
        let duplicate = try remember(id, digest: digest, from: department, at: now)
        return Verified(
            callbackID: id, key: key, outcome: outcome, documents: documents, results: results,
            isDuplicate: duplicate, department: department)
    }

    /// Checks a late delivery (``MaterialDelivery``) of the material service `service`
    /// (the name its secret has here) with the headers' `timestamp` and `signature` and
    /// its raw `body`, as a department's callback is checked.
    ///
    /// - Throws: ``CallbackRefusal``, with why.
    public func verifyDelivery(from service: String, timestamp: String?, signature: String?, body: [UInt8])
        throws(CallbackRefusal) -> VerifiedDelivery
    {
        let now = try authenticate(sender: service, timestamp: timestamp, signature: signature, body: body)
        let delivery: MaterialDelivery
        do {
            delivery = try JSONDecoder().decode(MaterialDelivery.self, from: Data(body))
        } catch {
            throw CallbackRefusal(.malformedDelivery)
        }
        guard let id = delivery.callbackID, !id.isEmpty, let caseID = delivery.caseID, !caseID.isEmpty,
            let material = delivery.material, !material.isEmpty,
            let reference = delivery.reference?.trimmingCharacters(in: .whitespacesAndNewlines),
            !reference.isEmpty
        else { throw CallbackRefusal(.malformedDelivery) }
        let digest = StableHash.fnv1a("\(caseID)\u{0}\(material)\u{0}\(reference)")
        let duplicate = try remember(id, digest: digest, from: service, at: now)
        return VerifiedDelivery(
            callbackID: id, caseID: caseID, material: material, reference: reference, isDuplicate: duplicate,
            service: service)
    }

    /// Checks the signature of what `sender` posted under its secret, and its timestamp
    /// against the window; returns the platform's now.
    func authenticate(sender: String, timestamp: String?, signature: String?, body: [UInt8])
        throws(CallbackRefusal) -> Timestamp
    {
        guard let secret = secrets[sender] else { throw CallbackRefusal(.unknownDepartment(sender)) }
        guard let timestamp, let signature, let seconds = Int64(timestamp) else {
            throw CallbackRefusal(.unsigned)
        }
        guard DepartmentSignature.isValid(signature, body: body, timestamp: seconds, secret: secret) else {
            throw CallbackRefusal(.badSignature)
        }
        let now = clock.now
        // As a range, not a difference: a signed timestamp near Int64's ends must not overflow.
        let current = DepartmentSignature.seconds(now)
        let window = DepartmentSignature.window
        guard seconds >= current - window, seconds <= current + window else {
            throw CallbackRefusal(.outsideWindow(seconds: seconds))
        }
        return now
    }

    /// Remembers callback id `id` of `sender` with the `digest` of what it says:
    /// `true` when it came before saying the same (a duplicate).
    ///
    /// - Throws: ``CallbackRefusal/Reason/replayed(_:)`` when it came before saying
    ///   something else.
    func remember(_ id: String, digest: UInt64, from sender: String, at now: Timestamp)
        throws(CallbackRefusal) -> Bool
    {
        let scoped = sender + "\u{0}" + id
        return try seen.withLock { seen throws(CallbackRefusal) -> Bool in
            forget(&seen, before: now.adding(milliseconds: -4 * DepartmentSignature.window * 1000))
            if let first = seen.ids[scoped] {
                guard first.digest == digest else { throw CallbackRefusal(.replayed(id)) }
                return true
            }
            seen.ids[scoped] = (digest, now)
            seen.log.append((scoped, now))
            return false
        }
    }

    /// Forgets a verified callback whose answer was not taken (refused, or not stored),
    /// so that the same callback sent again is judged anew rather than as a duplicate.
    public func release(_ verified: Verified) {
        release(verified.callbackID, from: verified.department)
    }

    /// Forgets a verified delivery that was not taken, as a callback's release does.
    public func release(_ delivery: VerifiedDelivery) {
        release(delivery.callbackID, from: delivery.service)
    }

    func release(_ id: String, from sender: String) {
        _ = seen.withLock { $0.ids.removeValue(forKey: sender + "\u{0}" + id) }
    }

    /// Forgets ids older than `moment`: a callback that old is outside the window anyway.
    func forget(_ seen: inout Seen, before moment: Timestamp) {
        while seen.head < seen.log.count, seen.log[seen.head].at < moment {
            let (id, at) = seen.log[seen.head]
            if seen.ids[id]?.at == at { seen.ids[id] = nil }
            seen.head += 1
        }
        if seen.head > 1024, seen.head * 2 > seen.log.count {
            seen.log.removeFirst(seen.head)
            seen.head = 0
        }
    }
}

/// Why a department's callback was refused: a reason to match, its HTTP status, and
/// text in both languages. Never quotes a secret or a signature.
public struct CallbackRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reasons.
    public enum Reason: Sendable, Hashable {
        /// No HTTP department of that id has a secret on this platform.
        case unknownDepartment(String)
        /// No material service over HTTP (the adapters file's `e-licence` entry with
        /// `adapter: http`) delivers to this platform.
        case noMaterialService
        /// A timestamp or signature header is missing or not a number.
        case unsigned
        /// The signature does not match the body and timestamp under the department's secret.
        case badSignature
        /// The timestamp lies outside the window: an old callback sent again, or a clock far off.
        case outsideWindow(seconds: Int64)
        /// The body is not a callback: JSON with `callback-id`, `key`, a known `outcome`,
        /// and a `note` for a rejection or a supplement request.
        case malformed
        /// The body is not a delivery: JSON with `callback-id`, `case`, `material` and a
        /// non-empty `reference`.
        case malformedDelivery
        /// A callback id seen before, with another answer.
        case replayed(String)
        /// The task is not the department's: another department's step.
        case notTheirs(key: String)
        /// No case has the task.
        case unknownTask(key: String)
        /// The task no longer waits for this answer: not the step's key, a closed case, a
        /// step already decided.
        case notCurrent(key: String)
    }

    /// Why.
    public var reason: Reason

    /// A refusal for `reason`.
    public init(_ reason: Reason) { self.reason = reason }

    /// The HTTP status: 401 for a missing, wrong or stale signature, 403 for a task of
    /// another department, 404 for an unknown department or task, 409 for a replay or
    /// a task that no longer waits, 422 for a malformed body.
    public var httpStatus: Int {
        switch reason {
        case .unsigned, .badSignature, .outsideWindow: 401
        case .notTheirs: 403
        case .unknownDepartment, .unknownTask, .noMaterialService: 404
        case .replayed, .notCurrent: 409
        case .malformed, .malformedDelivery: 422
        }
    }

    /// A short stable code for the problem's type: `callback-unsigned`, ….
    public var code: String {
        switch reason {
        case .unknownDepartment: "callback-unknown-department"
        case .noMaterialService: "delivery-no-service"
        case .unsigned: "callback-unsigned"
        case .badSignature: "callback-bad-signature"
        case .outsideWindow: "callback-outside-window"
        case .malformed: "callback-malformed"
        case .malformedDelivery: "delivery-malformed"
        case .replayed: "callback-replayed"
        case .notTheirs: "callback-not-theirs"
        case .unknownTask: "callback-unknown-task"
        case .notCurrent: "callback-not-current"
        }
    }

    /// What went wrong, for the department's engineers.
    public var text: LocalizedText {
        switch reason {
        case .unknownDepartment(let id):
            .init(
                en: "department \(id) takes no callbacks here (not an http department of the adapters file)",
                zh: "部门 \(id) 不在此接收回调（适配器配置文件中不是 http 部门）")
        case .noMaterialService:
            .init(
                en:
                    "no e-licence service over HTTP delivers here (the adapters file's e-licence entry is not adapter: http)",
                zh: "此处没有通过 HTTP 送达材料的电子证照服务（适配器配置文件的 e-licence 不是 adapter: http）")
        case .unsigned:
            .init(
                en:
                    "the callback lacks the \(DepartmentSignature.timestampHeader) or \(DepartmentSignature.signatureHeader) header",
                zh: "回调缺少 \(DepartmentSignature.timestampHeader) 或 \(DepartmentSignature.signatureHeader) 请求头"
            )
        case .badSignature:
            .init(
                en: "the signature does not match the timestamp and body under the department's secret",
                zh: "签名与时间戳和请求体不符（按该部门的密钥计算）")
        case .outsideWindow(let seconds):
            .init(
                en:
                    "the timestamp \(seconds) is more than \(DepartmentSignature.window) s from the platform's clock",
                zh: "时间戳 \(seconds) 与平台时钟相差超过 \(DepartmentSignature.window) 秒")
        case .malformed:
            .init(
                en:
                    "the body is not a callback: JSON with callback-id, key, outcome, and a note for a rejection or a supplement request",
                zh: "请求体不是回调：应为含 callback-id、key、outcome 的 JSON，不予许可或要求补正时须有 note")
        case .malformedDelivery:
            .init(
                en:
                    "the body is not a delivery: JSON with callback-id, case, material and a non-empty reference",
                zh: "请求体不是材料送达：应为含 callback-id、case、material 和非空 reference 的 JSON")
        case .replayed(let id):
            .init(
                en: "callback id \(id) was used before with another answer",
                zh: "回调标识 \(id) 已被使用，且内容不同")
        case .notTheirs(let key):
            .init(en: "task \(key) belongs to another department", zh: "任务 \(key) 属于其他部门")
        case .unknownTask(let key):
            .init(en: "no case has the task \(key)", zh: "没有办件包含任务 \(key)")
        case .notCurrent(let key):
            .init(
                en:
                    "task \(key) no longer waits for an answer: not the step's key, a closed case, or a step already decided",
                zh: "任务 \(key) 已不再等待答复：不是该环节的任务键、办件已办结，或该环节已办理")
        }
    }

    public var description: String { text.en }
}
