import Logging
import OneThingRuntime
import ServiceLifecycle

/// Keeps the server's work queues in step with the engine: each follows the engine's
/// acknowledgements (``OneThingRuntime/WorkQueue/follow(_:)``), so that a task parked
/// for the applicant's supplement (补正) returns to its queue when the supplement is
/// stored, whoever brought it. A service of the application, stopped at graceful shutdown.
struct WorkQueueFollower: Service {
    /// The engine.
    let engine: Engine
    /// The queues that follow it.
    let queues: [WorkQueue]
    /// Where a queue that fell behind the engine is logged.
    let logger: Logger

    /// Runs until graceful shutdown, even with no queue to follow: a service that
    /// returns early would end the whole service group (the engine with it).
    func run() async throws {
        guard !queues.isEmpty else {
            try await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                for queue in queues {
                    group.addTask { await follow(queue) }
                }
            }
        }
    }

    /// Follows the engine for `queue` until cancelled or the engine shuts down; a queue
    /// that fell behind subscribes again.
    func follow(_ queue: WorkQueue) async {
        while !Task.isCancelled {
            do {
                try await queue.follow(await engine.events(buffer: 10_000))
                return  // the engine shut down
            } catch {
                logger.warning(
                    "a work queue fell behind the engine; it follows again (a supplement stored meanwhile returns its task when the task is next decided)",
                    metadata: ["error": "\(error)"])
            }
        }
    }
}
