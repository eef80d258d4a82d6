import Foundation
import HummingbirdTesting
import OneThing
import OneThingRuntime
import OneThingServer
import Testing

/// The cases API: create, read, list, timeline, and what the applicant does.
struct CaseRouteTests {
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
}
