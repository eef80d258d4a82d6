import Logging
import OneThingEvents
import PostgresNIO

extension PostgresAppend {
    /// A column of optional milliseconds as PostgreSQL gets it: `nil` as this value, which
    /// `NULLIF` turns back into NULL.
    static let noMoment = Int64.min
    /// The separator of the departments a case waits on, in one text a case.
    static let departmentSeparator = "\u{1F}"

    /// Writes the summaries of the batch's cases with a few statements whatever their
    /// number: the rows of the cases it holds are locked in the order of their numbers
    /// (so two appends never wait for each other in a circle) and updated where they
    /// still count the events the fold started from; new cases are inserted where no
    /// one stored them first; the department rows follow. Returns what the store keeps
    /// of each touched case, in the order of `batch.touched`.
    ///
    /// - Throws: ``StaleProjection`` when a summary no longer counts the events the fold
    ///   started from; ``StoreError`` of kind ``StoreError/Kind/conflict`` when another
    ///   writer stored a new case first.
    ///
    /// Every case written is held by `instance` from now on (``CaseHolding``); the
    /// instances that held one of them before are told so when the transaction commits.
    func writeSummaries(
        _ batch: AppendBatch<StoredCase>, on connection: PostgresConnection, logger: Logger,
        address: PostgresStoreAddress, instance: String
    ) async throws -> [StoredCase?] {
        var written = [StoredCase?](repeating: nil, count: batch.touched.count)
        var summaries: [CaseSummary] = []
        for entry in batch.touched {
            let id = entry.projection.state.id
            guard let summary = entry.projection.summary else {
                throw StoreError(.refused, "\(address): case \(id) has no start event", caseID: id)
            }
            summaries.append(summary)
        }
        let updated = batch.touched.indices.filter { batch.touched[$0].stored != nil }
        let inserted = batch.touched.indices.filter { batch.touched[$0].stored == nil }
        var removals: [(Int64, String)] = []
        var additions: [(Int64, String)] = []
        if !updated.isEmpty {
            let before = updated.compactMap { batch.touched[$0].stored }
            let ordinals = before.map(\.ordinal)
            let holders = try await connection.query(
                """
                SELECT id, holder FROM cases WHERE ordinal = ANY(\(ordinals)::int8[]) ORDER BY ordinal FOR UPDATE
                """, logger: logger
            ).decode((String, String?).self).collected()
            let taken = holders.compactMap { row in row.1.flatMap { $0 == instance ? nil : (row.0, $0) } }
            try await PostgresHolding.notify(
                taken: taken, by: instance, on: connection, channel: address.holdingChannel, logger: logger)
            let rows = updated.map { summaries[$0] }
            let changed = try await connection.query(
                """
                UPDATE cases AS c SET promised_by = onething_timestamp(NULLIF(u.p, \(Self.noMoment))),
                    outcome = NULLIF(u.o, ''), delivered_at = onething_timestamp(NULLIF(u.d, \(Self.noMoment))),
                    waiting_on = string_to_array(u.w, \(Self.departmentSeparator)), events = u.n,
                    holder = \(instance)
                FROM unnest(\(ordinals)::int8[], \(before.map { Int32(clamping: $0.events) })::int4[],
                    \(rows.map { $0.promisedBy?.milliseconds ?? Self.noMoment })::int8[],
                    \(rows.map { $0.outcome?.rawValue ?? "" })::text[],
                    \(rows.map { $0.deliveredAt?.milliseconds ?? Self.noMoment })::int8[],
                    \(rows.map { $0.waitingOn.joined(separator: Self.departmentSeparator) })::text[],
                    \(rows.map { Int32(clamping: $0.events) })::int4[]) AS u(ordinal, b, p, o, d, w, n)
                WHERE c.ordinal = u.ordinal AND c.events = u.b
                RETURNING c.ordinal
                """, logger: logger
            ).collect()
            guard changed.count == updated.count else { throw StaleProjection() }
            for (index, old) in zip(updated, before) {
                let summary = summaries[index]
                written[index] = StoredCase(
                    ordinal: old.ordinal, events: summary.events, waitingOn: summary.waitingOn,
                    month: old.month)
                for department in old.waitingOn where !summary.waitingOn.contains(department) {
                    removals.append((old.ordinal, department))
                }
                for department in summary.waitingOn where !old.waitingOn.contains(department) {
                    additions.append((old.ordinal, department))
                }
            }
        }
        if !inserted.isEmpty {
            let rows = inserted.map { summaries[$0] }
            let months = rows.map { $0.startedAt.chinaDate.firstOfMonth }
            let stored = try await connection.query(
                """
                INSERT INTO cases (id, bundle, version, blueprint, lead, started_at, case_month, promised_by, outcome,
                    delivered_at, waiting_on, events, holder)
                SELECT i, b, v, f, l, onething_timestamp(s), m::date, onething_timestamp(NULLIF(p, \(Self.noMoment))),
                    NULLIF(o, ''), onething_timestamp(NULLIF(d, \(Self.noMoment))),
                    string_to_array(w, \(Self.departmentSeparator)), n, \(instance)
                FROM unnest(\(rows.map(\.id))::text[], \(rows.map(\.bundle))::text[], \(rows.map(\.version))::text[],
                    \(rows.map(\.blueprint))::text[], \(rows.map(\.lead))::text[],
                    \(rows.map(\.startedAt.milliseconds))::int8[], \(months.map(\.description))::text[],
                    \(rows.map { $0.promisedBy?.milliseconds ?? Self.noMoment })::int8[],
                    \(rows.map { $0.outcome?.rawValue ?? "" })::text[],
                    \(rows.map { $0.deliveredAt?.milliseconds ?? Self.noMoment })::int8[],
                    \(rows.map { $0.waitingOn.joined(separator: Self.departmentSeparator) })::text[],
                    \(rows.map { Int32(clamping: $0.events) })::int4[]) AS r(i, b, v, f, l, s, m, p, o, d, w, n)
                ORDER BY i
                ON CONFLICT (id) DO NOTHING
                RETURNING id, ordinal
                """, logger: logger
            ).decode((String, Int64).self).collected()
            let ordinals = Dictionary(stored.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
            for (position, index) in inserted.enumerated() {
                let summary = summaries[index]
                guard let ordinal = ordinals[summary.id] else {
                    throw StoreError(
                        .conflict, "\(address): case \(summary.id) was started by another writer first",
                        caseID: summary.id)
                }
                written[index] = StoredCase(
                    ordinal: ordinal, events: summary.events, waitingOn: summary.waitingOn,
                    month: months[position])
                for department in summary.waitingOn { additions.append((ordinal, department)) }
            }
        }
        if !removals.isEmpty {
            _ = try await connection.query(
                """
                DELETE FROM case_departments AS c USING unnest(\(removals.map(\.0))::int8[],
                    \(removals.map(\.1))::text[]) AS r(ordinal, department)
                WHERE c.ordinal = r.ordinal AND c.department = r.department
                """, logger: logger
            ).collect()
        }
        if !additions.isEmpty {
            _ = try await connection.query(
                """
                INSERT INTO case_departments (department, ordinal)
                SELECT department, ordinal FROM unnest(\(additions.map(\.1))::text[], \(additions.map(\.0))::int8[])
                    AS a(department, ordinal)
                """, logger: logger
            ).collect()
        }
        return written
    }
}
