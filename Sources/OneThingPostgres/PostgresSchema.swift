import OneThingEvents

/// The store's tables in its schema, made and upgraded by numbered migrations, each
/// run once in a transaction of its own under an advisory lock (so several instances
/// that open a new database at once make the tables once), and recorded in
/// `schema_migrations`.
///
/// Schema 1:
/// - `events`: the append-only log, one row per event keyed by case and sequence: the
///   moment, the kind's name, the payload and the 64-bit digest of ``EventCodec``. It
///   is partitioned by range on `case_month`, the first day of the month (China time)
///   the case started: one partition a month, so a case's events lie in one partition,
///   a month of cases can be archived or dropped whole, and the key `(case_id,
///   case_month, sequence)` is unique per case and sequence (a case has one month).
///   Partitions are made ahead by `onething_month_partition(date)`.
/// - `cases`: one summary per case (what ``CaseProjection`` says), numbered in the
///   order the cases were stored (`ordinal`, from an identity sequence), with partial
///   indices over the open cases (by number, and by the promised date, for "due or
///   overdue by") and an index over the delivered cases by date that holds the bundle,
///   lead department, promise and outcome (on-time rates over a period read the index only).
/// - `case_departments`: the departments each open case waits on, keyed by department
///   and case number, for "open cases at a department" in the cases' order.
/// - `on_time_by_day`: per day (China time), bundle and department, the steps the
///   department decided and how many on time, and the cases it led that were delivered
///   and how many on time; each append adds what it decided in its transaction
///   (`OnTimeTally`), so an on-time rate over a period reads a few rows a day.
/// - `blueprints`, `case_numbers` (the last number given out per day of acceptance),
///   `metadata`, and `store_format` (the schema version and the event format).
///
/// Schema 2 adds which instance runs which case (``CaseHolding``):
/// - `instances`: each runtime instance's name and when its lease lapses (the
///   database's clock); an ended lease is one that lapsed at once.
/// - `cases.holder`: the instance that last wrote the case, with a partial index over
///   the open cases by holder, so "the open cases this instance holds" and "the open
///   cases no living instance holds" read only the open cases.
///
/// Schema 3 (this version) adds the work queues of the departments that decide by hand
/// (``DepartmentJobBoard``), shared by the instances:
/// - `department_jobs`: one row per open job, keyed by case and step (a newer attempt
///   replaces the row of an older one) with its key `case/step/attempt` unique: the
///   department, when it was queued, the runtime's submission, where it stands
///   (`waiting`, `claimed` by a worker until a lease end on the database's clock, or
///   `awaiting-supplement`), and the workers whose lease on it lapsed. A decided or
///   withdrawn job's row is deleted, so the table holds only the open jobs. The index
///   by department and queueing order serves the claims (`FOR UPDATE SKIP LOCKED`) and
///   the list of a department's tasks. A job that becomes waiting is announced with
///   `NOTIFY` on the schema's work channel.
///
/// A database of schema 2 gets the table empty: the jobs of the open cases are posted
/// again by the engines when they start (their recovery sends the unanswered steps of
/// the cases they hold or adopt again, under the same keys), which is where the jobs
/// of schema 2 lived, in the memory of the instances.
///
/// Times are `timestamptz`, converted from and to the milliseconds of ``Timestamp``
/// by `onething_timestamp` and `onething_milliseconds` in integer arithmetic (days,
/// then the milliseconds of the day), exactly over the whole range of the type: a
/// product of milliseconds and an interval would go through a double and lose a
/// millisecond after 2^53.
///
/// See `docs/postgres-schema.md` for how this carries a province-year.
enum PostgresSchema {
    /// One numbered migration.
    struct Migration: Sendable {
        /// Its version; migrations run in this order.
        let version: Int
        /// What it does, kept in `schema_migrations`.
        let name: String
        /// The statements, run in one transaction.
        let statements: [String]
    }

    /// The schema version this version writes.
    static let version = 3

