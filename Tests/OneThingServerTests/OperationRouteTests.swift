import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThing
import OneThingServer
import Testing

/// What operators use: liveness, readiness, metrics, reloading bundles, and 督办 figures.
struct OperationRouteTests {
    @Test func healthReadinessAndMetricsAnswer() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            #expect(try await client.get("/healthz").object()["status"] as? String == "ok")
            let ready = try await client.get("/readyz")
            #expect(ready.status == .ok)
            #expect(try ready.object()["status"] as? String == "ready")
            _ = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            _ = try await client.get("/v1/cases/C20990101-0001")
            let metrics = try await client.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            for name in [
                "onething_http_requests_total", "onething_cases", "onething_events_appended_total",
                "onething_store_append_duration_seconds",
            ] {
                #expect(metrics.text.contains(name), "\(name) missing from \(metrics.text.prefix(2000))")
            }
            #expect(metrics.text.contains(#"status="404""#))
        }
    }

    @Test func reloadingValidatesTheBundlesAndSaysWhatIsServed() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let response = try await client.execute(uri: "/v1/admin/reload", method: .post)
            #expect(response.status == .ok, "\(response.text)")
            let served = try #require(try response.object()["served"] as? [String])
            #expect(served.contains("open-restaurant"))
        }
    }

    @Test func supervisionFiguresCountTheOpenCasesByDepartment() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            _ = try await client.json("/v1/cases", body: ServerFixture.restaurantCase)
            let response = try await client.get(
                "/v1/supervision?from=2026-03-01&through=2026-03-31&dueSoon=3")
            #expect(response.status == .ok, "\(response.text)")
            let figures = try response.object()
            #expect(figures["schema"] as? String == "onething-supervision/1")
            #expect(figures["dueSoonWorkdays"] as? Int == 3)
            #expect(
                (figures["departments"] as? [[String: Any]])?.isEmpty == false, "\(response.text.prefix(500))"
            )
            for bad in ["from=2026-04-01&through=2026-03-01", "dueSoon=31", "from=March"] {
                let refused = try await client.get("/v1/supervision?\(bad)")
                #expect(refused.status == .badRequest, "\(bad)")
                #expect(try refused.problemType() == ProblemKind.type("invalid-parameter"))
            }
        }
    }
}
