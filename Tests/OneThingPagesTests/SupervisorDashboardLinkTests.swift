import OneThingPages
import Testing

/// The supervisor's dashboard shows each department system connected over HTTP with its
/// circuit breaker, and no such section when none is connected.
struct SupervisorDashboardLinkTests {
    @Test func showsEachBreakerInBothLanguages() throws {
        var dashboard = try SupervisorDashboardTests.month()
        #expect(!SupervisorDashboardRenderer().render(dashboard).contains("department-systems"))
        dashboard.links = [
            .init(department: "market-regulation", breaker: .open, failuresInRow: 7, escalations: 2),
            .init(department: "tax", breaker: .closed, failuresInRow: 0, escalations: 0),
        ]
        let html = SupervisorDashboardRenderer().render(dashboard)
        #expect(html.contains("id=\"department-systems\""))
        #expect(html.contains("部门系统连接") && html.contains("Department systems"))
        #expect(html.contains("已熔断") && html.contains("open: system taken as down"))
        #expect(html.contains("market-regulation") && html.contains(">7<"))
    }
}
