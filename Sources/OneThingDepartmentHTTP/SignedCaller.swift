import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import NIOCore
import OneThingRuntime
import Synchronization

/// One system the platform calls with signed requests (a department's system, the
/// e-licence service): the one "signed call with retries" of the platform.
///
/// - **Signed** as ``HTTPClientRequest/signed(url:body:key:timestamp:secret:)`` writes it,
///   under the call's idempotency key, which every try repeats.
/// - **Tried again** after a 408, 429 or 5xx, a timeout or a lost connection, after the
///   settings' backoff with jitter (drawn from the seed and the key), up to
///   ``OneThingRuntime/HTTPDepartmentSettings/retries`` times; any other answer is read
///   by the caller and ends the call.
/// - **A bulkhead** (``Bulkhead``): at most ``OneThingRuntime/HTTPDepartmentSettings/inFlight``
///   calls at once; the others wait on the platform, in order, and their wait does not
///   count against the call's timeout.
/// - **A circuit breaker** (``CircuitBreaker``): a call the open breaker holds back is no
///   try. It waits until the breaker lets a trial through (``WhenOpen/wait``), or ends at
///   once (``WhenOpen/fail``) for a caller that has a fallback.
final class SignedCaller: Sendable {
    /// What a call does while the breaker is open.
    enum WhenOpen: Sendable {
        /// Waits for the cool-down and the trial: the call must be made (a task).
        case wait
        /// Ends at once, refused: the caller has a fallback (a fetched material).
        case fail
    }

    /// What the caller reads from an answer that is not tried again.
    enum Reading<Value: Sendable>: Sendable {
        /// The system took the call and answered `Value`.
        case done(Value)
        /// The system refused the call for good, saying why.
        case refused(String)
    }

    /// How a call ended.
    enum Outcome<Value: Sendable>: Sendable {
        /// Taken, after `tries` calls.
        case done(Value, tries: Int)
        /// Refused for good after `tries` calls (none when the open breaker refused it).
        case refused(String, tries: Int)
        /// Every try failed; the last one's reason.
        case exhausted(String, tries: Int)
        /// The task was cancelled, after the reason of the last failed try (or none).
        case cancelled(String)
    }

    /// The system's name in messages and metrics: the department, or `e-licence`.
    let system: String
    /// What the system is, in a message: `the system`, `the service`.
    let noun: String
    let settings: HTTPDepartmentSettings
    let secret: DepartmentSecret
    let client: HTTPClient
    let clock: any EngineClock
    let seed: UInt64
    let logger: Logger
    let bulkhead: Bulkhead
    let state: Mutex<State>

    struct State {
        var breaker: CircuitBreaker
        var calls = 0
        /// Calls held on the platform: waiting for the breaker or for a place in the
        /// bulkhead.
        var held = 0
        /// Calls waiting for the trial under way to end, by number.
        var trialWaiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }

    /// Calls to `system` (called `noun` in messages) as `settings` say.
    init(
        system: String, noun: String, settings: HTTPDepartmentSettings, secret: DepartmentSecret,
        client: HTTPClient, clock: any EngineClock, seed: UInt64, logger: Logger
    ) {
        self.system = system
        self.noun = noun
        self.settings = settings
        self.secret = secret
        self.client = client
        self.clock = clock
        self.seed = seed
        self.logger = logger
        self.bulkhead = Bulkhead(limit: settings.inFlight)
        self.state = Mutex(
            State(
                breaker: CircuitBreaker(
                    failureLimit: settings.breakerFailures, coolDown: settings.breakerCoolDown)))
        Gauge(label: "onething_department_breaker_open", dimensions: [("department", system)]).record(0)
        Gauge(label: "onething_department_calls_held", dimensions: [("department", system)]).record(0)
    }

    /// How many calls are held on the platform now, waiting for the breaker or for a
    /// place in the bulkhead (`onething_department_calls_held` in the metrics).
    var held: Int { state.withLock { $0.held } }

    /// Counts a call held (`change` 1) or let go (-1), and records the count.
    private func hold(_ change: Int) {
        state.withLock { state in
            state.held += change
            // Recorded under the lock, so that two changes never leave an older count.
            Gauge(label: "onething_department_calls_held", dimensions: [("department", system)])
                .record(state.held)
        }
    }

    /// The breaker as it stands.
    var breaker: CircuitBreaker { state.withLock { $0.breaker } }

    /// How many HTTP calls were made (tries included).
    var calls: Int { state.withLock { $0.calls } }

