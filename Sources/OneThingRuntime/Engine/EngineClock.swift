import Synchronization

/// The engine's source of time, injected: the wall clock in a server, a virtual clock
/// in tests, in the command line's runs and in simulations.
public protocol EngineClock: Sendable {
    /// The moment now.
    var now: Timestamp { get }
    /// Returns at `deadline` or later; throws `CancellationError` when the task is
    /// cancelled first.
    func sleep(until deadline: Timestamp) async throws
}

/// The wall clock: what a server runs on. Timers fire in real time.
public struct LiveClock: EngineClock {
    /// The longest single nap, so that a clock change of the machine is noticed.
    public var longestNap: Duration

    /// The wall clock.
    public init(longestNap: Duration = .seconds(60)) {
        self.longestNap = longestNap
    }

    /// The moment now.
    public var now: Timestamp { Timestamp.now }

    /// Sleeps until the wall clock reads `deadline`.
    public func sleep(until deadline: Timestamp) async throws {
        while true {
            let left = deadline.milliseconds - now.milliseconds
            guard left > 0 else { return }
            try await Task.sleep(for: min(.milliseconds(left), longestNap))
        }
    }
}

/// A clock that moves only when told to: for tests, the command line's runs and
/// simulation, so that weeks of working days pass in seconds.
public final class VirtualClock: EngineClock {
    struct Sleeper {
        var id: UInt64
        var deadline: Timestamp
        var continuation: CheckedContinuation<Void, any Error>
    }

    struct State {
        var now: Timestamp
        var sleepers: [Sleeper] = []
        var nextSleeper: UInt64 = 0
    }

    private let state: Mutex<State>

    /// A virtual clock at `start`.
    public init(start: Timestamp) {
        self.state = Mutex(State(now: start))
    }

    /// The moment now.
    public var now: Timestamp { state.withLock { $0.now } }

    /// Moves the clock to `moment` (never backwards), waking whoever sleeps until then.
    public func advance(to moment: Timestamp) {
        let woken = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.now = max(state.now, moment)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }.map(\.continuation)
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns once the clock has been advanced to `deadline`; throws
    /// `CancellationError` when the task is cancelled first.
    public func sleep(until deadline: Timestamp) async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextSleeper += 1
            return state.nextSleeper
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation {
                (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Result<Bool, CancellationError> in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    guard state.now < deadline else { return .success(false) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return .success(true)
                }
                switch outcome {
                case .success(true): break
                case .success(false): continuation.resume()
                case .failure(let error): continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }
}
