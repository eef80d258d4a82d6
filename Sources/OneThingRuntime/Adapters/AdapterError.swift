/// Why a department's system could not take a submission; the runtime tries again
/// with exponential backoff and jitter.
public struct AdapterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for the case's history.
    public var reason: String

    /// Creates an error.
    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
