import AsyncHTTPClient
import Foundation
import Hummingbird
import OneThingDepartmentHTTP
import OneThingRuntime
import Testing

@testable import OneThingFakeDepartment

/// The HTTP adapter against the fake department system, run in this process on a free port.
@Suite struct HTTPDepartmentAdapterTests {
    static let secret = DepartmentSecret(bytes: Array("market-secret".utf8), source: "a test")

    /// Runs `body` with a fake department with `faults` listening, and its tasks URL.
    func withFake<Value: Sendable>(
        _ faults: FakeDepartment.Faults, _ body: @Sendable (FakeDepartment, String) async throws -> Value
    ) async throws -> Value {
        let fake = FakeDepartment(secret: Self.secret, faults: faults, seed: 7, client: .shared)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let application = Application(
            router: fake.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await application.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let value = try await body(fake, "http://127.0.0.1:\(port)/tasks")
            group.cancelAll()
            return value
        }
    }

    /// A case of one step, the market department's licence.
    static let blueprint = CaseBlueprint(
        bundle: "test", version: "1", title: "Test", lead: "market-regulation",
        supervisor: "government-services", stopAllOnRejection: false,
        steps: [
            .init(
                id: "licence", name: "Licence", department: "market-regulation",
                limit: TimeLimit(5, .workdays), predecessors: [], successors: [])
        ], deferredDeadlines: [:], core: ["licence"], promise: TimeLimit(5, .workdays))

    static func submission(_ n: Int = 1) -> Submission {
        Submission(
            caseID: "C20260302-000\(n)", step: 0, of: blueprint, attempt: 1, due: Timestamp(milliseconds: 0))
    }

    /// An adapter for `url`. Its default timeout is long, so that a test about something
    /// else never sees a push time out on a loaded machine and be sent twice.
    func adapter(
        _ url: String, retries: Int = 2, timeout: Int64 = 30_000, failures: Int = 5, coolDown: Int64 = 200,
        inFlight: Int = HTTPDepartmentSettings.defaultInFlight, client: HTTPClient = .shared
    )
        -> HTTPDepartmentAdapter
    {
        HTTPDepartmentAdapter(
            department: "market-regulation",
            settings: HTTPDepartmentSettings(
                url: url, timeout: timeout, retries: retries,
                backoff: RetryPolicy(base: 5, cap: 20, jitter: 0.5),
                breakerFailures: failures, breakerCoolDown: coolDown, inFlight: inFlight),
            secret: Self.secret, client: client)
    }

    @Test func aTakenPushIsSignedAndCountsOnce() async throws {
        try await withFake(FakeDepartment.Faults()) { fake, url in
            let adapter = adapter(url)
            try await adapter.submit(Self.submission())
            #expect(fake.tally.pushes == 1 && fake.tally.taken == 1 && fake.tally.forgedPushes == 0)
            #expect(adapter.breaker.state == .closed)
        }
    }

    @Test func aWithdrawalIsKeyedApartFromItsTaskSoNoSystemTakesItForARepeat() async throws {
        try await withFake(FakeDepartment.Faults()) { fake, url in
            let adapter = adapter(url)
            try await adapter.submit(Self.submission())
            try await adapter.cancel(Self.submission())
            // The fake refuses (400) a push whose Idempotency-Key header is not its own.
            #expect(fake.tally.mismatchedKeys == 0 && fake.tally.pushes == 2)
            #expect(fake.tally.taken == 1 && fake.tally.repeatedKeys == 0 && fake.tally.withdrawals == 1)
        }
        let task = PushedTask(Self.submission(), action: "withdraw", callback: nil)
        #expect(task.requestKey == "C20260302-0001/licence/1/withdraw")
        #expect(PushedTask(Self.submission(), action: "submit", callback: nil).requestKey == task.key)
    }

    @Test func aPushWithTheWrongSecretIsRefusedByTheDepartment() async throws {
        try await withFake(FakeDepartment.Faults()) { fake, url in
            let wrong = HTTPDepartmentAdapter(
                department: "market-regulation", settings: HTTPDepartmentSettings(url: url, retries: 0),
                secret: DepartmentSecret(bytes: Array("wrong".utf8), source: "a test"), client: .shared)
            await #expect(throws: AdapterError.self) { try await wrong.submit(Self.submission()) }
            #expect(fake.tally.forgedPushes == 1 && fake.tally.taken == 0)
        }
    }

