/// Why a store could not do what it was asked; the engine never acknowledges an
/// event a store did not confirm.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Which cases a query asks for.
public struct CaseQuery: Sendable, Hashable {
    /// Open or closed cases, or both when `nil`.
    public var open: Bool?
    /// Cases with an unfinished task at this department.
    public var department: String?
    /// Open cases whose promise is due at or before this time (overdue when it has passed).
    public var dueBy: WorkTime?
    /// The most cases to return.
    public var limit: Int?

    /// Creates a query.
    public init(open: Bool? = nil, department: String? = nil, dueBy: WorkTime? = nil, limit: Int? = nil) {
        self.open = open
        self.department = department
        self.dueBy = dueBy
        self.limit = limit
    }
}

/// One line about a case, kept by the store beside the events for queries.
public struct CaseSummary: Sendable, Hashable, Codable {
    /// The case.
    public var id: CaseID
    /// Its bundle and version.
    public var bundle: String
    /// The version it is pinned to.
    public var version: String
    /// The lead department.
    public var lead: String
    /// When it started.
    public var startedAt: WorkTime
    /// When the bundle's promise is due.
    public var dueAt: WorkTime
    /// How it ended, once it has.
    public var outcome: CaseOutcome?
    /// When it was delivered.
    public var deliveredAt: WorkTime?
    /// The departments with an unfinished task.
    public var waitingOn: [String]
    /// The number of events.
    public var events: Int
}

/// Where cases live: an append-only log of events per case, and the summaries that
/// queries read. The embedded default is SQLite (`SQLiteEventStore`); the same
/// protocol serves an in-memory store for tests and simulation, and a PostgreSQL
/// store for deployments that share one database between several runtimes.
public protocol EventStore: Sendable {
    /// Appends events of one or more cases in one transaction, and returns once they
    /// are durable: an event is acknowledged only after this returns.
    func append(_ events: [CaseEvent]) async throws(StoreError)
    /// Keeps a blueprint under its fingerprint, once.
    func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError)
    /// The blueprint with this fingerprint.
    func blueprint(_ fingerprint: String) async throws(StoreError) -> CaseBlueprint?
    /// Every event of a case, in order.
    func events(of id: CaseID) async throws(StoreError) -> [CaseEvent]
    /// The cases a query asks for, oldest first.
    func cases(_ query: CaseQuery) async throws(StoreError) -> [CaseSummary]
}
