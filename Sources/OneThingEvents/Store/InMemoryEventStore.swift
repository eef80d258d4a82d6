import Synchronization

/// An event store in memory, for tests and simulation: the same contract as the
/// durable stores, without durability.
public final class InMemoryEventStore: EventStore {
    struct Contents {
        var events: [CaseID: [CaseEvent]] = [:]
        var projections: [CaseID: CaseProjection] = [:]
        var order: [CaseID] = []
        var blueprints: [String: CaseBlueprint] = [:]
        var caseNumbers: [CalendarDate: Int] = [:]
        var metadata: [String: String] = [:]
    }

    private let contents = Mutex(Contents())

    /// An empty store.
    public init() {}

    public func append(_ events: [CaseEvent]) async throws(StoreError) {
        try contents.withLock { (contents: inout Contents) throws(StoreError) in
            // All or nothing. The projections the batch touches leave the store while the
            // batch folds into them (``AppendBatch``), so each changes in place (no copy of
            // a case's steps); if an event does not fit, they are folded again from the
            // events the store keeps, which the batch has not touched yet.
            var batch = AppendBatch<Void>(events)
            var known: [CaseID: AppendBatch<Void>.Known] = [:]
            for id in batch.caseIDs {
                if let projection = contents.projections.removeValue(forKey: id) {
                    known[id] = .init(projection: projection, stored: ())
                }
            }
            var blueprints: [String: CaseBlueprint] = [:]
            for fingerprint in batch.blueprintsNeeded(known: Set(known.keys)) {
                blueprints[fingerprint] = contents.blueprints[fingerprint]
            }
            do throws(StoreError) {
                try batch.fold(known: &known, blueprints: blueprints)
            } catch {
                for entry in batch.touched where entry.stored != nil {
                    let id = entry.projection.state.id
                    var restored = CaseProjection(id: id, blueprint: entry.projection.state.blueprint)
                    for stored in contents.events[id] ?? [] { restored.apply(stored) }
                    contents.projections[id] = restored
                }
                for (id, entry) in known { contents.projections[id] = entry.projection }
                throw error
            }
            for event in events { contents.events[event.caseID, default: []].append(event) }
            for entry in batch.touched {
                let id = entry.projection.state.id
                if entry.stored == nil { contents.order.append(id) }
                contents.projections[id] = entry.projection
            }
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
            var order = contents.order[...]
            if let after = query.after {
                guard let position = order.firstIndex(of: after) else { return result }
                order = order[(position + 1)...]
            }
            for id in order {
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

    public func newCaseID(acceptedOn date: CalendarDate) async throws(StoreError) -> CaseID {
        contents.withLock { contents in
            let number = (contents.caseNumbers[date] ?? 0) + 1
            contents.caseNumbers[date] = number
            return CaseIDFormat.make(acceptedOn: date, number: number)
        }
    }

    public func metadata(_ key: String) async throws(StoreError) -> String? {
        contents.withLock { $0.metadata[key] }
    }

    public func setMetadata(_ value: String, for key: String) async throws(StoreError) {
        contents.withLock { $0.metadata[key] = value }
    }
}

extension StoreError {
    /// The error for an event that ``CaseState/check(_:)`` refused: a conflict when its
    /// sequence repeats one the store has (another writer was first), else a refusal.
    public static func refusal(_ refusal: CaseState.Refusal, caseID: CaseID) -> StoreError {
        StoreError(refusal.isRepeat ? .conflict : .refused, refusal.reason, caseID: caseID)
    }

    /// The error for an event of a case the store does not have that does not start it.
    public static func unknownCase(_ event: CaseEvent) -> StoreError {
        if case .started = event.kind {
            return StoreError(
                .refused, "case \(event.caseID): its start event must be event 1, not \(event.sequence)",
                caseID: event.caseID)
        }
        return StoreError(
            .refused,
            "case \(event.caseID): the store has no such case, and event \(event.sequence) does not start one",
            caseID: event.caseID)
    }

    /// The error for a case whose blueprint was never saved.
    public static func unknownBlueprint(_ fingerprint: String, caseID: CaseID) -> StoreError {
        StoreError(
            .refused, "case \(caseID): its blueprint \(fingerprint) was not saved before the case started",
            caseID: caseID)
    }
}
