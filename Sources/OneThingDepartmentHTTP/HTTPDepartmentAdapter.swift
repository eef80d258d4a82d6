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
/// reply, or later through the platform's callback route. The calls are the platform's
/// one signed call with retries (``SignedCaller``):
///
/// - **Retries under one key.** A call that times out, cannot connect, or gets a 5xx,
///   408 or 429 is tried again after an exponential backoff with jitter (drawn from the
///   seed and the key: ``OneThingRuntime/RetryPolicy/delay(after:of:seed:)``), up to
///   ``OneThingRuntime/HTTPDepartmentSettings/retries`` times, every time with the same
///   idempotency key. Any other 4xx is not tried again.
/// - **A bulkhead.** At most ``OneThingRuntime/HTTPDepartmentSettings/inFlight`` pushes
///   are on their way to the department at once; the others wait on the platform, in
///   order, and the wait does not count against a push's timeout.
/// - **Circuit breaker.** ``CircuitBreaker``: after repeated failures no call goes out
///   until the cool-down has passed and one trial call went through; a push held back
///   meanwhile waits, and the wait is no try. Its state is a gauge in the metrics.
/// - **Escalation, never a silent drop.** After the last real try the submission fails
///   with an ``OneThingRuntime/AdapterError`` whose reason begins `escalated:` and says
///   why; the engine records it (`dispatchFailed`, with the reason) and sends the step
///   again later as a new attempt under the same key (the department may have taken
///   it), and the failure is logged and counted.
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
    let caller: SignedCaller
    let logger: Logger
    let state: Mutex<State>

    struct State {
        var reporter: Reporter?
        var escalations = 0
    }

    /// An adapter for `department` through `client`, signing with `secret`.
    public init(
        department: String, settings: HTTPDepartmentSettings, secret: DepartmentSecret, client: HTTPClient,
        callbackURL: String? = nil, clock: any EngineClock = LiveClock(), seed: UInt64 = 1,
        logger: Logger = Logger(label: "onething.department-http")
    ) {
        self.department = department
        self.settings = settings
        self.callbackURL = callbackURL
        self.seed = seed
        self.logger = logger
        self.caller = SignedCaller(
            system: department, noun: "the system", settings: settings, secret: secret, client: client,
            clock: clock, seed: seed, logger: logger)
        self.state = Mutex(State())
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
    public var breaker: CircuitBreaker { caller.breaker }

    /// How many pushes are held on the platform now, waiting for the breaker or for a
    /// place in the bulkhead (`onething_department_calls_held` in the metrics).
    public var held: Int { caller.held }

    /// The bound on the pushes in flight.
    public var bulkhead: Bulkhead { caller.bulkhead }

    /// How many submissions failed after their last try.
    public var escalations: Int { state.withLock { $0.escalations } }

    /// How many HTTP calls were made (tries included).
    public var calls: Int { caller.calls }

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
            body = try SignedCaller.body(of: task)
        } catch {
            throw AdapterError("cannot encode the task \(task.key): \(error)")
        }
        let outcome = await caller.call(body, key: task.requestKey, whenOpen: .wait) {
            status, reply -> SignedCaller.Reading<DepartmentAnswer?> in
            guard (200..<300).contains(status) else { return .refused("HTTP \(status)") }
            guard reply.readableBytes > 0 else { return .done(nil) }
            do {
                return .done(
                    try JSONDecoder().decode(DepartmentAnswer.self, from: Data(reply.readableBytesView)))
            } catch {
                // Taken all the same: the answer will come by callback.
                logger.notice(
                    "department reply is not an answer",
                    metadata: ["department": "\(department)", "key": "\(task.key)"])
                return .done(nil)
            }
        }
        switch outcome {
        case .done(let answer, _): return answer
        case .refused(let reason, let tries), .exhausted(let reason, let tries):
            throw escalate(task, reason: reason, tries: tries)
        case .cancelled:
            throw AdapterError("the push of \(task.key) to \(department) was cancelled")
        }
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
}
