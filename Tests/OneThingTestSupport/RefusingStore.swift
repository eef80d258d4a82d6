import OneThingRuntime
import Synchronization

/// An in-memory store that refuses appends while told to, then works again: a full disk
/// or a lost connection that comes back. Everything else it passes to the in-memory store.
public final class RefusingStore: ForwardingStore {
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
}
