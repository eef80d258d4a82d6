import OneThingRuntime

/// A store double that decides what its appends do and hands everything else to an
/// in-memory store: conform, keep `inner`, and write `append(_:)`.
public protocol ForwardingStore: EventStore {
    /// The store everything but the appends goes to.
    var inner: InMemoryEventStore { get }
}

extension ForwardingStore {
    public func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError) {
        try await inner.saveBlueprint(blueprint)
    }
    public func blueprint(_ fingerprint: String) async throws(StoreError) -> CaseBlueprint? {
        try await inner.blueprint(fingerprint)
    }
    public func events(of id: CaseID) async throws(StoreError) -> [CaseEvent] {
        try await inner.events(of: id)
    }
    public func cases(_ query: CaseQuery) async throws(StoreError) -> [CaseSummary] {
        try await inner.cases(query)
    }
    public func newCaseID(acceptedOn date: CalendarDate) async throws(StoreError) -> CaseID {
        try await inner.newCaseID(acceptedOn: date)
    }
    public func metadata(_ key: String) async throws(StoreError) -> String? { try await inner.metadata(key) }
    public func setMetadata(_ value: String, for key: String) async throws(StoreError) {
        try await inner.setMetadata(value, for: key)
    }
}
