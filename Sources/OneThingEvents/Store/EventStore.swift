/// Which cases a query asks for.
public struct CaseQuery: Sendable, Hashable {
    /// Open or closed cases, or both when `nil`.
    public var open: Bool?
    /// Cases with an unfinished step at this department.
    public var department: String?
    /// Open cases whose promise is due at or before this moment (overdue when it has passed).
    public var dueBy: Timestamp?
    /// The most cases to return.
    public var limit: Int?
    /// Only cases that started after this one, in the store's order (the cursor of a
    /// paged list: the last case of the previous page); none when the store has no such case.
    public var after: CaseID?

    /// Creates a query.
    public init(
        open: Bool? = nil, department: String? = nil, dueBy: Timestamp? = nil, limit: Int? = nil,
        after: CaseID? = nil
    ) {
        self.open = open
        self.department = department
        self.dueBy = dueBy
        self.limit = limit
        self.after = after
    }
}

/// One line about a case, kept by the store beside the events for queries.
public struct CaseSummary: Sendable, Hashable, Codable {
    /// The case.
    public var id: CaseID
    /// Its bundle.
    public var bundle: String
    /// The bundle version it is pinned to.
    public var version: String
    /// The fingerprint of its blueprint (names, steps and limits).
    public var blueprint: String
    /// The lead department.
    public var lead: String
    /// When it started.
    public var startedAt: Timestamp
    /// When the bundle's promise is due; `nil` for a case intake did not accept.
    public var promisedBy: Timestamp?
    /// How it ended, once it has.
    public var outcome: CaseOutcome?
    /// When it was delivered.
    public var deliveredAt: Timestamp?
    /// The departments with an unfinished step that has been sent.
    public var waitingOn: [String]
    /// The number of events.
    public var events: Int

    /// Creates a summary.
    public init(
        id: CaseID, bundle: String, version: String, blueprint: String, lead: String, startedAt: Timestamp,
        promisedBy: Timestamp?, outcome: CaseOutcome?, deliveredAt: Timestamp?, waitingOn: [String],
        events: Int
    ) {
        self.id = id
        self.bundle = bundle
        self.version = version
        self.blueprint = blueprint
        self.lead = lead
        self.startedAt = startedAt
        self.promisedBy = promisedBy
        self.outcome = outcome
        self.deliveredAt = deliveredAt
        self.waitingOn = waitingOn
        self.events = events
    }
}

/// Where cases live: an append-only log of events per case, the summaries that
/// queries read, the blueprints cases are pinned to, the counter that numbers cases,
/// and a little metadata (which adapter serves which department, for instance).
///
/// The embedded default is SQLite (`SQLiteEventStore`); the same protocol serves an
/// in-memory store for tests and simulation, and a PostgreSQL store for deployments
/// that share one database between several runtimes. Every store passes the checks of
/// `OneThingStoreContract`.
public protocol EventStore: Sendable {
    /// Appends events of one or more cases in one transaction, and returns once they
    /// are durable: an event is acknowledged only after this returns. Each event must
    /// continue its case's history (``CaseState/check(_:)``); a case's first event
    /// starts it with a saved blueprint.
    ///
    /// - Throws: ``StoreError`` of kind ``StoreError/Kind/conflict`` when another writer
    ///   appended to a case first, ``StoreError/Kind/refused`` for events that do not fit;
    ///   in either case nothing of the batch is written.
    func append(_ events: [CaseEvent]) async throws(StoreError)
    /// Keeps a blueprint under its fingerprint, once.
    func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError)
    /// The blueprint with this fingerprint.
    func blueprint(_ fingerprint: String) async throws(StoreError) -> CaseBlueprint?
    /// Every event of a case, in order; none for a case the store does not have.
    func events(of id: CaseID) async throws(StoreError) -> [CaseEvent]
    /// The cases a query asks for, oldest first.
    func cases(_ query: CaseQuery) async throws(StoreError) -> [CaseSummary]
    /// A new case id for a case accepted on `date`, never given out before by this
    /// store, whoever else asks at the same time.
    func newCaseID(acceptedOn date: CalendarDate) async throws(StoreError) -> CaseID
    /// The metadata value under `key`, if any.
    func metadata(_ key: String) async throws(StoreError) -> String?
    /// Keeps `value` under `key`, replacing what was there.
    func setMetadata(_ value: String, for key: String) async throws(StoreError)
    /// The store's side for several runtime instances sharing it (``CaseHolding``);
    /// `nil` (the default) for a store that one process serves. A store that wraps
    /// another passes the other's on.
    var holding: (any CaseHolding)? { get }
    /// The store's work queues of the departments that decide by hand, when several
    /// runtime instances share it (``DepartmentJobBoard``); `nil` (the default) for a
    /// store that one process serves, whose work queues live in memory. A store that
    /// wraps another passes the other's on.
    var jobBoard: (any DepartmentJobBoard)? { get }
}

extension EventStore {
    /// One process serves the store: no instance holds cases.
    public var holding: (any CaseHolding)? { nil }
    /// One process serves the store: its work queues keep their jobs in memory.
    public var jobBoard: (any DepartmentJobBoard)? { nil }
}

/// How case ids are written: `C`, the day of acceptance, and the day's case number.
public enum CaseIDFormat {
    /// The id of the `number`th case accepted on `date`: `C20260302-0001` (more digits
    /// after 9,999).
    public static func make(acceptedOn date: CalendarDate, number: Int) -> CaseID {
        let digits = String(number)
        let day = date.description.filter { $0 != "-" }
        return "C\(day)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension EventStore {
    /// The summary of case `id`, if the store has it: the projection of its events.
    public func summary(of id: CaseID) async throws(StoreError) -> CaseSummary? {
        let events = try await events(of: id)
        guard case .started(let start)? = events.first?.kind else { return nil }
        guard let blueprint = try await blueprint(start.blueprint) else {
            throw StoreError(
                .corrupt, "case \(id): its blueprint \(start.blueprint) is missing from the store", caseID: id
            )
        }
        var projection = CaseProjection(id: id, blueprint: blueprint)
        for event in events { projection.apply(event) }
        return projection.summary
    }
}
