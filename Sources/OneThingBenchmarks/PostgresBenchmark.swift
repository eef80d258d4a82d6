import Foundation
import Logging
import OneThingEvents
import OneThingPostgres
import PostgresNIO

/// The PostgreSQL store measured on one cluster: cases through the engine with one and
/// with two instances (each its own store and connection pool, as two servers would
/// have), pgbench's single-row inserts of rows of the store's size on the same cluster
/// and client count, and the status queries over a store filled to a given number of
/// events.
struct PostgresBenchmark: Sendable {
    /// The server, with a schema of the benchmark's own.
    let address: PostgresStoreAddress
    /// The connections each instance opens.
    let connections: Int

    /// Opens a store on the benchmark's schema.
    func store() async throws -> PostgresEventStore {
        var options = PostgresEventStore.Options()
        options.maximumConnections = connections
        return try await PostgresEventStore(address: address, options: options)
    }

    /// Runs `cases` cases through `instances` engines at once, each on a store of its
    /// own over the same schema, `inFlight` in flight in each; the figures of all together.
    func engines(
        _ runtime: RuntimeBenchmark, instances: Int, cases: Int, inFlight: Int, prefix: String
    ) async throws -> RuntimeBenchmark.EngineFigures {
        var stores: [PostgresEventStore] = []
        for _ in 0..<instances { stores.append(try await store()) }
        let begin = ContinuousClock.now
        let parts = try await withThrowingTaskGroup(of: RuntimeBenchmark.EngineFigures.self) { group in
            for (index, store) in stores.enumerated() {
                let share = cases / instances + (index < cases % instances ? 1 : 0)
                group.addTask {
                    try await runtime.engine(
                        store: store, cases: share, inFlight: inFlight, prefix: "\(prefix)\(index)")
                }
            }
            return try await group.reduce(into: [RuntimeBenchmark.EngineFigures]()) { $0.append($1) }
        }
        let seconds = Benchmarks.seconds(since: begin)
        for store in stores { await store.close() }
        return RuntimeBenchmark.EngineFigures(
            cases: parts.reduce(0) { $0 + $1.cases }, events: parts.reduce(0) { $0 + $1.events },
            seconds: seconds,
            latencies: parts.flatMap(\.latencies).sorted(), keys: [])
    }

    /// The average payload of the events stored so far, in bytes.
    func averagePayload() async throws -> Double {
        try await query("SELECT coalesce(avg(length(payload)), 40)::float8 FROM events").first.flatMap(
            Double.init)
            ?? 40
    }

    /// pgbench on the same cluster: `clients` clients of `transactions` transactions
    /// each (a count, not a time: pgbench's `--time` did not stop on this machine), each
    /// transaction one insert of an event row of the store's shape and `payload` bytes
    /// into a table with the events' key; transactions per second.
    func pgbench(_ program: String, clients: Int, transactions: Int, payload: Int, url: String) async throws
        -> Double
    {
        _ = try await query(
            """
            CREATE TABLE IF NOT EXISTS pgbench_events (
                case_id text NOT NULL, case_month date NOT NULL, sequence integer NOT NULL, at timestamptz NOT NULL,
                kind text NOT NULL, payload bytea NOT NULL, digest bigint NOT NULL,
                PRIMARY KEY (case_id, case_month, sequence))
            """)
        let script = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-pgbench-\(UUID().uuidString).sql")
        let bytes = String(repeating: "ab", count: max(1, payload))
        let text = """
            \\set key random(1, 9000000000000000000)
            INSERT INTO \(address.schema).pgbench_events VALUES ('P' || :key, '2026-12-01', 1, now(), 'approved', '\\x\(bytes)'::bytea, 0);
            """
        try Data(text.utf8).write(to: script)
        defer {
            do {
                try FileManager.default.removeItem(at: script)
            } catch {
                FileHandle.standardError.write(Data("could not remove \(script.path): \(error)\n".utf8))
            }
        }
        let output = try await ServerBenchmark.run(
            program,
            [
                "--no-vacuum", "--file", script.path, "--client", String(clients), "--jobs", "2",
                "--transactions", String(transactions), url,
            ])
        for line in output.split(separator: "\n") where line.hasPrefix("tps = ") {
            if let value = Double(line.dropFirst("tps = ".count).prefix { $0 != " " }) { return value }
        }
        throw RuntimeBenchmark.Failure(description: "pgbench printed no tps:\n\(output)")
    }