    /// The migrations, in order.
    static let migrations: [Migration] = [
        Migration(
            version: 1, name: "events partitioned by case month, cases, departments, numbers, metadata",
            statements: [
                """
                CREATE FUNCTION onething_timestamp(milliseconds bigint) RETURNS timestamptz
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    RETURN ('1970-01-01'::timestamp + make_interval(
                        days => (milliseconds / 86400000)::integer,
                        secs => (milliseconds % 86400000) / 1000.0)) AT TIME ZONE 'UTC'
                """,
                """
                CREATE FUNCTION onething_milliseconds(moment timestamptz) RETURNS bigint
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    RETURN (extract(epoch FROM moment) * 1000)::bigint
                """,
                """
                CREATE TABLE store_format (name text PRIMARY KEY, value integer NOT NULL)
                """,
                """
                INSERT INTO store_format (name, value)
                    VALUES ('schema', 1), ('event-format', \(EventCodec.formatVersion))
                """,
                """
                CREATE TABLE blueprints (fingerprint text PRIMARY KEY, json text NOT NULL)
                """,
                """
                CREATE TABLE cases (
                    ordinal bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    id text NOT NULL UNIQUE,
                    bundle text NOT NULL,
                    version text NOT NULL,
                    blueprint text NOT NULL REFERENCES blueprints (fingerprint),
                    lead text NOT NULL,
                    started_at timestamptz NOT NULL,
                    case_month date NOT NULL,
                    promised_by timestamptz,
                    outcome text,
                    delivered_at timestamptz,
                    waiting_on text[] NOT NULL,
                    events integer NOT NULL CHECK (events > 0)
                ) WITH (fillfactor = 80)
                """,
                "CREATE INDEX cases_open ON cases (ordinal) WHERE outcome IS NULL",
                "CREATE INDEX cases_open_by_promise ON cases (promised_by) WHERE outcome IS NULL",
                """
                CREATE INDEX cases_delivered ON cases (delivered_at)
                    INCLUDE (bundle, lead, promised_by, outcome) WHERE delivered_at IS NOT NULL
                """,
                """
                CREATE TABLE case_departments (
                    department text NOT NULL,
                    ordinal bigint NOT NULL REFERENCES cases (ordinal),
                    PRIMARY KEY (department, ordinal)
                )
                """,
                "CREATE INDEX case_departments_by_case ON case_departments (ordinal)",
                """
                CREATE TABLE case_numbers (day date PRIMARY KEY, last integer NOT NULL CHECK (last > 0))
                """,
                "CREATE TABLE metadata (key text PRIMARY KEY, value text NOT NULL)",
                """
                CREATE TABLE on_time_by_day (
                    day date NOT NULL,
                    bundle text NOT NULL,
                    department text NOT NULL,
                    decided integer NOT NULL,
                    decided_on_time integer NOT NULL,
                    delivered integer NOT NULL,
                    delivered_on_time integer NOT NULL,
                    PRIMARY KEY (day, bundle, department)
                )
                """,
                """
                CREATE TABLE events (
                    case_id text NOT NULL,
                    case_month date NOT NULL,
                    sequence integer NOT NULL CHECK (sequence > 0),
                    at timestamptz NOT NULL,
                    kind text NOT NULL,
                    payload bytea NOT NULL,
                    digest bigint NOT NULL,
                    PRIMARY KEY (case_id, case_month, sequence)
                ) PARTITION BY RANGE (case_month)
                """,
                """
                CREATE FUNCTION onething_month_partition(month date) RETURNS void LANGUAGE plpgsql AS $$
                DECLARE
                    first date := date_trunc('month', month)::date;
                    name text := format('events_%s', to_char(first, 'YYYY_MM'));
                BEGIN
                    IF to_regclass(format('%I.%I', current_schema(), name)) IS NOT NULL THEN
                        RETURN;
                    END IF;
                    PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.events partitions'));
                    EXECUTE format(
                        'CREATE TABLE IF NOT EXISTS %I.%I PARTITION OF %I.events FOR VALUES FROM (%L) TO (%L)',
                        current_schema(), name, current_schema(), first, (first + interval '1 month')::date);
                END
                $$
                """,
            ]),
        Migration(
            version: 2, name: "instances and their leases, the holder of each case",
            statements: [
                "CREATE TABLE instances (name text PRIMARY KEY, lease_until timestamptz NOT NULL)",
                "ALTER TABLE cases ADD COLUMN holder text",
                "CREATE INDEX cases_open_by_holder ON cases (holder, ordinal) WHERE outcome IS NULL",
                "UPDATE store_format SET value = 2 WHERE name = 'schema'",
            ]),
        Migration(
            version: 3, name: "the work queues of the departments that decide by hand",
            statements: [
                """
                CREATE TABLE department_jobs (
                    ordinal bigint GENERATED ALWAYS AS IDENTITY,
                    case_id text NOT NULL,
                    step integer NOT NULL CHECK (step >= 0),
                    attempt integer NOT NULL CHECK (attempt > 0),
                    key text NOT NULL UNIQUE,
                    department text NOT NULL,
                    queued_at timestamptz NOT NULL,
                    submission text NOT NULL,
                    status text NOT NULL CHECK (status IN ('waiting', 'claimed', 'awaiting-supplement')),
                    worker text,
                    lease_until timestamptz,
                    lapsed text[] NOT NULL DEFAULT '{}',
                    PRIMARY KEY (case_id, step),
                    CHECK ((status = 'claimed') = (worker IS NOT NULL AND lease_until IS NOT NULL))
                ) WITH (fillfactor = 70)
                """,
                "CREATE INDEX department_jobs_queue ON department_jobs (department, queued_at, ordinal)",
                "UPDATE store_format SET value = 3 WHERE name = 'schema'",
            ]),
    ]

    /// The statement that keeps the applied migrations, made before any runs.
    static let migrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer PRIMARY KEY,
            name text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """
}
