import Hummingbird
import Logging

/// Logs every request once it is answered: method, route pattern, status and duration,
/// with the request's id; the path and query are logged with access codes and tokens
/// left out and personal numbers masked (``LogMasking``).
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    func handle(
        _ request: Request, context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await next(request, context)
        let elapsed = clock.now - start
        let milliseconds =
            Double(elapsed.components.attoseconds / 1_000_000_000_000) / 1_000_000
            + Double(elapsed.components.seconds) * 1000
        context.logger.log(
            level: response.status.code >= 500 ? .error : .info, "request",
            metadata: [
                "method": "\(request.method)",
                "path": "\(LogMasking.target(path: request.uri.path, query: request.uri.query))",
                "route": "\(context.endpointPath ?? "-")", "status": "\(response.status.code)",
                "ms": "\((milliseconds * 100).rounded() / 100)",
            ])
        return response
    }
}

/// Request logs without secrets and personal numbers.
enum LogMasking {
    /// Query parameters whose values are secrets: never logged.
    static let secretParameters: Set<Substring> = ["code", "token", "access_token"]

    /// `path` and `query`, secrets replaced by `***`.
    static func target(path: String, query: String?) -> String {
        guard let query, !query.isEmpty else { return path }
        let parts = query.split(separator: "&").map { part -> Substring in
            let name = part.split(separator: "=", maxSplits: 1).first ?? part
            return secretParameters.contains(name) ? name + "=***" : part
        }
        return path + "?" + parts.joined(separator: "&")
    }
}
