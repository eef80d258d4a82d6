import Hummingbird

/// Counts every request in ``ServerMetrics`` by route pattern, method and status, with
/// its duration. A request no route matched is counted under the route `unmatched`,
/// so a scan of random paths cannot grow the metrics without bound.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext

    let metrics: ServerMetrics

    func handle(
        _ request: Request, context: ServerRequestContext,
        next: (Request, ServerRequestContext) async throws -> Response
    ) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await next(request, context)
        let route = context.endpointPath.map { $0.hasPrefix("/") ? $0 : "/" + $0 } ?? "unmatched"
        metrics.request(
            route: route, method: request.method.rawValue, status: response.status.code,
            duration: clock.now - start)
        return response
    }
}
