import ArgumentParser
import AsyncHTTPClient
import Foundation
import OneThingEvents
import OneThingPostgres
import Synchronization

/// `onething-bench failover`: two `onething serve` instances on one PostgreSQL database,
/// cases created through both, one instance killed with SIGKILL mid-run; then what
/// became of every acknowledged case, and whether anything was done twice.
struct FailoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failover",
        abstract: "Kill one of two serve instances on PostgreSQL mid-run; count what was lost or done twice.",
        discussion: """
            Each run starts two `onething serve` processes (the program beside this one) on a new \
            schema of --url (default ONETHING_TEST_POSTGRES_URL), with slow simulated departments \
            on a fast clock both instances share (--speed, --clock-origin), and a short --lease. \
            --cases restaurant cases are created through the HTTP API, alternately on each \
            instance (--in-flight at once, each with an Idempotency-Key; a request the dead \
            instance cannot answer is sent to the other, as a load balancer would). Instance A \
            is killed with SIGKILL at a different point in each run: after a share of the \
            cases was acknowledged, or some seconds after the last one. The run waits until no \
            case is open or --deadline seconds have passed, then reads every case's events: \
            acknowledged cases missing (lost) or still open (stuck), a step sent twice under \
            one attempt or sent again under a new key without a recorded failure (a department \
            would see the task twice), a warning or overdue timer recorded twice, a step decided \
            twice. The department --manual decides by hand: its tasks wait in the instances' \
            shared work queue, and --workers workers long-poll instance B only and approve them, \
            whichever instance dispatched them and holds their case (none with --workers 0). \
            Exit status 1 with --check when any of them is not zero.
            """)

    @Option(help: "The PostgreSQL server (postgres://USER:PASSWORD@HOST:PORT/DATABASE).") var url: String?
    @Option(help: "How many cases each run creates.") var cases = 2_000
    @Option(help: "How many runs, each with its own kill point.") var runs = 10
    @Option(help: "How many creations are in flight at once.") var inFlight = 64
    @Option(help: "The instances' lease, in seconds.") var lease = 2
    @Option(help: "How many times faster than the wall clock the instances' clock runs.") var speed = 36_000
    @Option(help: "The seconds a run may take after the kill before open cases count as stuck.")
    var deadline = 300
    @Option(help: "The first instance's port (the second listens on the next).") var port = 18_310
    @Option(help: ArgumentHelp("The folder of the real bundles.", valueName: "dir")) var bundles = "bundles"
    @Option(help: "A department of the restaurant that decides by hand (adapter: manual).")
    var manual = "market-regulation"
    @Option(help: "How many workers of --manual long-poll instance B and approve its tasks (0: none).")
    var workers = 4
    @Flag(help: "Exit with status 1 when anything was lost, stuck or done twice (for CI).") var check = false
    @Flag(
        help:
            "Keep every run's schema and the instances' logs (by default only a run with a stuck case keeps them)."
    )
    var keep = false

    func validate() throws {
        guard cases > 0, runs > 0, inFlight > 0, lease > 0, speed >= 1, deadline > 0, workers >= 0 else {
            throw ValidationError(
                "--cases, --runs, --in-flight, --lease, --speed and --deadline take 1 or more")
        }
    }

    /// What one run counted.
    struct Figures {
        var killPoint = ""
        var acknowledged = 0
        var stored = 0
        var completed = 0
        var otherwise = 0
        var stuck = 0
        var lost = 0
        var sentTwice = 0
        var timersTwice = 0
        var decidedTwice = 0
        /// The manual department's tasks decided through instance B.
        var decidedOnB = 0
        /// What the manual department's workers did, when there were any.
        var workers: QueueWorkers.Counts?
        var drainSeconds = 0.0
        /// Why the acknowledged cases that did not complete ended otherwise, with how many.
        var why: [String: Int] = [:]
        /// What the stuck cases show (their last events and their rows in the shared work queue).
        var stuckDetails: [String] = []
        /// The schema and the instances' logs, kept when a case was stuck.
        var kept: String?

        var clean: Bool { stuck == 0 && lost == 0 && sentTwice == 0 && timersTwice == 0 && decidedTwice == 0 }
    }

    func run() async throws {
        guard let url = url ?? ProcessInfo.processInfo.environment["ONETHING_TEST_POSTGRES_URL"] else {
            throw ValidationError("name the server with --url, or set ONETHING_TEST_POSTGRES_URL")
        }
        say(
            "failover: \(runs) runs of \(cases) restaurant cases, two onething serve instances on PostgreSQL,"
                + " lease \(lease) s, clock ×\(speed), instance A killed with SIGKILL"
                + (workers > 0 ? ", \(manual) decided by \(workers) workers polling instance B" : ""))
        say(
            "run  kill point                 acked  stored  completed  otherwise  stuck  lost  sent-twice  timers-twice"
                + "  decided-twice  decided on B  drain s"
        )
        var all: [Figures] = []
        for run in 1...runs {
            let figures = try await self.run(run, url: url)
            all.append(figures)
            say(
                String(format: "%3d  ", run)
                    + figures.killPoint.padding(toLength: 25, withPad: " ", startingAt: 0)
                    + String(
                        format: "%6d  %6d  %9d  %9d  %5d  %4d  %10d  %12d  %13d  %12d  %7.1f",
                        figures.acknowledged,
                        figures.stored, figures.completed, figures.otherwise, figures.stuck, figures.lost,
                        figures.sentTwice, figures.timersTwice, figures.decidedTwice, figures.decidedOnB,
                        figures.drainSeconds))
            if let counts = figures.workers {
                say(
                    "     workers on B: \(counts.activated) tasks activated, \(counts.decided) approved,"
                        + " \(counts.refused) refused, \(counts.retried) sent again after a 503,"
                        + " \(counts.unanswered) requests unanswered")
            }
            if !figures.why.isEmpty {
                say(
                    "     not completed: "
                        + figures.why.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
                            "\($0.value) \($0.key)"
                        }
                        .joined(separator: ", "))
            }
            for line in figures.stuckDetails { say("     " + line) }
            if let kept = figures.kept { say("     kept for a look: " + kept) }
        }
        let clean = all.filter(\.clean).count
        say("")
        say(
            "goals: every acknowledged case completes on the survivor, nothing lost, no task sent twice under"
                + " another key, no timer twice, no step decided twice — \(clean) of \(runs) runs clean")
        if check, clean < runs { throw ExitCode(1) }
    }

    /// Prints a line at once (a line a run, as it ends, even into a file or a pipe).
    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Where instance A is killed in run `run`: after a share of the acknowledgements,
    /// or (the last runs) some seconds after the last one, while the cases are worked.
    func killPoint(_ run: Int) -> (afterAcknowledged: Int?, afterSeconds: Double) {
        let share = Double(run) / Double(runs + 1) * 1.5
        if share < 1 { return (max(1, Int(Double(cases) * share)), 0) }
        return (nil, (share - 1) * 8)
    }

    /// One run.
    func run(_ run: Int, url: String) async throws -> Figures {
        var address = try PostgresStoreAddress(url: url)
        address.schema = "failover_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let base = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let schemaURL = base + "?schema=" + address.schema
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-failover-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let keeping = Mutex(false)
        defer {
            do {
                if !keeping.withLock({ $0 }) { try FileManager.default.removeItem(at: folder) }
            } catch {
                FileHandle.standardError.write(
                    Data("failover: \(folder.path) was not removed: \(error)\n".utf8))
            }
        }
        let adapters = folder.appendingPathComponent("adapters.yaml")
        // Slow departments: one to three working hours a review, a few failures retried.
        try
            ("""
        defaults:
          adapter: simulated
          latency-hours: {min: 1, mode: 2, max: 3}
          reject: 0
          supplement: 0.05
          supplement-response: {min: 0.1, mode: 0.2, max: 0.5}
          errors: 0.03
          timeouts: 0
        deferred-arrival: {min: 0.1, mode: 0.2, max: 0.3}
        """
            + (workers > 0 ? "\ndepartments:\n  \(manual): {adapter: manual}\n" : "")).write(
                to: adapters, atomically: true, encoding: .utf8)
        let origin = ISO8601DateFormatter().string(from: Date())
        var instances: [ServeInstance] = []
        defer { for instance in instances where instance.process.isRunning { instance.process.terminate() } }
        for (index, name) in ["A", "B"].enumerated() {
            instances.append(
                try ServeInstance.start(
                    [
                        "--bundles", bundles, "--db", schemaURL, "--adapters", adapters.path, "--instance",
                        name,
                        "--lease", "\(lease)", "--speed", "\(speed)", "--clock-origin", origin,
                    ], port: port + index, environment: ["LOG_LEVEL": "error"],
                    log: folder.appendingPathComponent("\(name).log")))
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { client.shutdown { _ in } }
        for instance in instances { try await instance.waitUntilReady(client: client) }
        let serving = instances
        let store = try await PostgresEventStore(address: address)
        defer { Task { await store.close() } }
        // The manual department's workers know instance B only, from the start: the tasks A
        // dispatches for the cases it holds reach them through the shared queue.
        let queueWorkers = QueueWorkers(instance: serving[1], department: manual)
        let working = Task { [workers] in
            workers > 0 ? await queueWorkers.run(workers: workers, client: client) : nil
        }

        var figures = Figures()
        let point = killPoint(run)
        let alive = AliveInstances()
        var acknowledged: [CaseID] = []
        var killedAt: ContinuousClock.Instant?
        func kill() {
            guard killedAt == nil else { return }
            Foundation.kill(instances[0].process.processIdentifier, SIGKILL)
            alive.killFirst()
            killedAt = .now
        }
        try await withThrowingTaskGroup(of: CaseID?.self) { group in
            var started = 0
            func collect(_ id: CaseID?) {
                guard let id else { return }
                acknowledged.append(id)
                if let after = point.afterAcknowledged, acknowledged.count >= after { kill() }
            }
            while started < cases {
                if started >= inFlight, let next = try await group.next() { collect(next) }
                let number = started
                group.addTask {
                    try await create(number, run: run, on: serving, alive: alive, client: client)
                }
                started += 1
            }
            for try await id in group { collect(id) }
        }
        figures.killPoint =
            point.afterAcknowledged.map { "after \($0) acknowledged" }
            ?? String(format: "%.1f s after the last", point.afterSeconds)
        if killedAt == nil {
            try await Task.sleep(for: .milliseconds(Int(point.afterSeconds * 1000)))
            kill()
        }
        let begin = killedAt ?? .now
        let end = ContinuousClock.now.advanced(by: .seconds(deadline))
        while ContinuousClock.now < end {
            if try await store.cases(CaseQuery(open: true, limit: 1)).isEmpty { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        figures.drainSeconds = Benchmarks.seconds(since: begin)
        working.cancel()
        figures.workers = await working.value
        figures.decidedOnB = figures.workers?.decided ?? 0
        figures.acknowledged = acknowledged.count
        let summaries = try await store.cases(CaseQuery())
        figures.stored = summaries.count
        let byID = Dictionary(summaries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let database = PostgresBenchmark(address: address, connections: 1)
        var stuck: [CaseID] = []
        for id in acknowledged {
            guard let summary = byID[id] else {
                figures.lost += 1
                continue
            }
            switch summary.outcome {
            case .completed?: figures.completed += 1
            case nil:
                figures.stuck += 1
                stuck.append(id)
            default: figures.otherwise += 1
            }
        }
        for summary in summaries {
            let events = try await store.events(of: summary.id)
            let twice = Self.doneTwice(events)
            figures.sentTwice += twice.sent
            figures.timersTwice += twice.timers
            figures.decidedTwice += twice.decided
            if let outcome = summary.outcome, outcome != .completed {
                figures.why[Self.why(outcome, events), default: 0] += 1
            }
        }
        for id in stuck.prefix(3) {
            let events = try await store.events(of: id)
            figures.stuckDetails.append("stuck \(id), \(events.count) events, the last:")
            for event in events.suffix(8) {
                figures.stuckDetails.append("  #\(event.sequence) \(event.at) \(event.kind)")
            }
            for row in try await database.query(
                "SELECT row_to_json(j)::text FROM department_jobs j WHERE case_id = '\(id)'")
            {
                figures.stuckDetails.append("  department_jobs: " + row)
            }
        }
        await instances[1].stop()
        if stuck.isEmpty, !keep {
            _ = try await database.query("DROP SCHEMA \"\(address.schema)\" CASCADE")
        } else {
            keeping.withLock { $0 = true }
            figures.kept = "schema \(address.schema), logs in \(folder.path)"
        }
        return figures
    }

    /// What a case's events record twice: a step sent twice under one attempt, or sent
    /// again under a new attempt (a new key) with no failure recorded for the one
    /// before; a warning or an overdue notice of one step and due date recorded twice; a
    /// step approved or rejected twice.
    static func doneTwice(_ events: [CaseEvent]) -> (sent: Int, timers: Int, decided: Int) {
        var sent = Set<[Int]>()
        var failed = Set<[Int]>()
        var timers = Set<String>()
        var decided = Set<Int>()
        var twice = (sent: 0, timers: 0, decided: 0)
        for event in events {
            switch event.kind {
            case .dispatched(let step, let attempt, _, _):
                if !sent.insert([step, attempt]).inserted { twice.sent += 1 }
                if attempt > 1, !failed.contains([step, attempt - 1]) { twice.sent += 1 }
            case .dispatchFailed(let step, let attempt, _, _):
                failed.insert([step, attempt])
            case .dueSoon(let step, let due):
                if !timers.insert("soon \(step) \(due.milliseconds)").inserted { twice.timers += 1 }
            case .overdue(let step, let due):
                if !timers.insert("over \(step) \(due.milliseconds)").inserted { twice.timers += 1 }
            case .approved(let step), .rejected(let step, _):
                if !decided.insert(step).inserted { twice.decided += 1 }
            default:
                break
            }
        }
        return twice
    }

    /// Why a case ended `outcome` rather than completed: the outcome and the first event
    /// that was not a success (a rejection, a failure for a missing material, a step
    /// cancelled, intake's refusal).
    static func why(_ outcome: CaseOutcome, _ events: [CaseEvent]) -> String {
        for event in events {
            switch event.kind {
            case .intake(.rejectedIncomplete(let missing)):
                return "\(outcome.rawValue): not accepted, missing \(missing.joined(separator: ", "))"
            case .rejected(let step, _): return "\(outcome.rawValue): step \(step) rejected"
            case .failed(let step, let material):
                let late = events.contains {
                    if case .materialSupplied(material, late: true) = $0.kind { return true }
                    return false
                }
                return "\(outcome.rawValue): step \(step) failed for want of \(material)"
                    + (late ? " (it came after its deadline)" : " (it never came)")
            case .cancelled(let step, let cause):
                return "\(outcome.rawValue): step \(step) cancelled (\(cause))"
            case .withdrawn: return "\(outcome.rawValue): withdrawn"
            default: continue
            }
        }
        return outcome.rawValue
    }

    /// Creates case `number` on the instance its number names, or, when that one does not
    /// answer, on the other (same Idempotency-Key); returns its id once acknowledged.
    func create(
        _ number: Int, run: Int, on instances: [ServeInstance], alive: AliveInstances, client: HTTPClient
    )
        async throws -> CaseID?
    {
        for attempt in 0..<6 {
            let instance = instances[alive.index(for: number + attempt)]
            do {
                if let id = try await instance.create(
                    ServeInstance.restaurantRequest, key: "failover-\(run)-\(number)", client: client)
                {
                    return id
                }
            } catch {
                // The instance died under the request: the next attempt goes to the other.
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }
}

/// Which instances still answer: both, until the first is killed.
final class AliveInstances: Sendable {
    private let firstKilled = Mutex(false)

    /// Instance A was killed.
    func killFirst() { firstKilled.withLock { $0 = true } }

    /// The instance request `number` goes to (0 or 1).
    func index(for number: Int) -> Int {
        firstKilled.withLock { $0 } ? 1 : number % 2
    }
}
