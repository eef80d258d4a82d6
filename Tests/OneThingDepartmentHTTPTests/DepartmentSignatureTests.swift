import OneThingDepartmentHTTP
import OneThingRuntime
import Testing

@Suite struct DepartmentSignatureTests {
    static let secret = DepartmentSecret(bytes: Array("s3cret-of-the-department".utf8), source: "a test")
    static let body = Array(
        #"{"callback-id":"cb-1","key":"C20260302-0001/food-permit/1","outcome":"approved"}"#.utf8)

    @Test func theSignatureIsTheHexHMACOfTimestampDotBody() {
        // The vector the README gives, computed independently (Python's hmac module).
        let header = DepartmentSignature.sign(Self.body, timestamp: 1_772_413_200, secret: Self.secret)
        #expect(header == "v1=3c6417787add42c869c229aef30e82d8ad0144a2ec60ffe4cd16fcda14d8b17a")
        #expect(
            DepartmentSignature.isValid(
                header, body: Self.body, timestamp: 1_772_413_200, secret: Self.secret))
    }

    @Test func aChangedByteTimestampOrSecretBreaksIt() {
        let header = DepartmentSignature.sign(Self.body, timestamp: 1_772_413_200, secret: Self.secret)
        var tampered = Self.body
        tampered[tampered.count - 3] = UInt8(ascii: "X")
        #expect(
            !DepartmentSignature.isValid(
                header, body: tampered, timestamp: 1_772_413_200, secret: Self.secret))
        #expect(
            !DepartmentSignature.isValid(
                header, body: Self.body, timestamp: 1_772_413_201, secret: Self.secret))
        let other = DepartmentSecret(bytes: Array("another".utf8), source: "a test")
        #expect(
            !DepartmentSignature.isValid(header, body: Self.body, timestamp: 1_772_413_200, secret: other))
        #expect(
            !DepartmentSignature.isValid(
                "v1=zz", body: Self.body, timestamp: 1_772_413_200, secret: Self.secret))
        #expect(
            !DepartmentSignature.isValid(
                String(header.dropFirst(3)), body: Self.body, timestamp: 1_772_413_200, secret: Self.secret))
    }

    @Test func aSecretComesFromTheEnvironmentOrAFileAndIsNeverShown() throws {
        let secret = try DepartmentSecret(
            department: "fire-rescue", from: .environment("FIRE_SECRET"),
            environment: ["FIRE_SECRET": " hush \n"])
        #expect(!secret.description.contains("hush"))
        #expect(secret.description.contains("FIRE_SECRET"))
        #expect(
            DepartmentSignature.sign(Self.body, timestamp: 1, secret: secret)
                == DepartmentSignature.sign(
                    Self.body, timestamp: 1, secret: DepartmentSecret(bytes: Array("hush".utf8), source: "x"))
        )
        #expect(throws: SecretError.self) {
            try DepartmentSecret(department: "fire-rescue", from: .environment("UNSET"), environment: [:])
        }
        do {
            _ = try DepartmentSecret(department: "fire-rescue", from: .file("/nonexistent/secret"))
            Issue.record("a missing file gave a secret")
        } catch {
            #expect(error.text.en.contains("/nonexistent/secret"))
            #expect(error.text.zh.contains("fire-rescue"))
        }
    }
}

@Suite struct CircuitBreakerTests {
    @Test func opensAfterFailuresInARowAndClosesAfterASuccessfulTrial() {
        var breaker = CircuitBreaker(failureLimit: 3, coolDown: 1_000)
        let start = Timestamp(milliseconds: 1_000_000)
        let first = breaker.admits(at: start)
        #expect(first)
        breaker.recordFailure(at: start)
        breaker.recordFailure(at: start)
        breaker.recordSuccess()
        breaker.recordFailure(at: start)
        breaker.recordFailure(at: start)
        #expect(breaker.name == "closed", "a success in between starts the count again")
        breaker.recordFailure(at: start)
        #expect(breaker.name == "open")
        let early = breaker.admits(at: start.adding(milliseconds: 999))
        #expect(!early)
        let trial = breaker.admits(at: start.adding(milliseconds: 1_000))
        #expect(trial)
        #expect(breaker.name == "half-open")
        let second = breaker.admits(at: start.adding(milliseconds: 1_001))
        #expect(!second, "one trial at a time")
        breaker.recordFailure(at: start.adding(milliseconds: 1_100))
        #expect(
            breaker.state == .open(until: start.adding(milliseconds: 2_100)), "a failed trial opens it again")
        let again = breaker.admits(at: start.adding(milliseconds: 2_100))
        #expect(again)
        breaker.recordSuccess()
        #expect(breaker.state == .closed)
        #expect(breaker.openings == 2)
    }
}
