import Logging
import OneThingEvents
import PostgresNIO

/// The statements of ``DepartmentJobBoard`` on PostgreSQL: the rows of
/// `department_jobs` (schema 3, ``PostgresSchema``) and the conversion to ``PostedJob``.
///
/// A claim whose lease lapsed is not rewritten when it lapses: it reads as waiting,
/// its worker among the lapsed (``columns``), and the next claim takes it.
enum PostgresJobBoard {
    /// The columns of a job as ``job(_:)`` reads them, from a row of `department_jobs`
    /// (or of a statement's result with its columns), a lapsed claim read as waiting.
    static let columns = """
        key, case_id, step, attempt, department, onething_milliseconds(queued_at), submission,
        CASE WHEN status = 'claimed' AND lease_until <= clock_timestamp() THEN 'waiting' ELSE status END,
        CASE WHEN status = 'claimed' AND lease_until <= clock_timestamp() THEN NULL ELSE worker END,
        onething_milliseconds(lease_until),
        CASE WHEN status = 'claimed' AND lease_until <= clock_timestamp()
            THEN array_append(array_remove(lapsed, worker), worker) ELSE lapsed END
        """

    /// The statement that claims for `worker`, until `milliseconds` from now, the
    /// oldest `count` jobs of `department` that wait or whose lease lapsed (only the job
    /// with `key` when one is named, also when `worker` holds it already), and returns
    /// them (``columns``). A claim another worker let lapse adds them to the lapsed.
    ///
    /// Rows another claimer has locked are skipped when no key is named (`FOR UPDATE
    /// SKIP LOCKED`: no claimer waits for another); a named job is waited for, and
    /// read again when the other claimer is done. Either way a row another claimer took
    /// meanwhile no longer qualifies when it is locked, so no two claimers get one job.
    static func claiming(
        department: String, worker: String, key: String?, count: Int, milliseconds: Int64
    ) -> PostgresQuery {
        """
        WITH free AS (
            SELECT case_id, step FROM department_jobs
            WHERE department = \(department) AND (\(key)::text IS NULL OR key = \(key))
                AND (status = 'waiting' OR (status = 'claimed' AND (lease_until <= clock_timestamp()
                    OR (\(key)::text IS NOT NULL AND worker = \(worker)))))
            ORDER BY queued_at, ordinal LIMIT \(Int64(count))
            FOR UPDATE \(unescaped: key == nil ? "SKIP LOCKED" : "")
        ), department_jobs AS (
            UPDATE department_jobs AS j SET
                lapsed = array_remove(
                    CASE WHEN j.status = 'claimed' THEN array_append(array_remove(j.lapsed, j.worker), j.worker)
                    ELSE j.lapsed END, \(worker)),
                status = 'claimed', worker = \(worker),
                lease_until = clock_timestamp() + make_interval(secs => \(milliseconds) / 1000.0)
            FROM free WHERE j.case_id = free.case_id AND j.step = free.step
            RETURNING j.*
        )
        SELECT \(unescaped: columns) FROM department_jobs ORDER BY queued_at, ordinal
        """
    }

    /// The job in a row of ``columns``.
    static func job(_ row: PostgresRow, address: PostgresStoreAddress) throws(StoreError) -> PostedJob {
        let columns: (String, String, Int32, Int32, String, Int64, String, String, String?, Int64?, [String])
        do {
            columns = try row.decode(
                (String, String, Int32, Int32, String, Int64, String, String, String?, Int64?, [String]).self)
        } catch {
            throw StoreError(.corrupt, "\(address): a department job's row cannot be read: \(error)")
        }
        let status: PostedJob.Status
        switch (columns.7, columns.8, columns.9) {
        case ("waiting", _, _): status = .waiting
        case ("awaiting-supplement", _, _): status = .awaitingSupplement
        case ("claimed", let worker?, let until?):
            status = .claimed(worker: worker, until: Timestamp(milliseconds: until))
        default:
            throw StoreError(
                .corrupt,
                "\(address): department job \(columns.0) stands as '\(columns.7)', which is no status",
                caseID: columns.1)
        }
        return PostedJob(
            key: columns.0, caseID: columns.1, step: Int(columns.2), attempt: Int(columns.3),
            department: columns.4, queuedAt: Timestamp(milliseconds: columns.5), submission: columns.6,
            status: status, lapsed: Set(columns.10))
    }

