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
    let names: CaseNames

    /// `x` rounded to three decimals.
    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// `0.934` → `93.4%`.
    static func percent(_ rate: Double) -> String {
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    func text(in language: Language) -> String {
        func say(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }
        let days = { (x: Double) in WorkDays.format(x) }
        let bundle = "\(blueprint.bundle) \(blueprint.version)"
        var lines = [
            say(
                "\(bundle): \(report.cases) simulated cases, seed \(seed)",
                "\(names.title.map { "\($0)（\(bundle)）" } ?? bundle)：模拟 \(report.cases) 件，种子 \(seed)"),
            say(
                "Completion time (working days): p50 \(days(report.p50))  p90 \(days(report.p90))  p99 \(days(report.p99))",
                "办结用时（工作日）：p50 \(days(report.p50))  p90 \(days(report.p90))  p99 \(days(report.p99))"),
            say(
                "On time within the promise of \(WorkDays.limit(blueprint.promise)) working days: \(Self.percent(report.onTimeRate))",
                "按时办结率（承诺 \(WorkDays.limit(blueprint.promise)) 个工作日）：\(Self.percent(report.onTimeRate))"),
        ]
        if let bottleneck = report.bottleneck {
            let count = report.criticalCounts[bottleneck] ?? 0
            let zh = names.departments[bottleneck]?.name ?? bottleneck
            lines.append(
                say(
                    "Bottleneck: \(names.department(bottleneck, in: .en)) (\(zh), \(bottleneck)), holding up the critical path most in \(count) of \(report.cases) cases",
                    "瓶颈部门：\(zh)（\(bottleneck)），在 \(report.cases) 件中有 \(count) 件耗时居关键路径之首"))
        } else {
            lines.append(say("Bottleneck: none", "瓶颈部门：无"))
        }
        let outcomes = CaseOutcome.allOutcomes.compactMap { outcome -> String? in
            guard let count = report.outcomes[outcome.rawValue], count > 0 else { return nil }
            return "\(CaseEventText.outcome(outcome, in: language)) \(count)"
        }
        let open = report.outcomes["open"].map { [say("open \($0)", "未办结 \($0)")] } ?? []
        lines.append(say("Outcomes: ", "办结情况：") + (outcomes + open).joined(separator: say(", ", "，")))
        return lines.joined(separator: "\n") + "\n"
    }

    var json: String {
        var object: [String: Any] = [
            "bundle": blueprint.bundle,
            "version": blueprint.version,
            "seed": seed,
            "cases": report.cases,
            "p50": Self.rounded(report.p50),
            "p90": Self.rounded(report.p90),
            "p99": Self.rounded(report.p99),
            "promise": blueprint.promise,
            "onTimeRate": Self.rounded(report.onTimeRate),
            "outcomes": report.outcomes,
            "criticalCounts": report.criticalCounts,
            "events": report.events,
        ]
        object["bottleneck"] = report.bottleneck ?? NSNull()
        object["bottleneckName"] = report.bottleneck.map { names.departments[$0]?.name ?? $0 } ?? NSNull()
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

extension CaseOutcome {
    /// Every outcome, in the order reports list them.
    static let allOutcomes: [CaseOutcome] = [.completed, .partial, .refused, .notAccepted]
}
