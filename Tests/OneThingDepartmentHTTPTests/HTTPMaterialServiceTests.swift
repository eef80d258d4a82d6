import AsyncHTTPClient
import Foundation
import OneThingDepartmentHTTP
import OneThingRuntime
import Testing

@testable import OneThingFakeDepartment

/// The e-licence service over HTTP against the fake department system's `/licences`,
/// run in this process: signed as a pushed task is, retried on 503, and every failure an
/// unavailable outcome with its reason. A call may take 30 s, so that a machine busy
/// with the whole suite does not turn a slow answer into a retry.
@Suite struct HTTPMaterialServiceTests {
    static let request = MaterialRequest(
        caseID: "C20261203-0001", material: "id-card", name: "居民身份证", source: .eLicence,
        answers: ["applicant.id": "11010519491231002X"])

    func service(
        _ url: String, secret: DepartmentSecret = HTTPDepartmentAdapterTests.secret, retries: Int = 2,
        timeout: Int64 = 30_000
    )
        -> HTTPMaterialService
    {
        HTTPMaterialService(
            settings: HTTPDepartmentSettings(
                url: url.replacingOccurrences(of: "/tasks", with: "/licences"), timeout: timeout,
                retries: retries,
                backoff: RetryPolicy(base: 5, cap: 20, jitter: 0.5)),
            secret: secret, client: .shared)
    }

    @Test func aSignedRequestIsAnsweredWithTheLicenceNumber() async throws {
        let (outcome, tally) = try await HTTPDepartmentAdapterTests().withFake(.init()) { fake, url in
            (await service(url).fetch(Self.request), fake.tally)
        }
        guard case .fetched(let reference) = outcome else {
            Issue.record("not fetched: \(outcome)")
            return
        }
        #expect(reference.hasPrefix("FAKE-") && reference.count == 21)
        #expect(tally.licenceRequests == 1 && tally.forgedLicenceRequests == 0)
    }

    @Test func aWrongSecretIsRefusedAndNotTriedAgain() async throws {
        let wrong = DepartmentSecret(bytes: Array("guess".utf8), source: "a test")
        let (outcome, tally) = try await HTTPDepartmentAdapterTests().withFake(.init()) { fake, url in
            (await service(url, secret: wrong).fetch(Self.request), fake.tally)
        }
        #expect(outcome == .unavailable(reason: "HTTP 401"))
        #expect(tally.forgedLicenceRequests == 1 && tally.licenceRequests == 1)
    }

    @Test func aServiceThatIsDownIsTriedAgainThenUnavailableWithTheReason() async throws {
        var faults = FakeDepartment.Faults()
        faults.errors = 1
        let (outcome, tally) = try await HTTPDepartmentAdapterTests().withFake(faults) { fake, url in
            (await service(url, retries: 2).fetch(Self.request), fake.tally)
        }
        #expect(outcome == .unavailable(reason: "HTTP 503 (after 3 tries)"))
        #expect(tally.licenceRequests == 3)
    }

    @Test func noRecordIsUnavailableAtOnce() async throws {
        var faults = FakeDepartment.Faults()
        faults.noRecord = 1
        let (outcome, tally) = try await HTTPDepartmentAdapterTests().withFake(faults) { fake, url in
            (await service(url).fetch(Self.request), fake.tally)
        }
        #expect(outcome == .unavailable(reason: "the service has no record (HTTP 404)"))
        #expect(tally.licenceRequests == 1)
    }

    @Test func aServiceNobodyRunsIsUnavailable() async {
        let outcome = await service("http://127.0.0.1:9/tasks", retries: 0, timeout: 1_000).fetch(
            Self.request)
        guard case .unavailable(let reason) = outcome else {
            Issue.record("fetched from nowhere")
            return
        }
        #expect(reason.contains("cannot reach the service") && reason.hasSuffix("(after 1 try)"))
    }
}

extension HTTPMaterialServiceTests {
    @Test func anOpenBreakerMakesAFetchUnavailableAtOnceWithoutACall() async throws {
        var faults = FakeDepartment.Faults()
        faults.errors = 1
        let (outcome, tally) = try await HTTPDepartmentAdapterTests().withFake(faults) { fake, url in
            let service = HTTPMaterialService(
                settings: HTTPDepartmentSettings(
                    url: url.replacingOccurrences(of: "/tasks", with: "/licences"), timeout: 30_000,
                    retries: 1,
                    backoff: RetryPolicy(base: 5, cap: 20, jitter: 0.5), breakerFailures: 2,
                    breakerCoolDown: 60_000),
                secret: HTTPDepartmentAdapterTests.secret, client: .shared)
            // Two tries, both 503: the breaker opens.
            _ = await service.fetch(Self.request)
            #expect(service.breaker.name == "open")
            return (await service.fetch(Self.request), fake.tally)
        }
        #expect(outcome == .unavailable(reason: "the circuit breaker of e-licence is open"))
        #expect(tally.licenceRequests == 2, "an open breaker sends nothing")
    }
}
