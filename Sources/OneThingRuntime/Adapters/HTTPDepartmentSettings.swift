/// How the platform reaches one department's own system over HTTP: where tasks are
/// pushed, where the shared secret comes from (never the secret itself), and how hard
/// to try. Read from the adapters file (`adapter: http`, `grammar/adapters-format.md`).
public struct HTTPDepartmentSettings: Sendable, Hashable, Codable {
    /// Where the shared secret of the signatures comes from.
    public enum SecretSource: Sendable, Hashable, Codable, CustomStringConvertible {
        /// An environment variable of the platform's process, by name.
        case environment(String)
        /// A file, by path, whose content (surrounding white space removed) is the secret.
        case file(String)

        /// Where, for a message: the variable's name or the file's path, never the secret.
        public var description: String {
            switch self {
            case .environment(let name): "environment variable \(name)"
            case .file(let path): "file \(path)"
            }
        }
    }

    /// The department system's URL tasks are pushed to.
    public var url: String
    /// Where the shared secret comes from; `nil` until the file names one (an error).
    public var secret: SecretSource?
    /// How long one call may take, in milliseconds.
    public var timeout: Int64
    /// How many times a failed call is tried again, with the same idempotency key.
    public var retries: Int
    /// The delays between tries: exponential backoff with jitter.
    public var backoff: RetryPolicy
    /// After how many failed calls in a row the breaker opens.
    public var breakerFailures: Int
    /// How long an open breaker stays open before one trial call, in milliseconds.
    public var breakerCoolDown: Int64
    /// How many calls may be on their way to the system at once (a bulkhead): the others
    /// wait on the platform, in the order they came, and their wait does not count
    /// against ``timeout``.
    public var inFlight: Int

    /// Settings for `url`; the rest as the adapters file's defaults: 10 s a call, 3
    /// retries from 500 ms doubling up to 30 s with ±50 % jitter, a breaker that opens
    /// after 5 failures in a row and tries again after 30 s, at most
    /// ``defaultInFlight`` calls at once.
    public init(
        url: String, secret: SecretSource? = nil, timeout: Int64 = 10_000, retries: Int = 3,
        backoff: RetryPolicy = RetryPolicy(base: 500, cap: 30_000, jitter: 0.5), breakerFailures: Int = 5,
        breakerCoolDown: Int64 = 30_000, inFlight: Int = HTTPDepartmentSettings.defaultInFlight
    ) {
        self.url = url
        self.secret = secret
        self.timeout = max(1, timeout)
        self.retries = max(0, retries)
        self.backoff = backoff
        self.breakerFailures = max(1, breakerFailures)
        self.breakerCoolDown = max(1, breakerCoolDown)
        self.inFlight = max(1, inFlight)
    }

    /// The calls a system takes at once unless the adapters file says otherwise: enough
    /// to keep a department's system busy, few enough that a burst of thousands of
    /// cases queues on the platform rather than times out at the department.
    public static let defaultInFlight = 32

    /// The most calls at once the adapters file may allow.
    public static let mostInFlight = 1_024
}
