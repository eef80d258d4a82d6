import OneThingRuntime

/// An event store that times its appends for ``ServerMetrics`` and otherwise passes
/// every call through: the server wraps whatever store it is given in one, so the
/// latency is measured the same for SQLite and any later store.
public struct MeasuredEventStore: EventStore {
    /// The store measured.
    public let base: any EventStore
    let metrics: ServerMetrics

    /// `base`, its appends timed into `metrics`.
    public init(_ base: any EventStore, metrics: ServerMetrics) {
        self.base = base
        self.metrics = metrics
    }

    /// The measured store's holding side, passed on.
    public var holding: (any CaseHolding)? { base.holding }

    /// The measured store's board of department jobs, passed on.
    public var jobBoard: (any DepartmentJobBoard)? { base.jobBoard }

    public func append(_ events: [CaseEvent]) async throws(StoreError) {
        let clock = ContinuousClock()
        let start = clock.now
        defer { metrics.appendLatency.record(clock.now - start) }
        try await base.append(events)
    }

    public func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError) {
        try await base.saveBlueprint(blueprint)
    }

    public func blueprint(_ fingerprint: String) async throws(StoreError) -> CaseBlueprint? {
        try await base.blueprint(fingerprint)
    }

    public func events(of id: CaseID) async throws(StoreError) -> [CaseEvent] {
        try await base.events(of: id)
    }

    public func cases(_ query: CaseQuery) async throws(StoreError) -> [CaseSummary] {
        try await base.cases(query)
    }

    public func newCaseID(acceptedOn date: CalendarDate) async throws(StoreError) -> CaseID {
        try await base.newCaseID(acceptedOn: date)
    }

    public func metadata(_ key: String) async throws(StoreError) -> String? {
        try await base.metadata(key)
    }

    public func setMetadata(_ value: String, for key: String) async throws(StoreError) {
        try await base.setMetadata(value, for: key)
    }
}
