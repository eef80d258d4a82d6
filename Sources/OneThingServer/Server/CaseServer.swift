import Hummingbird
import Logging
import OneThing
import OneThingAccess
import OneThingDepartmentHTTP
import OneThingRuntime
import ServiceLifecycle
import Synchronization

/// The runtime behind an HTTP API: the engine over a store, the bundles a folder holds,
/// and the routes of `grammar/openapi.yaml` (bundles, cases, department work,
/// supervision, operations), on Hummingbird 2.
///
/// ```swift
/// let library = try BundleLibrary(folder: "bundles")
/// let server = try await CaseServer(store: store, library: library, adapters: adapters,
///                                   clock: LiveClock(), configuration: ServerConfiguration())
/// try await server.application().runService()   // until SIGTERM: drains, then returns
/// ```
///
/// The server takes any ``OneThingEvents/EventStore``: it never opens one itself (the
/// command line opens the store a URL names and hands it over). Every append is timed
/// for the metrics; every refusal is a ``Problem``.
public final class CaseServer: Sendable {
    /// The engine the cases run in.
    public let engine: Engine
    /// The store, measured.
    public let store: any EventStore
    /// The bundles served.
    public let library: BundleLibrary
    /// How the server behaves.
    public let configuration: ServerConfiguration
    /// The metrics served at `/metrics`.
    public let metrics: ServerMetrics
    /// The operations the routes answer, filled when the router is built.
    public let operations = OperationTable()
    /// The feed of acknowledged events, a service of the application.
    public let feed: CaseEventFeed
    /// The browsers signed in to the pages.
    public let sessions: BrowserSessions
    let pageRouteTable = Mutex<[String]>([])
    let desk: CaseDesk
    let cache: CaseDocumentCache
    let readiness: Readiness
    let supervision = SupervisionBoard()
    let logger: Logger
    let body: BodyReader
    /// The departments' systems connected over HTTP, for the supervisor's page.
    let linked: [HTTPDepartmentAdapter]

    /// A server over `store`, serving the bundles of `library`, sending steps through
    /// `adapters`, on `clock`. The engine counts limits on the catalogue's calendar of
    /// the mainland (region `CN`).
    public init(
        store: any EventStore, library: BundleLibrary, adapters: AdapterDirectory, clock: any EngineClock,
        configuration: ServerConfiguration = ServerConfiguration(), metrics: ServerMetrics = ServerMetrics(),
        engineConfiguration: Engine.Configuration = Engine.Configuration(),
        logger: Logger = Logger(label: "onething.server")
    ) async {
        let measured = MeasuredEventStore(store, metrics: metrics)
        let catalogue = await library.catalogue
        let calendar = catalogue.calendar(region: "CN")
        let engine = Engine(
            store: measured, adapters: adapters, clock: clock, calendars: [calendar.region: calendar],
            configuration: engineConfiguration, logger: logger)
        let cache = CaseDocumentCache()
        self.engine = engine
        self.store = measured
        self.library = library
        self.configuration = configuration
        self.metrics = metrics
        self.cache = cache
        self.logger = logger
        self.readiness = Readiness()
        self.sessions = BrowserSessions(lifetime: configuration.sessionLifetime)
        self.body = BodyReader(limit: configuration.bodyLimit, timeout: configuration.bodyTimeout)
        self.linked = ([adapters.fallback] + adapters.byDepartment.values).compactMap {
            $0 as? HTTPDepartmentAdapter
        }
        .reduce(into: [String: HTTPDepartmentAdapter]()) { $0[$1.department] = $1 }.values
        .sorted { $0.department < $1.department }
        self.desk = CaseDesk(
            engine: engine, library: library, cache: cache, ledger: IdempotencyLedger(store: measured),
            calendar: calendar)
        self.feed = CaseEventFeed(
            engine: engine,
            listeners: [
                { event in cache.changed(event.caseID) },
                { event in
                    var blueprint: CaseBlueprint?
                    if case .overdue = event.kind {
                        blueprint = await engine.state(of: event.caseID)?.blueprint
                    }
                    metrics.record(event, blueprint: blueprint)
                },
            ],
            logger: logger)
    }

    /// Takes over every open case of the store (what a server does before it answers)
    /// and sets the metrics' gauges from the store. The server is ready afterwards.
    public func recover() async throws(Problem) {
        let open: [CaseID]
        do {
            open = try await engine.recover()
        } catch {
            throw Problem(error)
        }
        let all: [CaseSummary]
        do {
            all = try await store.cases(CaseQuery())
        } catch {
            throw Problem(error)
        }
        var states: [String: Int] = [:]
        for summary in all { states[summary.outcome?.rawValue ?? "open", default: 0] += 1 }
        var overdue: [CaseID: [Int: String]] = [:]
        for id in open {
            guard let state = await engine.state(of: id) else { continue }
            for (index, step) in state.steps.enumerated() where step.overdue && !step.status.isFinal {
                overdue[id, default: [:]][index] = state.blueprint.steps[index].department
            }
        }
        metrics.reset(states: states, overdue: overdue)
        readiness.recovered()
    }

    /// The services the application runs beside its HTTP server, in order: the engine
    /// (timers, drain at shutdown) and the event feed. Graceful shutdown stops them in
    /// reverse order after the HTTP server has drained.
    public var services: [any Service] {
        let queues = workQueues
        return queues.isEmpty
            ? [engine, feed]
            : [engine, feed, WorkQueueFollower(engine: engine, queues: queues, logger: logger)]
    }

    /// The HTTP application: the router on `configuration.host:port`, running ``services``
    /// and `extra` (a caller's own, such as simulated departments) beside the HTTP server.
    public func application(
        services extra: [any Service] = [],
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(),
            server: .http1(
                configuration: .init(idleTimeout: .nanoseconds(configuration.idleTimeout.nanoseconds))),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "onething"),
            services: services + extra,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Runs the application until SIGTERM or SIGINT, reloading the bundles on SIGHUP.
    ///
    /// On SIGTERM the server first says it is not ready (`/readyz` answers 503), then
    /// stops accepting connections and drains the requests in flight (streams of events
    /// and long polls end), then the extra services stop, then the event feed, then the
    /// engine, which waits for the adapter calls in flight and stores what they brought.
    /// The caller closes the store once this returns.
    public func run(
        services extra: [any Service] = [],
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: application(services: extra, onServerRunning: onServerRunning)),
                    .init(service: HangupReload(library: library, logger: logger)),
                    .init(service: ShutdownWatch(readiness: readiness, logger: logger)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// The page routes the router holds, as `METHOD /path` in the order added: not
    /// operations of the API (``OneThingPages/PageRoutes`` has their patterns).
    public var pageRoutes: [String] { pageRouteTable.withLock { $0 } }

    /// The router of every operation, and of the pages (``addPageRoutes(to:)``).
    public func router() -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        if configuration.benchmarkRoute {
            // Outside every middleware: what Hummingbird alone costs.
            router.get("/bench/bare") { _, _ in "ok" }
        }
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: ProblemMiddleware(operations: operations))
        router.add(middleware: AccessMiddleware(gate: accessGate))
        let routes = RouteSet(router: router, operations: operations)
        addOperationRoutes(routes)
        addBundleRoutes(routes)
        addCaseRoutes(routes)
        addSupervisionRoutes(routes)
        addDepartmentWorkRoutes(routes)
        addCallbackRoutes(routes)
        addMaterialDeliveryRoutes(routes)
        addPageRoutes(to: router)
        return router
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
