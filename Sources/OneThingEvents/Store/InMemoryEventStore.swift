import Synchronization

/// An event store in memory, for tests and simulation: the same contract as the
/// durable stores, without durability.
public final class InMemoryEventStore: EventStore {
    struct Contents {
        var events: [CaseID: [CaseEvent]] = [:]
        var projections: [CaseID: CaseProjection] = [:]
        var order: [CaseID] = []
        var blueprints: [String: CaseBlueprint] = [:]
    }

    private let contents = Mutex(Contents())

    /// An empty store.
    public init() {}

    public func append(_ events: [CaseEvent]) async throws(StoreError) {
        try contents.withLock { (stored: inout Contents) throws(StoreError) in
            // All or nothing: work on a copy and keep it only if every event fits.
            var contents = stored
            for event in events {
                if contents.projections[event.caseID] == nil {
                    guard case .started(let start) = event.kind,
                        let blueprint = contents.blueprints[start.blueprint]
                    else {
                        throw StoreError("case \(event.caseID) has no start event with a known blueprint")
                    }
                    contents.projections[event.caseID] = CaseProjection(
                        id: event.caseID, blueprint: blueprint)
                    contents.order.append(event.caseID)
                }
                let expected = (contents.events[event.caseID]?.count ?? 0) + 1
                guard event.sequence == expected else {
                    throw StoreError(
                        "case \(event.caseID): event \(event.sequence) appended where \(expected) was due")
                }
                contents.events[event.caseID, default: []].append(event)
                contents.projections[event.caseID]!.apply(event)
            }
            stored = contents
        }
    }

    public func saveBlueprint(_ blueprint: CaseBlueprint) async throws(StoreError) {
        contents.withLock { $0.blueprints[blueprint.fingerprint] = blueprint }
    }

    public func blueprint(_ fingerprint: String) async throws(StoreError) -> CaseBlueprint? {
        contents.withLock { $0.blueprints[fingerprint] }
    }

    public func events(of id: CaseID) async throws(StoreError) -> [CaseEvent] {
        contents.withLock { $0.events[id] ?? [] }
    }

    public func cases(_ query: CaseQuery) async throws(StoreError) -> [CaseSummary] {
        contents.withLock { contents in
            var result: [CaseSummary] = []
            if let limit = query.limit, limit <= 0 { return result }
            for id in contents.order {
                guard let summary = contents.projections[id]?.summary, CaseProjection.matches(summary, query)
                else {
                    continue
                }
                result.append(summary)
                if let limit = query.limit, result.count >= limit { break }
            }
            return result
        }
    }
}
