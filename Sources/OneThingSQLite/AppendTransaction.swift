import GRDB
import OneThingEvents

/// One call of `append`: checks that each case's events continue its history
/// without a gap or a repeat, folds them into the cases' projections, and writes the
/// events and the new summaries in one transaction. Nothing is written unless all is.
struct AppendTransaction {
    /// A case the batch touches.
    struct Touched {
        /// Its projection, with the batch's events folded in so far.
        var projection: CaseProjection
        /// Its summary as the file holds it; `nil` for a case new to the file.
        let before: CaseSummary?
    }

    /// A cached projection did not match the file: another connection appended to
    /// the case. The transaction is rolled back and tried again from the file.
    struct StaleProjection: Error {}

    /// The events, in the order they were given.
    let events: [CaseEvent]
    /// The cases they touch, in the order of their first event.
    private(set) var touched: [Touched] = []
    private var positions: [CaseID: Int] = [:]

    /// Appends `events` in one transaction of `db`, using and updating the
    /// projections and blueprints in `memory`.
    static func run(_ events: [CaseEvent], in db: Database, memory: inout StoreMemory) throws {
        var retried = false
        while true {
            // The cached projections of the touched cases leave `memory` now; they come
            // back only if the transaction commits, so a failure never leaves a projection
            // that is ahead of the file.
            var work = AppendTransaction(events: events)
            do {
                try db.inTransaction(.immediate) {
                    try work.fold(in: db, memory: &memory)
                    try work.write(in: db)
                    return .commit
                }
            } catch is StaleProjection where !retried {
                retried = true
                continue
            }
            for entry in work.touched where !entry.projection.state.isClosed {
                memory.projections[entry.projection.state.id] = entry.projection
            }
            return
        }
    }

    init(events: [CaseEvent]) {
        self.events = events
    }

    /// Folds every event into its case's projection, checking its sequence.
    mutating func fold(in db: Database, memory: inout StoreMemory) throws {
        for event in events {
            let position: Int
            if let known = positions[event.caseID] {
                position = known
            } else {
                position = touched.count
                touched.append(try Self.begin(event, in: db, memory: &memory))
                positions[event.caseID] = position
            }
            let expected = touched[position].projection.state.sequence + 1
            guard event.sequence == expected else {
                throw StoreError(
                    "case \(event.caseID): event \(event.sequence) appended where \(expected) was due")
            }
            if let task = EventPayload.task(of: event.kind) {
                // Folding an event about a task the blueprint does not have would trap.
                let count = touched[position].projection.state.tasks.count
                guard (0..<count).contains(task) else {
                    throw StoreError(
                        "case \(event.caseID): event \(event.sequence) is about task \(task), "
                            + "but the case's blueprint has \(count) tasks")
                }
            }
            touched[position].projection.apply(event)
        }
    }

    /// The projection of the case of `event`, its first in the batch: cached, new (a
    /// start event with sequence 1), or folded from the file.
    static func begin(_ event: CaseEvent, in db: Database, memory: inout StoreMemory) throws -> Touched {
        let id = event.caseID
        if let cached = memory.projections.removeValue(forKey: id) {
            return Touched(projection: cached, before: cached.summary)
        }
        if event.sequence == 1, case .started(let start) = event.kind {
            // New to the file, unless the file says otherwise when its summary is inserted.
            guard let blueprint = try blueprint(start.blueprint, in: db, memory: &memory) else {
                throw StoreError("case \(id) has no start event with a known blueprint")
            }
            return Touched(projection: CaseProjection(id: id, blueprint: blueprint), before: nil)
        }
        let stored = try StoredRows.events(of: id, in: db)
        guard case .started(let start) = (stored.first ?? event).kind,
            let blueprint = try blueprint(start.blueprint, in: db, memory: &memory)
        else {
            throw StoreError("case \(id) has no start event with a known blueprint")
        }
        var projection = CaseProjection(id: id, blueprint: blueprint)
        for old in stored { projection.apply(old) }
        return Touched(projection: projection, before: stored.isEmpty ? nil : projection.summary)
    }

    /// The blueprint with this fingerprint, from memory or from the file.
    static func blueprint(_ fingerprint: String, in db: Database, memory: inout StoreMemory) throws
        -> CaseBlueprint?
    {
        if let known = memory.blueprints[fingerprint] { return known }
        let stored = try StoredRows.blueprint(fingerprint, in: db)
        if let stored { memory.blueprints[fingerprint] = stored }
        return stored
    }

    /// Writes the summaries of the touched cases, then the events.
    func write(in db: Database) throws {
        var ordinal: Int?
        for entry in touched {
            let id = entry.projection.state.id
            guard let summary = entry.projection.summary else {
                throw StoreError("case \(id) has no start event with a known blueprint")
            }
            if let before = entry.before {
                guard try SummaryRows.update(summary, from: before, in: db) else { throw StaleProjection() }
                continue
            }
            let next = try ordinal ?? SummaryRows.nextOrdinal(in: db)
            do {
                try SummaryRows.insert(summary, ordinal: next, in: db)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                let stored = try SummaryRows.storedEvents(of: id, in: db) ?? 0
                throw StoreError("case \(id): event 1 appended where \(stored + 1) was due")
            }
            ordinal = next + 1
        }
        var inserter = try EventInserter(db: db)
        defer { inserter.finish() }
        for event in events { try inserter.insert(event) }
    }
}
