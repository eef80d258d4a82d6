import Synchronization

/// An event store in memory, for tests and simulation: the same contract as the
/// durable stores, without durability.
public final class InMemoryEventStore: EventStore {
    /// One case: its events and the projection they fold to.
    struct Entry {
        var events: [CaseEvent]
        var projection: CaseProjection
    }

    struct Contents {
        /// The cases, in the order they were started.
        var entries: [Entry] = []
        /// The position of each case in ``entries``.
        var index: [CaseID: Int] = [:]
        var blueprints: [String: CaseBlueprint] = [:]
        var caseNumbers: [CalendarDate: Int] = [:]
        var metadata: [String: String] = [:]
    }

    private let contents = Mutex(Contents())

    /// An empty store.
    public init() {}

    public func append(_ events: [CaseEvent]) async throws(StoreError) {
        try contents.withLock { (contents: inout Contents) throws(StoreError) in
            // All or nothing, by the rules of ``AppendBatch``. Each run of a case's events
            // folds into the case's projection in place (one lookup a run, no copy of a
            // case's steps); if an event does not fit, the cases touched are put back as
            // they were: events cut to their stored count, projections folded again.
            let firstNew = contents.entries.count
            var touched: [(position: Int, stored: Int)] = []
            var runStart = events.startIndex
            do throws(StoreError) {
                while runStart < events.endIndex {
                    let id = events[runStart].caseID
                    var runEnd = runStart + 1
                    while runEnd < events.endIndex, events[runEnd].caseID == id { runEnd += 1 }
                    let position: Int
                    if let found = contents.index[id] {
                        position = found
                        if found < firstNew { touched.append((found, contents.entries[found].events.count)) }
                    } else {
                        let projection = try AppendBatch<Void>.projection(
                            startedBy: events[runStart], blueprints: contents.blueprints)
                        position = contents.entries.count
                        contents.entries.append(Entry(events: [], projection: projection))
                        contents.index[id] = position
                    }
                    for event in events[runStart..<runEnd] {
                        try AppendBatch<Void>.fold(event, into: &contents.entries[position].projection)
                    }
                    contents.entries[position].events.append(contentsOf: events[runStart..<runEnd])
                    runStart = runEnd
                }
            } catch {
                for (position, stored) in touched.reversed() {
                    let entry = contents.entries[position]
                    var restored = CaseProjection(
                        id: entry.projection.state.id, blueprint: entry.projection.state.blueprint)
                    for event in entry.events.prefix(stored) { restored.apply(event) }
                    contents.entries[position] = Entry(
                        events: Array(entry.events.prefix(stored)), projection: restored)
                }
                for entry in contents.entries[firstNew...] { contents.index[entry.projection.state.id] = nil }
                contents.entries.removeSubrange(firstNew...)
                throw error
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
        contents.withLock { contents in contents.index[id].map { contents.entries[$0].events } ?? [] }
    }

    public func cases(_ query: CaseQuery) async throws(StoreError) -> [CaseSummary] {
        contents.withLock { contents in
            var result: [CaseSummary] = []
            if let limit = query.limit, limit <= 0 { return result }
            var order = contents.entries[...]
            if let after = query.after {
                guard let position = contents.index[after] else { return result }
                order = order[(position + 1)...]
            }
            for entry in order {
                guard let summary = entry.projection.summary, CaseProjection.matches(summary, query) else {
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
