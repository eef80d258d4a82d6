import Foundation
import OneThingDepartmentHTTP
import OneThingRuntime
import Testing

@Suite struct CallbackVerifierTests {
    static let secret = DepartmentSecret(bytes: Array("fire-secret".utf8), source: "a test")
    static let now = Timestamp(milliseconds: 1_772_413_200_000)

    func verifier() -> (CallbackVerifier, VirtualClock) {
        let clock = VirtualClock(start: Self.now)
        return (CallbackVerifier(secrets: ["fire-rescue": Self.secret], clock: clock), clock)
    }

    func body(id: String = "cb-1", outcome: String = "approved", note: String? = nil) throws -> [UInt8] {
        Array(
            try JSONEncoder().encode(
                DepartmentAnswer(
                    callbackID: id, key: "C20260302-0001/fire-check/1", outcome: outcome, note: note)))
    }

    func verify(
        _ verifier: CallbackVerifier, _ body: [UInt8], at seconds: Int64 = 1_772_413_200,
        secret: DepartmentSecret = secret, department: String = "fire-rescue"
    ) throws(CallbackRefusal) -> CallbackVerifier.Verified {
        try verifier.verify(
            department: department, timestamp: "\(seconds)",
            signature: DepartmentSignature.sign(body, timestamp: seconds, secret: secret), body: body)
    }

    @Test func aSignedFreshCallbackPassesOnceAndItsRepeatIsADuplicate() throws {
        let (verifier, _) = verifier()
        let body = try body()
        let first = try verify(verifier, body)
        #expect(
            first.outcome == .approved && !first.isDuplicate && first.key == "C20260302-0001/fire-check/1")
        #expect(try verify(verifier, body).isDuplicate)
    }

    @Test func forgedStaleReplayedAndMalformedCallbacksAreRefused() throws {
        let (verifier, _) = verifier()
        let body = try body()
        let wrong = DepartmentSecret(bytes: Array("guess".utf8), source: "a test")
        #expect(throws: CallbackRefusal(.badSignature)) { try verify(verifier, body, secret: wrong) }
        #expect(throws: CallbackRefusal(.outsideWindow(seconds: 1_772_413_200 - 301))) {
            try verify(verifier, body, at: 1_772_413_200 - 301)
        }
        // Signed timestamps at Int64's ends are refused as outside the window, not a crash.
        for edge in [Int64.min, Int64.max] {
            #expect(throws: CallbackRefusal(.outsideWindow(seconds: edge))) {
                try verify(verifier, body, at: edge)
            }
        }
        #expect(throws: CallbackRefusal(.unsigned)) {
            try verifier.verify(department: "fire-rescue", timestamp: nil, signature: nil, body: body)
        }
        #expect(throws: CallbackRefusal(.unknownDepartment("tobacco"))) {
            try verify(verifier, body, department: "tobacco")
        }
        _ = try verify(verifier, body)
        #expect(throws: CallbackRefusal(.replayed("cb-1"))) {
            try verify(verifier, try self.body(outcome: "rejected", note: "no"))
        }
        #expect(throws: CallbackRefusal(.malformed)) {
            try verify(verifier, try self.body(id: "cb-2", outcome: "rejected"))
        }
        #expect(CallbackRefusal(.badSignature).httpStatus == 401)
        #expect(CallbackRefusal(.replayed("x")).httpStatus == 409)
        #expect(!CallbackRefusal(.badSignature).text.zh.isEmpty)
    }

    @Test func aReleasedCallbackIsJudgedAnew() throws {
        let (verifier, _) = verifier()
        let body = try body()
        let first = try verify(verifier, body)
        verifier.release(first)
        #expect(try !verify(verifier, body).isDuplicate)
    }
}

/// The material service's late deliveries, checked as departments' callbacks are.
extension CallbackVerifierTests {
    func delivery(id: String = "d-1", reference: String? = "FAKE-0001") throws -> [UInt8] {
        Array(
            try JSONEncoder().encode(
                MaterialDelivery(
                    callbackID: id, caseID: "C20260302-0001", material: "obligation-proof",
                    reference: reference)))
    }

    func verifyDelivery(
        _ verifier: CallbackVerifier, _ body: [UInt8], secret: DepartmentSecret = secret
    ) throws(CallbackRefusal) -> CallbackVerifier.VerifiedDelivery {
        let seconds: Int64 = 1_772_413_200
        return try verifier.verifyDelivery(
            from: "e-licence", timestamp: "\(seconds)",
            signature: DepartmentSignature.sign(body, timestamp: seconds, secret: secret), body: body)
    }

    @Test func aSignedDeliveryPassesOnceAndForgedReplayedOrEmptyOnesAreRefused() throws {
        let verifier = CallbackVerifier(
            secrets: ["e-licence": Self.secret], clock: VirtualClock(start: Self.now))
        let first = try verifyDelivery(verifier, try delivery())
        #expect(
            first.caseID == "C20260302-0001" && first.material == "obligation-proof"
                && first.reference == "FAKE-0001" && !first.isDuplicate)
        #expect(try verifyDelivery(verifier, try delivery()).isDuplicate)
        let wrong = DepartmentSecret(bytes: Array("guess".utf8), source: "a test")
        #expect(throws: CallbackRefusal(.badSignature)) {
            try verifyDelivery(verifier, try delivery(id: "d-2"), secret: wrong)
        }
        #expect(throws: CallbackRefusal(.replayed("d-1"))) {
            try verifyDelivery(verifier, try delivery(reference: "FAKE-0002"))
        }
        #expect(throws: CallbackRefusal(.malformedDelivery)) {
            try verifyDelivery(verifier, try delivery(id: "d-3", reference: " "))
        }
        #expect(CallbackRefusal(.malformedDelivery).httpStatus == 422)
    }
}
