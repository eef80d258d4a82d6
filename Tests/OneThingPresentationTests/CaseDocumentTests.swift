import Foundation
import OneThing
import OneThingPresentation
import OneThingRuntime
import OneThingTestSupport
import Testing

/// `onething case show --format json` is a contract: `grammar/case.schema.json`
/// describes it, and a case with every kind of event passes the schema.
struct CaseDocumentTests {
    /// Two restaurant cases that between them go through every kind of event: the first
    /// with a retry, a supplement, a stale report, a held approval, a rejection, a late
    /// deferred material and timers; the second with a joint inspection not passed. The
    /// identity card is fetched in the first and cannot be in the second.
    static func eventful(inspectionPasses: Bool = true) throws -> ([CaseEvent], CaseBlueprint) {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()], seed: 3)
        let at = RuntimeFixtures.at
        // The applicant's identity card: fetched from the e-licence in the first case; in
        // the second the service cannot provide it and the applicant brings it.
        try runtime.start(
            "C20261203-0001", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint),
            at: at("2026-12-03 09:00"),
            fetches: [
                "id-card": inspectionPasses
                    ? .fetched(reference: "11010519491231002X") : .unavailable(reason: "电子证照库暂不可用")
            ])
        if !inspectionPasses { runtime.supply("id-card", to: "C20261203-0001", at: at("2026-12-03 09:00")) }
        func key(_ id: String) throws -> String {
            let step = try #require(blueprint.stepIndex(id))
            return try #require(runtime.cases["C20261203-0001"]?.steps[step].key)
        }
        runtime.submissionFailed(
            try key("business-registration"), reason: "503 from the system", at: at("2026-12-03 09:00"))
        runtime.advance(to: at("2026-12-03 10:00"))
        runtime.report(.inReview, for: try key("business-registration"), at: at("2026-12-03 10:00"))
        runtime.report(
            .supplementRequested(note: "补正住所证明\n第二行"), for: try key("business-registration"),
            at: at("2026-12-03 11:00"))
        runtime.supplementSupplied("C20261203-0001", step: 0, at: at("2026-12-04 10:00"))
        runtime.report(.approved, for: "C20261203-0001/business-registration/7", at: at("2026-12-04 11:00"))
        runtime.report(.approved, for: try key("business-registration"), at: at("2026-12-04 12:00"))
        guard inspectionPasses else {
            runtime.report(
                .rejected(reason: "厨房布局不符合要求"), for: try key("food-fire-joint-inspection"),
                at: at("2026-12-04 13:00"))
            return (runtime.takeOutbox(), blueprint)
        }
        runtime.report(.approved, for: try key("food-fire-joint-inspection"), at: at("2026-12-04 13:00"))
        let permit = try #require(blueprint.stepIndex("food-permit"))
        runtime.record(decisionOf: permit, in: "C20261203-0001", by: "amr-wang", at: at("2026-12-04 14:00"))
        runtime.record(
            ["food-licence": "JY11101050001234"], issuedBy: permit, in: "C20261203-0001",
            at: at("2026-12-04 14:00"))
        runtime.report(.approved, for: try key("food-permit"), at: at("2026-12-04 14:00"))
        runtime.report(
            .rejected(reason: "疏散通道不达标"), for: try key("tobacco-retail-permit"), at: at("2026-12-04 15:00"))
        runtime.advance(to: at("2026-12-31 00:00"))
        runtime.supply("food-safety-rules", to: "C20261203-0001", at: at("2026-12-31 09:00"))
        for step in blueprint.steps where runtime.cases["C20261203-0001"]?.isClosed == false {
            runtime.report(.approved, for: try key(step.id), at: at("2026-12-31 10:00"))
        }
        return (runtime.takeOutbox(), blueprint)
    }

    /// A restaurant case the applicant withdraws once its registration is approved.
    static func withdrawn() throws -> [CaseEvent] {
        let blueprint = try RuntimeFixtures.restaurantBlueprint()
        var runtime = CaseRuntime(calendars: ["CN": try RuntimeFixtures.calendar()], seed: 3)
        let at = RuntimeFixtures.at
        try runtime.start(
            "C20261203-0002", blueprint: blueprint, start: RuntimeFixtures.start(for: blueprint),
            at: at("2026-12-03 09:00"))
        let step = try #require(blueprint.stepIndex("business-registration"))
        let key = try #require(runtime.cases["C20261203-0002"]?.steps[step].key)
        runtime.report(.approved, for: key, at: at("2026-12-03 10:00"))
        let taken = runtime.withdraw("C20261203-0002", reason: "开业计划取消", at: at("2026-12-04 10:00"))
        #expect(taken)
        return runtime.takeOutbox()
    }

    @Test func casesWithEveryKindOfEventPassTheSchema() throws {
        let (events, blueprint) = try Self.eventful()
        let (other, _) = try Self.eventful(inspectionPasses: false)
        let withdrawn = try Self.withdrawn()
        #expect(withdrawn.last?.kind == .delivered(outputs: blueprint.steps[0].outputs, outcome: .withdrawn))
        // A disability case whose assessed grade rules the allowances out: a result, and
        // steps not needed.
        var (assessed, disability) = try AssessedCase.run("three", id: "C20260302-0001")
        let ruledOut = assessed.takeOutbox()
        let kinds = Set((events + other + withdrawn + ruledOut).map(\.kind.name))
        // Every kind but a due date moved by a calendar change, which the calendar's tests make.
        #expect(
            kinds.isSuperset(of: Set(CaseEvent.Kind.Name.allCases).subtracting([.dueChanged])), "\(kinds)")
        for list in [events, other, withdrawn] {
            try Self.check(try CaseDocument(events: list, blueprint: blueprint).json())
        }
        let document = try CaseDocument(events: ruledOut, blueprint: disability).json()
        try Self.check(document)
        #expect(document.contains("\"results\" : {\n    \"assessment-result\" : \"three\"\n  }"))
        #expect(document.contains(#""notNeeded" : 2"#))
    }

    /// Checks `text` against the schema with Python's `jsonschema`.
    static func check(_ text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "case-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", RuntimeFixtures.root.appendingPathComponent("grammar/check-schema.py").path,
            RuntimeFixtures.root.appendingPathComponent("grammar/case.schema.json").path, file.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(said)")
    }

    @Test func theDocumentNamesStepsByIdAndKeepsTextAsTyped() throws {
        let (events, blueprint) = try Self.eventful()
        let text = try CaseDocument(events: events, blueprint: blueprint).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "onething-case/1")
        #expect(object["promisedByDate"] as? String == "2026-12-18")
        let list = try #require(object["events"] as? [[String: Any]])
        let supplement = try #require(list.first { $0["kind"] as? String == "supplementRequested" })
        #expect(supplement["step"] as? String == "business-registration")
        #expect(supplement["note"] as? String == "补正住所证明\n第二行")  // JSON escapes it; the text is kept
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(
            steps.first { $0["id"] as? String == "food-fire-joint-inspection" }?["kind"] as? String
                == "inspection")
    }
}
