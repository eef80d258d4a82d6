import OneThingAccess
import OneThingDepartmentHTTP

/// How a ``CaseServer`` behaves.
public struct ServerConfiguration: Sendable {
    /// The address to listen on.
    public var host: String
    /// The port to listen on (0: any free port).
    public var port: Int
    /// The most bytes a request body may have.
    public var bodyLimit: Int
    /// How long receiving a request body may take.
    public var bodyTimeout: Duration
    /// How long a connection may stay idle before it is closed (slow clients).
    public var idleTimeout: Duration
    /// The longest a department system's request for work may wait (long polling).
    public var longestPoll: Duration
    /// The lease a claim gets when the request does not say.
    public var defaultLease: Duration
    /// The longest lease a claim may ask for.
    public var longestLease: Duration
    /// How often a stream of events sends a keep-alive comment.
    public var keepAlive: Duration
    /// Whether to answer `GET /bench/bare` with a fixed text outside every middleware:
    /// the baseline the benchmark compares the API's routes with.
    public var benchmarkRoute: Bool
    /// The principals requests are checked against (``OneThingAccess/AccessPolicy``);
    /// `nil`: nothing is checked (a demonstration on loopback).
    public var principals: PrincipalDirectory?
    /// How long a browser's session lasts after sign-in (the pages).
    public var sessionLifetime: Duration
    /// Whether the session cookie is marked `Secure` (sent only over HTTPS): on when the
    /// server is reached through a proxy that terminates TLS; off on plain loopback,
    /// where a browser would not send a `Secure` cookie back.
    public var secureCookies: Bool
    /// The check of the callbacks of departments connected over HTTP (their secrets);
    /// `nil` when none is: every callback is then refused as from an unknown department.
    public var callbacks: CallbackVerifier?
    /// The check of the late deliveries of the material service over HTTP (its secret,
    /// under ``materialService``); `nil` when there is none: every delivery is then refused.
    public var deliveries: CallbackVerifier?
    /// The name the material service's secret has in ``deliveries``.
    public static let materialService = "e-licence"

    /// A configuration; the defaults suit a server behind a government intranet's proxy.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, bodyLimit: Int = 1 << 20,
        bodyTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(75), longestPoll: Duration = .seconds(60),
        defaultLease: Duration = .seconds(300), longestLease: Duration = .seconds(3600),
        keepAlive: Duration = .seconds(15), benchmarkRoute: Bool = false,
        principals: PrincipalDirectory? = nil, sessionLifetime: Duration = .seconds(8 * 3600),
        secureCookies: Bool = false, callbacks: CallbackVerifier? = nil, deliveries: CallbackVerifier? = nil
    ) {
        self.host = host
        self.port = port
        self.bodyLimit = bodyLimit
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.longestPoll = longestPoll
        self.defaultLease = defaultLease
        self.longestLease = longestLease
        self.keepAlive = keepAlive
        self.benchmarkRoute = benchmarkRoute
        self.principals = principals
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.callbacks = callbacks
        self.deliveries = deliveries
    }
}
