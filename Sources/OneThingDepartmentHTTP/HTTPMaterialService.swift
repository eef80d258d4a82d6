import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import OneThingRuntime

/// The e-licence and shared-data service (电子证照库, 数据共享交换平台) over HTTP: each fetch
/// is a ``MaterialRequest`` POSTed as JSON to the service's URL, signed as a
/// department's pushed task is (``DepartmentSignature``, the idempotency key
/// `CASE/MATERIAL`), through the platform's one signed call with retries
/// (``SignedCaller``): tried again after a 408, 429, 5xx, timeout or lost connection
/// with the settings' backoff, at most ``OneThingRuntime/HTTPDepartmentSettings/inFlight``
/// at once, behind a circuit breaker. While the breaker is open a fetch does not wait:
/// it is unavailable at once, and the bundle's fallback decides.
///
/// The service answers `200` with `{"reference": "…"}` (the licence number, or the
/// record's reference) when it has the material, `404` when it has no record (no retry),
/// and anything else when it cannot say. Every failure is an unavailable outcome with
/// its reason: the bundle's fallback decides what the case does.
public struct HTTPMaterialService: MaterialService {
    /// The service's answer when it has the material.
    public struct Answer: Sendable, Hashable, Codable {
        /// The licence number or the record's reference.
        public var reference: String

        /// Creates an answer.
        public init(reference: String) { self.reference = reference }
    }

    /// Where the service is, and how hard to try.
    public var settings: HTTPDepartmentSettings { caller.settings }
    let caller: SignedCaller

    /// A service at `settings.url` through `client`, signing with `secret`, stamping
    /// signatures by `clock`; the retries' jitter is drawn from `seed`.
    public init(
        settings: HTTPDepartmentSettings, secret: DepartmentSecret, client: HTTPClient,
        clock: any EngineClock = LiveClock(), seed: UInt64 = 1,
        logger: Logger = Logger(label: "onething.e-licence")
    ) {
        self.caller = SignedCaller(
            system: "e-licence", noun: "the service", settings: settings, secret: secret, client: client,
            clock: clock, seed: seed, logger: logger)
    }

    /// The breaker as it stands.
    public var breaker: CircuitBreaker { caller.breaker }

    /// Fetches one material: its reference, or why the service could not provide it.
    public func fetch(_ request: MaterialRequest) async -> MaterialFetchOutcome {
        let key = "\(request.caseID)/\(request.material)"
        let body: [UInt8]
        do {
            body = try SignedCaller.body(of: request)
        } catch {
            return .unavailable(reason: "the request could not be written: \(error)")
        }
        let outcome = await caller.call(body, key: key, whenOpen: .fail, read: Self.read)
        switch outcome {
        case .done(let reference, _):
            return .fetched(reference: reference)
        case .refused(let reason, _):
            return .unavailable(reason: reason)
        case .cancelled(let reason):
            return .unavailable(reason: "cancelled after: \(reason)")
        case .exhausted(let reason, let tries):
            caller.logger.notice(
                "e-licence service unavailable", metadata: ["key": "\(key)", "reason": "\(reason)"])
            return .unavailable(reason: "\(reason) (after \(tries == 1 ? "1 try" : "\(tries) tries"))")
        }
    }

    /// What an answer that is not tried again says: the reference, or why there is none.
    static func read(status: Int, reply: ByteBuffer) -> SignedCaller.Reading<String> {
        switch status {
        case 200..<300:
            let answer: Answer
            do {
                answer = try JSONDecoder().decode(Answer.self, from: Data(reply.readableBytesView))
            } catch {
                return .refused("the service's answer is not {\"reference\": …}")
            }
            guard !answer.reference.isEmpty else {
                return .refused("the service's answer names no reference")
            }
            return .done(answer.reference)
        case 404: return .refused("the service has no record (HTTP 404)")
        default: return .refused("HTTP \(status)")
        }
    }
}
