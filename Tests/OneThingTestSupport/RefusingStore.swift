import OneThingRuntime
import Synchronization

/// An in-memory store that refuses appends while told to, then works again: a full disk
/// or a lost connection that comes back. Everything else it passes to the in-memory store.
public final class RefusingStore: EventStore {
    /// The store the events go to.
    public let inner = InMemoryEventStore()
    private let refusal = Mutex<StoreError?>(nil)
    private let refused = Mutex(0)

    /// A store that takes every append until told otherwise.
    public init() {}

    /// Refuses every append with `error` from now on; `nil` takes them again.
    public func refuse(_ error: StoreError?) { refusal.withLock { $0 = error } }

    /// How many appends were refused so far.
    public var refusedAppends: Int { refused.withLock { $0 } }

    public func append(_ events: [CaseEvent]) async throws(StoreError) {
        if let error = refusal.withLock({ $0 }) {
            refused.withLock { $0 += 1 }
            throw error
        }
        try await inner.append(events)
    }
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
