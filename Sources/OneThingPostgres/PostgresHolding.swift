import Logging
import OneThingEvents
import PostgresNIO

/// The statements of ``CaseHolding`` on PostgreSQL, and the notices between instances
/// (`NOTIFY` on the schema's channel, sent when the writing transaction commits).
///
/// A notice's payload is a line of tab-separated fields: `taken`, the case, the
/// instance that held it, the instance that wrote it; or `ended` and the instance.
enum PostgresHolding {
    /// Tells the instances that held `taken` (case, holder) that `instance` writes them now.
    static func notify(
        taken: [(CaseID, String)], by instance: String, on connection: PostgresConnection, channel: String,
        logger: Logger
    ) async throws {
        guard !taken.isEmpty else { return }
        let payloads = taken.map { ["taken", $0.0, $0.1, instance].joined(separator: "\t") }
        _ = try await connection.query(
            "SELECT pg_notify(\(channel), p) FROM unnest(\(payloads)::text[]) AS p", logger: logger
        ).collect()
    }

    /// Registers this instance with a lapsed lease unless it is known: every holder of
    /// a case has a row, so that the cases of a process that never renews a lease (a
    /// one-shot command) are free to adopt.
    static func register(_ instance: String, on connection: PostgresConnection, logger: Logger) async throws {
        _ = try await connection.query(
            """
            INSERT INTO instances (name, lease_until) VALUES (\(instance), clock_timestamp())
            ON CONFLICT (name) DO NOTHING
            """, logger: logger
        ).collect()
    }

    /// The notice in `payload` as instance `instance` reads it; `nil` for a notice that
    /// does not concern it (its own, or another instance's case).
    static func notice(_ payload: String, for instance: String) -> HoldingNotice? {
        let fields = payload.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        switch fields.first {
        case "taken" where fields.count == 4 && fields[2] == instance && fields[3] != instance:
            return .taken(fields[1], by: fields[3])
        case "ended" where fields.count == 2 && fields[1] != instance:
            return .leaseEnded(instance: fields[1])
        default:
            return nil
        }
    }
}

extension PostgresStoreAddress {
    /// The channel the store's instances tell each other about cases on: one per schema.
    var holdingChannel: String { "onething_holding_" + schema }
}

extension PostgresEventStore: CaseHolding {
    /// The store itself: several instances share a PostgreSQL database.
    public var holding: (any CaseHolding)? { self }

    /// Registers this instance, or renews its lease, for `lease` from now on the
    /// database's clock; and forgets instances whose lease lapsed a day ago and that
    /// hold no open case (one-shot commands register too).
    public func renewLease(_ lease: Duration) async throws(StoreError) {
        let milliseconds = max(0, lease.wholeMilliseconds)
        try await withConnection("renewing the lease of instance \(instance)") {
            [instance, logger] connection in
            _ = try await connection.query(
                """
                INSERT INTO instances AS i (name, lease_until)
                VALUES (\(instance), clock_timestamp() + make_interval(secs => \(milliseconds) / 1000.0))
                ON CONFLICT (name) DO UPDATE SET lease_until = excluded.lease_until
                """, logger: logger
            ).collect()
            _ = try await connection.query(
                """
                DELETE FROM instances AS i WHERE lease_until < clock_timestamp() - interval '1 day'
                    AND NOT EXISTS (SELECT 1 FROM cases AS c WHERE c.holder = i.name AND c.outcome IS NULL)
                """, logger: logger
            ).collect()
        }
    }

    /// Ends this instance's lease at once and tells the other instances, who adopt its cases.
    public func endLease() async throws(StoreError) {
        try await withConnection("ending the lease of instance \(instance)") {
            [instance, logger, address] connection in
            try await connection.withTransaction(logger: logger) { connection in
                _ = try await connection.query(
                    """
                    INSERT INTO instances AS i (name, lease_until) VALUES (\(instance), clock_timestamp())
                    ON CONFLICT (name) DO UPDATE SET lease_until = excluded.lease_until
                    """, logger: logger
                ).collect()
                _ = try await connection.query(
                    "SELECT pg_notify(\(address.holdingChannel), \("ended\t" + instance))", logger: logger
                ).collect()
            }
        }
    }

