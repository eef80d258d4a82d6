import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import OneThingRuntime
import Synchronization

/// A department whose own system takes its tasks over HTTP: each submission is pushed
/// as JSON (``PushedTask``) with its idempotency key in a header, signed with the
/// department's secret (``DepartmentSignature``). The system answers at once, in its
/// reply, or later through the platform's callback route.
///
/// - **Retries under one key.** A call that times out, cannot connect, or gets a 5xx,
///   408 or 429 is tried again after an exponential backoff with jitter (drawn from the
///   seed and the key: ``OneThingRuntime/RetryPolicy/delay(after:of:seed:)``), up to
///   ``OneThingRuntime/HTTPDepartmentSettings/retries`` times, every time with the same
///   idempotency key. Any other 4xx is not tried again.
/// - **Escalation, never a silent drop.** After the last try the submission fails with
///   an ``OneThingRuntime/AdapterError`` whose reason begins `escalated:` and says why;
///   the engine records it (`dispatchFailed`, with the reason) and tries again later
///   with a new attempt, and the failure is logged and counted.
/// - **Circuit breaker.** ``CircuitBreaker``: after repeated failures calls fail at
///   once until the cool-down has passed; its state is a gauge in the metrics.
/// - **The secret** is held as a key and appears in no log, error or description.
public final class HTTPDepartmentAdapter: DepartmentAdapter {
    /// Hands a department's answer to the engine.
    public typealias Reporter = @Sendable (AdapterReport) async -> Void

    /// The department.
    public let department: String
    /// Where and how its system is reached.
    public let settings: HTTPDepartmentSettings
    /// The seed the backoff jitter is drawn from.
    public let seed: UInt64
    /// Where the department posts its callbacks, told in every pushed task.
    public let callbackURL: String?
    let secret: DepartmentSecret
    let client: HTTPClient
    let clock: any EngineClock
    let logger: Logger
    let state: Mutex<State>

    struct State {
        var breaker: CircuitBreaker
        var reporter: Reporter?
        var escalations = 0
        var calls = 0
    }

    /// An adapter for `department` through `client`, signing with `secret`.
    public init(
        department: String, settings: HTTPDepartmentSettings, secret: DepartmentSecret, client: HTTPClient,
        callbackURL: String? = nil, clock: any EngineClock = LiveClock(), seed: UInt64 = 1,
        logger: Logger = Logger(label: "onething.department-http")
    ) {
        self.department = department
        self.settings = settings
        self.secret = secret
        self.client = client
        self.callbackURL = callbackURL
        self.clock = clock
        self.seed = seed
        self.logger = logger
        self.state = Mutex(
            State(
                breaker: CircuitBreaker(
                    failureLimit: settings.breakerFailures, coolDown: settings.breakerCoolDown)))
        Gauge(label: "onething_department_breaker_open", dimensions: [("department", department)]).record(0)
    }

    /// The client the department adapters of a process share: like `HTTPClient.shared`
    /// (never shut down, lives as long as the process), with room for 256 connections to
    /// a department's host instead of 8, so that pushes in flight do not queue behind
    /// one another and time out.
    public static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 256
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    /// Reports the answers the department gives at once to `engine` (held weakly).
    public func connect(to engine: Engine) {
        connect { [weak engine] report in
            _ = await engine?.report(batch: [report])
        }
    }

    /// Reports the answers the department gives at once through `reporter`.
    public func connect(_ reporter: @escaping Reporter) {
        state.withLock { $0.reporter = reporter }
    }

    /// The breaker as it stands.
    public var breaker: CircuitBreaker { state.withLock { $0.breaker } }

    /// How many submissions failed after their last try.
    public var escalations: Int { state.withLock { $0.escalations } }

    /// How many HTTP calls were made (tries included).
    public var calls: Int { state.withLock { $0.calls } }

    // MARK: The adapter

    /// Pushes the submission, trying again under the same key; an answer in the reply
    /// goes to the engine.
    public func submit(_ submission: Submission) async throws(AdapterError) {
        let answer = try await push(PushedTask(submission, action: "submit", callback: callbackURL))
        if let report = answer?.report(key: submission.key), let reporter = state.withLock({ $0.reporter }) {
            // Not within the engine's call: it reports like any answer from outside.
            Task { await reporter(report) }
        }
    }

