import Foundation
import OneThing
import OneThingPlan
import OneThingRuntime
import OneThingSQLite
import OneThingSimulation

/// Measures the runtime on the restaurant bundle's worst case with departments that
/// answer at once: cases run in memory, cases run with every event appended to a
/// durable store, and the memory an open case takes.
///
/// The store is any ``EventStore``; this module knows no database, so the caller
/// brings the SQLite store (and measures SQLite's raw insert rate beside it).
public struct RuntimeBenchmark: Sendable {
    /// How many cases ran, how many events they produced, and how long it took.
    public struct Throughput: Sendable, Hashable {
        /// Cases run to delivery.
        public var cases: Int
        /// Events produced (and, for a store, appended).
        public var events: Int
        /// Wall time in seconds.
        public var seconds: Double
        /// For a store: the time spent in its `append`, summed (the simulation runs meanwhile).
        public var appendSeconds: Double?
        /// Cases delivered per second.
        public var casesPerSecond: Double { seconds > 0 ? Double(cases) / seconds : 0 }
        /// Events per second.
        public var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }
    }

    /// The resident memory of the process before and after opening cases.
    public struct Footprint: Sendable, Hashable {
        /// Cases held open.
        public var cases: Int
        /// Resident bytes before the cases were started.
        public var residentBefore: Int
        /// Resident bytes with the cases open.
        public var residentAfter: Int
        /// Resident bytes per open case.
        public var bytesPerCase: Double {
            cases > 0 ? Double(residentAfter - residentBefore) / Double(cases) : 0
        }
    }

    /// The name of the restaurant bundle's test case the benchmark runs.
    public static let worstCase = "新办餐饮店，一般程序消防，设招牌并售烟（最坏情况）"

    /// Departments that answer at once and never fail, and deferred materials brought at once.
    public static let instant = SimulationSettings(
        defaults: .instant, deferredArrival: Triangular(min: 0, mode: 0, max: 0))

    /// The blueprint every case runs.
    public let blueprint: CaseBlueprint
    /// The answers of the test case, as a case records them.
    public let answers: [String: String]
    /// How many cases each throughput measurement runs.
    public var cases: Int
    /// The simulation's seed.
    public var seed: UInt64
    /// How many events each append to the store carries (fewer at the end).
    public var batchSize: Int

    /// A benchmark of `blueprint`.
    public init(
        blueprint: CaseBlueprint, answers: [String: String] = [:], cases: Int = 20_000, seed: UInt64 = 1,
        batchSize: Int = 2_000
    ) {
        self.blueprint = blueprint
        self.answers = answers
        self.cases = cases
        self.seed = seed
        self.batchSize = max(1, batchSize)
    }

    /// The benchmark of the restaurant bundle (`open-restaurant.yaml` in `folder`) for
    /// its worst case.
    ///
    /// - Throws: ``ValidationInputError`` when the bundle cannot be read, is not
    ///   valid, or has no such test case.
    public static func restaurant(bundles folder: String, cases: Int = 20_000, seed: UInt64 = 1)
        throws(ValidationInputError) -> RuntimeBenchmark
    {
        let path = folder + "/open-restaurant.yaml"
        func failure(_ en: String, _ zh: String) -> ValidationInputError {
            ValidationInputError(path: path, reason: LocalizedText(en: en, zh: zh))
        }
        guard case .loaded(let loaded) = try BundleLoader.load(path: path) else {
            throw failure("the restaurant bundle is not valid", "开办餐饮店一件事文件无效")
        }
        guard let test = loaded.bundle.tests.first(where: { $0.name.value == worstCase }) else {
            throw failure("the bundle has no test case “\(worstCase)”", "文件中没有测试用例“\(worstCase)”")
        }
        guard let plan = try? loaded.builder.plan(for: test.answers, missingAt: test.name.span) else {
            throw failure("the worst case cannot be planned", "最坏情况无法生成计划")
        }
        return RuntimeBenchmark(
            blueprint: CaseBlueprint(plan: plan), answers: plan.answers.values.mapValues(\.description),
            cases: cases, seed: seed)
    }

    /// Runs the cases in memory, with no store: the runtime's own rate.
    public func inMemory() -> Throughput {
        let simulation = Simulation(blueprint: blueprint, settings: Self.instant, seed: seed)
        _ = simulation.run(cases: min(cases, 1_000))  // warm-up
        let begin = ContinuousClock.now
        let report = simulation.run(cases: cases)
        return Throughput(cases: cases, events: report.events, seconds: Self.seconds(since: begin))
    }

    /// Runs the cases while their events are appended to `store`, `batchSize` events
    /// per append, and returns once the last append is durable.
    ///
    /// The simulation runs on a thread of its own while the store writes, as the
    /// engine's group commit does: while one append is in flight, the next batch
    /// gathers (at most a few batches wait, so memory stays flat).
    public func durable(into store: any EventStore) async throws(StoreError) -> Throughput {
        try await store.saveBlueprint(blueprint)
        let simulation = Simulation(blueprint: blueprint, settings: Self.instant, seed: seed)
        let (batches, continuation) = AsyncStream<[CaseEvent]>.makeStream()
        let slots = DispatchSemaphore(value: 4)
        let begin = ContinuousClock.now
        let (cases, size) = (self.cases, batchSize)
        Thread.detachNewThread {
            var pending: [CaseEvent] = []
            pending.reserveCapacity(size)
            _ = simulation.run(cases: cases) { events in
                pending.append(contentsOf: events)
                if pending.count >= size {
                    slots.wait()
                    continuation.yield(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            if !pending.isEmpty {
                slots.wait()
                continuation.yield(pending)
            }
            continuation.finish()
        }
        var events = 0
        var appending = Duration.zero
        var failure: StoreError?
        for await batch in batches {
            if failure == nil {
                do throws(StoreError) {
                    let started = ContinuousClock.now
                    try await store.append(batch)
                    appending += ContinuousClock.now - started
                    events += batch.count
                } catch {
                    failure = error  // keep draining so the simulation's thread can finish
                }
            }
            slots.signal()
        }
        if let failure { throw failure }
        return Throughput(
            cases: cases, events: events, seconds: Self.seconds(since: begin),
            appendSeconds: Self.seconds(appending))
    }

    /// Starts `count` cases in one ``CaseRuntime`` without answering any of them, and
    /// measures the resident memory before and after (`nil` where the process's
    /// resident size cannot be read, outside Linux).
    ///
    /// Each case gets answers of its own, as cases started by different applicants do.
    public func openCaseFootprint(count: Int = 100_000) -> Footprint? {
        let fingerprint = blueprint.fingerprint
        var runtime = CaseRuntime(seed: seed)
        guard let before = Self.residentBytes() else { return nil }
        for index in 0..<count {
            var own: [String: String] = [:]
            own.reserveCapacity(answers.count)
            for (field, value) in answers { own[field] = value }
            runtime.start(
                "open-\(index)", blueprint: blueprint,
                start: CaseStart(
                    bundle: blueprint.bundle, version: blueprint.version, answers: own,
                    provided: blueprint.core, lead: blueprint.lead, blueprint: fingerprint),
                at: 0)
            if index % 1_000 == 999 {
                _ = runtime.takeOutbox()
                _ = runtime.takeEffects()
            }
        }
        _ = runtime.takeOutbox()
        _ = runtime.takeEffects()
        guard let after = Self.residentBytes() else { return nil }
        return withExtendedLifetime(runtime) {
            Footprint(cases: count, residentBefore: before, residentAfter: after)
        }
    }

    /// The process's resident memory in bytes, from `/proc/self/statm`.
    public static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func seconds(since begin: ContinuousClock.Instant) -> Double {
        seconds(ContinuousClock.now - begin)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
