import Foundation
import Testing

/// `onething simulate`: many virtual cases, measured, the same for a seed.
struct SimulateCommandTests {
    static func simulate(_ more: [String]) throws -> OneThingExecutable.Run {
        try OneThingExecutable.run(
            [
                "simulate", RuntimeCLI.restaurant, "--case", RuntimeCLI.worstCase, "--cases", "500",
                "--start", "2026-12-03",
            ]
                + more,
            in: RuntimeCLI.root)
    }

    @Test func theJSONHasTheFigures() throws {
        let run = try Self.simulate(["--seed", "42", "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        for key in ["cases", "p50", "p90", "p99", "onTimeRate", "bottleneck"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["cases"] as? Int == 500)
        let p50 = try #require(object["p50"] as? Double)
        let p90 = try #require(object["p90"] as? Double)
        let p99 = try #require(object["p99"] as? Double)
        #expect(0 < p50 && p50 <= p90 && p90 <= p99)
        let rate = try #require(object["onTimeRate"] as? Double)
        #expect((0...1).contains(rate))
        #expect(object["bottleneck"] is String)
        #expect((object["outcomes"] as? [String: Int])?.values.reduce(0, +) == 500)
    }

    @Test func theSameSeedPrintsTheSameBytes() throws {
        for format in ["json", "text"] {
            let first = try Self.simulate(["--seed", "7", "--format", format])
            let second = try Self.simulate(["--seed", "7", "--format", format])
            #expect(first.status == 0)
            #expect(Data(first.standardOutput.utf8) == Data(second.standardOutput.utf8))
            #expect(
                first.standardOutput
                    != (try Self.simulate(["--seed", "8", "--format", format])).standardOutput)
        }
    }

    @Test func theTextNamesTheBottleneckInChinese() throws {
        let folder = try RuntimeCLI.scratch()
        let adapters = try RuntimeCLI.write(
            "departments:\n  water-drainage: {latency: {min: 1, mode: 1.3, max: 2}}\n", to: "slow.yaml",
            in: folder)
        let run = try Self.simulate(["--seed", "3", "--adapters", adapters, "--lang", "zh"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("办结用时（工作日）：p50 "))
        #expect(run.standardOutput.contains("按时办结率（承诺 11个工作日）："))
        #expect(run.standardOutput.contains("瓶颈部门：城镇排水主管部门（water-drainage）"))
    }

    @Test func theSeedAndTheNumberOfCasesMustBeGiven() throws {
        let run = try OneThingExecutable.run(
            ["simulate", RuntimeCLI.restaurant, "--case", RuntimeCLI.worstCase, "--cases", "10"],
            in: RuntimeCLI.root)
        #expect(run.status == 2)
        #expect(try Self.simulate(["--seed", "1", "--cases", "0"]).status == 2)
    }
}
