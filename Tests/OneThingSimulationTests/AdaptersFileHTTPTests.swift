import Foundation
import OneThing
import OneThingRuntime
import OneThingSimulation
import Testing

/// The adapters file's `http` kind: its settings, and each mistake a finding at its place.
struct AdaptersFileHTTPTests {
    static let market = """
        departments:
          market-regulation:
            adapter: http
            url: https://approvals.example.gov.cn/tasks
            secret-env: MARKET_SECRET
            timeout: 2.5
            retries: 4
            backoff: {base: 0.25, cap: 8}
            breaker: {failures: 3, cool-down: 12}
            in-flight: 8
        """

    @Test func anHTTPDepartmentGivesItsSettings() throws {
        let loaded = try AdaptersFileTests.load(Self.market)
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.settings.kind(of: "market-regulation") == .http)
        let http = try #require(loaded.settings.http["market-regulation"])
        #expect(http.url == "https://approvals.example.gov.cn/tasks")
        #expect(http.secret == .environment("MARKET_SECRET"))
        #expect(http.timeout == 2_500 && http.retries == 4)
        #expect(http.backoff.base == 250 && http.backoff.cap == 8_000)
        #expect(http.breakerFailures == 3 && http.breakerCoolDown == 12_000)
        #expect(http.inFlight == 8)
        #expect(loaded.settings.httpDepartments == ["market-regulation"])
    }

    @Test func theDefaultsApplyToWhatAnHTTPDepartmentDoesNotSay() throws {
        let loaded = try AdaptersFileTests.load(
            "departments:\n  tobacco: {adapter: http, url: 'http://127.0.0.1:8090/tasks', secret-file: /run/tobacco}\n"
        )
        #expect(loaded.diagnostics.isEmpty)
        let http = try #require(loaded.settings.http["tobacco"])
        #expect(http.secret == .file("/run/tobacco"))
        #expect(
            http == HTTPDepartmentSettings(url: "http://127.0.0.1:8090/tasks", secret: .file("/run/tobacco")))
        #expect(http.inFlight == HTTPDepartmentSettings.defaultInFlight)
    }

    @Test func aBoundOnPushesInFlightIsAWholeNumberFromOneFoundAtItsPlace() throws {
        for value in ["0", "2.5", "5000", "many"] {
            let loaded = try AdaptersFileTests.load(
                Self.market.replacingOccurrences(of: "in-flight: 8", with: "in-flight: \(value)"))
            let finding = try #require(loaded.diagnostics.first, "in-flight: \(value)")
            #expect(finding.span.start == SourceLocation(line: 10, column: 16), "in-flight: \(value)")
            #expect(finding.severity == .error && finding.hint != nil && !finding.message.zh.isEmpty)
            #expect(loaded.settings.http["market-regulation"]?.inFlight != Int(value))
        }
    }

    @Test func aMisspeltKeyIsFoundAtItsLineWithTheKnownOne() throws {
        let loaded = try AdaptersFileTests.load(
            Self.market.replacingOccurrences(
                of: "secret-env: MARKET_SECRET", with: "secert-env: MARKET_SECRET"))
        let unknown = try #require(loaded.diagnostics.first { $0.code == .unknownKey })
        #expect(unknown.span.start == SourceLocation(line: 5, column: 5))
        #expect(unknown.hint?.en == "did you mean 'secret-env'?")
        #expect(unknown.message.zh.contains("secert-env"))
        // Without a secret's source, the department is incomplete.
        #expect(
            loaded.diagnostics.contains { $0.code == .missingKey && $0.message.en.contains("secret-env") })
        #expect(loaded.hasErrors)
    }

    @Test func eachMistakeOfAnHTTPEntryIsAFinding() throws {
        let cases: [(String, DiagnosticCode, Int)] = [
            ("departments:\n  tobacco: {adapter: http, secret-env: X}\n", .missingKey, 2),
            ("departments:\n  tobacco: {adapter: http, url: ftp://x/tasks, secret-env: X}\n", .badValue, 2),
            (
                "departments:\n  tobacco:\n    adapter: http\n    url: http://x/tasks\n    secret-env: X\n    secret-file: /x\n",
                .badValue, 6
            ),
            ("departments:\n  tobacco: {adapter: manual, url: http://x/tasks}\n", .badValue, 2),
            ("defaults:\n  adapter: http\n", .badValue, 2),
            (
                "departments:\n  tobacco:\n    adapter: http\n    url: http://x/tasks\n    secret-env: X\n    retries: -1\n",
                .badValue, 6
            ),
            (
                "departments:\n  tobacco:\n    adapter: http\n    url: http://x/tasks\n    secret-env: X\n    breaker: {failures: 3, cooldown: 5}\n",
                .unknownKey, 6
            ),
        ]
        for (text, code, line) in cases {
            let loaded = try AdaptersFileTests.load(text)
            let finding = try #require(loaded.diagnostics.first, "\(text)")
            #expect(finding.code == code, "\(text)")
            #expect(finding.span.start.line == line, "\(text)")
            #expect(finding.hint != nil, "\(text)")
        }
    }
}
