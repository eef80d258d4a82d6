import Foundation
import Hummingbird
import NIOCore
import OneThing

/// Reads request bodies within the server's limits: at most ``limit`` bytes (413 as
/// soon as a `Content-Length` or the bytes received say more), received within
/// ``timeout`` (408 for a client that sends too slowly), of the media type an
/// operation takes (415).
struct BodyReader: Sendable {
    /// The most bytes a body may have.
    var limit: Int
    /// How long receiving a body may take.
    var timeout: Duration

    /// The body of `request`.
    ///
    /// - Throws: ``Problem`` of kind ``ProblemKind/payloadTooLarge`` or ``ProblemKind/requestTimeout``.
    func bytes(of request: Request) async throws(Problem) -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw tooLarge(length)
        }
        let limit = self.limit
        let body = request.body
        let outcome: Result<[UInt8], Problem>
        do {
            outcome = try await withThrowingTaskGroup(of: Result<[UInt8], Problem>?.self) { group in
                group.addTask {
                    var bytes: [UInt8] = []
                    for try await buffer in body {
                        if bytes.count + buffer.readableBytes > limit {
                            return .failure(tooLarge(bytes.count + buffer.readableBytes))
                        }
                        bytes.append(contentsOf: buffer.readableBytesView)
                    }
                    return .success(bytes)
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return first ?? .failure(timedOut())
            }
        } catch {
            throw Problem(
                .requestTimeout,
                en: "the request body could not be received: \(error)", zh: "未能完整接收请求体：\(error)")
        }
        return try outcome.get()
    }

    /// The body of `request` as JSON, its media type checked first.
    func json(of request: Request) async throws(Problem) -> RequestDocument {
        try requireMediaType(request, "application/json")
        return try RequestDocument(parsing: try await bytes(of: request))
    }

    /// Refuses a body whose `Content-Type` is not `mediaType` (parameters such as
    /// `charset=utf-8` aside); a request without one is taken as `mediaType`.
    func requireMediaType(_ request: Request, _ mediaType: String) throws(Problem) {
        try requireMediaType(request, anyOf: [mediaType])
    }

    /// Refuses a body whose `Content-Type` is none of `mediaTypes`; a request without one
    /// is taken as the first.
    func requireMediaType(_ request: Request, anyOf mediaTypes: [String]) throws(Problem) {
        guard let given = request.headers[.contentType] else { return }
        let essence = given.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard let essence, mediaTypes.contains(essence) else {
            let accepted = mediaTypes.joined(separator: ", ")
            throw Problem(
                .unsupportedMediaType, en: "send the body as \(accepted), not \(given)",
                zh: "请求体应为 \(accepted)，而不是 \(given)", members: ["accepted": accepted])
        }
    }

    func tooLarge(_ size: Int) -> Problem {
        Problem(
            .payloadTooLarge,
            en: "the body has \(size) bytes or more; this server takes at most \(limit)",
            zh: "请求体至少有 \(size) 字节，本服务最多接收 \(limit) 字节", members: ["limit": String(limit)])
    }

    func timedOut() -> Problem {
        Problem(
            .requestTimeout,
            en: "the body was not received within \(timeout); send it at once after the headers",
            zh: "未在 \(timeout) 内收到完整的请求体，请在请求头之后立即发送")
    }
}
