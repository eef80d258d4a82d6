import Hummingbird
import Logging
import OneThing

/// Turns every refusal into RFC 9457 problem details: a ``Problem`` thrown by a route,
/// Hummingbird's own errors (no route: 404, or 405 with `Allow` when the path takes
/// other methods), and anything unexpected (500, logged, no internals in the answer).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    /// The operations the server has, to tell 404 from 405.
    let operations: OperationTable

    func handle(
        _ request: Request, context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.language = request.language
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response(in: context.language, instance: request.uri.path)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = operations.methods(forPath: request.uri.path)
            guard !allowed.isEmpty else {
                return Problem(
                    .notFound, en: "nothing is found at \(request.uri.path)", zh: "\(request.uri.path) 处没有内容"
                ).response(in: context.language, instance: request.uri.path)
            }
            var response = Problem(
                .methodNotAllowed,
                en: "\(request.uri.path) takes \(allowed.joined(separator: ", ")), not \(request.method)",
                zh: "\(request.uri.path) 只支持 \(allowed.joined(separator: "、"))，不支持 \(request.method)"
            ).response(in: context.language, instance: request.uri.path)
            response.headers[.allow] = allowed.joined(separator: ", ")
            return response
        } catch let error as any HTTPResponseError {
            let problem = Problem(
                error.status == .contentTooLarge
                    ? .payloadTooLarge : error.status.code < 500 ? .invalidRequest : .internalError,
                en: "\(error.status.reasonPhrase)", zh: "\(error.status.reasonPhrase)")
            return problem.response(in: context.language, instance: request.uri.path)
        } catch {
            context.logger.error("a request failed unexpectedly", metadata: ["error": "\(error)"])
            return Problem(
                .internalError, en: "the server failed unexpectedly; the failure is logged",
                zh: "服务器发生意外错误，已记录日志"
            ).response(in: context.language, instance: request.uri.path)
        }
    }
}

extension Problem {
    /// The problem as an HTTP response in `language`.
    func response(in language: Language, instance: String?) -> Response {
        var headers: HTTPFields = [.contentType: Problem.mediaType, .contentLanguage: language.rawValue]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if kind == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="onething""# }
        return Response(
            status: kind.status, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: json(in: language, instance: instance))))
    }
}
