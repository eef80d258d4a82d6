import ArgumentParser
import Foundation
import OneThingEvents
import OneThingPostgres

/// `onething-bench postgres`: cases through the engine on PostgreSQL with one and with
/// two instances, beside pgbench's insert transactions on the same cluster and client
/// count, and the status queries over a store of many events, in one run.
struct PostgresBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postgres",
        abstract:
            "Measure the PostgreSQL store: engine cases/s with one and two instances beside pgbench, status queries.",
        discussion: """
            Runs the restaurant bundle's worst case (about 30 events a case) through the engine \
            on a PostgreSQL store in a new schema of --url (default: ONETHING_TEST_POSTGRES_URL; \
            scripts/postgres-cluster.sh starts a throwaway cluster), each case counted when its \
            delivery is acknowledged (committed): (a) one instance, (b) two instances (two \
            stores, each with its own connections, on the same schema), then (c) pgbench on \
            the same cluster with as many clients as one instance has connections, each \
            transaction one insert of an event row of the store's size, and (d) the p50 and \
            p99 of the status queries once the schema holds --status-events events (filled \
            with synthetic cases by SQL). The schema is dropped at the end. Build with -c \
            release for figures worth comparing.
            """)

    @Option(help: "The PostgreSQL server (postgres://USER:PASSWORD@HOST:PORT/DATABASE).")
    var url: String?

    @Option(help: "How many cases each engine measurement runs.")
    var cases = 4_000

    @Option(help: "How many cases are in flight at once in each instance.")
    var inFlight = 256

    @Option(help: "The connections of each instance, and pgbench's clients.")
    var connections = 8

    @Option(help: "How many transactions each pgbench client runs.")
    var transactions = 2_000

    @Option(help: "How many events the store holds when the status queries are timed (0: skip them).")
    var statusEvents = 10_000_000

    @Option(help: "How many times each status query runs.")
    var rounds = 500

    @Option(
        help: ArgumentHelp(
            "pgbench (default: on the PATH, else /usr/lib/postgresql/*/bin).", valueName: "path"))
    var pgbench: String?

    @Option(help: ArgumentHelp("The folder of the real bundles.", valueName: "dir"))
    var bundles = "bundles"

    func run() async throws {
        guard let url = url ?? ProcessInfo.processInfo.environment["ONETHING_TEST_POSTGRES_URL"] else {
            throw ValidationError("name the server with --url, or set ONETHING_TEST_POSTGRES_URL")
        }
        var address = try PostgresStoreAddress(url: url)
        address.schema = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let benchmark = PostgresBenchmark(address: address, connections: connections)
        let runtime = try RuntimeBenchmark.restaurant(bundles: bundles)
        func line(_ label: String, _ value: String) {
            print(label.padding(toLength: 56, withPad: " ", startingAt: 0) + value)
        }
        print(
            "PostgreSQL benchmark: \(runtime.blueprint.bundle), \(runtime.blueprint.steps.count) steps, "
                + "\(address.host):\(address.port)/\(address.database) schema \(address.schema), "
                + "\(connections) connections an instance, \(inFlight) cases in flight an instance")
        do {
            let one = try await benchmark.engines(
                runtime, instances: 1, cases: cases, inFlight: inFlight, prefix: "A")
            line(
                "engine, 1 instance, ack after commit",
                Benchmarks.format(one.casesPerSecond, "cases/s") + "  "
                    + Benchmarks.format(one.eventsPerSecond, "events/s")
                    + "  p50 \(Benchmarks.ms(one.latency(0.5)))  p99 \(Benchmarks.ms(one.latency(0.99)))")
            let two = try await benchmark.engines(
                runtime, instances: 2, cases: cases, inFlight: inFlight, prefix: "B")
            line(
                "engine, 2 instances, ack after commit",
                Benchmarks.format(two.casesPerSecond, "cases/s") + "  "
                    + Benchmarks.format(two.eventsPerSecond, "events/s")
                    + "  p50 \(Benchmarks.ms(two.latency(0.5)))  p99 \(Benchmarks.ms(two.latency(0.99)))")
            let payload = try await benchmark.averagePayload()
            let tps = try await benchmark.pgbench(
                try pgbenchPath(), clients: connections, transactions: transactions,
                payload: Int(payload.rounded()),
                url: url)
            line(
                "pgbench, \(connections) clients, one event-row insert a txn",
                Benchmarks.format(tps, "tps") + String(format: "  (%.0f-byte payloads)", payload))
            var statuses: [(name: String, p50: Double, p99: Double)] = []
            if statusEvents > 0 {
                let blueprint = runtime.blueprint.fingerprint
                let filling = ContinuousClock.now
                try await benchmark.fill(events: statusEvents, blueprint: blueprint)
                let stored = try await benchmark.query("SELECT count(*)::text FROM events").first ?? "?"
                print("")
                print(
                    "status queries through the store, \(stored) events stored (filled in "
                        + String(format: "%.0f s", Benchmarks.seconds(since: filling))
                        + "), \(rounds) rounds each:")
                statuses = try await benchmark.statusQueries(rounds: rounds)
                for status in statuses {
                    line(
                        "  " + status.name,
                        "p50 \(Benchmarks.ms(status.p50))  p99 \(Benchmarks.ms(status.p99))")
                }
            }
            print("")
            print("goals:")
            Benchmarks.goal(
                "1 instance: events/s ≥ 50% of pgbench's insert tps", one.eventsPerSecond >= 0.5 * tps,
                String(format: "%.0f%%", tps > 0 ? 100 * one.eventsPerSecond / tps : 0))
            Benchmarks.goal(
                "2 instances faster than 1", two.casesPerSecond > one.casesPerSecond,
                String(format: "%.2f×", two.casesPerSecond / max(one.casesPerSecond, 1e-9)))
            if let worst = statuses.map(\.p99).max() {
                Benchmarks.goal("status queries p99 < 10 ms", worst < 10, Benchmarks.ms(worst))
            }
        } catch {
            try await drop(benchmark)
            throw error
        }
        try await drop(benchmark)
    }

    /// Drops the benchmark's schema.
    func drop(_ benchmark: PostgresBenchmark) async throws {
        _ = try await benchmark.query("DROP SCHEMA IF EXISTS \(benchmark.address.schema) CASCADE")
    }

    /// pgbench: the option, else on the PATH, else Debian's folder.
    func pgbenchPath() throws -> String {
        if let pgbench { return pgbench }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(folder)/pgbench") {
            return "\(folder)/pgbench"
        }
        let debian = "/usr/lib/postgresql"
        let versions = (try FileManager.default.contentsOfDirectory(atPath: debian)).sorted { $0 > $1 }
        for version in versions
        where FileManager.default.isExecutableFile(atPath: "\(debian)/\(version)/bin/pgbench") {
            return "\(debian)/\(version)/bin/pgbench"
        }
        throw ValidationError("pgbench not found: install postgresql, or name it with --pgbench")
    }
}
