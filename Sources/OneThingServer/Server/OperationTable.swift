import HTTPTypes
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
    }

    private let operations = Mutex<[Operation]>([])

    init() {}

    /// Every operation, in the order added.
    public var all: [Operation] { operations.withLock { $0 } }

    func add(_ operation: Operation) { operations.withLock { $0.append(operation) } }

    /// The methods the operations whose pattern matches `path` take, sorted.
    func methods(forPath path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let methods = all.filter { operation in
            let pattern = operation.path.split(separator: "/", omittingEmptySubsequences: false)
            guard pattern.count == segments.count else { return false }
            return zip(pattern, segments).allSatisfy { part, segment in
                (part.hasPrefix("{") && part.hasSuffix("}") && !segment.isEmpty) || part == segment
            }
        }.map(\.method.rawValue)
        return Set(methods).sorted()
    }
}