    @Test func timeoutsAreRetriedUnderTheSameKeyWithOneEffect() async throws {
        var faults = FakeDepartment.Faults()
        faults.timeouts = 1
        faults.hang = 400
        try await withFake(faults) { fake, url in
            let adapter = adapter(url, retries: 2, timeout: 100)
            await #expect(throws: AdapterError.self) { try await adapter.submit(Self.submission()) }
            // Three pushes, one key: the department took it once and saw the key twice again.
            #expect(fake.tally.pushes == 3)
            #expect(fake.tally.taken == 1 && fake.tally.repeatedKeys == 2 && fake.tally.duplicateEffects == 0)
        }
    }

    @Test func afterTheLastTryTheFailureEscalatesWithItsReason() async throws {
        var faults = FakeDepartment.Faults()
        faults.errors = 1
        try await withFake(faults) { fake, url in
            let adapter = adapter(url, retries: 3)
            do throws(AdapterError) {
                try await adapter.submit(Self.submission())
                Issue.record("a push answered 503 every time succeeded")
            } catch {
                #expect(
                    error.reason.hasPrefix(
                        "escalated: market-regulation did not take C20260302-0001/licence/1"))
                #expect(error.reason.contains("after 4 tries: HTTP 503"))
                #expect(!error.reason.contains("market-secret"))
            }
            #expect(fake.tally.pushes == 4 && fake.tally.taken == 0)
            #expect(adapter.escalations == 1)
        }
    }

    @Test func anOpenBreakerHoldsAPushBackWithoutSpendingItsTries() async throws {
        var faults = FakeDepartment.Faults()
        faults.errors = 1
        try await withFake(faults) { fake, url in
            // A cool-down long enough that a loaded machine still sees the push held.
            let adapter = adapter(url, retries: 0, failures: 2, coolDown: 2_000)
            for n in 1...2 {
                await #expect(throws: AdapterError.self) { try await adapter.submit(Self.submission(n)) }
            }
            #expect(adapter.breaker.name == "open")
            // The third push has one try and the breaker is open: it waits, and does not
            // fail at once as if the department had refused it.
            let third = Task { try await adapter.submit(Self.submission(3)) }
            for _ in 0..<100 where adapter.held == 0 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(adapter.held == 1, "the push is counted as held on the platform")
            #expect(fake.tally.pushes == 2, "an open breaker sends nothing")
            #expect(adapter.escalations == 2)
            fake.faults = FakeDepartment.Faults()
            // After the cool-down it goes as the trial, is taken, and the breaker closes.
            try await third.value
            #expect(adapter.breaker.state == .closed)
            #expect(fake.tally.pushes == 3 && fake.tally.taken == 1)
            #expect(adapter.escalations == 2, "only the pushes whose tries ran out escalated")
            #expect(adapter.held == 0)
        }
    }

    @Test func pushesWaitingForATrialGoOnceItSucceeds() async throws {
        var faults = FakeDepartment.Faults()
        faults.errors = 1
        try await withFake(faults) { fake, url in
            let adapter = adapter(url, retries: 0, failures: 1, coolDown: 200)
            await #expect(throws: AdapterError.self) { try await adapter.submit(Self.submission(1)) }
            fake.faults = FakeDepartment.Faults()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 2...9 {
                    group.addTask { try await adapter.submit(Self.submission(n)) }
                }
                try await group.waitForAll()
            }
            #expect(fake.tally.taken == 8 && fake.tally.pushes == 9)
            #expect(adapter.breaker.state == .closed && adapter.escalations == 1)
        }
    }

    @Test func aBurstWaitsOnThePlatformWithinTheBoundAndNoWaitCountsAgainstTheTimeout() async throws {
        var faults = FakeDepartment.Faults()
        faults.slow = 1
        faults.slowDelay = 100
        // A client with room for every push: the bound under test is the adapter's own.
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await burst(faults, client: client)
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    func burst(_ faults: FakeDepartment.Faults, client: HTTPClient) async throws {
        try await withFake(faults) { fake, url in
            // 48 pushes of 100 ms, 2 at a time: the last waits about 2.4 s, longer than its
            // timeout of 1.5 s, which leaves a push itself room on a loaded machine (with
            // 800 ms, one push of a run sharing 2 cores with two builds timed out).
            let adapter = adapter(url, retries: 0, timeout: 1500, inFlight: 2, client: client)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 1...48 {
                    group.addTask { try await adapter.submit(Self.submission(n)) }
                }
                try await group.waitForAll()
            }
            #expect(fake.tally.peakInFlight <= 2 && adapter.bulkhead.peak == 2)
            #expect(fake.tally.pushes == 48 && fake.tally.taken == 48 && fake.tally.repeatedKeys == 0)
            #expect(adapter.escalations == 0 && adapter.bulkhead.inFlight == 0)
        }
    }
}
