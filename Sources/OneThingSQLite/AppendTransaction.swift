import GRDB
import OneThingEvents

/// One call of `append`: checks that each case's events continue its history
/// (``CaseState/check(_:)``), folds them into the cases' projections, and writes the
/// events and the new summaries in one transaction. Nothing is written unless all is.
struct AppendTransaction {
    /// A case the batch touches.
    struct Touched {
        /// Its projection, with the batch's events folded in so far.
        var projection: CaseProjection
        /// Its summary row as the file holds it; `nil` for a case new to the file.
        let before: StoredSummary?
        /// Its summary row once written.
        var after: StoredSummary?
    }

    /// A cached projection did not match the file: another connection appended to
    /// the case. The transaction is rolled back and tried again from the file.
    struct StaleProjection: Error {}

    /// The events, in the order they were given.
    let events: [CaseEvent]
    /// The file, for messages.
    let file: StoreFile
    /// The cases they touch, in the order of their first event.
    private(set) var touched: [Touched] = []
    private var positions: [CaseID: Int] = [:]

    /// Appends `events` in one transaction of `db`, using and updating the
    /// projections and blueprints in `memory`.
    static func run(_ events: [CaseEvent], in db: Database, memory: inout StoreMemory, file: StoreFile) throws
    {
        var retried = false
        while true {
            // The cached projections of the touched cases leave `memory` now; they come
            // back only if the transaction commits, so a failure never leaves a projection
            // that is ahead of the file.
            var work = AppendTransaction(events: events, file: file)
            do {
                try db.inTransaction(.immediate) {
                    try work.fold(in: db, memory: &memory)
                    try work.write(in: db)
                    return .commit
                }
            } catch is StaleProjection {
                guard !retried else {
                    throw StoreError.damaged(
                        file, "a case's summary does not count the events the file holds")
                }
                retried = true
                continue
            }
            for entry in work.touched where !entry.projection.state.isClosed {
                guard let stored = entry.after else { continue }
                memory.cases[entry.projection.state.id] = StoreMemory.CachedCase(
                    projection: entry.projection, stored: stored)
            }
            return
        }
    }

    init(events: [CaseEvent], file: StoreFile) {
        self.events = events
        self.file = file
    }

    /// Folds every event into its case's projection, checking that it fits.
    mutating func fold(in db: Database, memory: inout StoreMemory) throws {
        var last: (id: CaseID, position: Int)?
        for event in events {
            let position: Int
            if let last, last.id == event.caseID {
                position = last.position  // a case's events come in a run: no lookup
            } else if let known = positions[event.caseID] {
                position = known
            } else {
                position = touched.count
                touched.append(try begin(event, in: db, memory: &memory))
                positions[event.caseID] = position
            }
            do {
                try touched[position].projection.check(event)
            } catch {
                throw StoreError.refusal(error, caseID: event.caseID)
            }
            touched[position].projection.apply(event)
            last = (event.caseID, position)
        }
    }

    /// The projection of the case of `event`, its first in the batch: cached, folded
    /// from the file, or new (a start event with sequence 1 of a saved blueprint).
    func begin(_ event: CaseEvent, in db: Database, memory: inout StoreMemory) throws -> Touched {
        let id = event.caseID
        if let cached = memory.cases.removeValue(forKey: id) {
            return Touched(projection: cached.projection, before: cached.stored)
        }
        if let stored = try SummaryRows.stored(id, in: db, file: file) {
            guard
                let blueprint = try Self.blueprint(
                    stored.summary.blueprint, in: db, memory: &memory, file: file)
            else {
                throw StoreError.damaged(
                    file, "case \(id): its blueprint \(stored.summary.blueprint) is missing", caseID: id)
            }
            var projection = CaseProjection(id: id, blueprint: blueprint)
            for old in try StoredRows.events(of: id, in: db, file: file) { projection.apply(old) }
            return Touched(projection: projection, before: stored)
        }
        guard case .started(let start) = event.kind, event.sequence == 1 else {
            throw StoreError.unknownCase(event)
        }
        guard let blueprint = try Self.blueprint(start.blueprint, in: db, memory: &memory, file: file) else {
            throw StoreError.unknownBlueprint(start.blueprint, caseID: id)
        }
        return Touched(projection: CaseProjection(id: id, blueprint: blueprint), before: nil)
    }

    /// The blueprint with this fingerprint, from memory or from the file.
    static func blueprint(_ fingerprint: String, in db: Database, memory: inout StoreMemory, file: StoreFile)
        throws -> CaseBlueprint?
    {
        if let known = memory.blueprints[fingerprint] { return known }
        let stored = try StoredRows.blueprint(fingerprint, in: db, file: file)
        if let stored { memory.blueprints[fingerprint] = stored }
        return stored
    }

    /// Writes the summaries of the touched cases, then the events.
    mutating func write(in db: Database) throws {
        var ordinal: Int64?
        for index in touched.indices {
            let id = touched[index].projection.state.id
            guard let summary = touched[index].projection.summary else {
                throw StoreError(.refused, "case \(id) has no start event", caseID: id)
            }
            if let before = touched[index].before {
                guard try SummaryRows.update(summary, from: before, in: db) else { throw StaleProjection() }
                touched[index].after = StoredSummary(summary: summary, ordinal: before.ordinal)
                continue
            }
            let next = try ordinal ?? SummaryRows.nextOrdinal(in: db)
            try SummaryRows.insert(summary, ordinal: next, in: db)
            touched[index].after = StoredSummary(summary: summary, ordinal: next)
            ordinal = next + 1
        }
        let inserter = try EventInserter(db: db)
        for event in events { try inserter.insert(event) }
    }
}