    /// The open cases this instance holds, oldest first.
    public func heldCases() async throws(StoreError) -> [CaseID] {
        try await withConnection("reading the cases instance \(instance) holds") {
            [instance, logger] connection in
            try await connection.query(
                "SELECT id FROM cases WHERE holder = \(instance) AND outcome IS NULL ORDER BY ordinal",
                logger: logger
            ).decode(String.self).collected()
        }
    }

    /// Adopts at most `limit` open cases that no living instance holds, skipping rows
    /// another adopter has locked (`FOR UPDATE SKIP LOCKED`); returns them, oldest first.
    ///
    /// It first asks which instances with a lapsed lease still hold an open case (an
    /// index probe per lapsed instance): the usual round, in which no instance died,
    /// ends there, without reading the open cases the living instances hold.
    public func adoptCases(limit: Int) async throws(StoreError) -> [CaseID] {
        guard limit > 0 else { return [] }
        let adopted = try await withConnection("adopting cases for instance \(instance)") {
            [instance, logger] connection in
            let holders = try await connection.query(
                """
                SELECT name FROM instances AS i
                WHERE lease_until < clock_timestamp() AND name <> \(instance)
                    AND EXISTS (SELECT 1 FROM cases AS c WHERE c.holder = i.name AND c.outcome IS NULL)
                """, logger: logger
            ).decode(String.self).collected()
            // Cases no instance ever held (stored before schema 2).
            let unheld =
                try await connection.query(
                    "SELECT EXISTS (SELECT 1 FROM cases WHERE holder IS NULL AND outcome IS NULL)",
                    logger: logger
                ).decode(Bool.self).collected().first ?? false
            guard !holders.isEmpty || unheld else { return [(String, Int64)]() }
            return try await connection.query(
                """
                WITH free AS (
                    SELECT ordinal FROM cases
                    WHERE outcome IS NULL AND (holder = ANY(\(holders)::text[]) OR (\(unheld) AND holder IS NULL))
                    ORDER BY ordinal LIMIT \(Int64(limit))
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE cases AS c SET holder = \(instance) FROM free WHERE c.ordinal = free.ordinal
                RETURNING c.id, c.ordinal
                """, logger: logger
            ).decode((String, Int64).self).collected()
        }
        return adopted.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// Notices for this instance from the schema's channel, until the stream is dropped.
    /// The listening connection is opened again (after a second) when it fails.
    public func holdingNotices() -> AsyncStream<HoldingNotice> {
        notifications(on: address.holdingChannel, listening: nil) { [instance] payload in
            PostgresHolding.notice(payload, for: instance)
        }
    }

    /// What `read` makes of each notification on `channel`, until the stream is
    /// dropped, after `listening` (when given) each time the listening connection
    /// listens. The connection is opened again (after a second) when it fails.
    func notifications<Notice: Sendable>(
        on channel: String, listening: Notice?, _ read: @escaping @Sendable (String) -> Notice?
    ) -> AsyncStream<Notice> {
        let (stream, continuation) = AsyncStream<Notice>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        let listener = Task { [client, logger] in
            while !Task.isCancelled {
                do {
                    try await client.withConnection { connection in
                        try await connection.listen(on: channel) { notifications in
                            if let listening { continuation.yield(listening) }
                            for try await notification in notifications {
                                if let notice = read(notification.payload) { continuation.yield(notice) }
                            }
                        }
                    }
                } catch {
                    logger.debug(
                        "listening for notices failed",
                        metadata: ["channel": "\(channel)", "error": "\(error)"])
                }
                do {
                    try await Task.sleep(for: .seconds(1))
                } catch {
                    break
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in listener.cancel() }
        return stream
    }
}
