import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingSimulation

/// A simulation's report as `onething simulate` prints it: figures rounded to a
/// thousandth of a working day, maps in key order, so that a seed prints the same
/// bytes every time.
struct SimulationSummary {
    let report: Simulation.Report
    let blueprint: CaseBlueprint
    let seed: UInt64
    let start: CalendarDate

    var names: CaseNames { CaseNames(blueprint: blueprint) }

    /// `x` rounded to three decimals.
    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// `0.934` → `93.4%`.
    static func percent(_ rate: Double) -> String {
        let tenths = Int((min(max(rate, 0), 1) * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    func text(in language: Language) -> String {
        let days = { (x: Double) in WorkDays.format(x) }
        let bundle = PrintableText.escaped("\(blueprint.bundle) \(blueprint.version)")
        let promise = WorkDays.limit(blueprint.promise, in: language)
        var lines = [
            language.say(
                "\(bundle): \(report.cases) simulated cases accepted on \(start), seed \(seed)",
                "\(names.title)（\(bundle)）：模拟 \(report.cases) 件，\(start) 受理，种子 \(seed)"),
            language.say(
                "Completion time (working days): p50 \(days(report.p50))  p90 \(days(report.p90))  p99 \(days(report.p99))",
                "办结用时（工作日）：p50 \(days(report.p50))  p90 \(days(report.p90))  p99 \(days(report.p99))"),
            language.say(
                "On time within the promise of \(promise): \(Self.percent(report.onTimeRate))",
                "按时办结率（承诺 \(promise)）：\(Self.percent(report.onTimeRate))"),
        ]
        if let bottleneck = report.bottleneck {
            let count = report.criticalCounts[bottleneck] ?? 0
            let zh = names.department(bottleneck, in: .zh)
            lines.append(
                language.say(
                    "Bottleneck: \(names.department(bottleneck, in: .en)) (\(zh), \(bottleneck)), holding up the critical path most in \(count) of \(report.cases) cases",
                    "瓶颈部门：\(zh)（\(bottleneck)），在 \(report.cases) 件中有 \(count) 件耗时居关键路径之首"))
        } else {
            lines.append(language.say("Bottleneck: none", "瓶颈部门：无"))
        }
        let outcomes = CaseOutcome.allCases.compactMap { outcome -> String? in
            guard let count = report.outcomes[outcome.rawValue], count > 0 else { return nil }
            return "\(CaseEventText.outcome(outcome, in: language)) \(count)"
        }
        let open = report.outcomes["open"].map { [language.say("open \($0)", "未办结 \($0)")] } ?? []
        lines.append(
            language.say("Outcomes: ", "办结情况：") + (outcomes + open).joined(separator: language.say(", ", "，"))
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON.
    struct Document: Encodable {
        var bundle: String
        var version: String
        var seed: UInt64
        var start: String
        var cases: Int
        var p50: Double
        var p90: Double
        var p99: Double
        var promise: TimeLimit
        var onTimeRate: Double
        var outcomes: [String: Int]
        var criticalCounts: [String: Int]
        var events: Int
        var bottleneck: String?
        var bottleneckName: String?

        enum CodingKeys: String, CodingKey {
            case bundle, version, seed, start, cases, p50, p90, p99, promise, onTimeRate, outcomes
            case criticalCounts, events, bottleneck, bottleneckName
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(bundle, forKey: .bundle)
            try c.encode(version, forKey: .version)
            try c.encode(seed, forKey: .seed)
            try c.encode(start, forKey: .start)
            try c.encode(cases, forKey: .cases)
            try c.encode(p50, forKey: .p50)
            try c.encode(p90, forKey: .p90)
            try c.encode(p99, forKey: .p99)
            try c.encode(promise, forKey: .promise)
            try c.encode(onTimeRate, forKey: .onTimeRate)
            try c.encode(outcomes, forKey: .outcomes)
            try c.encode(criticalCounts, forKey: .criticalCounts)
            try c.encode(events, forKey: .events)
            try c.encode(bottleneck, forKey: .bottleneck)
            try c.encode(bottleneckName, forKey: .bottleneckName)
        }
    }

    func json() throws -> String {
        let document = Document(
            bundle: blueprint.bundle, version: blueprint.version, seed: seed, start: start.description,
            cases: report.cases, p50: Self.rounded(report.p50), p90: Self.rounded(report.p90),
            p99: Self.rounded(report.p99), promise: blueprint.promise,
            onTimeRate: Self.rounded(report.onTimeRate),
            outcomes: report.outcomes, criticalCounts: report.criticalCounts, events: report.events,
            bottleneck: report.bottleneck,
            bottleneckName: report.bottleneck.map { names.department($0, in: .zh) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
