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
            let missing = batch.caseIDs.filter { known[$0] == nil }
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

    /// Writes the summaries (in the order of the cases' ids, so that two batches never
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
            var written = [StoredCase?](repeating: nil, count: batch.touched.count)
            let order = batch.touched.indices.sorted {
                batch.touched[$0].projection.state.id < batch.touched[$1].projection.state.id
            }
            for index in order {
                let entry = batch.touched[index]
                let id = entry.projection.state.id
                guard let summary = entry.projection.summary else {
                    throw StoreError(.refused, "\(address): case \(id) has no start event", caseID: id)
                }
                if let before = entry.stored {
                    written[index] = try await update(summary, from: before, on: connection, logger: logger)
                } else {
                    written[index] = try await insert(summary, on: connection, logger: logger)
                }
            }
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
                let payload = EventCodec.payload(of: event.kind)
                let name = EventCodec.name(of: event.kind)
                ids.append(event.caseID)
                months.append(stored.month.description)
                sequences.append(Int32(clamping: event.sequence))
                moments.append(event.at.milliseconds)
                kinds.append(name)
                payloads.append(ByteBuffer(bytes: payload))
                digests.append(
                    Int64(
                        bitPattern: EventCodec.digest(
                            caseID: event.caseID, sequence: event.sequence, at: event.at, name: name,
                            payload: payload)))
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

    /// Updates the summary of a case the store holds as `before`.
    ///
    /// - Throws: ``StaleProjection`` when the database's summary no longer counts
    ///   `before`'s events (another writer appended meanwhile).
    func update(
        _ summary: CaseSummary, from before: StoredCase, on connection: PostgresConnection, logger: Logger
    )
        async throws -> StoredCase
    {
        let changed = try await connection.query(
            """
            UPDATE cases SET promised_by = onething_timestamp(\(summary.promisedBy?.milliseconds)),
                outcome = \(summary.outcome?.rawValue), delivered_at = onething_timestamp(\(summary.deliveredAt?.milliseconds)),
                waiting_on = \(summary.waitingOn)::text[], events = \(Int32(clamping: summary.events))
            WHERE ordinal = \(before.ordinal) AND events = \(Int32(clamping: before.events))
            RETURNING ordinal
            """, logger: logger
        ).collect()
        guard !changed.isEmpty else { throw StaleProjection() }
        try await updateDepartments(
            of: before.ordinal, from: before.waitingOn, to: summary.waitingOn, on: connection, logger: logger)
        return StoredCase(
            ordinal: before.ordinal, events: summary.events, waitingOn: summary.waitingOn, month: before.month
        )
    }

    /// Inserts the summary of a case new to the store.
    ///
    /// - Throws: ``StoreError`` of kind ``StoreError/Kind/conflict`` when another writer
    ///   stored the case first.
    func insert(_ summary: CaseSummary, on connection: PostgresConnection, logger: Logger) async throws
        -> StoredCase
    {
        let month = summary.startedAt.chinaDate.firstOfMonth
        let rows = try await connection.query(
            """
            INSERT INTO cases (id, bundle, version, blueprint, lead, started_at, case_month, promised_by, outcome,
                delivered_at, waiting_on, events)
            VALUES (\(summary.id), \(summary.bundle), \(summary.version), \(summary.blueprint), \(summary.lead),
                onething_timestamp(\(summary.startedAt.milliseconds)), \(month.description)::date,
                onething_timestamp(\(summary.promisedBy?.milliseconds)), \(summary.outcome?.rawValue),
                onething_timestamp(\(summary.deliveredAt?.milliseconds)), \(summary.waitingOn)::text[],
                \(Int32(clamping: summary.events)))
            ON CONFLICT (id) DO NOTHING
            RETURNING ordinal
            """, logger: logger
        ).decode(Int64.self).collected()
        guard let ordinal = rows.first else {
            throw StoreError(
                .conflict, "\(store.address): case \(summary.id) was started by another writer first",
                caseID: summary.id)
        }
        try await updateDepartments(
            of: ordinal, from: [], to: summary.waitingOn, on: connection, logger: logger)
        return StoredCase(
            ordinal: ordinal, events: summary.events, waitingOn: summary.waitingOn, month: month)
    }

    /// Brings the rows of `case_departments` of case number `ordinal` from `old` to `new`.
    func updateDepartments(
        of ordinal: Int64, from old: [String], to new: [String], on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        let removed = old.filter { !new.contains($0) }
        let added = new.filter { !old.contains($0) }
        if !removed.isEmpty {
            _ = try await connection.query(
                "DELETE FROM case_departments WHERE ordinal = \(ordinal) AND department = ANY(\(removed)::text[])",
                logger: logger
            ).collect()
        }
        if !added.isEmpty {
            _ = try await connection.query(
                "INSERT INTO case_departments (department, ordinal) SELECT unnest(\(added)::text[]), \(ordinal)",
                logger: logger
            ).collect()
        }
    }
}
