import Foundation
import Testing

/// What the tests of the commands that run cases share: the repository, a scratch
/// folder, the worst case of the restaurant bundle.
enum RuntimeCLI {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let restaurant = "bundles/open-restaurant.yaml"
    static let worstCase = "新办餐饮店，一般程序消防，设招牌并售烟（最坏情况）"

    /// A new empty folder.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "onething-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` in `folder` and returns the path.
    static func write(_ text: String, to name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// An adapters file making fire-rescue manual, everything else simulated without failures.
    static func manualFire(in folder: URL) throws -> String {
        try write(
            "defaults: {errors: 0, timeouts: 0, supplement: 0, reject: 0}\ndepartments:\n  fire-rescue: {adapter: manual}\n",
            to: "adapters.yaml", in: folder)
    }

    /// `onething run` of the restaurant's worst case into the database `db`, from the repository.
    static func run(db: String, _ more: [String] = []) throws -> OneThingExecutable.Run {
        try OneThingExecutable.run(
            ["run", restaurant, "--case", worstCase, "--start", "2026-09-25", "--db", db] + more, in: root)
    }
}

/// `onething run`: a case started in the database and run on a virtual clock.
struct RunCommandTests {
    @Test func aRunIsDeliveredAndEndsWithASummary() throws {
        let folder = try RuntimeCLI.scratch()
        let db = folder.appendingPathComponent("cases.sqlite").path
        let run = try RuntimeCLI.run(db: db, ["--lang", "en"])
        #expect(run.status == 0, "\(run.standardError)")
        let text = run.standardOutput
        #expect(text.hasPrefix("Case C20260925-0001: open-restaurant 1.0.0\n"))
        // Accepted on the day given (the Mid-Autumn Festival, a rest day): the count starts
        // from the next working day, Monday 09-28, which is not counted, as the plan's.
        #expect(text.contains("Accepted 2026-09-25 09:00; promised within 11 workdays, by 2026-10-19"))
        #expect(text.contains("\n  1  day 0.00  2026-09-25 09:00  case opened: open-restaurant 1.0.0"))
        #expect(
            text.contains(
                "sent business-registration to Administration for Market Regulation (attempt 1); due 2026-09-29"
            ))
        #expect(text.contains("began the joint inspection food-fire-joint-inspection"))
        #expect(text.contains("steps done; waiting on: "))
        #expect(text.contains("\nOutcome: "))
        #expect(text.contains("promised within 11 workdays, by 2026-10-19 — "))
        #expect(text.contains("\nDelivered: "))
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func aRunInChineseSaysStepsAndWhatItWaitsOn() throws {
        let folder = try RuntimeCLI.scratch()
        let run = try RuntimeCLI.run(db: folder.appendingPathComponent("c.sqlite").path, ["--lang", "zh"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("案件 C20260925-0001：开办餐饮店一件事（open-restaurant 1.0.0）"))
        #expect(run.standardOutput.contains("0/9 步已办结；等待：市场监督管理局（营业执照（经营主体设立登记））"))
        #expect(run.standardOutput.contains("\n结果："))
        #expect(run.standardOutput.contains("\n出件："))
    }

    @Test func aRunWithAnELicenceServiceThatFailsAsksForPaperInBothLanguages() throws {
        let folder = try RuntimeCLI.scratch()
        let adapters = folder.appendingPathComponent("adapters.yaml")
        try Data("e-licence:\n  adapter: simulated\n  unavailable: 100%\n".utf8).write(to: adapters)
        let zh = try RuntimeCLI.run(
            db: folder.appendingPathComponent("zh.sqlite").path,
            ["--adapters", adapters.path, "--lang", "zh"])
        #expect(zh.status == 0, "\(zh.standardError)")
        #expect(
            zh.standardOutput.contains("居民身份证 未能通过电子证照获取：请申请人于 2026-10-19 前提交纸质材料"), "\(zh.standardOutput)")
        #expect(zh.standardOutput.contains("申请人补交容缺材料 居民身份证"))
        let en = try RuntimeCLI.run(
            db: folder.appendingPathComponent("en.sqlite").path,
            ["--adapters", adapters.path, "--lang", "en"])
        #expect(
            en.standardOutput.contains(
                "id-card could not be fetched (from the electronic licence): the applicant is asked to bring it by 2026-10-19"
            ), "\(en.standardOutput)")
    }

