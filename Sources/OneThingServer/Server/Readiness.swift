import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals

/// Whether the server is ready for work (`GET /readyz`): once it has taken over the
/// store's open cases, until it begins to shut down.
final class Readiness: Sendable {
    private let state = Mutex((recovered: false, stopping: false))

    /// The open cases are taken over.
    func recovered() { state.withLock { $0.recovered = true } }

    /// Shutting down has begun.
    func stopping() { state.withLock { $0.stopping = true } }

    /// Whether shutting down has begun.
    var isStopping: Bool { state.withLock { $0.stopping } }

    /// Whether the server takes work.
    var isReady: Bool { state.withLock { $0.recovered && !$0.stopping } }
}

/// The first service to hear of a graceful shutdown: it marks the server not ready, so
/// that a load balancer stops sending work before the HTTP server stops accepting it.
struct ShutdownWatch: Service {
    let readiness: Readiness
    let logger: Logger

    func run() async {
        do {
            try await gracefulShutdown()
        } catch {
            // Cancelled: the whole group is ending; not ready either way.
        }
        readiness.stopping()
        logger.info("shutting down: not ready any more; draining requests, then adapter calls")
    }
}

/// Reloads the bundles on SIGHUP (validated first; cases keep their versions).
struct HangupReload: Service {
    let library: BundleLibrary
    let logger: Logger

    func run() async {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown {
            for await _ in signals {
                do {
                    let report = try await library.reload()
                    logger.notice(
                        "bundles reloaded on SIGHUP",
                        metadata: [
                            "served": "\(report.served.count)",
                            "refused": "\(report.refused.map(\.path).joined(separator: ","))",
                        ])
                } catch {
                    logger.error("bundles not reloaded: \(error)")
                }
            }
        }
    }
}
