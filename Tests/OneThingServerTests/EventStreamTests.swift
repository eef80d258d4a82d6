import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThingRuntime
import OneThingServer
import Testing

/// `GET /v1/cases/{id}/events`: Server-Sent Events, each with the event's sequence as
/// its id, resumable with `Last-Event-ID`, ending when the case is delivered.
struct EventStreamTests {
    @Test func aStreamSendsStoredThenLiveEventsUntilTheCaseIsDelivered() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let created = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            let id = try #require(try created.object()["id"] as? String)
            let stored = try await fixture.store.events(of: id).count
            // A watcher connected before the case ends gets the rest live.
            async let watched = client.get("/v1/cases/\(id)/events")
            try await Task.sleep(for: .milliseconds(200))
            let withdrawn = try await client.json("/v1/cases/\(id)/withdraw", body: "{}")
            #expect(withdrawn.status == .ok)
            let stream = try await watched
            #expect(stream.status == .ok)
            #expect(stream.headers[.contentType] == "text/event-stream")
            let messages = stream.serverSentEvents
            let all = try await fixture.store.events(of: id)
            #expect(messages.compactMap { $0["id"].flatMap(Int.init) } == Array(1...all.count))
            #expect(all.count > stored)
            #expect(messages.last?["event"] == "delivered")
            #expect(messages.contains { $0["event"] == "withdrawn" })
            let data = try #require(messages.first?["data"])
            let first = try #require(
                try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
            #expect(first["caseId"] as? String == id)
            #expect(first["kind"] as? String == "started")
        }
    }

    @Test func aStreamResumesAfterLastEventIDAndADeliveredCaseWithNothingNewerIs204() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let created = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            let id = try #require(try created.object()["id"] as? String)
            _ = try await client.json("/v1/cases/\(id)/withdraw", body: "{}")
            let count = try await fixture.store.events(of: id).count
            let resumed = try await client.get(
                "/v1/cases/\(id)/events", headers: [HTTPField.Name("Last-Event-ID")!: "2"])
            #expect(resumed.serverSentEvents.compactMap { $0["id"].flatMap(Int.init) } == Array(3...count))
            let byQuery = try await client.get("/v1/cases/\(id)/events?lastEventId=\(count - 1)")
            #expect(byQuery.serverSentEvents.map { $0["id"] } == ["\(count)"])
            let done = try await client.get(
                "/v1/cases/\(id)/events", headers: [HTTPField.Name("Last-Event-ID")!: "\(count)"])
            #expect(done.status == .noContent)
            let bad = try await client.get(
                "/v1/cases/\(id)/events", headers: [HTTPField.Name("Last-Event-ID")!: "two"])
            #expect(bad.status == .badRequest)
            let missing = try await client.get("/v1/cases/C20990101-0001/events")
            #expect(missing.status == .notFound)
        }
    }
}
