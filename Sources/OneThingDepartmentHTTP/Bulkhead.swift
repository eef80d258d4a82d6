import Synchronization

/// A bound on the calls on their way to one system at once (a bulkhead): at most
/// ``limit``; every other caller waits here, on the platform, in the order it came, and
/// goes as soon as a call ends. A burst of thousands of tasks then queues in memory
/// instead of flooding the system until its answers time out.
///
/// A waiting caller whose task is cancelled leaves the queue at once (``acquire()``
/// throws `CancellationError`) and takes no place from anyone.
public final class Bulkhead: Sendable {
    /// The most calls at once.
    public let limit: Int
    let state: Mutex<State>

    struct State {
        var inFlight = 0
        var peak = 0
        /// The waiting callers by number, and their numbers in the order they came
        /// (from `head`; a number no longer in `waiting` left by cancellation).
        var waiting: [UInt64: CheckedContinuation<Void, any Error>] = [:]
        var order: [UInt64] = []
        var head = 0
        var next: UInt64 = 0

        /// The first caller still waiting, taken from the queue.
        mutating func takeFirst() -> CheckedContinuation<Void, any Error>? {
            while head < order.count {
                let number = order[head]
                head += 1
                if let continuation = waiting.removeValue(forKey: number) { return continuation }
            }
            order.removeAll(keepingCapacity: true)
            head = 0
            return nil
        }
    }

    /// A bulkhead of `limit` calls at once (at least one).
    public init(limit: Int) {
        self.limit = max(1, limit)
        self.state = Mutex(State())
    }

    /// The calls under way now.
    public var inFlight: Int { state.withLock { $0.inFlight } }

    /// The callers waiting now.
    public var waiting: Int { state.withLock { $0.waiting.count } }

    /// The most calls that were ever under way at once.
    public var peak: Int { state.withLock { $0.peak } }

    /// Waits for a place, in order; the caller must ``release()`` it when its call ends.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while it waits.
    public func acquire() async throws(CancellationError) {
        let number = state.withLock { state -> UInt64? in
            guard state.inFlight >= limit || !state.waiting.isEmpty else {
                state.inFlight += 1
                state.peak = max(state.peak, state.inFlight)
                return nil
            }
            state.next += 1
            return state.next
        }
        guard let number else { return }
        do {
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation {
                    (continuation: CheckedContinuation<Void, any Error>) in
                    // Under the lock with the cancellation below: a task cancelled before it
                    // queued sees the flag here; one cancelled after is found in the queue.
                    // A place freed since the first look is taken now, not waited for.
                    let admitted = state.withLock { state -> Bool? in
                        if Task.isCancelled { return false }
                        if state.inFlight < limit, state.waiting.isEmpty {
                            state.inFlight += 1
                            state.peak = max(state.peak, state.inFlight)
                            return true
                        }
                        state.waiting[number] = continuation
                        state.order.append(number)
                        return nil
                    }
                    switch admitted {
                    case true?: continuation.resume()
                    case false?: continuation.resume(throwing: CancellationError())
                    case nil: break
                    }
                }
            } onCancel: {
                state.withLock { $0.waiting.removeValue(forKey: number) }?.resume(
                    throwing: CancellationError())
            }
        } catch {
            throw CancellationError()
        }
    }

    /// Gives a place back: the first caller waiting takes it.
    public func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            if let first = state.takeFirst() { return first }
            state.inFlight = max(0, state.inFlight - 1)
            return nil
        }
        next?.resume()
    }
}