    /// Answers come by callback: nothing to ask now.
    public func poll(_ submission: Submission) async throws(AdapterError) -> AdapterOutcome? { nil }

    /// Tells the department the task is withdrawn.
    public func cancel(_ submission: Submission) async throws(AdapterError) {
        _ = try await push(PushedTask(submission, action: "withdraw", callback: callbackURL))
    }

    /// Pushes `task`: tries until one call is taken, a call is refused for good, or
    /// the tries run out (then the error says `escalated:` and why).
    func push(_ task: PushedTask) async throws(AdapterError) -> DepartmentAnswer? {
        let body: [UInt8]
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            body = Array(try encoder.encode(task))
        } catch {
            throw AdapterError("cannot encode the task \(task.key): \(error)")
        }
        var reason = ""
        for attempt in 1...(settings.retries + 1) {
            if attempt > 1 {
                let delay = settings.backoff.delay(after: attempt - 1, of: task.key, seed: seed)
                do {
                    try await clock.sleep(until: clock.now.adding(milliseconds: delay))
                } catch {
                    throw AdapterError("the push of \(task.key) to \(department) was cancelled")
                }
            }
            let now = clock.now
            let admitted = state.withLock { $0.breaker.admits(at: now) }
            guard admitted else {
                reason = "the circuit breaker of \(department) is open"
                continue
            }
            switch await call(body, key: task.key) {
            case .taken(let answer):
                settle(failed: false)
                return answer
            case .retry(let why):
                reason = why
                settle(failed: true)
            case .refused(let why):
                settle(failed: false)
                throw escalate(task, reason: why, tries: attempt)
            }
        }
        throw escalate(task, reason: reason, tries: settings.retries + 1)
    }

    /// Records a call's end in the breaker and the metrics.
    func settle(failed: Bool) {
        let now = clock.now
        let open = state.withLock { state -> Bool in
            if failed { state.breaker.recordFailure(at: now) } else { state.breaker.recordSuccess() }
            return state.breaker.isOpen
        }
        if failed {
            Counter(
                label: "onething_department_call_failures_total", dimensions: [("department", department)]
            )
            .increment()
        }
        Gauge(label: "onething_department_breaker_open", dimensions: [("department", department)])
            .record(open ? 1 : 0)
    }

    /// The error after the last try: counted, logged, and with the reason for the case's history.
    func escalate(_ task: PushedTask, reason: String, tries: Int) -> AdapterError {
        state.withLock { $0.escalations += 1 }
        Counter(label: "onething_department_escalations_total", dimensions: [("department", department)])
            .increment()
        let text = "escalated: \(department) did not take \(task.key) after \(tries) tries: \(reason)"
        logger.warning(
            "department push escalated",
            metadata: ["department": "\(department)", "key": "\(task.key)", "reason": "\(reason)"])
        return AdapterError(text)
    }

    /// What became of one call.
    enum CallEnd {
        case taken(DepartmentAnswer?)
        case retry(String)
        case refused(String)
    }

    /// One signed call.
    func call(_ body: [UInt8], key: String) async -> CallEnd {
        state.withLock { $0.calls += 1 }
        let timestamp = DepartmentSignature.seconds(clock.now)
        let request = HTTPClientRequest.signed(
            url: settings.url, body: body, key: key, timestamp: timestamp, secret: secret)
        do {
            let response = try await client.execute(request, timeout: .milliseconds(settings.timeout))
            let reply = try await response.body.collect(upTo: 1 << 20)
            let status = response.status.code
            switch status {
            case 200..<300:
                guard reply.readableBytes > 0 else { return .taken(nil) }
                do {
                    return .taken(
                        try JSONDecoder().decode(DepartmentAnswer.self, from: Data(reply.readableBytesView)))
                } catch {
                    // Taken all the same: the answer will come by callback.
                    logger.notice(
                        "department reply is not an answer",
                        metadata: ["department": "\(department)", "key": "\(key)"])
                    return .taken(nil)
                }
            case 408, 429, 500...599: return .retry("HTTP \(status)")
            default: return .refused("HTTP \(status)")
            }
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return .retry("no answer within \(settings.timeout) ms")
        } catch {
            return .retry("cannot reach the system: \(error)")
        }
    }
}
