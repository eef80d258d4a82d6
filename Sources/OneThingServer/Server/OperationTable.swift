import HTTPTypes
import Hummingbird
import Synchronization

/// The operations the server answers, as its routes were added: method, path pattern
/// (`/v1/cases/{id}`) and the OpenAPI `operationId`. It tells a path that takes other
/// methods (405) from one that does not exist (404), and the contract test compares it
/// with `grammar/openapi.yaml`.
public final class OperationTable: Sendable {
    /// One operation.
    public struct Operation: Sendable, Hashable {
        /// The method.
        public var method: HTTPRequest.Method
        /// The path pattern, parameters in braces.
        public var path: String
        /// The OpenAPI `operationId`.
        public var id: String
        /// The query parameters it takes besides `lang` and `code` (an applicant's access
        /// code, the `accessCodeQuery` security scheme), which every operation takes.
        public var query: [String]

        /// The query parameters every operation takes.
        static let everywhere = ["lang", "code"]

        /// Refuses a request with a query parameter the operation does not take.
        func checkQuery(of request: Request) throws(Problem) {
            for parameter in request.uri.queryParameters
            where !Self.everywhere.contains(String(parameter.key)) && !query.contains(String(parameter.key)) {
                let known = (query + Self.everywhere).joined(separator: ", ")
                throw Problem(
                    .invalidParameter,
                    en: "\(method) \(path) takes no query parameter '\(parameter.key)'; it takes \(known)",
                    zh: "\(method) \(path) 不接受查询参数“\(parameter.key)”；可用的参数为 \(known)",
                    members: ["parameter": String(parameter.key)])
            }
        }
    }

    private let operations = Mutex<[Operation]>([])

    init() {}

    /// Every operation, in the order added.
    public var all: [Operation] { operations.withLock { $0 } }

    func add(_ operation: Operation) { operations.withLock { $0.append(operation) } }

    /// The methods the operations of the pattern the router takes for `path` take,
    /// sorted. As in the router, a literal segment wins over a parameter: the methods of
    /// `/v1/bundles/validate` are not those of `/v1/bundles/{bundle}`.
    func methods(forPath path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        // Each matching operation with which of its segments are literal.
        let matches = all.compactMap { operation -> (Operation, [Bool])? in
            let pattern = operation.path.split(separator: "/", omittingEmptySubsequences: false)
            guard pattern.count == segments.count else { return nil }
            var literal: [Bool] = []
            for (part, segment) in zip(pattern, segments) {
                if part.hasPrefix("{") && part.hasSuffix("}") && !segment.isEmpty {
                    literal.append(false)
                } else if part == segment {
                    literal.append(true)
                } else {
                    return nil
                }
            }
            return (operation, literal)
        }
        let precedes = { (a: [Bool], b: [Bool]) in
            zip(a, b).first { $0 != $1 }.map { $0.0 } ?? false
        }
        guard let best = matches.map(\.1).max(by: { precedes($1, $0) }) else { return [] }
        return Set(matches.filter { $0.1 == best }.map(\.0.method.rawValue)).sorted()
    }
}
