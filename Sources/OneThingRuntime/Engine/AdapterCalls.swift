import Synchronization

/// The adapter calls an engine has started and not yet seen return: so that a graceful
/// shutdown can wait for them, and finished ones are forgotten at once. Kept outside the
/// engine's actor, so that a call starting or ending does not wait for the engine.
final class AdapterCalls: Sendable {
    struct State {
        var running: [UInt64: Task<Void, Never>] = [:]
        var next: UInt64 = 0
        var finished: Set<UInt64> = []
    }

    private let state = Mutex(State())

    /// The number of calls running.
    var count: Int { state.withLock { $0.running.count } }

    /// Starts `body` as a task of its own (not on the engine's actor) and keeps it until it returns.
    func start(_ body: @escaping @Sendable () async -> Void) {
        let number = state.withLock { state -> UInt64 in
            state.next += 1
            return state.next
        }
        let task = Task.detached { [self] in
            await body()
            self.finished(number)
        }
        state.withLock { state in
            // A call that finished before it was kept is not kept.
            if state.finished.remove(number) == nil { state.running[number] = task }
        }
    }

    private func finished(_ number: UInt64) {
        state.withLock { state in
            if state.running.removeValue(forKey: number) == nil { state.finished.insert(number) }
        }
    }

    /// Waits until every call started so far has returned.
    func waitForAll() async {
        while let task = state.withLock({ $0.running.first?.value }) {
            await task.value
        }
    }
}
