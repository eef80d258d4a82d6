import Foundation
import Testing

/// `onething case`: listing, showing, and acting on one case in the database.
struct CaseCommandTests {
    static let id = "C20260925-0001"

    static func caseCommand(_ arguments: [String], db: String) throws -> OneThingExecutable.Run {
        try OneThingExecutable.run(["case"] + arguments + ["--db", db], in: RuntimeCLI.root)
    }

    /// A database with one case waiting on the fire department's officer.
    static func waitingOnFire() throws -> (db: String, adapters: String) {
        let folder = try RuntimeCLI.scratch()
        let db = folder.appendingPathComponent("c.sqlite").path
        let adapters = try RuntimeCLI.manualFire(in: folder)
        let run = try RuntimeCLI.run(db: db, ["--adapters", adapters])
        #expect(run.status == 0, "\(run.standardError)")
        return (db, adapters)
    }

    @Test func showPrintsTheWholeHistoryAsATimeline() throws {
        let db = try RuntimeCLI.scratch().appendingPathComponent("c.sqlite").path
        #expect(try RuntimeCLI.run(db: db).status == 0)
        let zh = try Self.caseCommand(["show", Self.id, "--lang", "zh"], db: db)
        #expect(zh.status == 0, "\(zh.standardError)")
        let text = zh.standardOutput
        #expect(text.hasPrefix("案件 C20260925-0001\n一件事：开办餐饮店一件事（open-restaurant 1.0.0）\n牵头部门：市场监督管理局\n"))
        #expect(text.contains("受理：第 0.00 工作日  2026-09-25 09:00；承诺 11个工作日内办结，即 2026-10-19 前"))
        #expect(text.contains("\n 1  第 0.00 工作日  2026-09-25 09:00  立案："))
        #expect(text.contains("\n    幂等键：C20260925-0001/business-registration/1\n"))
        #expect(text.contains("统一出件："))
        #expect(text.contains("营业执照"))
        let en = try Self.caseCommand(["show", Self.id, "--lang", "en"], db: db)
        #expect(
            en.standardOutput.contains(
                "sent business-registration to Administration for Market Regulation (attempt 1)"))
        #expect(en.standardOutput.contains("idempotency key: C20260925-0001/business-registration/1"))
        let json = try Self.caseCommand(["show", Self.id, "--format", "json"], db: db)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "onething-case/1")
        let numbered = text.split(separator: "\n").filter { Int($0.split(separator: " ").first ?? "") != nil }
        #expect((object["events"] as? [Any])?.count == numbered.count)
    }

    @Test func aCaseShowsTheSameWhereverTheCommandRuns() throws {
        let db = try RuntimeCLI.scratch().appendingPathComponent("c.sqlite").path
        #expect(try RuntimeCLI.run(db: db).status == 0)
        let elsewhere = try RuntimeCLI.scratch()
        let list = try OneThingExecutable.run(["case", "list", "--db", db, "--lang", "en"], in: elsewhere)
        #expect(list.status == 0, "\(list.standardError)")
        #expect(
            list.standardOutput.contains(
                "C20260925-0001  open-restaurant 1.0.0  accepted 2026-09-25  due 2026-10-19"))
        let show = try OneThingExecutable.run(
            ["case", "show", Self.id, "--db", db, "--lang", "zh"], in: elsewhere)
        #expect(show.status == 0, "\(show.standardError)")
        #expect(show.standardOutput.contains("牵头部门：市场监督管理局"))
        #expect(show.standardOutput.contains("  2026-09-25 09:00  立案：开办餐饮店一件事"))
    }

    @Test func listFiltersOpenClosedAndByDepartment() throws {
        let (db, _) = try Self.waitingOnFire()
        let open = try Self.caseCommand(["list", "--open", "--lang", "en"], db: db)
        #expect(open.status == 0, "\(open.standardError)")
        #expect(
            open.standardOutput.contains(
                "C20260925-0001  open-restaurant 1.0.0  accepted 2026-09-25  due 2026-10-19  open, waiting on "
            ))
        #expect(open.standardOutput.contains("Fire and Rescue Department"))
        #expect(
            try Self.caseCommand(["list", "--closed", "--lang", "en"], db: db).standardOutput == "No cases.\n"
        )
        let fire = try Self.caseCommand(["list", "--department", "fire-rescue", "--format", "json"], db: db)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(fire.standardOutput.utf8)) as? [String: Any])
        let cases = try #require(object["cases"] as? [[String: Any]])
        #expect(cases.map { $0["id"] as? String } == [Self.id])
        #expect(cases.first?["dueOn"] as? String == "2026-10-19")
        #expect(
            try Self.caseCommand(["list", "--due-by", "2026-10-18"], db: db).standardOutput == "No cases.\n")
        #expect(
            try Self.caseCommand(["list", "--due-by", "2026-10-19"], db: db).standardOutput.contains(Self.id))
        let typo = try Self.caseCommand(["list", "--department", "fire-rescu"], db: db)
        #expect(typo.status == 2)
        #expect(typo.standardError.contains("did you mean 'fire-rescue'?"))
    }

    @Test func anOfficersApprovalContinuesTheCaseToDelivery() throws {
        let (db, _) = try Self.waitingOnFire()
        let approve = try Self.caseCommand(["approve", Self.id, "fire-check-normal", "--lang", "en"], db: db)
        #expect(approve.status == 0, "\(approve.standardError)")
        #expect(approve.standardOutput.contains("Fire and Rescue Department approved fire-check-normal"))
        #expect(approve.standardOutput.contains("delivered (统一出件): completed"))
        #expect(approve.standardOutput.contains("\nOutcome: completed on "))
        #expect(try Self.caseCommand(["list", "--closed"], db: db).standardOutput.contains(Self.id))
        // Decided once: the case is delivered.
        let again = try Self.caseCommand(["approve", Self.id, "fire-check-normal", "--lang", "en"], db: db)
        #expect(again.status == 1)
        #expect(again.standardError.contains("is delivered already"))
    }

    @Test func approvingOneCaseChangesNoOtherCaseInTheDatabase() throws {
        let (db, adapters) = try Self.waitingOnFire()
        let second = try RuntimeCLI.run(db: db, ["--adapters", adapters])
        #expect(second.status == 0, "\(second.standardError)")
        let other = "C20260925-0002"
        let before = try Self.caseCommand(["show", other, "--lang", "en"], db: db)
        #expect(before.status == 0, "\(before.standardError)")
        #expect(before.standardOutput.contains("fire-check-normal"))

        let approve = try Self.caseCommand(["approve", Self.id, "fire-check-normal", "--lang", "en"], db: db)
        #expect(approve.status == 0, "\(approve.standardError)")
        #expect(!approve.standardOutput.contains(other), "the approval's output speaks of its own case only")
        let after = try Self.caseCommand(["show", other, "--lang", "en"], db: db)
        #expect(after.standardOutput == before.standardOutput, "the other case's history is unchanged")
        let open = try Self.caseCommand(["list", "--open"], db: db).standardOutput
        #expect(open.contains(other) && !open.contains(Self.id))
    }

    @Test func aDecisionRecordsWhoMadeIt() throws {
        let (db, _) = try Self.waitingOnFire()
        let named = try Self.caseCommand(
            [
                "request-supplement", Self.id, "fire-check-normal", "--reason", "补充消防设施平面图", "--by",
                "fire-zhao",
                "--lang", "en",
            ], db: db)
        #expect(named.status == 0, "\(named.standardError)")
        #expect(
            named.standardOutput.contains("fire-zhao of Fire and Rescue Department decides fire-check-normal")
        )
        #expect(try Self.caseCommand(["supplement", Self.id, "fire-check-normal"], db: db).status == 0)
        // Without --by: the operating system's account that ran the command.
        let unnamed = try Self.caseCommand(["approve", Self.id, "fire-check-normal", "--lang", "en"], db: db)
        #expect(unnamed.status == 0, "\(unnamed.standardError)")
        let account = ProcessInfo.processInfo.environment["USER"] ?? ""
        #expect(unnamed.standardOutput.contains("  os:"), "\(unnamed.standardOutput)")
        if !account.isEmpty {
            #expect(unnamed.standardOutput.contains("os:\(account) of Fire and Rescue Department decides"))
        }
        let refused = try Self.caseCommand(
            ["approve", Self.id, "fire-check-normal", "--by", "Not An Id"], db: db)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("--by takes a principal's id"))
    }

    @Test func anApprovalRecordsTheNumbersOfTheDocumentsItIssued() throws {
        let (db, _) = try Self.waitingOnFire()
        // A document the step does not issue: refused, nothing decided.
        let stray = try Self.caseCommand(
            ["approve", Self.id, "fire-check-normal", "--issued", "food-licence=JY1", "--lang", "en"], db: db)
        #expect(stray.status != 0)
        #expect(stray.standardError.contains("does not issue food-licence"), "\(stray.standardError)")
        let malformed = try Self.caseCommand(
            ["approve", Self.id, "fire-check-normal", "--issued", "fire-licence"], db: db)
        #expect(malformed.status == 2)
        #expect(malformed.standardError.contains("--issued takes OUTPUT=NUMBER"))
        let approved = try Self.caseCommand(
            [
                "approve", Self.id, "fire-check-normal", "--issued", "fire-licence=京消安检字〔2026〕第 0031 号",
                "--by", "fire-zhao", "--lang", "zh",
            ], db: db)
        #expect(approved.status == 0, "\(approved.standardError)")
        #expect(approved.standardOutput.contains("出具"), "\(approved.standardOutput)")
        let json = try Self.caseCommand(["show", Self.id, "--format", "json"], db: db)
        #expect(json.standardOutput.contains("京消安检字〔2026〕第 0031 号"))
        #expect(
            json.standardOutput.contains("\"kind\" : \"issued\"")
                || json.standardOutput.contains("\"kind\":\"issued\""))
    }

    @Test func anotherAdaptersFileForACaseIsRefusedWithWhatDiffers() throws {
        let (db, _) = try Self.waitingOnFire()
        let simulated = try RuntimeCLI.write(
            "defaults: {adapter: simulated}\n", to: "all.yaml", in: try RuntimeCLI.scratch())
        let approve = try Self.caseCommand(
            ["approve", Self.id, "fire-check-normal", "--adapters", simulated, "--lang", "en"], db: db)
        #expect(approve.status == 2)
        #expect(approve.standardError.contains("runs with other adapters than the options say"))
        #expect(
            approve.standardError.contains(
                "Fire and Rescue Department: simulated in the options, decided by hand in the case"))
        let seed = try Self.caseCommand(["approve", Self.id, "fire-check-normal", "--seed", "9"], db: db)
        #expect(seed.status == 2)
        #expect(seed.standardError.contains("seed: 9 in the options, 1 in the case"))
    }

    @Test func aSupplementRequestStopsTheClockUntilTheApplicantSupplies() throws {
        let (db, _) = try Self.waitingOnFire()
        let request = try Self.caseCommand(
            ["request-supplement", Self.id, "fire-check-normal", "--reason", "补充消防设施平面图", "--lang", "zh"],
            db: db)
        #expect(request.status == 0, "\(request.standardError)")
        #expect(request.standardOutput.contains("要求申请人补正"))
        #expect(request.standardOutput.contains("申请人须补正“公众聚集场所投入使用、营业前消防安全检查（一般程序）”"))
        #expect(request.standardOutput.contains("onething case supplement C20260925-0001 fire-check-normal"))
        let supplied = try Self.caseCommand(["supplement", Self.id, "fire-check-normal"], db: db)
        #expect(supplied.status == 0, "\(supplied.standardError)")
        let rejected = try Self.caseCommand(
            ["reject", Self.id, "fire-check-normal", "--reason", "疏散通道不达标"], db: db)
        #expect(rejected.status == 0, "\(rejected.standardError)")
        let show = try Self.caseCommand(["show", Self.id, "--lang", "zh"], db: db)
        #expect(show.standardOutput.contains("原因：补充消防设施平面图"))
        #expect(show.standardOutput.contains("原因：疏散通道不达标"))
        #expect(show.standardOutput.contains("结果：部分办结"))
    }

    @Test func aRefusalWithoutAReasonIsAUsageError() throws {
        let (db, _) = try Self.waitingOnFire()
        #expect(try Self.caseCommand(["reject", Self.id, "fire-check-normal"], db: db).status == 2)
        let blank = try Self.caseCommand(["reject", Self.id, "fire-check-normal", "--reason", "  "], db: db)
        #expect(blank.status == 2)
        #expect(blank.standardError.contains("--reason must say why"))
    }

    @Test func typedTextCannotForgeALineOfTheTimeline() throws {
        let (db, _) = try Self.waitingOnFire()
        let forged = "x\n 99  day 0.00  forged\u{1B}[2J"
        let request = try Self.caseCommand(
            ["request-supplement", Self.id, "fire-check-normal", "--reason", forged], db: db)
        #expect(request.status == 0, "\(request.standardError)")
        let show = try Self.caseCommand(["show", Self.id, "--lang", "en"], db: db)
        #expect(!show.standardOutput.contains("\u{1B}"))
        #expect(!show.standardOutput.contains("\n 99  day 0.00  forged"))
        #expect(show.standardOutput.contains("reason: x\\n 99  day 0.00  forged\\u{1B}[2J"))
    }

    @Test func aHeldApprovalIsIssuedWhenTheApplicantBringsTheDeferredMaterial() throws {
        let folder = try RuntimeCLI.scratch()
        let db = folder.appendingPathComponent("c.sqlite").path
        let adapters = try RuntimeCLI.write(
            """
            defaults: {latency: {min: 0.1, mode: 0.1, max: 0.1}, errors: 0, timeouts: 0, supplement: 0, reject: 0}
            deferred-arrival: manual
            """, to: "adapters.yaml", in: folder)
        let run = try RuntimeCLI.run(db: db, ["--adapters", adapters, "--lang", "en"])
        #expect(run.status == 0, "\(run.standardError)")
        // 5 working days from 中秋 09-25, a rest day, counted from Monday 09-28: 09-29,
        // 09-30, 10-08, 10-09 and Saturday 10-10, a make-up working day.
        #expect(run.standardOutput.contains("the applicant must bring food-safety-rules by 2026-10-10:"))
        #expect(run.standardOutput.contains("onething case supply C20260925-0001 food-safety-rules"))
        let wrong = try Self.caseCommand(["supply", Self.id, "food-safety-rule", "--lang", "en"], db: db)
        #expect(wrong.status == 1)
        #expect(wrong.standardError.contains("does not wait for the deferred material 'food-safety-rule'"))
        let supply = try Self.caseCommand(["supply", Self.id, "food-safety-rules", "--lang", "zh"], db: db)
        #expect(supply.status == 0, "\(supply.standardError)")
        #expect(supply.standardOutput.contains("申请人补交容缺材料 食品安全管理制度目录"))
        #expect(supply.standardOutput.contains("结果：全部办结"))
    }

    @Test func unknownCasesAndStepsAreUsageErrors() throws {
        let (db, _) = try Self.waitingOnFire()
        let unknownCase = try Self.caseCommand(["show", "C20260925-0009"], db: db)
        #expect(unknownCase.status == 2)
        #expect(unknownCase.standardError.contains("did you mean 'C20260925-0001'?"))
        let unknownStep = try Self.caseCommand(["approve", Self.id, "fire-check"], db: db)
        #expect(unknownStep.status == 2)
        #expect(unknownStep.standardError.contains("fire-check-normal"))
        let notWaiting = try Self.caseCommand(["approve", Self.id, "business-registration"], db: db)
        #expect(notWaiting.status == 1)
        let noDatabase = try Self.caseCommand(["list"], db: db + ".missing")
        #expect(noDatabase.status == 2)
    }

    @Test func aReadOnlyDatabaseListsAndShowsItsCases() throws {
        let (db, _) = try Self.waitingOnFire()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db) }
        let list = try Self.caseCommand(["list"], db: db)
        #expect(list.status == 0, "\(list.standardError)")
        #expect(list.standardOutput.contains(Self.id))
        #expect(try Self.caseCommand(["show", Self.id], db: db).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }
}
