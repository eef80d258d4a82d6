import Logging
import OneThingRuntime
import ServiceLifecycle

/// The server's one subscription to the engine's acknowledgements, handed out case by
/// case: every stream of a case's events (Server-Sent Events) listens here rather than
/// to the engine, so a thousand watchers cost the engine one subscriber. It also tells
/// the metrics and the documents' cache what changed.
///
/// Only stored events come through (the engine acknowledges after commit). A feed that
/// falls behind the engine is dropped by it; the feed then ends every watcher's stream,
/// so that each reconnects with `Last-Event-ID` and reads what it missed from the store.
public actor CaseEventFeed: Service {
    /// Hears every acknowledged event, in order.
    typealias Listener = @Sendable (CaseEvent) async -> Void

    let engine: Engine
    let listeners: [Listener]
    let logger: Logger
    var watchers: [CaseID: [Int: AsyncStream<CaseEvent>.Continuation]] = [:]
    var nextWatcher = 0
    var running = true

    init(engine: Engine, listeners: [Listener], logger: Logger) {
        self.engine = engine
        self.listeners = listeners
        self.logger = logger
    }

    /// The events of case `id` acknowledged from now on; the stream ends when the
    /// watcher stops listening, when the feed fell behind, or at shutdown.
    func watch(_ id: CaseID) -> AsyncStream<CaseEvent> {
        let (stream, continuation) = AsyncStream<CaseEvent>.makeStream(
            bufferingPolicy: .bufferingNewest(1_000))
        guard running else {
            continuation.finish()
            return stream
        }
        nextWatcher += 1
        let key = nextWatcher
        watchers[id, default: [:]][key] = continuation
        continuation.onTermination = { _ in
            Task { await self.stopWatching(id, key) }
        }
        return stream
    }

    func stopWatching(_ id: CaseID, _ key: Int) {
        watchers[id]?[key] = nil
        if watchers[id]?.isEmpty == true { watchers[id] = nil }
    }

    /// The number of streams watching.
    var watcherCount: Int { watchers.values.reduce(0) { $0 + $1.count } }

    /// Hands acknowledgements out until graceful shutdown; then ends every watcher's stream.
    public func run() async {
        await cancelWhenGracefulShutdown {
            await self.follow()
        }
        running = false
        endAll()
    }

    func follow() async {
        while !Task.isCancelled {
            let stream = await engine.events(buffer: 10_000)
            do {
                for try await commit in stream {
                    for acknowledgement in commit {
                        let event = acknowledgement.event
                        for listener in listeners { await listener(event) }
                        if let watching = watchers[event.caseID] {
                            for continuation in watching.values { continuation.yield(event) }
                        }
                    }
                }
                return  // the engine shut down
            } catch {
                logger.warning(
                    "the event feed fell behind the engine; its watchers reconnect",
                    metadata: ["error": "\(error)"])
                endAll()
            }
        }
    }

    func endAll() {
        for watching in watchers.values {
            for continuation in watching.values { continuation.finish() }
        }
        watchers.removeAll()
    }
}
