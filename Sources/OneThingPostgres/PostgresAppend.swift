import Logging
import NIOCore
import OneThingEvents
import PostgresNIO

/// One call of ``PostgresEventStore/append(_:)``: folds the batch (``AppendBatch``)
/// over the cases as the store holds them, then writes the summaries and the events in
/// one transaction. A case's summary is updated only where it still counts the events
/// the fold started from (a compare-and-set on the sequence number), and a new case is
/// inserted only where no one stored it first: otherwise nothing is written.
struct PostgresAppend {
    /// A case's summary changed since this store read it (another instance appended):
    /// the batch is folded again from the database, once.
    struct StaleProjection: Error {}

    let store: PostgresEventStore
    let events: [CaseEvent]

    /// Appends the events.
    func run() async throws(StoreError) {
        var retried = false
        while true {
            var batch = AppendBatch<StoredCase>(events)
            // The cached projections leave memory now and come back only once the
            // transaction commits, so a failure never leaves a projection ahead of the database.
            var known = store.memory.withLock { memory in
                var taken: [CaseID: AppendBatch<StoredCase>.Known] = [:]
                for id in batch.caseIDs { taken[id] = memory.cases.removeValue(forKey: id) }
                return taken
            }
            let cached = !known.isEmpty
            // A case whose first event here is its start is new: no read for it (if another
            // writer stored it meanwhile, inserting its summary finds it and is a conflict).
            var starting = Set<CaseID>()
            var seen = Set<CaseID>()
            for event in events where seen.insert(event.caseID).inserted {
                if case .started = event.kind, event.sequence == 1 { starting.insert(event.caseID) }
            }
            let missing = batch.caseIDs.filter { known[$0] == nil && !starting.contains($0) }
            if !missing.isEmpty {
                for (id, entry) in try await load(missing) { known[id] = entry }
            }
            var blueprints: [String: CaseBlueprint] = [:]
            for fingerprint in batch.blueprintsNeeded(known: Set(known.keys)) {
                blueprints[fingerprint] = try await store.blueprint(fingerprint)
            }
            var before: [CaseID: OnTimeTally.Before] = [:]
            for (id, entry) in known { before[id] = OnTimeTally.Before(entry.projection.state) }
            do throws(StoreError) {
                try batch.fold(known: &known, blueprints: blueprints)
            } catch {
                // A projection from memory that another instance made stale may refuse an
                // event that fits the database (a gap): read the cases again, once.
                guard error.kind == .refused, cached, !retried else { throw error }
                retried = true
                continue
            }
            var tally = OnTimeTally()
            for entry in batch.touched {
                tally.add(
                    entry.projection.state, since: before[entry.projection.state.id] ?? OnTimeTally.Before())
            }
            try await ensurePartitions(for: batch)
            let written: [StoredCase?]
            do {
                written = try await write(batch, tally: tally)
            } catch let error as StaleProjection {
                _ = error
                guard !retried else {
                    throw StoreError(
                        .conflict, "\(store.address): another writer kept changing the cases of this batch")
                }
                retried = true
                continue
            } catch {
                throw .postgres(error, address: store.address, doing: "appending \(events.count) events")
            }
            store.memory.withLock { memory in
                for (entry, stored) in zip(batch.touched, written) {
                    guard let stored, !entry.projection.state.isClosed else { continue }
                    memory.cases[entry.projection.state.id] = .init(
                        projection: entry.projection, stored: stored)
                }
            }
            return
        }
    }

    /// The cases of `ids` the database holds: each summary, and the projection of its events.
    func load(_ ids: [CaseID]) async throws(StoreError) -> [CaseID: AppendBatch<StoredCase>.Known] {
        let address = store.address
        let logger = store.logger
        let found = try await store.withConnection("reading \(ids.count) cases to append to") { connection in
            var found: [(CaseSummary, StoredCase, [CaseEvent])] = []
            for id in ids {
                guard
                    let (summary, stored) = try await PostgresRows.stored(
                        id, on: connection, address: address, logger: logger)
                else { continue }
                let events = try await PostgresRows.events(
                    of: id, month: stored.month, expected: summary.events, on: connection, address: address,
                    logger: logger)
                found.append((summary, stored, events))
            }
            return found
        }
        var known: [CaseID: AppendBatch<StoredCase>.Known] = [:]
        for (summary, stored, events) in found {
            guard let blueprint = try await store.blueprint(summary.blueprint) else {
                throw StoreError(
                    .corrupt, "\(address): case \(summary.id): its blueprint \(summary.blueprint) is missing",
                    caseID: summary.id)
            }
            var projection = CaseProjection(id: summary.id, blueprint: blueprint)
            for event in events { projection.apply(event) }
            known[summary.id] = .init(projection: projection, stored: stored)
        }
        return known
    }

