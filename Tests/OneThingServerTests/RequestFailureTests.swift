import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThing
import OneThingRuntime
import OneThingServer
import Testing

/// Bad input: each refusal is problem details that say what and where, and nothing of a
/// refused request is stored.
struct RequestFailureTests {
    /// Posts `body` to create a case and returns the answer after checking that no case was stored.
    static func refusedCreation(_ body: String, _ fixture: ServerFixture, _ client: any TestClientProtocol)
        async throws -> TestResponse
    {
        let response = try await client.json("/v1/cases", body: body)
        #expect(try await fixture.store.cases(CaseQuery()).isEmpty, "a refused request stored a case")
        return response
    }

    @Test func malformedJSONIs400AndSaysWhere() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let response = try await Self.refusedCreation(
                #"{"bundle": "open-restaurant", "answers": {"#, fixture, client)
            #expect(response.status == .badRequest, "\(response.text)")
            #expect(try response.problemType() == ProblemKind.type("malformed-json"))
            let finding = try #require(try response.diagnostics().first)
            #expect(finding["line"] as? Int == 1)
            #expect(finding["column"] as? Int != nil)
            #expect(finding["code"] as? String != nil)
            #expect(try response.object()["zh"] as? [String: Any] != nil)
            #expect(try response.object()["en"] as? [String: Any] != nil)
        }
    }

    @Test func wrongTypesAndUnknownFieldsAreFindingsAtTheirPlaceInTheBody() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let body = """
                {"bundle": 5,
                 "answers": {},
                 "colour": "red"}
                """
            let response = try await Self.refusedCreation(body, fixture, client)
            #expect(response.status == .unprocessableContent, "\(response.text)")
            #expect(try response.problemType() == ProblemKind.type("invalid-request"))
            let findings = try response.diagnostics()
            let wrongType = try #require(findings.first { $0["line"] as? Int == 1 }, "\(findings)")
            #expect(wrongType["column"] as? Int == 12)
            let unknown = try #require(findings.first { $0["line"] as? Int == 3 }, "\(findings)")
            #expect(unknown["column"] as? Int == 2)
            #expect(unknown["hint"] as? String != nil)
            #expect(findings.allSatisfy { ($0["code"] as? String)?.hasPrefix("OT") == true })
        }
    }

    @Test func anUnknownBundleIs422WithAHint() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let response = try await Self.refusedCreation(
                #"{"bundle": "open-restaurent", "answers": {}}"#, fixture, client)
            #expect(response.status == .unprocessableContent)
            #expect(try response.problemType() == ProblemKind.type("unknown-bundle"))
            let finding = try #require(try response.diagnostics().first)
            #expect((finding["hint"] as? String)?.contains("open-restaurant") == true, "\(finding)")
            #expect(finding["column"] as? Int == 12)
        }
    }

    @Test func answersThatFailTheFormAreTheCommandLinesFindingsInBothLanguages() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let body =
                #"{"bundle": "open-restaurant", "answers": {"business.has_licence": "maybe", "nothing.here": 1}}"#
            for language in ["en", "zh"] {
                let response = try await Self.refusedCreation(body, fixture, client)
                let localized = try await client.json("/v1/cases?lang=\(language)", body: body)
                #expect(response.status == .unprocessableContent, "\(response.text)")
                #expect(try response.problemType() == ProblemKind.type("answers-invalid"))
                let findings = try localized.diagnostics()
                #expect(findings.count >= 2, "\(findings)")
                for finding in findings {
                    #expect((finding["code"] as? String)?.hasPrefix("OT80") == true, "\(finding)")
                    #expect(finding["line"] as? Int == 1)
                    #expect((finding["column"] as? Int ?? 0) > 40)
                    #expect(finding["file"] as? String != nil)
                    #expect(finding.keys.contains("hint"))
                }
                let title = try localized.object()["title"] as? String ?? ""
                #expect(
                    language == "zh"
                        ? title.unicodeScalars.contains { $0.value > 0x4E00 } : title.allSatisfy(\.isASCII))
            }
        }
    }

    @Test func anOversizedBodyIs413AndAnotherMediaType415() async throws {
        let fixture = try await ServerFixture.make(
            configuration: ServerConfiguration(port: 0, bodyLimit: 256))
        try await fixture.test { client in
            let padding = String(repeating: " ", count: 300)
            let large = try await Self.refusedCreation(
                #"{"bundle": "open-restaurant", "answers": {}\#(padding)}"#, fixture, client)
            #expect(large.status == .contentTooLarge)
            #expect(try large.problemType() == ProblemKind.type("payload-too-large"))
            #expect(try large.object()["limit"] as? String == "256")
            let form = try await client.execute(
                uri: "/v1/cases", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "bundle=open-restaurant"))
            #expect(form.status == .unsupportedMediaType)
            #expect(try form.problemType() == ProblemKind.type("unsupported-media-type"))
        }
    }

    @Test func anUnknownPathIs404AndAnotherMethod405() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let missing = try await client.get("/v2/nothing")
            #expect(missing.status == .notFound)
            #expect(try missing.problemType() == ProblemKind.type("not-found"))
            let method = try await client.execute(uri: "/v1/cases", method: .delete)
            #expect(method.status == .methodNotAllowed)
            #expect(try method.problemType() == ProblemKind.type("method-not-allowed"))
            #expect(method.headers[.allow] == "GET, POST")
        }
    }

    @Test func aRepeatedCreateGetsTheFirstAnswerAndAnotherBodyUnderTheKeyIs422() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.test { client in
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "window-7-0001"]
            let first = try await client.json("/v1/cases", body: ServerFixture.restaurantCase, headers: key)
            #expect(first.status == .created)
            let again = try await client.json("/v1/cases", body: ServerFixture.restaurantCase, headers: key)
            #expect(again.status == .created)
            #expect(again.text == first.text, "the same case, plan and access code")
            #expect(again.headers[.location] == first.headers[.location])
            #expect(try await fixture.store.cases(CaseQuery()).count == 1)
            let other = try await client.json(
                "/v1/cases", body: #"{"bundle": "open-restaurant", "answers": {}}"#, headers: key)
            #expect(other.status == .unprocessableContent)
            #expect(try other.problemType() == ProblemKind.type("idempotency-key-reused"))
            // An action under a key is answered once too.
            let id = try #require(try first.object()["id"] as? String)
            let supplyKey: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "window-7-0002"]
            let body = #"{"material": "food-safety-rules"}"#
            let supplied = try await client.json("/v1/cases/\(id)/supply", body: body, headers: supplyKey)
            let repeated = try await client.json("/v1/cases/\(id)/supply", body: body, headers: supplyKey)
            #expect(supplied.status == .ok)
            #expect(repeated.status == .ok, "a repeat is not a second supply: \(repeated.text)")
            #expect(repeated.text == supplied.text)
            let bad = try await client.json(
                "/v1/cases", body: ServerFixture.restaurantCase,
                headers: [HTTPField.Name("Idempotency-Key")!: ""])
            #expect(bad.status == .badRequest, "\(bad.text)")
        }
    }
}
