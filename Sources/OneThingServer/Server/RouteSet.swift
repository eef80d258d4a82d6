import Foundation
import Hummingbird

/// Adds routes to the router and records each as an operation of the API, so that the
/// routes and `grammar/openapi.yaml` can be compared, and 405 told from 404.
struct RouteSet {
    let router: Router<ServerRequestContext>
    let operations: OperationTable

    /// Answers `method` on `path` (`/v1/cases/{id}`) with `handler`, as operation `id`.
    func add(
        _ method: HTTPRequest.Method, _ path: String, _ id: String,
        _ handler: @escaping @Sendable (Request, ServerRequestContext) async throws -> Response
    ) {
        operations.add(OperationTable.Operation(method: method, path: path, id: id))
        router.on(RouterPath(path), method: method) { request, context in try await handler(request, context)
        }
    }
}

extension Response {
    /// A JSON answer.
    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:])
        -> Response
    {
        var headers: HTTPFields = [.contentType: "application/json"]
        headers.append(contentsOf: extra)
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `value` as a JSON answer.
    static func json<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) throws(Problem)
        -> Response
    {
        do {
            return json(try JSONText.bytes(value), status: status)
        } catch {
            throw Problem(
                .internalError, en: "the answer could not be written: \(error)", zh: "无法生成应答：\(error)")
        }
    }

    /// A text answer of `mediaType`.
    static func text(_ text: String, mediaType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: mediaType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

extension ServerRequestContext {
    /// The path parameter `name`, percent-decoded (a task's key holds slashes, sent as `%2F`).
    func parameter(_ name: String) throws(Problem) -> String {
        guard let raw = parameters.get(name), let decoded = raw.removingPercentEncoding, !decoded.isEmpty
        else {
            throw Problem(
                .invalidParameter, en: "the path parameter '\(name)' is missing or not percent-encoded text",
                zh: "路径参数“\(name)”缺失或编码有误", members: ["parameter": name])
        }
        return decoded
    }
}
