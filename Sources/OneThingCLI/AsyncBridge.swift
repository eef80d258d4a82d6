import Foundation
import Synchronization

/// Runs the asynchronous part of a command (the engine is an actor) to its end from
/// the synchronous `run()` that `OneThingCommand.main()` calls.
enum AsyncBridge {
    /// The result of the work, handed from the task to the waiting thread.
    final class Outcome<Value: Sendable>: Sendable {
        let result = Mutex<Result<Value, any Error>?>(nil)
    }

    /// Runs `body` on the cooperative pool and waits for it; its error is rethrown.
    static func wait<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) throws -> Value {
        let outcome = Outcome<Value>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let result: Result<Value, any Error>
            do {
                result = .success(try await body())
            } catch {
                result = .failure(error)
            }
            outcome.result.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return try outcome.result.withLock { $0! }.get()
    }
}
