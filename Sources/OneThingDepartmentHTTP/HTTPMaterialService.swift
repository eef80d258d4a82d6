import AsyncHTTPClient
import Foundation
import Logging
import OneThingRuntime

/// The e-licence and shared-data service (电子证照库, 数据共享交换平台) over HTTP: each fetch
/// is a ``MaterialRequest`` POSTed as JSON to the service's URL, signed as a
/// department's pushed task is (``DepartmentSignature``, the idempotency key
/// `CASE/MATERIAL`), tried again after a 408, 429, 5xx, timeout or lost connection
/// with the settings' backoff.
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
    public let settings: HTTPDepartmentSettings
    let secret: DepartmentSecret
    let client: HTTPClient
    let clock: any EngineClock
    let seed: UInt64
    let logger: Logger

    /// A service at `settings.url` through `client`, signing with `secret`, stamping
    /// signatures by `clock`; the retries' jitter is drawn from `seed`.
    public init(
        settings: HTTPDepartmentSettings, secret: DepartmentSecret, client: HTTPClient,
        clock: any EngineClock = LiveClock(), seed: UInt64 = 1,
        logger: Logger = Logger(label: "onething.e-licence")
    ) {
        self.settings = settings
        self.secret = secret
        self.client = client
        self.clock = clock
        self.seed = seed
        self.logger = logger
    }

    /// Fetches one material: its reference, or why the service could not provide it.
    public func fetch(_ request: MaterialRequest) async -> MaterialFetchOutcome {
        let key = "\(request.caseID)/\(request.material)"
        let body: [UInt8]
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            body = Array(try encoder.encode(request))
        } catch {
            return .unavailable(reason: "the request could not be written: \(error)")
        }
        var reason = ""
        for attempt in 0...settings.retries {
            if attempt > 0 {
                let delay = settings.backoff.delay(after: attempt, of: key, seed: seed)
                do {
                    try await Task.sleep(for: .milliseconds(delay))
                } catch {
                    return .unavailable(reason: "cancelled after: \(reason)")
                }
            }
            switch await call(body, key: key) {
            case .fetched(let reference): return .fetched(reference: reference)
            case .final(let why): return .unavailable(reason: why)
            case .again(let why): reason = why
            }
        }
        logger.notice(
            "e-licence service unavailable", metadata: ["key": "\(key)", "reason": "\(reason)"])
        let tries = settings.retries == 0 ? "1 try" : "\(settings.retries + 1) tries"
        return .unavailable(reason: "\(reason) (after \(tries))")
    }

    /// What one call gave.
    enum CallEnd: Equatable {
        case fetched(String)
        case final(String)
        case again(String)
    }

    /// One signed call.
    func call(_ body: [UInt8], key: String) async -> CallEnd {
        let request = HTTPClientRequest.signed(
            url: settings.url, body: body, key: key, timestamp: DepartmentSignature.seconds(clock.now),
            secret: secret)
        do {
            let response = try await client.execute(request, timeout: .milliseconds(settings.timeout))
            let reply = try await response.body.collect(upTo: 1 << 20)
            let status = response.status.code
            switch status {
            case 200..<300:
                let answer: Answer
                do {
                    answer = try JSONDecoder().decode(Answer.self, from: Data(reply.readableBytesView))
                } catch {
                    return .final("the service's answer is not {\"reference\": …}")
                }
                guard !answer.reference.isEmpty else {
                    return .final("the service's answer names no reference")
                }
                return .fetched(answer.reference)
            case 404: return .final("the service has no record (HTTP 404)")
            case 408, 429, 500...599: return .again("HTTP \(status)")
            default: return .final("HTTP \(status)")
            }
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return .again("no answer within \(settings.timeout) ms")
        } catch {
            return .again("cannot reach the service: \(error)")
        }
    }
}