    @Test func aMisspeltKeyOfTheELicenceEntryStopsTheRunAtItsLine() throws {
        let folder = try RuntimeCLI.scratch()
        let adapters = folder.appendingPathComponent("adapters.yaml")
        try Data("e-licence:\n  adapter: simulated\n  unavailabel: 5%\n".utf8).write(to: adapters)
        let run = try RuntimeCLI.run(
            db: folder.appendingPathComponent("c.sqlite").path, ["--adapters", adapters.path, "--lang", "en"])
        #expect(run.status == 1)
        let text = run.standardOutput + run.standardError
        #expect(text.contains("adapters.yaml:3:3"), "\(text)")
        #expect(text.contains("unavailable"))
    }

    @Test func theDefaultDatabaseIsCreatedInTheWorkingDirectory() throws {
        let folder = try RuntimeCLI.scratch()
        let bundle = RuntimeCLI.root.appendingPathComponent(RuntimeCLI.restaurant).path
        let run = try OneThingExecutable.run(
            ["run", bundle, "--case", RuntimeCLI.worstCase, "--start", "2026-03-02"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("onething.sqlite").path))
        // A second case in the same database gets the next number.
        let again = try OneThingExecutable.run(
            ["run", bundle, "--case", RuntimeCLI.worstCase, "--start", "2026-03-02"], in: folder)
        #expect(again.standardOutput.hasPrefix("Case C20260302-0002:"))
    }

    @Test func theSameSeedRunsTheSameWay() throws {
        let outputs = try (0..<2).map { _ in
            try RuntimeCLI.run(
                db: try RuntimeCLI.scratch().appendingPathComponent("c.sqlite").path, ["--seed", "7"]
            )
            .standardOutput.split(separator: "\n").dropFirst(2).joined(separator: "\n")
        }
        #expect(outputs[0] == outputs[1])
        #expect(!outputs[0].isEmpty)
    }

