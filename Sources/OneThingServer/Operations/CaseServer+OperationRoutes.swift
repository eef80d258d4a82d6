import Hummingbird
import OneThing

extension CaseServer {
    /// The routes for operators: the API's description, liveness, readiness, metrics,
    /// and reloading the bundles.
    func addOperationRoutes(_ routes: RouteSet) {
        routes.add(.get, "/openapi.yaml", "getOpenAPIDocument") { _, _ in
            Response.text(OpenAPIDocument.text, mediaType: "application/yaml")
        }
        routes.add(.get, "/case.schema.json", "getCaseSchema") { _, _ in
            Response.text(OpenAPIDocument.caseSchema, mediaType: "application/schema+json")
        }
        routes.add(.get, "/healthz", "getHealth") { _, _ in
            Response.json(Array(#"{"status":"ok"}"#.utf8))
        }
        routes.add(.get, "/readyz", "getReadiness") { _, _ in
            try await self.readinessAnswer()
        }
        routes.add(.get, "/metrics", "getMetrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: self.metrics.exposition())))
        }
        routes.add(.post, "/v1/admin/reload", "reloadBundles") { _, _ in
            try await self.reloadAnswer()
        }
    }

    /// 200 when the server takes work: the open cases are taken over, it is not
    /// shutting down, and the store answers.
    func readinessAnswer() async throws(Problem) -> Response {
        guard readiness.isReady else {
            if readiness.isStopping {
                throw Problem(
                    .shuttingDown,
                    LocalizedText(en: "the server is shutting down", zh: "服务正在停止"), retryAfter: 5)
            }
            throw Problem(
                .notReady,
                LocalizedText(en: "the server is taking over the open cases", zh: "服务正在接管办理中的案件"),
                retryAfter: 1)
        }
        do {
            _ = try await store.metadata("onething/readiness")
        } catch {
            throw Problem(error)
        }
        return Response.json(Array(#"{"status":"ready"}"#.utf8))
    }

    /// Reloads the bundles, validated first.
    func reloadAnswer() async throws(Problem) -> Response {
        let report: BundleLibrary.Report
        do {
            report = try await library.reload()
        } catch {
            throw Problem(
                .reloadRefused, error.reason, diagnostics: error.reports.flatMap(\.diagnostics))
        }
        return try Response.json(ReloadBody(report, language: .zh))
    }
}

/// What a reload did.
struct ReloadBody: Encodable {
    struct Refused: Encodable {
        var file: String
        var diagnostics: [JSONFinding]
    }

    var served: [String]
    var refused: [Refused]

    init(_ report: BundleLibrary.Report, language: Language) {
        served = report.served
        refused = report.refused.map {
            Refused(file: $0.path, diagnostics: $0.diagnostics.map { JSONFinding($0, language: language) })
        }
    }
}
