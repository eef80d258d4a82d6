import Foundation
import OneThing
import OneThingPlan
import OneThingRuntime
import OneThingSimulation
import Synchronization

/// Measures the runtime on the restaurant bundle's worst case (9 steps, a joint
/// inspection, about 30 events a case) with departments that approve at once:
///
/// - the runtime alone (``OneThingSimulation/Simulation`` over ``OneThingRuntime/CaseRuntime``,
///   no store, no engine): the decisions' own rate;
/// - cases through the real ``OneThingRuntime/Engine`` on a store, many in flight at
///   once, each case acknowledged when its delivery event is stored (the engine's
///   group commit writes the events of every case in flight together), with the time
///   from the start of a case to that acknowledgement;
/// - the memory an open case takes in the engine.
struct RuntimeBenchmark: Sendable {
    /// What the engine did.
    struct EngineFigures: Sendable {
        /// Cases started and delivered.
        var cases: Int
        /// Events stored.
        var events: Int
        /// Wall time in seconds.
        var seconds: Double
        /// Times from a case's start to the acknowledgement of its delivery, in seconds, sorted.
        var latencies: [Double]
        /// The keys (case, sequence) of the stored events in the order they were
        /// acknowledged, when asked for: the order the store wrote them in.
        var keys: [RawInsertBenchmark.Key]

        var casesPerSecond: Double { seconds > 0 ? Double(cases) / seconds : 0 }
        var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }
        /// Microseconds of wall time per case.
        var microsecondsPerCase: Double { cases > 0 ? seconds * 1e6 / Double(cases) : 0 }

