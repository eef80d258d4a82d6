import GRDB
import OneThingEvents

/// One call of `append`: folds the events into the cases' projections
/// (``AppendBatch``, the rule every store follows) and writes the events and the new
/// summaries in one transaction. Nothing is written unless all is.
struct AppendTransaction {
    /// A cached projection did not match the file: another connection appended to
    /// the case. The transaction is rolled back and tried again from the file.
    struct StaleProjection: Error {}

    /// The file, for messages.
    let file: StoreFile
    /// The batch, folded.
    private(set) var batch: AppendBatch<StoredSummary>
    /// The batch's events, encoded, in its order.
    let encoded: [EncodedEvent]
    /// The summary rows of the touched cases once written, in the order of `batch.touched`.
    private(set) var written: [StoredSummary] = []

    /// What an append prepares before it takes the write lock, so that the writer
    /// does not wait for it: the batch, not yet folded, and the encoded events.
    struct Prepared: Sendable {
        /// The batch, not yet folded.
        let batch: AppendBatch<StoredSummary>
        /// The events, encoded, in the batch's order.
        let encoded: [EncodedEvent]

        init(_ events: [CaseEvent]) {
            batch = AppendBatch(events)
            encoded = events.map(EncodedEvent.init)
        }
    }

    /// Appends the prepared events in one transaction of `db`, using and updating the
    /// projections and blueprints in `memory`.
    static func run(_ prepared: Prepared, in db: Database, memory: inout StoreMemory, file: StoreFile) throws
    {
        var retried = false
        while true {
            // The cached projections of the touched cases leave `memory` now; they come
            // back only if the transaction commits, so a failure never leaves a projection
            // that is ahead of the file.
            var work = AppendTransaction(batch: prepared.batch, encoded: prepared.encoded, file: file)
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
            for (entry, stored) in zip(work.batch.touched, work.written)
            where !entry.projection.state.isClosed {
                memory.cases[entry.projection.state.id] = StoreMemory.CachedCase(
                    projection: entry.projection, stored: stored)
            }
            return
        }
    }

    init(batch: AppendBatch<StoredSummary>, encoded: [EncodedEvent], file: StoreFile) {
        self.batch = batch
        self.encoded = encoded
        self.file = file
    }

    /// Folds every event into its case's projection, checking that it fits: the
    /// cases come from memory or the file, the blueprints of new cases from either.
    mutating func fold(in db: Database, memory: inout StoreMemory) throws {
        var known: [CaseID: AppendBatch<StoredSummary>.Known] = [:]
        for id in batch.caseIDs {
            if let cached = memory.cases.removeValue(forKey: id) {
                known[id] = .init(projection: cached.projection, stored: cached.stored)
                continue
            }
            // A case the batch starts is new unless its row says otherwise when written.
            if batch.startedCaseIDs.contains(id) { continue }
            guard let stored = try SummaryRows.stored(id, in: db, file: file) else { continue }
            guard
                let blueprint = try Self.blueprint(
                    stored.summary.blueprint, in: db, memory: &memory, file: file)
            else {
                throw StoreError.damaged(
                    file, "case \(id): its blueprint \(stored.summary.blueprint) is missing", caseID: id)
            }
            var projection = CaseProjection(id: id, blueprint: blueprint)
            for old in try StoredRows.events(of: id, in: db, file: file) { projection.apply(old) }
            known[id] = .init(projection: projection, stored: stored)
        }
        var blueprints: [String: CaseBlueprint] = [:]
        for fingerprint in batch.blueprintsNeeded(known: Set(known.keys)) {
            blueprints[fingerprint] = try Self.blueprint(fingerprint, in: db, memory: &memory, file: file)
        }
        try batch.fold(known: &known, blueprints: blueprints)
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
        written = []
        written.reserveCapacity(batch.touched.count)
        let summaries = try SummaryWriter(db: db)
        for entry in batch.touched {
            let id = entry.projection.state.id
            guard let summary = entry.projection.summary else {
                throw StoreError(.refused, "case \(id) has no start event", caseID: id)
            }
            if let before = entry.stored {
                guard try summaries.update(summary, from: before) else { throw StaleProjection() }
                written.append(StoredSummary(summary: summary, ordinal: before.ordinal))
                continue
            }
            let next = try ordinal ?? SummaryRows.nextOrdinal(in: db)
            do {
                try summaries.insert(summary, ordinal: next)
            } catch let taken as SummaryWriter.Taken {
                throw StoreError(
                    .conflict, "case \(taken.id) was started already (its event 1 is stored)",
                    caseID: taken.id)
            }
            written.append(StoredSummary(summary: summary, ordinal: next))
            ordinal = next + 1
        }
        let inserter = try EventInserter(db: db)
        for event in encoded { try inserter.insert(event) }
    }
}