    /// Makes the partitions of the months the batch's new cases started in, where the
    /// store has not seen them.
    func ensurePartitions(for batch: AppendBatch<StoredCase>) async throws(StoreError) {
        var months = Set<CalendarDate>()
        for entry in batch.touched where entry.stored == nil {
            if let start = entry.projection.state.startedAt { months.insert(start.chinaDate.firstOfMonth) }
        }
        let missing = store.memory.withLock { memory in months.subtracting(memory.months) }
        guard !missing.isEmpty else { return }
        let logger = store.logger
        try await store.withConnection("making the events partitions of \(missing.count) months") {
            connection in
            for month in missing.sorted() {
                try await PostgresRows.ensurePartition(month, on: connection, logger: logger)
            }
        }
        store.memory.withLock { $0.months.formUnion(missing) }
    }

    /// Writes the summaries (their rows locked in the order of the cases' numbers, so that two batches never
    /// wait for each other in a circle) and the events in one transaction; returns what
    /// the store keeps of each touched case, in the order of `batch.touched`.
    func write(_ batch: AppendBatch<StoredCase>, tally: OnTimeTally) async throws -> [StoredCase?] {
        do {
            return try await transaction(batch, tally: tally)
        } catch let error as PostgresTransactionError where error.closureError is StaleProjection {
            throw StaleProjection()
        }
    }

    /// The transaction of ``write(_:tally:)``.
    private func transaction(_ batch: AppendBatch<StoredCase>, tally: OnTimeTally) async throws
        -> [StoredCase?]
    {
        let logger = store.logger
        let address = store.address
        return try await store.client.withTransaction(logger: logger) { connection in
            let written = try await writeSummaries(
                batch, on: connection, logger: logger, address: address, instance: store.instance)
            var ids: [String] = []
            var months: [String] = []
            var sequences: [Int32] = []
            var moments: [Int64] = []
            var kinds: [String] = []
            var payloads: [ByteBuffer] = []
            var digests: [Int64] = []
            var positions: [CaseID: Int] = [:]
            for (index, entry) in batch.touched.enumerated() { positions[entry.projection.state.id] = index }
            for event in batch.events {
                guard let position = positions[event.caseID], let stored = written[position] else { continue }
                let encoded = EncodedEvent(event)
                ids.append(event.caseID)
                months.append(stored.month.description)
                sequences.append(Int32(clamping: event.sequence))
                moments.append(event.at.milliseconds)
                kinds.append(encoded.name)
                payloads.append(ByteBuffer(bytes: encoded.payload))
                digests.append(Int64(bitPattern: encoded.digest))
            }
            _ = try await connection.query(
                """
                INSERT INTO events (case_id, case_month, sequence, at, kind, payload, digest)
                SELECT c, m::date, s, onething_timestamp(a), k, p, d
                FROM unnest(\(ids)::text[], \(months)::text[], \(sequences)::int4[], \(moments)::int8[],
                    \(kinds)::text[], \(payloads)::bytea[], \(digests)::int8[]) AS e(c, m, s, a, k, p, d)
                """, logger: logger
            ).collect()
            let rows = tally.rows
            if !rows.isEmpty {
                _ = try await connection.query(
                    """
                    INSERT INTO on_time_by_day AS t (day, bundle, department, decided, decided_on_time, delivered,
                        delivered_on_time)
                    SELECT d::date, b, p, n, o, l, w
                    FROM unnest(\(rows.map(\.key.day.description))::text[], \(rows.map(\.key.bundle))::text[],
                        \(rows.map(\.key.department))::text[], \(rows.map(\.counts.decided))::int4[],
                        \(rows.map(\.counts.decidedOnTime))::int4[], \(rows.map(\.counts.delivered))::int4[],
                        \(rows.map(\.counts.deliveredOnTime))::int4[]) AS r(d, b, p, n, o, l, w)
                    ON CONFLICT (day, bundle, department) DO UPDATE SET
                        decided = t.decided + excluded.decided,
                        decided_on_time = t.decided_on_time + excluded.decided_on_time,
                        delivered = t.delivered + excluded.delivered,
                        delivered_on_time = t.delivered_on_time + excluded.delivered_on_time
                    """, logger: logger
                ).collect()
            }
            return written
        }
    }
}