    /// The jobs in the rows `query` returns (``columns``).
    static func jobs(
        _ query: PostgresQuery, on connection: PostgresConnection, address: PostgresStoreAddress,
        logger: Logger
    ) async throws -> [PostedJob] {
        var jobs: [PostedJob] = []
        for try await row in try await connection.query(query, logger: logger) {
            jobs.append(try job(row, address: address))
        }
        return jobs
    }

    /// The job with `key` on `connection`, if any.
    static func job(
        key: String, on connection: PostgresConnection, address: PostgresStoreAddress, logger: Logger
    ) async throws -> PostedJob? {
        try await jobs(
            "SELECT \(unescaped: columns) FROM department_jobs WHERE key = \(key)", on: connection,
            address: address,
            logger: logger
        ).first
    }
}

extension PostgresStoreAddress {
    /// The channel the store's instances announce waiting department jobs on: one per
    /// schema; a notice's payload is the department.
    var workChannel: String { "onething_work_" + schema }
}

extension PostgresEventStore: DepartmentJobBoard {
    /// The store itself: several instances share the work queues in its database.
    public var jobBoard: (any DepartmentJobBoard)? { self }

    /// Posts `job` unless its step has this attempt or a newer one on the board; an
    /// older attempt's row is replaced. The department is announced when the statement
    /// commits.
    @discardableResult
    public func post(_ job: PostedJob) async throws(StoreError) -> Bool {
        try await withConnection("posting department job \(job.key)") { [address, logger] connection in
            try await connection.query(
                """
                WITH posted AS (
                    INSERT INTO department_jobs AS j
                        (case_id, step, attempt, key, department, queued_at, submission, status)
                    VALUES (\(job.caseID), \(Int32(job.step)), \(Int32(job.attempt)), \(job.key), \(job.department),
                        onething_timestamp(\(job.queuedAt.milliseconds)), \(job.submission), 'waiting')
                    ON CONFLICT (case_id, step) DO UPDATE SET
                        attempt = excluded.attempt, key = excluded.key, department = excluded.department,
                        queued_at = excluded.queued_at, submission = excluded.submission, status = 'waiting',
                        worker = NULL, lease_until = NULL, lapsed = '{}'
                    WHERE j.attempt < excluded.attempt
                    RETURNING j.department
                )
                SELECT pg_notify(\(address.workChannel), department) FROM posted
                """, logger: logger
            ).collect().count > 0
        }
    }

    /// Deletes the row of the job with `key`.
    @discardableResult
    public func remove(key: String) async throws(StoreError) -> Bool {
        try await withConnection("removing department job \(key)") { [logger] connection in
            try await connection.query(
                "DELETE FROM department_jobs WHERE key = \(key) RETURNING 1", logger: logger
            ).collect().count > 0
        }
    }

    /// Claims the oldest jobs of `department` that wait or whose lease lapsed, with
    /// `FOR UPDATE SKIP LOCKED`: rows another claimer is taking are skipped, and a row
    /// another claimer took meanwhile no longer qualifies when it is locked.
    public func claim(department: String, worker: String, count: Int, lease: Duration)
        async throws(StoreError)
        -> BoardClaim
    {
        let milliseconds = max(1, lease.wholeMilliseconds)
        return try await withConnection("claiming jobs of department \(department)") {
            [address, logger] connection in
            let claimed =
                count <= 0
                ? []
                : try await PostgresJobBoard.jobs(
                    PostgresJobBoard.claiming(
                        department: department, worker: worker, key: nil, count: count,
                        milliseconds: milliseconds), on: connection, address: address, logger: logger)
            let lapse =
                try await connection.query(
                    """
                    SELECT (extract(epoch FROM min(lease_until) - clock_timestamp()) * 1000)::bigint
                    FROM department_jobs WHERE department = \(department) AND status = 'claimed'
                    """, logger: logger
                ).decode(Int64?.self).collected().first ?? nil
            return BoardClaim(jobs: claimed, nextLapse: lapse.map { .milliseconds(max(0, $0)) })
        }
    }

