import AsyncHTTPClient
import Foundation
import OneThingDepartmentHTTP
import OneThingRuntime
import OneThingTestSupport
import Testing

@testable import OneThingFakeDepartment

/// A department connected over HTTP that decides a result of the case: its task names
/// the values to choose from, and its answer (at once or in a callback) says the one it
/// chose; the same callback id with another result is a replay.
struct ResultMessageTests {
    static let key = "C20260302-0001/disability-assessment/1"
    static let secret = DepartmentSecret(bytes: Array("hospital-secret".utf8), source: "a test")
    static let now = Timestamp(milliseconds: 1_772_413_200_000)

    static func body(id: String, results: [String: String]) throws -> [UInt8] {
        Array(
            try JSONEncoder().encode(
                DepartmentAnswer(callbackID: id, key: key, outcome: "approved", results: results)))
    }

    static func verify(_ verifier: CallbackVerifier, _ body: [UInt8]) throws(CallbackRefusal)
        -> CallbackVerifier.Verified
    {
        let seconds: Int64 = 1_772_413_200
        return try verifier.verify(
            department: "hospital", timestamp: "\(seconds)",
            signature: DepartmentSignature.sign(body, timestamp: seconds, secret: secret), body: body)
    }

    @Test func theTaskNamesTheValuesToChooseFrom() throws {
        let blueprint = try AssessedCase.blueprint()
        let step = try #require(blueprint.stepIndex("disability-assessment"))
        let submission = Submission(
            caseID: "C20260302-0001", step: step, of: blueprint, attempt: 1, due: Self.now)
        let json = String(
            decoding: try JSONEncoder().encode(PushedTask(submission, action: "submit", callback: nil)),
            as: UTF8.self)
        #expect(json.contains(#""result-values":{"assessment-result":["one","two","three","four"]}"#))
        let issue = try #require(blueprint.stepIndex("certificate-issue"))
        let plain = PushedTask(
            Submission(caseID: "C20260302-0001", step: issue, of: blueprint, attempt: 1, due: Self.now),
            action: "submit", callback: nil)
        #expect(!String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("result-values"))
    }

    @Test func theAnswerCarriesTheResultAndAnotherResultUnderTheSameIdIsAReplay() throws {
        let verifier = CallbackVerifier(
            secrets: ["hospital": Self.secret], clock: VirtualClock(start: Self.now))
        let two = try Self.body(id: "cb-1", results: ["assessment-result": "two"])
        let verified = try Self.verify(verifier, two)
        #expect(verified.results == ["assessment-result": "two"] && !verified.isDuplicate)
        #expect(try Self.verify(verifier, two).isDuplicate)
        #expect(throws: CallbackRefusal(.replayed("cb-1"))) {
            try Self.verify(verifier, try Self.body(id: "cb-1", results: ["assessment-result": "three"]))
        }
        let answer = DepartmentAnswer(key: nil, outcome: "approved", results: ["assessment-result": "one"])
        #expect(answer.report(key: Self.key)?.results == ["assessment-result": "one"])
    }
}

/// The fake department (`onething fake-department`) approves a task that decides a
/// result with one of the values offered, the same for the same seed and key.
struct FakeDepartmentResultTests {
    @Test func theFakeDrawsAnOfferedValueForItsApproval() throws {
        let fake = FakeDepartment(
            secret: ResultMessageTests.secret, faults: FakeDepartment.Faults(), seed: 7, client: .shared)
        var task = PushedTask(
            Submission(
                caseID: "C20260302-0001", step: 1, of: try AssessedCase.blueprint(), attempt: 1,
                due: ResultMessageTests.now),
            action: "submit", callback: nil)
        let drawn = try #require(fake.results(of: task)?["assessment-result"])
        #expect(["one", "two", "three", "four"].contains(drawn))
        #expect(fake.results(of: task)?["assessment-result"] == drawn)
        task.resultValues = nil
        #expect(fake.results(of: task) == nil)
    }
}