    @Test func aRunAndASimulationOfOneCaseWithTheSameSeedEndAlike() throws {
        for seed in ["3", "7"] {
            let run = try RuntimeCLI.run(
                db: try RuntimeCLI.scratch().appendingPathComponent("c.sqlite").path,
                ["--seed", seed, "--lang", "en"])
            let simulation = try OneThingExecutable.run(
                [
                    "simulate", RuntimeCLI.restaurant, "--case", RuntimeCLI.worstCase, "--start",
                    "2026-09-25",
                    "--cases", "1", "--seed", seed, "--format", "json",
                ], in: RuntimeCLI.root)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(simulation.standardOutput.utf8)) as? [String: Any]
            )
            let p50 = try #require(object["p50"] as? Double)
            let outcome = try #require((object["outcomes"] as? [String: Int])?.keys.first)
            let words = ["completed": "completed", "partial": "partly completed", "refused": "refused"]
            #expect(
                run.standardOutput.contains("\nOutcome: \(words[outcome] ?? outcome) on "), "seed \(seed)")
            #expect(
                run.standardOutput.contains(String(format: ", %.2f working days;", p50)),
                "seed \(seed): \(p50)")
        }
    }

    @Test func aManualDepartmentStopsTheClockAndSaysWhoMustDoWhatByWhen() throws {
        let folder = try RuntimeCLI.scratch()
        let db = folder.appendingPathComponent("c.sqlite").path
        let adapters = try RuntimeCLI.manualFire(in: folder)
        let run = try RuntimeCLI.run(db: db, ["--adapters", adapters, "--lang", "en"])
        #expect(run.status == 0, "\(run.standardError)")
        let text = run.standardOutput
        #expect(text.contains("decided by hand: Fire and Rescue Department"))
        #expect(text.contains("Outcome: open"))
        #expect(
            text.contains(
                "Waiting for people:\n  Fire and Rescue Department must decide on fire-check-normal by "))
        // The commands need no --adapters: the case keeps its own.
        #expect(text.contains("    onething case approve C20260925-0001 fire-check-normal --db \(db)\n"))
        #expect(
            text.contains("onething case reject C20260925-0001 fire-check-normal --reason TEXT --db \(db)"))
        // The clock stopped at the first wait: nothing was escalated, no deadline passed.
        #expect(!text.contains("escalated"))
        #expect(!text.contains("did not arrive in time"))
    }

    @Test func anAdaptersFileWithAMistakeIsReportedWhereItIs() throws {
        let folder = try RuntimeCLI.scratch()
        let adapters = try RuntimeCLI.write(
            "defaults:\n  reject: 0.01\n  supplment: 0.1\n  latency-days: {min: 1, mode: 2, max: 100000000000000000}\ndepartments:\n  fire-rescu: {adapter: manual}\n",
            to: "adapters.yaml", in: folder)
        let run = try RuntimeCLI.run(
            db: folder.appendingPathComponent("c.sqlite").path, ["--adapters", adapters, "--lang", "en"])
        #expect(run.status == 1)
        #expect(
            run.standardError.contains(
                "adapters.yaml:3:3: error[OT201]: unknown key 'supplment' in 'defaults'"))
        #expect(run.standardError.contains("did you mean 'supplement'?"))
        #expect(run.standardError.contains("adapters.yaml:4:"))
        #expect(run.standardError.contains("is too large: at most 2500 here"))
        #expect(run.standardError.contains("adapters.yaml:6:3: error[OT301]"))
        #expect(run.standardError.contains("did you mean 'fire-rescue'?"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func usageAndInputErrorsExitWith2() throws {
        let folder = try RuntimeCLI.scratch()
        let db = folder.appendingPathComponent("c.sqlite").path
        #expect(
            try RuntimeCLI.run(db: db, ["--adapters", folder.appendingPathComponent("none.yaml").path]).status
                == 2)
        #expect(
            try OneThingExecutable.run(
                ["run", RuntimeCLI.restaurant, "--db", db, "--answers", "x.yaml", "--case", "y"],
                in: RuntimeCLI.root
            ).status == 2)
        // After the calendar ends (2100); 2031 is covered provisionally, from the law.
        #expect(try RuntimeCLI.run(db: db, ["--start", "2101-01-05"]).status == 2)
        #expect(try RuntimeCLI.run(db: folder.path).status == 2)  // a folder is not a database
    }

    @Test func answersThatDoNotFitExitWith1() throws {
        let folder = try RuntimeCLI.scratch()
        let run = try OneThingExecutable.run(
            [
                "run", RuntimeCLI.restaurant, "--case", "没有这个用例", "--db",
                folder.appendingPathComponent("c.sqlite").path,
            ],
            in: RuntimeCLI.root)
        #expect(run.status == 1)
        #expect(run.standardError.contains("OT703"))
    }

    @Test func withoutAnswersTheBundlesFirstTestCaseRuns() throws {
        let folder = try RuntimeCLI.scratch()
        let db = folder.appendingPathComponent("first.sqlite").path
        let run = try OneThingExecutable.run(["run", RuntimeCLI.restaurant, "--db", db], in: RuntimeCLI.root)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("first test case"))
    }

    @Test func twentyRunsAtOnceOnOneDatabaseAllSucceedWithDistinctCases() async throws {
        let folder = try RuntimeCLI.scratch()
        let db = folder.appendingPathComponent("shared.sqlite").path
        let runs = try await withThrowingTaskGroup(of: OneThingExecutable.Run.self) { group in
            for seed in 1...20 {
                group.addTask { try RuntimeCLI.run(db: db, ["--seed", String(seed), "--lang", "en"]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for run in runs { #expect(run.status == 0, "\(run.standardError)") }
        let list = try OneThingExecutable.run(
            ["case", "list", "--db", db, "--format", "json"], in: RuntimeCLI.root)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [String: Any])
        let ids = try #require(object["cases"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count == 20)
        #expect(Set(ids).count == 20)
    }
}