        /// The `p`th percentile of the latencies, in milliseconds.
        func latency(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let rank = min(latencies.count - 1, max(0, Int((p * Double(latencies.count)).rounded(.up)) - 1))
            return latencies[rank] * 1000
        }
    }

    /// Why a benchmark could not run.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The name of the restaurant bundle's test case the benchmark runs.
    static let worstCase = "新办餐饮店，一般程序消防，设招牌并售烟（最坏情况）"

    /// The blueprint every case runs.
    let blueprint: CaseBlueprint
    /// The answers of the test case, as a case records them.
    let answers: [String: String]
    /// The materials brought at intake: every one, deferred ones included, so no
    /// approval waits.
    let provided: [String]
    /// The calendar.
    let calendar: WorkdayCalendar
    /// The day every case is accepted on.
    let start = CalendarDate(year: 2026, month: 12, day: 3) ?? CalendarDate(dayNumber: 20_790)

    /// The benchmark of the restaurant bundle in the folder `bundles`, for its worst case.
    static func restaurant(bundles folder: String) throws -> RuntimeBenchmark {
        let path = folder + "/open-restaurant.yaml"
        guard case .loaded(let loaded) = try BundleLoader.load(path: path) else {
            throw Failure(description: "\(path) is not valid")
        }
        guard let test = loaded.bundle.tests.first(where: { $0.name.value == worstCase }) else {
            throw Failure(description: "\(path) has no test case “\(worstCase)”")
        }
        let plan = try loaded.builder.plan(for: test.answers, missingAt: test.name.span)
        let blueprint = CaseBlueprint(plan: plan, catalogue: loaded.catalogue)
        return RuntimeBenchmark(
            blueprint: blueprint, answers: plan.answers.values.mapValues(\.description),
            provided: blueprint.core + blueprint.deferredDeadlines.keys.sorted(),
            calendar: loaded.catalogue.calendar(region: "CN"))
    }

    /// Departments that approve at once and never fail, and deferred materials brought at once.
    static let instant = SimulationSettings(
        defaults: .instant, deferredArrival: Triangular(min: 0, mode: 0, max: 0))

    // MARK: The runtime alone

    /// Runs `cases` cases through the runtime's decisions alone; cases and events per second.
    func runtimeAlone(cases: Int) throws -> (casesPerSecond: Double, eventsPerSecond: Double) {
        let simulation = Simulation(
            blueprint: blueprint, calendar: calendar, start: start, settings: Self.instant, seed: 1,
            answers: answers,
            provided: provided)
        _ = try simulation.run(cases: min(cases, 1_000))  // warm-up
        let begin = ContinuousClock.now
        let report = try simulation.run(cases: cases)
        let seconds = Benchmarks.seconds(since: begin)
        return (Double(cases) / seconds, Double(report.events) / seconds)
    }

    // MARK: Through the engine

    /// Departments that approve every submission at once, by reporting to the engine
    /// from the submission's own call.
    final class InstantDepartments: DepartmentAdapter {
        let engine = Mutex<Engine?>(nil)

        func submit(_ submission: Submission) async throws(AdapterError) {
            if let failure = await submit(batch: [submission])[submission.key] { throw failure }
        }
        /// A system that takes a batch and approves it in one answer.
        var submitsInBatches: Bool { true }
        func submit(batch: [Submission]) async -> [String: AdapterError] {
            guard let engine = self.engine.withLock({ $0 }) else {
                return Dictionary(uniqueKeysWithValues: batch.map { ($0.key, AdapterError("no engine")) })
            }
            let failures = await engine.report(
                batch: batch.map { AdapterReport(key: $0.key, outcome: .approved) })
            return failures.mapValues { AdapterError("\($0)") }
        }
        func poll(_ submission: Submission) async throws(AdapterError) -> AdapterOutcome? { nil }
        func cancel(_ submission: Submission) async throws(AdapterError) {}
    }

    /// Departments that never answer: cases stay open.
    final class SilentDepartments: DepartmentAdapter {
        func submit(_ submission: Submission) async throws(AdapterError) {}
        func poll(_ submission: Submission) async throws(AdapterError) -> AdapterOutcome? { nil }
        func cancel(_ submission: Submission) async throws(AdapterError) {}
    }

    /// Who waits for which case's delivery to be acknowledged.
    final class Deliveries: Sendable {
        struct State {
            var waiting: [CaseID: CheckedContinuation<Void, Never>] = [:]
            var delivered: Set<CaseID> = []
            var events = 0
            /// The keys of the acknowledged events in order, when they are kept.
            var keys: [RawInsertBenchmark.Key]?
        }

        let state = Mutex(State())

        /// Records the acknowledgements of one commit; a delivery wakes whoever waits for it.
        func acknowledged(_ events: [CaseEvent]) {
            let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.events += events.count
                if state.keys != nil {
                    state.keys?.append(
                        contentsOf: events.map { .init(caseID: $0.caseID, sequence: $0.sequence) })
                }
                var waiters: [CheckedContinuation<Void, Never>] = []
                for event in events {
                    guard case .delivered = event.kind else { continue }
                    if let waiter = state.waiting.removeValue(forKey: event.caseID) {
                        waiters.append(waiter)
                    } else {
                        state.delivered.insert(event.caseID)
                    }
                }
                return waiters
            }
            for waiter in waiters { waiter.resume() }
        }

        /// Returns once the delivery of case `id` is acknowledged.
        func wait(for id: CaseID) async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let done = state.withLock { state -> Bool in
                    if state.delivered.remove(id) != nil { return true }
                    state.waiting[id] = continuation
                    return false
                }
                if done { continuation.resume() }
            }
        }
    }

    /// Runs `cases` cases through an ``Engine`` on `store`, `inFlight` of them at a
    /// time, against departments that approve at once; `keepingKeys` keeps the keys of
    /// the measured cases' events in the order they were stored.
    func engine(store: any EventStore, cases: Int, inFlight: Int, prefix: String, keepingKeys: Bool = false)
        async throws -> EngineFigures
    {
        let departments = InstantDepartments()
        let engine = Engine(
            store: store, adapters: AdapterDirectory(fallback: departments),
            clock: VirtualClock(start: Timestamp(china: start, hour: 9)),
            calendars: [blueprint.region: calendar],
            configuration: Engine.Configuration(subscriberBuffer: 10_000_000))
        departments.engine.withLock { $0 = engine }
        let deliveries = Deliveries()
        let stream = await engine.events()
        let listener = Task {
            do {
                for try await commit in stream { deliveries.acknowledged(commit.map(\.event)) }
            } catch {
                FileHandle.standardError.write(Data("acknowledgements stopped: \(error)\n".utf8))
            }
        }
        // A first round of cases, not counted, warms the process up (code paged in, the
        // file's first pages, the blueprint stored); the measured cases then start with
        // `inFlight` of them at once, as a server's first burst would.
        _ = try await drive(engine, deliveries, cases: inFlight, inFlight: inFlight, prefix: prefix + "-warm")
        deliveries.state.withLock { state in
            state.events = 0
            if keepingKeys { state.keys = [] }
        }
        let begin = ContinuousClock.now
        let latencies = try await drive(engine, deliveries, cases: cases, inFlight: inFlight, prefix: prefix)
        let seconds = Benchmarks.seconds(since: begin)
        await engine.shutDown()
        listener.cancel()
        let (events, keys) = deliveries.state.withLock { ($0.events, $0.keys ?? []) }
        return EngineFigures(
            cases: cases, events: events, seconds: seconds, latencies: latencies.sorted(), keys: keys)
    }

    /// Runs `cases` cases through `engine`, `inFlight` at a time, and returns the time
    /// from each case's start to the acknowledgement of its delivery, in seconds.
    private func drive(
        _ engine: Engine, _ deliveries: Deliveries, cases: Int, inFlight: Int, prefix: String
    ) async throws -> [Double] {
        let numbers = Counter()
        let (blueprint, answers, provided) = (self.blueprint, self.answers, self.provided)
        return try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<max(1, inFlight) {
                group.addTask {
                    var mine: [Double] = []
                    while true {
                        let number = numbers.next()
                        guard number <= cases else { return mine }
                        let id = "\(prefix)-\(number)"
                        let started = ContinuousClock.now
                        try await engine.start(
                            blueprint: blueprint, answers: answers, provided: provided, id: id)
                        await deliveries.wait(for: id)
                        mine.append(Benchmarks.seconds(since: started))
                    }
                }
            }
            return try await group.reduce(into: [Double]()) { $0 += $1 }
        }
    }

    /// Starts `count` cases in an engine over an in-memory store with departments that
    /// never answer, and measures the resident memory before and after (`nil` where the
    /// process's resident size cannot be read, outside Linux).
    func openCaseFootprint(count: Int) async throws -> (cases: Int, bytesPerCase: Double)? {
        let engine = Engine(
            store: InMemoryEventStore(), adapters: AdapterDirectory(fallback: SilentDepartments()),
            clock: VirtualClock(start: Timestamp(china: start, hour: 9)),
            calendars: [blueprint.region: calendar])
        guard let before = Benchmarks.residentBytes() else { return nil }
        for index in 0..<count {
            var own: [String: String] = [:]  // each case's answers its own, as different applicants' are
            for (field, value) in answers { own[field] = value }
            try await engine.start(
                blueprint: blueprint, answers: own, provided: provided, id: "open-\(index)")
        }
        await engine.waitForAdapters()
        guard let after = Benchmarks.residentBytes() else { return nil }
        let open = await engine.openCases.count
        await engine.shutDown()
        return (open, Double(after - before) / Double(max(1, open)))
    }
}

