import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OneThing
import OneThingServer
import OneThingTestSupport
import Testing

/// `grammar/openapi.yaml` is the contract: the routes the server answers are exactly its
/// operations, the problem types it can answer with are exactly those it lists, and the
/// server serves the committed document itself.
struct OpenAPIContractTests {
    /// One operation of the document: method, path and operationId.
    struct Operation: Hashable, CustomStringConvertible {
        var method: String
        var path: String
        var id: String
        var description: String { "\(method) \(path) (\(id))" }
    }

    static let documentPath = RuntimeFixtures.root.appendingPathComponent("grammar/openapi.yaml").path

    /// The document, read with the project's own YAML reader.
    static func document() throws -> YAMLNode {
        let bytes = try #require(FileManager.default.contents(atPath: documentPath))
        let (_, document) = YAMLComposer.compose(path: documentPath, bytes: Array(bytes))
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        return try #require(document.root)
    }

    static func operations(in document: YAMLNode) throws -> Set<Operation> {
        let methods = ["get", "put", "post", "delete", "patch", "head", "options"]
        var found = Set<Operation>()
        for path in try #require(document["paths"]?.entries) {
            for entry in try #require(path.value.entries) where methods.contains(entry.key.value) {
                let id = try #require(
                    entry.value["operationId"]?.scalar?.value, "\(path.key.value) has no operationId")
                found.insert(Operation(method: entry.key.value.uppercased(), path: path.key.value, id: id))
            }
        }
        return found
    }

    @Test func theRoutesAreTheDocumentsOperations() async throws {
        let fixture = try await ServerFixture.make()
        let router = fixture.server.router()
        let served = Set(
            fixture.server.operations.all.map {
                Operation(method: $0.method.rawValue, path: $0.path, id: $0.id)
            })
        let documented = try Self.operations(in: Self.document())
        #expect(
            served.subtracting(documented).isEmpty,
            "routes the document lacks: \(served.subtracting(documented))")
        #expect(
            documented.subtracting(served).isEmpty,
            "operations no route answers: \(documented.subtracting(served))")
        // What the router itself holds, not only what was recorded on the way: the
        // operations, and the pages (HTML for browsers, not part of the API).
        let routes = Set(router.routes.map { "\($0.method) \($0.path)" })
        let pages = Set(fixture.server.pageRoutes)
        #expect(!pages.isEmpty && pages.allSatisfy { !$0.contains(" /v1/") })
        #expect(routes.subtracting(pages) == Set(documented.map { "\($0.method) \($0.path)" }))
        #expect(Set(documented.map(\.id)).count == documented.count, "operationIds are unique")
    }

    /// The query parameters of each operation in the document, `lang` aside, by operationId.
    static func queryParameters(in document: YAMLNode) throws -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        for path in try #require(document["paths"]?.entries) {
            for entry in try #require(path.value.entries) {
                guard let id = entry.value["operationId"]?.scalar?.value else { continue }
                var names = Set<String>()
                for parameter in entry.value["parameters"]?.elements ?? [] {
                    var resolved = parameter
                    if let reference = parameter["$ref"]?.scalar?.value {
                        let name = String(reference.split(separator: "/").last ?? "")
                        resolved = try #require(document["components"]?["parameters"]?[name], "\(reference)")
                    }
                    if resolved["in"]?.scalar?.value == "query", let name = resolved["name"]?.scalar?.value,
                        name != "lang"
                    {
                        names.insert(name)
                    }
                }
                found[id] = names
            }
        }
        return found
    }

    @Test func eachRouteTakesTheQueryParametersTheDocumentListsAndRefusesOthers() async throws {
        let fixture = try await ServerFixture.make()
        _ = fixture.server.router()
        let documented = try Self.queryParameters(in: Self.document())
        for operation in fixture.server.operations.all {
            #expect(Set(operation.query) == documented[operation.id], "\(operation.id)")
        }
        try await fixture.test { client in
            let refused = try await client.get("/v1/cases?colour=red")
            #expect(refused.status == .badRequest)
            #expect(try refused.object()["parameter"] as? String == "colour")
            let language = try await client.get("/v1/bundles?lang=fr")
            #expect(language.status == .badRequest)
            #expect(try language.problemType() == ProblemKind.type("invalid-parameter"))
            // The literal path wins over the parameter, as in the router: only POST here.
            let options = try await client.execute(uri: "/v1/bundles/validate", method: .options)
            #expect(options.status == .methodNotAllowed)
            #expect(options.headers[.allow] == "POST")
        }
    }

    @Test func theDocumentListsEveryProblemTypeAndNoOther() throws {
        let listed = try #require(
            Self.document()["components"]?["schemas"]?["ProblemType"]?["enum"]?.elements)
        #expect(listed.compactMap(\.scalar?.value) == ProblemKind.all.map(\.type))
        #expect(Set(ProblemKind.all.map(\.slug)).count == ProblemKind.all.count, "slugs are unique")
    }

    @Test func theServerServesTheCommittedDocumentAndTheSchemaItRefersTo() async throws {
        let fixture = try await ServerFixture.make()
        let committed = try String(contentsOfFile: Self.documentPath, encoding: .utf8)
        let schema = try String(
            contentsOfFile: RuntimeFixtures.root.appendingPathComponent("grammar/case.schema.json").path,
            encoding: .utf8)
        try await fixture.test { client in
            let document = try await client.get("/openapi.yaml")
            #expect(document.status == .ok)
            #expect(document.headers[.contentType] == "application/yaml")
            #expect(
                document.text + "\n" == committed,
                "the served document is not grammar/openapi.yaml: run scripts/embed-openapi.sh")
            let served = try await client.get("/case.schema.json")
            #expect(served.text + "\n" == schema, "run scripts/embed-openapi.sh")
        }
    }
}