    /// Fills the schema with synthetic cases of 20 events each until it holds `events`
    /// events: cases started through 2026, one in ten open (waiting on one of ten
    /// departments), the others delivered, and a year of on-time counts. Written by SQL
    /// in the server, so ten million events take a minute or two, not an engine run.
    func fill(events: Int, blueprint: String) async throws {
        let have = try await query("SELECT count(*)::text FROM events").first.flatMap(Int.init) ?? 0
        let cases = max(0, (events - have) / 20)
        guard cases > 0 else { return }
        _ = try await query(
            "SELECT onething_month_partition(d::date) FROM generate_series('2026-01-01'::date, '2026-12-01', '1 month') d"
        )
        _ = try await query(
            """
            INSERT INTO cases (id, bundle, version, blueprint, lead, started_at, case_month, promised_by, outcome,
                delivered_at, waiting_on, events)
            SELECT 'F' || g, 'open-restaurant', '1.0.0', '\(blueprint)', 'market-regulation', s,
                date_trunc('month', s AT TIME ZONE 'Asia/Shanghai')::date, s + interval '16 days',
                CASE WHEN g % 10 = 0 THEN NULL ELSE 'completed' END,
                CASE WHEN g % 10 = 0 THEN NULL ELSE s + interval '12 days' END,
                CASE WHEN g % 10 = 0 THEN ARRAY['department-' || (g / 10) % 10] ELSE ARRAY[]::text[] END, 20
            FROM generate_series(1, \(cases)) g,
                LATERAL (SELECT '2026-01-01 09:00+08'::timestamptz + (g::float8 / \(cases)) * interval '360 days' AS s) t
            """)
        _ = try await query(
            """
            INSERT INTO case_departments (department, ordinal)
            SELECT unnest(waiting_on), ordinal FROM cases WHERE id LIKE 'F%' AND outcome IS NULL
            """)
        _ = try await query(
            """
            INSERT INTO events (case_id, case_month, sequence, at, kind, payload, digest)
            SELECT c.id, c.case_month, q, c.started_at + q * interval '10 hours', 'inReview',
                '\\x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627'::bytea, q
            FROM cases c, generate_series(1, 20) q WHERE c.id LIKE 'F%'
            """)
        _ = try await query(
            """
            INSERT INTO on_time_by_day (day, bundle, department, decided, decided_on_time, delivered, delivered_on_time)
            SELECT d::date, 'open-restaurant', 'department-' || k, 900, 850, 100, 95
            FROM generate_series('2026-01-01'::date, '2026-12-31', '1 day') d, generate_series(0, 9) k
            ON CONFLICT DO NOTHING
            """)
        _ = try await query("ANALYZE")
    }

    /// The p50 and p99, in milliseconds, of `rounds` calls of each status query through
    /// the store: open cases at a department (a page of 50), open cases due by a date (a
    /// page of 50), the on-time rates of a month, and a case's timeline.
    func statusQueries(rounds: Int) async throws -> [(name: String, p50: Double, p99: Double)] {
        let store = try await store()
        defer { Task { await store.close() } }
        // The filled cases' events carry no real digests (the store refuses them, as it
        // should): timelines are read of the engine's cases, stored among them.
        let ids = try await query(
            "SELECT id FROM cases WHERE id NOT LIKE 'F%' ORDER BY random() LIMIT \(rounds)")
        var generator = SystemRandomNumberGenerator()
        let queries: [(String, @Sendable (Int) async throws -> Void)] = [
            (
                "open cases at a department, a page of 50",
                { round in
                    _ = try await store.cases(
                        CaseQuery(open: true, department: "department-\(round % 10)", limit: 50))
                }
            ),
            (
                "open cases due by a date, a page of 50",
                { round in
                    let day =
                        CalendarDate(year: 2026, month: 1 + round % 12, day: 15) ?? .firstDay(ofYear: 2026)
                    _ = try await store.cases(CaseQuery(dueBy: Timestamp(china: day), limit: 50))
                }
            ),
            (
                "on-time rates by bundle and department, a month",
                { round in
                    let first =
                        CalendarDate(year: 2026, month: 1 + round % 12, day: 1) ?? .firstDay(ofYear: 2026)
                    _ = try await store.onTimeRates(
                        from: first, through: first.adding(months: 1).adding(days: -1))
                }
            ),
            (
                "a case's timeline (its events)",
                { round in _ = try await store.events(of: ids.isEmpty ? "none" : ids[round % ids.count]) }
            ),
        ]
        var results: [(String, Double, Double)] = []
        for (name, body) in queries {
            var times: [Double] = []
            for round in 0..<rounds {
                let started = ContinuousClock.now
                try await body(round &+ Int.random(in: 0..<1_000, using: &generator))
                times.append(Benchmarks.seconds(since: started) * 1000)
            }
            times.sort()
            func percentile(_ p: Double) -> Double {
                times[min(times.count - 1, max(0, Int((p * Double(times.count)).rounded(.up)) - 1))]
            }
            results.append((name, percentile(0.5), percentile(0.99)))
        }
        return results
    }

    /// Runs `sql` in the benchmark's schema; the first column of each row as text.
    func query(_ sql: String) async throws -> [String] {
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.username, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.additionalStartupParameters = [("search_path", address.schema)]
        let logger = Logger(label: "onething.bench.postgres")
        let connection = try await PostgresConnection.connect(
            configuration: configuration, id: 1, logger: logger)
        do {
            var values: [String] = []
            let rows = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            for try await row in rows {
                var cells = row.makeIterator()
                guard let cell = cells.next() else { continue }
                values.append(try cell.decode(String?.self) ?? "")
            }
            try await connection.close()
            return values
        } catch {
            do {
                try await connection.close()
            } catch {
                FileHandle.standardError.write(Data("closing a connection failed: \(error)\n".utf8))
            }
            throw error
        }
    }
}