    /// Claims the job with `key` if it waits, its lease lapsed or `worker` holds it;
    /// otherwise reads it as it stands.
    public func claim(key: String, department: String, worker: String, lease: Duration)
        async throws(StoreError)
        -> PostedJob?
    {
        let milliseconds = max(1, lease.wholeMilliseconds)
        return try await withConnection("claiming department job \(key)") { [address, logger] connection in
            let claimed = try await PostgresJobBoard.jobs(
                PostgresJobBoard.claiming(
                    department: department, worker: worker, key: key, count: 1, milliseconds: milliseconds),
                on: connection, address: address, logger: logger)
            if let job = claimed.first { return job }
            let standing = try await PostgresJobBoard.job(
                key: key, on: connection, address: address, logger: logger)
            return standing?.department == department ? standing : nil
        }
    }

    /// Lengthens the lease of `worker` on the job with `key` to at least `hold` from
    /// now, if it has not lapsed; otherwise reads the job as it stands.
    public func hold(key: String, worker: String, for hold: Duration) async throws(StoreError) -> PostedJob? {
        let milliseconds = max(0, hold.wholeMilliseconds)
        return try await withConnection("holding department job \(key) for a decision") {
            [address, logger] connection in
            let held = try await PostgresJobBoard.jobs(
                """
                WITH department_jobs AS (
                    UPDATE department_jobs AS j SET lease_until =
                        greatest(j.lease_until, clock_timestamp() + make_interval(secs => \(milliseconds) / 1000.0))
                    WHERE j.key = \(key) AND j.status = 'claimed' AND j.worker = \(worker)
                        AND j.lease_until > clock_timestamp()
                    RETURNING j.*
                )
                SELECT \(unescaped: PostgresJobBoard.columns) FROM department_jobs
                """, on: connection, address: address, logger: logger)
            if let job = held.first { return job }
            return try await PostgresJobBoard.job(key: key, on: connection, address: address, logger: logger)
        }
    }

    /// Marks the job with `key` as awaiting the applicant's supplement, claimed by no one.
    public func awaitSupplement(key: String) async throws(StoreError) {
        try await withConnection("parking department job \(key) for a supplement") { [logger] connection in
            _ = try await connection.query(
                """
                UPDATE department_jobs SET status = 'awaiting-supplement', worker = NULL, lease_until = NULL
                WHERE key = \(key)
                """, logger: logger
            ).collect()
        }
    }

    /// Returns the job of step `step` of case `id` to the queue if it awaits a
    /// supplement, and announces its department.
    public func supplementSupplied(case id: CaseID, step: Int) async throws(StoreError) {
        try await withConnection("returning the job of case \(id) step \(step) after a supplement") {
            [address, logger] connection in
            _ = try await connection.query(
                """
                WITH back AS (
                    UPDATE department_jobs SET status = 'waiting', lapsed = '{}'
                    WHERE case_id = \(id) AND step = \(Int32(step)) AND status = 'awaiting-supplement'
                    RETURNING department
                )
                SELECT pg_notify(\(address.workChannel), department) FROM back
                """, logger: logger
            ).collect()
        }
    }

    /// The jobs of `department`, oldest first.
    public func jobs(department: String) async throws(StoreError) -> [PostedJob] {
        try await withConnection("reading the jobs of department \(department)") {
            [address, logger] connection in
            try await PostgresJobBoard.jobs(
                """
                SELECT \(unescaped: PostgresJobBoard.columns) FROM department_jobs
                WHERE department = \(department) ORDER BY queued_at, ordinal
                """, on: connection, address: address, logger: logger)
        }
    }

    /// The job with `key`, if the board holds it.
    public func job(key: String) async throws(StoreError) -> PostedJob? {
        try await withConnection("reading department job \(key)") { [address, logger] connection in
            try await PostgresJobBoard.job(key: key, on: connection, address: address, logger: logger)
        }
    }

    /// The announcements on the schema's work channel, after a ``BoardNotice/listening``
    /// each time the listening connection is (re)opened.
    public func notices() -> AsyncStream<BoardNotice> {
        notifications(on: address.workChannel, listening: .listening) { .jobWaiting(department: $0) }
    }
}
