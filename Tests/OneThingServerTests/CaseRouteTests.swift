import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThing
import OneThingRuntime
import OneThingServer
import Testing

/// The cases API: create, read, list, timeline, and what the applicant does.
struct CaseRouteTests {
    /// A case is told at intake where its day falls among the bundle's windows:
    /// school-enrolment's example has 2016's dates only, so a case of 2026-03-02 is told that
    /// the year's dates are as the local notice says.
    @Test func creatingACaseTellsWhereItsDayFallsAmongTheWindows() async throws {
        let fixture = try await ServerFixture.make()
        let enrolment = #"""
            {"bundle": "school-enrolment", "answers": {"school.level": "primary", "pupil.local_hukou": true,
             "family.housing": "owned", "family.hardship": false}}
            """#
        try await fixture.test { client in
            let response = try await client.json("/v1/cases", body: enrolment)
            #expect(response.status == .created, "\(response.text)")
            let plan = try #require(try response.object()["plan"] as? [String: Any])
            let windows = try #require(plan["windows"] as? [[String: Any]])
            #expect(windows.count == 1)
            #expect(windows.first?["state"] as? String == "not-published")
            #expect(windows.first?["notPublishedYear"] as? Int == 2026)
        }
    }

    @Test func creatingACaseAnswers201WithLocationPlanPromiseAndAccessCode() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let response = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            #expect(response.status == .created, "\(response.text)")
            let body = try response.object()
            let id = try #require(body["id"] as? String)
            #expect(id == "C20260302-0001")
            #expect(response.headers[.location] == "/v1/cases/\(id)")
            #expect((body["accessCode"] as? String)?.count == 11)
            #expect(body["promisedByDate"] as? String == "2026-03-17")
            let plan = try #require(body["plan"] as? [String: Any])
            #expect(plan["promisedBy"] as? String == "2026-03-17")
            let read = try await client.get("/v1/cases/\(id)")
            #expect(read.status == .ok)
            let document = try read.object()
            #expect(document["schema"] as? String == "onething-case/1")
            #expect(document["id"] as? String == id)
        }
    }

    @Test func anUnknownCaseIs404WithProblemDetails() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            for path in ["/v1/cases/C20990101-0001", "/v1/cases/C20990101-0001/timeline"] {
                let response = try await client.get(path)
                #expect(response.status == .notFound)
                #expect(try response.problemType() == ProblemKind.type("not-found"))
                #expect(try response.object()["caseId"] as? String == "C20990101-0001")
            }
        }
    }

    @Test func casesAreListedPageByPageWithACursorAndFiltered() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            var created: [String] = []
            for _ in 0..<5 {
                let response = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
                created.append(try #require(try response.object()["id"] as? String))
            }
            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let response = try await client.get(
                    "/v1/cases?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""))
                #expect(response.status == .ok, "\(response.text)")
                let page = try response.object()
                let rows = try #require(page["cases"] as? [[String: Any]])
                #expect(rows.count <= 2)
                seen += rows.compactMap { $0["id"] as? String }
                cursor = page["next"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            #expect(seen == created, "every case once, oldest first")
            #expect(pages == 3)
            // One withdrawn: it is the only closed case, and no longer open.
            let withdrawn = try await client.json("/v1/cases/\(created[1])/withdraw", body: "{}")
            #expect(withdrawn.status == .ok, "\(withdrawn.text)")
            let closed = try await client.get("/v1/cases?status=closed")
            #expect(
                try (closed.object()["cases"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [
                    created[1]
                ])
            let open = try await client.get("/v1/cases?status=open&limit=500")
            #expect(try (open.object()["cases"] as? [[String: Any]])?.count == 4)
            let registration = try await client.get("/v1/cases?department=market-regulation")
            #expect(registration.status == .ok)
            let overdue = try await client.get("/v1/cases?overdue=true")
            #expect(try (overdue.object()["cases"] as? [[String: Any]])?.isEmpty == true)
            for bad in ["status=done", "limit=0", "limit=501", "overdue=yes", "dueBy=tomorrow", "cursor="] {
                let response = try await client.get("/v1/cases?\(bad)")
                #expect(response.status == .badRequest, "\(bad): \(response.text)")
                #expect(try response.problemType() == ProblemKind.type("invalid-parameter"))
            }
        }
    }

    @Test func theTimelineTellsTheHistoryInTheRequestsLanguage() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let created = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            let id = try #require(try created.object()["id"] as? String)
            let zh = try await client.get("/v1/cases/\(id)/timeline?lang=zh")
            #expect(zh.status == .ok, "\(zh.text)")
            #expect(zh.text.contains("受理"), "\(zh.text)")
            let en = try await client.get("/v1/cases/\(id)/timeline?lang=en")
            #expect(en.text.contains("accepted"), "\(en.text)")
        }
    }

    @Test func aDeferredMaterialAndASupplementAreTakenAndWhatDoesNotFitIs409() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let created = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            let id = try #require(try created.object()["id"] as? String)
            let supplied = try await client.json(
                "/v1/cases/\(id)/supply", body: #"{"material": "food-safety-rules"}"#)
            #expect(supplied.status == .ok, "\(supplied.text)")
            #expect(try supplied.eventKinds().contains("materialSupplied"), "\(supplied.text)")
            let again = try await client.json(
                "/v1/cases/\(id)/supply", body: #"{"material": "food-safety-rules"}"#)
            #expect(again.status == .conflict)
            #expect(try again.problemType() == ProblemKind.type("material-not-awaited"))
            // No supplement was asked for yet.
            let early = try await client.json(
                "/v1/cases/\(id)/supplement", body: #"{"step": "business-registration"}"#)
            #expect(early.status == .conflict, "\(early.text)")
            #expect(try early.problemType() == ProblemKind.type("step-not-waiting"))
            try await fixture.server.engine.decide(
                .supplementRequested(note: "补正住所证明"), case: id, step: "business-registration")
            let answered = try await client.json(
                "/v1/cases/\(id)/supplement", body: #"{"step": "business-registration"}"#)
            #expect(answered.status == .ok, "\(answered.text)")
            #expect(try answered.eventKinds().contains("supplementSupplied"))
            let unknown = try await client.json("/v1/cases/\(id)/supplement", body: #"{"step": "nothing"}"#)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func aWithdrawnCaseIsCancelledAtItsDepartmentsAndThenRefusedWith409() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let created = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            let id = try #require(try created.object()["id"] as? String)
            let sent = fixture.manual.waiting
            #expect(!sent.isEmpty)
            let withdrawn = try await client.json(
                "/v1/cases/\(id)/withdraw", body: #"{"reason": "开业计划取消"}"#)
            #expect(withdrawn.status == .ok, "\(withdrawn.text)")
            let document = try withdrawn.object()
            #expect(document["outcome"] as? String == "withdrawn", "\(withdrawn.text)")
            let events = try #require(document["events"] as? [[String: Any]])
            #expect(
                events.contains {
                    $0["kind"] as? String == "withdrawn" && $0["reason"] as? String == "开业计划取消"
                })
            let steps = try #require(document["steps"] as? [[String: Any]])
            #expect(steps.allSatisfy { $0["status"] as? String == "cancelled" }, "\(steps)")
            // What the department had is taken back from it.
            await fixture.server.engine.waitForAdapters()
            #expect(fixture.manual.waiting.isEmpty)
            for (path, body) in [("withdraw", "{}"), ("supply", #"{"material": "food-safety-rules"}"#)] {
                let refused = try await client.json("/v1/cases/\(id)/\(path)", body: body)
                #expect(refused.status == .conflict, "\(path): \(refused.text)")
                #expect(try refused.problemType() == ProblemKind.type("case-closed"))
                #expect(try refused.object()["outcome"] as? String == "withdrawn")
            }
            let missing = try await client.json("/v1/cases/C20990101-0001/withdraw", body: "{}")
            #expect(missing.status == .notFound)
            let wrong = try await client.json(
                "/v1/cases/C20990101-0001/withdraw", body: #"{"reason": 5}"#)
            #expect(wrong.status == .unprocessableContent, "a body with findings is refused before anything")
        }
    }
}

/// A line of the checklist the applicant chooses from, through the API.
struct AlternativeMaterialRouteTests {
    /// A 随迁 family without a 居住证 living in borrowed housing: the 居住证 needs the proof of
    /// the address (居住证暂行条例 §9) and any one of two proofs of §2's conditions.
    static func enrolment(provided: [String]) -> String {
        """
        {"bundle": "school-enrolment", "answers": {"school.level": "primary", "pupil.local_hukou": false,
         "family.housing": "other", "parent.residence_permit": false, "parent.resided_half_year": true,
         "parent.social_insurance_met": true,
         "family.hardship": false}, "provided": [\(provided.map { "\"\($0)\"" }.joined(separator: ", "))]}
        """
    }

    @Test func thePlanNamesTheChoiceAndOneOfItsMaterialsProvidesTheLine() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let response = try await client.json(
                "/v1/cases",
                body: Self.enrolment(
                    provided: ["permit-photo", "residence-address-proof", "employment-proof", "application"]))
            #expect(response.status == .created, "\(response.text)")
            let body = try response.object()
            let plan = try #require(body["plan"] as? [String: Any])
            let materials = try #require(plan["materials"] as? [[String: Any]])
            let line = try #require(materials.first { $0["choice"] as? String == "any-of" })
            #expect(line["id"] as? String == "employment-proof|study-proof")
            #expect(line["alternatives"] as? [String] == ["employment-proof", "study-proof"])
            // Accepted: the line is core, and one of its materials was brought.
            #expect(body["promisedByDate"] as? String != nil)
        }
    }

    @Test func withoutAnyOfItsMaterialsTheCoreLineIsMissing() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let response = try await client.json(
                "/v1/cases",
                body: Self.enrolment(provided: ["permit-photo", "residence-address-proof", "application"]))
            #expect(response.status == .created, "\(response.text)")
            #expect(try response.object()["promisedByDate"] as? String == nil)
        }
    }
}
