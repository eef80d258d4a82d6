import NIOCore
import OneThingEvents
import PostgresNIO

/// Reading and writing the rows of the store's tables on one connection: the
/// statements, and the conversion between rows and the event core's values. Times go
/// in and out as milliseconds since 1970 (``Timestamp``), converted by the schema's
/// `onething_timestamp` and `onething_milliseconds`, so no precision is lost.
enum PostgresRows {
    /// The columns of a `cases` row, in the order ``summary(_:)`` reads them.
    static let caseColumns = """
        c.ordinal, c.id, c.bundle, c.version, c.blueprint, c.lead, onething_milliseconds(c.started_at),
        onething_milliseconds(c.promised_by), c.outcome, onething_milliseconds(c.delivered_at), c.waiting_on,
        c.events, c.case_month::text
        """

    /// The summary in a row of ``caseColumns``, and what the store keeps of the case.
    static func summary(_ row: PostgresRow, address: PostgresStoreAddress) throws(StoreError)
        -> (CaseSummary, StoredCase)
    {
        let columns:
            (
                Int64, String, String, String, String, String, Int64, Int64?, String?, Int64?, [String],
                Int32, String
            )
        do {
            columns = try row.decode(
                (
                    Int64, String, String, String, String, String, Int64, Int64?, String?, Int64?, [String],
                    Int32,
                    String
                ).self)
        } catch {
            throw StoreError(.corrupt, "\(address): a case's summary row cannot be read: \(error)")
        }
        let id = columns.1
        let outcome = try columns.8.map { (text) throws(StoreError) -> CaseOutcome in
            guard let outcome = CaseOutcome(rawValue: text) else {
                throw StoreError(
                    .corrupt, "\(address): case \(id): its summary names no outcome ('\(text)')", caseID: id)
            }
            return outcome
        }
        guard let month = CalendarDate(columns.12) else {
            throw StoreError(
                .corrupt, "\(address): case \(id): its month '\(columns.12)' is not a date", caseID: id)
        }
        let summary = CaseSummary(
            id: id, bundle: columns.2, version: columns.3, blueprint: columns.4, lead: columns.5,
            startedAt: Timestamp(milliseconds: columns.6),
            promisedBy: columns.7.map(Timestamp.init(milliseconds:)),
            outcome: outcome, deliveredAt: columns.9.map(Timestamp.init(milliseconds:)),
            waitingOn: columns.10,
            events: Int(columns.11))
        return (
            summary,
            StoredCase(ordinal: columns.0, events: Int(columns.11), waitingOn: columns.10, month: month)
        )
    }

    /// The summary of case `id` and what the store keeps of it; `nil` when the store
    /// has no such case.
    static func stored(
        _ id: CaseID, on connection: PostgresConnection, address: PostgresStoreAddress, logger: Logger
    )
        async throws -> (CaseSummary, StoredCase)?
    {
        let rows = try await connection.query(
            "SELECT \(unescaped: caseColumns) FROM cases c WHERE c.id = \(id)", logger: logger)
        for try await row in rows { return try summary(row, address: address) }
        return nil
    }

    /// Every event of case `id`, stored in the partition of `month`, checked as read
    /// (``StoredHistory``) against the `expected` count of its summary.
    ///
    /// Only the events up to `expected` are read: the summary was read by a statement
    /// before, and another instance may have appended to the case since (its events
    /// and the summary that counts them commit together, so the first `expected` are
    /// all there). Reading them all would take that append for damage. Events beyond
    /// the summary's count that no summary ever counted are `store check`'s to find.
    static func events(
        of id: CaseID, month: CalendarDate, expected: Int, on connection: PostgresConnection,
        address: PostgresStoreAddress, logger: Logger
    ) async throws -> [CaseEvent] {
        let rows = try await connection.query(
            """
            SELECT sequence, onething_milliseconds(at), kind, payload, digest FROM events
            WHERE case_id = \(id) AND case_month = \(month.description)::date AND sequence <= \(Int32(expected))
            ORDER BY sequence
            """, logger: logger)
        var history = StoredHistory(caseID: id, expected: expected)
        do {
            for try await row in rows {
                let (sequence, at, name, payload, digest) = try row.decode(
                    (Int32, Int64, String, ByteBuffer, Int64).self)
                try history.append(
                    sequence: Int(sequence), at: Timestamp(milliseconds: at), name: name,
                    payload: Array(payload.readableBytesView), digest: UInt64(bitPattern: digest))
            }
            return try history.finish()
        } catch let damage as EventCodec.Damaged {
            throw StoreError(.corrupt, "\(address): \(damage)", caseID: id)
        }
    }

    /// The blueprint with this fingerprint, if the store has it.
    static func blueprint(
        _ fingerprint: String, on connection: PostgresConnection, address: PostgresStoreAddress,
        logger: Logger
    ) async throws -> CaseBlueprint? {
        let rows = try await connection.query(
            "SELECT json FROM blueprints WHERE fingerprint = \(fingerprint)", logger: logger)
        for try await json in rows.decode(String.self) {
            do {
                return try CaseBlueprint(storedJSON: json, fingerprint: fingerprint)
            } catch {
                throw StoreError(.corrupt, "\(address): \(error)")
            }
        }
        return nil
    }

    /// Makes the partition of `events` for the month of `month`, unless it exists.
    static func ensurePartition(_ month: CalendarDate, on connection: PostgresConnection, logger: Logger)
        async throws
    {
        try await connection.query(
            "SELECT onething_month_partition(\(month.description)::date)", logger: logger)
    }
}
