import Foundation
import OneThing
import OneThingPlan
import OneThingRuntime
import OneThingSimulation

/// Measures how fast plans are built: for each real bundle with the answers of its
/// test cases, and for generated bundles of growing size, so the growth from 10 to
/// 200 items shows.
public struct PlanBenchmark: Sendable {
    /// One measured row.
    public struct Row: Sendable {
        /// What was planned.
        public var name: String
        /// The number of items in the bundle.
        public var items: Int
        /// Plans built per second (answers checked, conditions evaluated, graph,
        /// checklist and critical path built).
        public var plansPerSecond: Double
        /// Plans built per second including the calendar schedule.
        public var scheduledPerSecond: Double
    }

    /// The sizes of the generated bundles.
    public var sizes: [Int]
    /// How long each measurement runs, in seconds.
    public var seconds: Double

    /// Creates a benchmark.
    public init(sizes: [Int] = [10, 25, 50, 100, 200], seconds: Double = 0.3) {
        self.sizes = sizes
        self.seconds = seconds
    }

    /// Plans the bundles under `bundles` and the generated ones; the calendar of the
    /// catalogue beside the real bundles schedules every plan from `start`.
    public func run(bundles folder: String, start: CalendarDate) throws -> [Row] {
        var rows: [Row] = []
        let calendar = CatalogueLoader.load(folder: folder + "/catalogue").catalogue.calendar(region: "CN")
        for file in try SourceTree(paths: [folder]).files where !file.isCatalogue {
            guard case .loaded(let loaded) = try BundleLoader.load(path: file.path),
                let test = loaded.bundle.tests.first
            else { continue }
            rows.append(
                try measure(
                    name: loaded.bundle.id.value, builder: loaded.builder, answers: test.answers,
                    at: test.name.span,
                    calendar: calendar, start: start))
        }
        let generated = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-plan-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: generated) }
        try BenchmarkCorpus(bundles: 0).write(to: generated.path)
        for size in sizes {
            var random = SplitMix64(seed: UInt64(size))
            let path = generated.appendingPathComponent("generated-\(size).yaml").path
            try Data(BenchmarkCorpus.bundle(size, items: size, random: &random).utf8).write(
                to: URL(fileURLWithPath: path))
            guard case .loaded(let loaded) = try BundleLoader.load(path: path),
                let test = loaded.bundle.tests.last
            else {
                throw ValidationInputError(
                    path: path, reason: .init(en: "the generated bundle is not valid", zh: "生成的一件事文件无效"))
            }
            rows.append(
                try measure(
                    name: "generated-\(size)", builder: loaded.builder, answers: test.answers,
                    at: test.name.span,
                    calendar: calendar, start: start))
        }
        return rows
    }

    func measure(
        name: String, builder: PlanBuilder, answers: [Answer], at span: SourceSpan, calendar: WorkdayCalendar,
        start: CalendarDate
    ) throws -> Row {
        let clock = ContinuousClock()
        func rate(_ body: () throws -> Void) throws -> Double {
            for _ in 0..<20 { try body() }  // warm-up
            var count = 0
            let begin = clock.now
            var elapsed = Duration.zero
            while elapsed < .seconds(seconds) {
                for _ in 0..<10 { try body() }
                count += 10
                elapsed = clock.now - begin
            }
            let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return Double(count) / s
        }
        // A plan or schedule that fails is an error of the corpus, not a fast figure.
        let plans = try rate { _ = try builder.plan(for: answers, missingAt: span) }
        let scheduled = try rate {
            _ = try Schedule(
                plan: try builder.plan(for: answers, missingAt: span), calendar: calendar, accepted: start)
        }
        return Row(
            name: name, items: builder.bundle.items.count, plansPerSecond: plans,
            scheduledPerSecond: scheduled)
    }
}