    /// The JSON body of a call: `value` with its keys sorted, so that the same value
    /// signs the same every time.
    static func body(of value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(value))
    }

    /// Posts `body` under `key` until the system takes it, refuses it for good, or the
    /// tries run out; `read` reads every answer that is not tried again (a 2xx, or a 4xx
    /// other than 408 and 429) with its status.
    func call<Value: Sendable>(
        _ body: [UInt8], key: String, whenOpen: WhenOpen,
        read: (_ status: Int, _ reply: ByteBuffer) -> Reading<Value>
    ) async -> Outcome<Value> {
        var reason = ""
        var tries = 0
        while tries <= settings.retries {
            if tries > 0 {
                let delay = settings.backoff.delay(after: tries, of: key, seed: seed)
                do {
                    try await clock.sleep(until: clock.now.adding(milliseconds: delay))
                } catch {
                    return .cancelled(reason)
                }
            }
            hold(1)
            let clearance = await clearance(whenOpen)
            hold(-1)
            switch clearance {
            case .granted: break
            case .refused(let why): return .refused(why, tries: tries)
            case .cancelled: return .cancelled(reason)
            }
            tries += 1
            switch await exchange(body, key: key, read: read) {
            case .done(let value):
                settle(failed: false)
                return .done(value, tries: tries)
            case .refused(let why):
                settle(failed: false)
                return .refused(why, tries: tries)
            case .again(let why):
                reason = why
                settle(failed: true)
            }
        }
        return .exhausted(reason, tries: tries)
    }

    /// Whether a call may go now.
    enum Clearance {
        case granted
        case refused(String)
        case cancelled
    }

    /// Waits until the breaker lets a call through and the bulkhead has a place for it
    /// (the place is the caller's, given back by ``exchange(_:key:read:)``). Waiting for
    /// the breaker holds no place.
    func clearance(_ whenOpen: WhenOpen) async -> Clearance {
        while true {
            let look = state.withLock { [now = clock.now] in $0.breaker.admission(at: now) }
            if look != .now, whenOpen == .fail {
                return .refused("the circuit breaker of \(system) is open")
            }
            switch look {
            case .after(let until):
                do {
                    try await clock.sleep(until: until)
                } catch {
                    return .cancelled
                }
                continue
            case .afterTrial:
                await waitForTrial()
                if Task.isCancelled { return .cancelled }
                continue
            case .now:
                break
            }
            do throws(CancellationError) {
                try await bulkhead.acquire()
            } catch {
                return .cancelled
            }
            if state.withLock({ [now = clock.now] in $0.breaker.admits(at: now) }) { return .granted }
            bulkhead.release()
        }
    }

    /// Waits until the trial call under way ends (or the task is cancelled).
    func waitForTrial() async {
        let number = state.withLock { state -> UInt64 in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // Under the lock with the cancellation below and with ``settle(failed:)``:
                // no end of the trial and no cancellation goes unseen.
                let goes = state.withLock { state -> Bool in
                    if Task.isCancelled || state.breaker.admission(at: clock.now) != .afterTrial {
                        return true
                    }
                    state.trialWaiters[number] = continuation
                    return false
                }
                if goes { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.trialWaiters.removeValue(forKey: number) }?.resume()
        }
    }

    /// Records a call's end in the breaker and the metrics, and wakes the calls that
    /// waited for a trial once it has ended.
    func settle(failed: Bool) {
        let now = clock.now
        let (open, woken) = state.withLock { state -> (Bool, [CheckedContinuation<Void, Never>]) in
            if failed { state.breaker.recordFailure(at: now) } else { state.breaker.recordSuccess() }
            guard state.breaker.admission(at: now) != .afterTrial, !state.trialWaiters.isEmpty else {
                return (state.breaker.isOpen, [])
            }
            defer { state.trialWaiters.removeAll() }
            return (state.breaker.isOpen, Array(state.trialWaiters.values))
        }
        for waiter in woken { waiter.resume() }
        if failed {
            Counter(label: "onething_department_call_failures_total", dimensions: [("department", system)])
                .increment()
        }
        Gauge(label: "onething_department_breaker_open", dimensions: [("department", system)])
            .record(open ? 1 : 0)
    }

    /// What one call gave.
    enum Exchange<Value: Sendable> {
        case done(Value)
        case refused(String)
        case again(String)
    }

    /// One signed call, in the place the caller holds in the bulkhead (given back when
    /// it ends); the timeout runs from here, not from when the caller began to wait.
    func exchange<Value: Sendable>(
        _ body: [UInt8], key: String, read: (_ status: Int, _ reply: ByteBuffer) -> Reading<Value>
    ) async -> Exchange<Value> {
        defer { bulkhead.release() }
        state.withLock { $0.calls += 1 }
        let request = HTTPClientRequest.signed(
            url: settings.url, body: body, key: key, timestamp: DepartmentSignature.seconds(clock.now),
            secret: secret)
        do {
            let response = try await client.execute(request, timeout: .milliseconds(settings.timeout))
            let reply = try await response.body.collect(upTo: 1 << 20)
            let status = Int(response.status.code)
            switch status {
            case 408, 429, 500...599:
                return .again("HTTP \(status)")
            default:
                switch read(status, reply) {
                case .done(let value): return .done(value)
                case .refused(let why): return .refused(why)
                }
            }
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return .again("no answer within \(settings.timeout) ms")
        } catch {
            return .again("cannot reach \(noun): \(error)")
        }
    }
}