/// Hands out 1, 2, 3, … to concurrent callers.
final class Counter: Sendable {
    private let value = Mutex(0)

    /// The next number.
    func next() -> Int {
        value.withLock { value in
            value += 1
            return value
        }
    }
}

/// What the benchmarks share: time and memory.
enum Benchmarks {
    /// `12,345 unit`: a figure rounded, its thousands grouped.
    static func format(_ value: Double, _ unit: String) -> String {
        let rounded = Int(value.isFinite ? value.rounded() : 0)
        let digits = String(rounded)
        var grouped = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return String(grouped.reversed()) + " " + unit
    }

    /// A duration in milliseconds, one decimal.
    static func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }

    /// One line of a benchmark's goals: met or not, what, and the figure.
    static func goal(_ text: String, _ met: Bool, _ figure: String) {
        print("  " + (met ? "met    " : "NOT met") + "  " + text + ": " + figure)
    }

    /// Seconds since `begin`.
    static func seconds(since begin: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - begin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Runs `body` with a new folder `name-UUID` in `directory`, removed afterwards.
    static func withFolder<Value>(
        in directory: String, named name: String, _ body: (URL) async throws -> Value
    ) async throws -> Value {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer {
            do {
                try FileManager.default.removeItem(at: folder)
            } catch {
                FileHandle.standardError.write(Data("could not remove \(folder.path): \(error)\n".utf8))
            }
        }
        return try await body(folder)
    }

    /// The process's resident memory in bytes, from `/proc/self/statm`; `nil` where it
    /// cannot be read.
    static func residentBytes() -> Int? {
        guard let data = FileManager.default.contents(atPath: "/proc/self/statm") else { return nil }
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
